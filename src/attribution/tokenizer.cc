#include "src/attribution/tokenizer.h"

#include <algorithm>

#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpaceCp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF;
}

// Quote-mark bits for a code point, or 0.
uint8_t QuoteBits(char32_t cp) {
  switch (cp) {
    case '"': return kQuoteDouble;
    case '\'': return kQuoteSingle;
    case 0x201C: return kQuoteDouble | kQuoteOpen;   // “
    case 0x201D: return kQuoteDouble | kQuoteClose;  // ”
    case 0x201E: return kQuoteDouble | kQuoteOpen;   // „
    case 0x00AB: return kQuoteDouble | kQuoteOpen;   // «
    case 0x00BB: return kQuoteDouble | kQuoteClose;  // »
    case 0x2018: return kQuoteSingle | kQuoteOpen;   // ‘
    case 0x2019: return kQuoteSingle | kQuoteClose;  // ’
    case 0x201A: return kQuoteSingle | kQuoteOpen;   // ‚
    case 0x2039: return kQuoteSingle | kQuoteOpen;   // ‹
    case 0x203A: return kQuoteSingle | kQuoteClose;  // ›
    case 0x201F: return kQuoteDouble | kQuoteOpen;   // ‟
    default: return 0;
  }
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Abbreviations that keep their period (lower case, without the period).
bool IsAbbreviation(std::string_view lower) {
  static const std::string_view kAbbrevs[] = {
      "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "rev",
      "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "prof", "pres", "supt", "cmdr",
      "adm", "maj", "atty", "ft", "mt", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
      "nov", "dec", "approx", "est", "dept", "univ", "assn", "bros", "messrs", "mme", "mlle",
      "hon", "fig", "etc", "al", "ave", "blvd", "rd", "sec", "gens", "reps", "sens", "govs"};
  for (std::string_view a : kAbbrevs) if (a == lower) return true;
  return false;
}

}  // namespace

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp)) || IsAsciiDigit(static_cast<char>(cp));
  if (cp == 0xA0 || (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB5 && cp != 0xBA)) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // Punctuation, symbols, arrows, math.
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFEFF || cp == 0xFFFD) return false;
  if (cp >= 0x1F000) return false;  // Emoji and pictographs.
  return true;
}

bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

TokenizedText::TokenizedText(std::string_view text) : text_(text) {
  tokens_.reserve(text.size() / 5 + 16);
  lower_.reserve(text.size());
  Tokenize();
  SplitSentences();
}

void TokenizedText::AddToken(uint32_t begin, uint32_t end, TokenKind kind, uint8_t quote, int paragraph) {
  Token t;
  t.begin = begin;
  t.end = end;
  t.kind = kind;
  t.quote = quote;
  t.paragraph = paragraph;
  t.lower = static_cast<uint32_t>(lower_.size());
  t.lower_len = end - begin;
  int upper = 0, letters = 0;
  for (uint32_t i = begin; i < end; ++i) {
    char c = text_[i];
    if (c >= 'A' && c <= 'Z') { ++upper; ++letters; lower_.push_back(static_cast<char>(c + 32)); continue; }
    if (c >= 'a' && c <= 'z') ++letters;
    lower_.push_back(c);
  }
  if (kind == TokenKind::kWord) {
    char32_t first = 0;
    if (DecodeUtf8(text_, begin, &first) > 0 && IsUpperCodePoint(first)) t.flags |= kCapitalized;
    if (letters >= 2 && upper == letters) t.flags |= kAllCaps;
  }
  bool space_before = begin == 0 || text_[begin - 1] == ' ' || text_[begin - 1] == '\n' ||
                      text_[begin - 1] == '\t' || text_[begin - 1] == '\r' ||
                      (begin >= 2 && static_cast<unsigned char>(text_[begin - 1]) == 0xA0);
  if (space_before) t.flags |= kSpaceBefore;
  if (!tokens_.empty()) {
    Token& prev = tokens_.back();
    if (prev.end < begin) prev.flags |= kSpaceAfter;
    if (prev.paragraph != paragraph) t.flags |= kParagraphStart;
  } else {
    t.flags |= kParagraphStart;
  }
  tokens_.push_back(t);
}

void TokenizedText::Tokenize() {
  const size_t n = text_.size();
  size_t i = 0;
  int paragraph = 0;
  bool seen_token_in_paragraph = false;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text_[i]);
    char32_t cp = c;
    int len = 1;
    if (c >= 0x80) {
      len = DecodeUtf8(text_, i, &cp);
      if (len == 0) { len = 1; cp = 0xFFFD; }
    }
    if (cp == '\n') {
      if (seen_token_in_paragraph) { ++paragraph; seen_token_in_paragraph = false; }
      ++i;
      continue;
    }
    if (IsSpaceCp(cp)) { i += len; continue; }
    seen_token_in_paragraph = true;
    uint8_t qb = QuoteBits(cp);
    if (IsWordCodePoint(cp)) {
      size_t start = i;
      bool number = cp < 0x80 && IsAsciiDigit(static_cast<char>(cp));
      bool has_inner_dot = false;
      i += len;
      while (i < n) {
        unsigned char d = static_cast<unsigned char>(text_[i]);
        char32_t dcp = d;
        int dlen = 1;
        if (d >= 0x80) {
          dlen = DecodeUtf8(text_, i, &dcp);
          if (dlen == 0) break;
        }
        if (IsWordCodePoint(dcp)) { i += dlen; continue; }
        // Joiners that stay inside a word when a word character follows.
        char32_t next = 0;
        int nlen = i + dlen < n ? DecodeUtf8(text_, i + dlen, &next) : 0;
        bool next_word = nlen > 0 && IsWordCodePoint(next);
        if (!next_word) break;
        if (IsApostrophe(dcp)) {
          // Split the possessive clitic "'s" so "Putin's" gives the name "Putin".
          bool clitic_s = (next == 's' || next == 'S') &&
                          (i + dlen + 1 >= n || !IsWordCodePoint(static_cast<unsigned char>(text_[i + dlen + 1])));
          if (clitic_s) break;
          i += dlen;
          continue;
        }
        if (dcp == '-' || dcp == 0x2010 || dcp == 0x2011 || dcp == '&') { i += dlen; continue; }
        if (dcp == '.' || ((dcp == ',' || dcp == ':') && number)) {
          // "said.Trump claimed": a missing space after a sentence, not a
          // domain ("News.az") or an abbreviation ("U.S").
          if (dcp == '.' && next < 0x80 && next >= 'A' && next <= 'Z' && i - start >= 2 &&
              text_[i - 1] >= 'a' && text_[i - 1] <= 'z' && text_[i - 2] >= 'a' && text_[i - 2] <= 'z') {
            break;
          }
          if (dcp == '.' ) has_inner_dot = true;
          i += dlen;
          continue;
        }
        break;
      }
      // A trailing period belongs to abbreviations and initials.
      if (i < n && text_[i] == '.' && !number) {
        std::string_view word = text_.substr(start, i - start);
        bool single_letter = word.size() == 1 && IsAsciiAlpha(word[0]);
        std::string lw(word);
        for (char& ch : lw) if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        bool dotted = has_inner_dot && word.size() <= 8 &&
                      std::all_of(word.begin(), word.end(), [](char ch) { return IsAsciiAlpha(ch) || ch == '.'; }) &&
                      (word.size() < 2 || word[word.size() - 2] == '.');
        // 'posted on X. "I believe ...': a single letter before a quotation
        // mark or a line end ends its sentence; an initial is followed by a
        // name.
        if (single_letter) {
          size_t j = i + 1;
          while (j < n && (text_[j] == ' ' || text_[j] == '\t')) ++j;
          bool ends = j >= n || text_[j] == '\n' || text_[j] == '\r' || text_[j] == '"' ||
                      text_.compare(j, 3, "\xE2\x80\x9C") == 0 || text_.compare(j, 3, "\xE2\x80\x98") == 0;
          if (ends) single_letter = false;
        }
        if (single_letter || dotted || IsAbbreviation(lw)) ++i;
      }
      AddToken(static_cast<uint32_t>(start), static_cast<uint32_t>(i), number ? TokenKind::kNumber : TokenKind::kWord, 0, paragraph);
      continue;
    }
    // Two apostrophes stand for a double quotation mark (''like this''), and
    // two backticks open one (``like this'').
    if ((c == '\'' || c == '`') && i + 1 < n && text_[i + 1] == c) {
      uint8_t bits = c == '`' ? (kQuoteDouble | kQuoteOpen) : kQuoteDouble;
      AddToken(static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2), TokenKind::kQuote, bits, paragraph);
      i += 2;
      continue;
    }
    if (qb != 0) {
      // A clitic "'s" after a word: a possessive, not a quotation mark.
      bool after_word = !tokens_.empty() && tokens_.back().end == i &&
                        tokens_.back().kind == TokenKind::kWord;
      if (IsApostrophe(cp) && after_word && i + len < n && (text_[i + len] == 's' || text_[i + len] == 'S') &&
          (i + len + 1 >= n || !IsWordCodePoint(static_cast<unsigned char>(text_[i + len + 1])))) {
        AddToken(static_cast<uint32_t>(i), static_cast<uint32_t>(i + len + 1), TokenKind::kWord, 0, paragraph);
        tokens_.back().flags |= kPossessive;
        i += len + 1;
        continue;
      }
      AddToken(static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), TokenKind::kQuote, qb, paragraph);
      i += len;
      continue;
    }
    // Punctuation: "..." and "--" are one token each.
    size_t start = i;
    if (c == '.' && i + 2 < n && text_[i + 1] == '.' && text_[i + 2] == '.') {
      i += 3;
      while (i < n && text_[i] == '.') ++i;
    } else if (c == '-' && i + 1 < n && text_[i + 1] == '-') {
      i += 2;
    } else {
      i += len;
    }
    AddToken(static_cast<uint32_t>(start), static_cast<uint32_t>(i), TokenKind::kPunct, 0, paragraph);
  }
  if (!tokens_.empty()) tokens_.back().flags |= kSpaceAfter;
}

void TokenizedText::SplitSentences() {
  const int n = size();
  int first = 0;
  auto close = [&](int last) {
    if (last <= first) return;
    Sentence s;
    s.first = first;
    s.last = last;
    s.paragraph = tokens_[first].paragraph;
    int id = static_cast<int>(sentences_.size());
    for (int k = first; k < last; ++k) tokens_[k].sentence = id;
    tokens_[first].flags |= kSentenceStart;
    sentences_.push_back(s);
    first = last;
  };
  for (int i = 0; i < n; ++i) {
    if (i > first && tokens_[i].paragraph != tokens_[i - 1].paragraph) {
      close(i);
    }
    const Token& t = tokens_[i];
    bool terminal = false;
    if (t.kind == TokenKind::kPunct) {
      std::string_view s = Surface(i);
      terminal = s == "." || s == "!" || s == "?" || s == "\xE2\x80\xA6" || s.rfind("...", 0) == 0;
    }
    if (!terminal) continue;
    // Absorb closing quotes and brackets after the terminal mark.
    int j = i + 1;
    while (j < n && tokens_[j].paragraph == t.paragraph &&
           ((tokens_[j].kind == TokenKind::kQuote && !(tokens_[j].quote & kQuoteOpen) &&
             !tokens_[j].Is(kSpaceBefore)) ||
            IsPunct(j, ')') || IsPunct(j, ']'))) {
      ++j;
    }
    if (j >= n || tokens_[j].paragraph != t.paragraph) {
      i = j - 1;
      continue;
    }
    const Token& next = tokens_[j];
    bool starts = next.Is(kCapitalized) || next.kind == TokenKind::kNumber ||
                  (next.kind == TokenKind::kQuote) || IsPunct(j, '(');
    if (!starts || !tokens_[j - 1].Is(kSpaceAfter)) continue;
    // "..." inside a sentence is often an elision; end only before capitals.
    close(j);
    i = j - 1;
  }
  close(n);
}

bool IsDash(const TokenizedText& t, int i) {
  if (i < 0 || i >= t.size()) return false;
  std::string_view d = t.Surface(i);
  return d == "\xE2\x80\x94" || d == "\xE2\x80\x93" || d == "--" || t.IsPunct(i, '-');
}

int DatelineEnd(const TokenizedText& t, int i) {
  const int n = t.size();
  if (i >= n || !t[i].Is(kParagraphStart) || !t[i].Is(kAllCaps)) return -1;
  int x = i;
  while (x < n && x - i < 10 && t[x].paragraph == t[i].paragraph &&
         (t[x].Is(kAllCaps) || t.IsPunct(x, ',') || (x > i && t[x].Is(kCapitalized)))) ++x;
  if (x < n && t.IsPunct(x, '(')) {
    int close = x + 1;
    while (close < n && close - x < 6 && !t.IsPunct(close, ')')) ++close;
    if (close < n && t.IsPunct(close, ')')) x = close + 1;
  }
  if (x >= n || t[x].paragraph != t[i].paragraph) return -1;
  return IsDash(t, x) && x + 1 < n && t[x + 1].paragraph == t[i].paragraph ? x + 1 : -1;
}

}  // namespace whosaid::internal
