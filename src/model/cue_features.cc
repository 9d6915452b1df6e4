#include "src/model/cue_features.h"

#include <string_view>

#include "src/attribution/word_sets.h"

namespace whosaid::internal {
namespace {

// FNV-1a over a template id and one or two strings.
uint32_t Hash(uint32_t id, std::string_view a, std::string_view b = {}) {
  uint32_t h = 2166136261u ^ (id * 0x9E3779B1u);
  for (char ch : a) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  h = (h ^ 0xFFu) * 16777619u;
  for (char ch : b) h = (h ^ static_cast<unsigned char>(ch)) * 16777619u;
  return h ^ (h >> 15);
}

// The word's form class: "w" lower word, "C" capitalised, "A" all caps,
// "n" number, "q" quotation mark, else the punctuation itself.
std::string_view Shape(const TokenizedText& t, int i) {
  if (i < 0 || i >= t.size()) return "#";
  const Token& tok = t[i];
  switch (tok.kind) {
    case TokenKind::kWord: return tok.Is(kAllCaps) ? "A" : tok.Is(kCapitalized) ? "C" : "w";
    case TokenKind::kNumber: return "n";
    case TokenKind::kQuote: return "q";
    case TokenKind::kPunct: return t.Surface(i);
  }
  return "?";
}

// The lower-cased word, or the shape of a non-word ("#" beyond the
// sentence).
std::string_view Word(const TokenizedText& t, int i, int sentence) {
  if (i < 0 || i >= t.size() || t[i].sentence != sentence) return "#";
  return t[i].kind == TokenKind::kWord ? t.Lower(i) : Shape(t, i);
}

bool IsBeOrHave(std::string_view w) {
  return w == "is" || w == "was" || w == "are" || w == "were" || w == "be" || w == "been" || w == "being" ||
         w == "has" || w == "have" || w == "had" || w == "am";
}

}  // namespace

bool IsCueCandidate(const CueContext& c, int i) {
  const TokenizedText& t = *c.text;
  const Token& tok = t[i];
  if ((*c.quote_of_token)[i] >= 0) return false;
  if (tok.kind == TokenKind::kPunct) return true;
  if (tok.kind != TokenKind::kWord) return false;
  // Closed-class words and nouns after a determiner or possessive ("His
  // claims", "the reports") never open a cue: the lexicon pass rules them
  // out the same way.
  std::string_view w = t.Lower(i);
  // Not IsCommonVerb: "signed", "voted", "made" are cues PolNeAR marks.
  if (IsVerbModifier(w) || IsBeOrHave(w) || IsDeterminer(w) || IsPreposition(w)) return false;
  if (i > 0 && t[i - 1].sentence == tok.sentence) {
    if (t[i - 1].Is(kPossessive)) return false;
    if (t.IsWord(i - 1) && IsDeterminer(t.Lower(i - 1)) && t.Lower(i - 1) != "that") return false;
  }
  return true;
}

std::vector<int> CueCandidates(const CueContext& c, CueScope scope) {
  const TokenizedText& t = *c.text;
  std::vector<int> out;
  for (const Sentence& s : t.sentences()) {
    bool has_cue = false;
    for (int i = s.first; i < s.last && !has_cue; ++i) has_cue = (*c.cue_len)[i] > 0;
    if ((scope == CueScope::kUncuedSentences && has_cue) || (scope == CueScope::kCuedSentences && !has_cue)) continue;
    for (int i = s.first; i < s.last; ++i) {
      if (IsCueCandidate(c, i)) out.push_back(i);
    }
  }
  return out;
}

int CueFeatures(const CueContext& c, int i, uint32_t* out) {
  const TokenizedText& t = *c.text;
  const int n = t.size();
  const int s = t[i].sentence;
  std::string_view w = Word(t, i, s);
  std::string_view p1 = Word(t, i - 1, s), p2 = Word(t, i - 2, s);
  std::string_view n1 = Word(t, i + 1, s), n2 = Word(t, i + 2, s);
  int k = 0;
  out[k++] = Hash(1, "bias");
  out[k++] = Hash(2, w);
  if (w.size() > 3) out[k++] = Hash(3, w.substr(w.size() - 3));
  if (w.size() > 2) out[k++] = Hash(4, w.substr(w.size() - 2));
  out[k++] = Hash(5, p1);
  out[k++] = Hash(6, n1);
  out[k++] = Hash(7, p2);
  out[k++] = Hash(8, n2);
  out[k++] = Hash(9, p1, w);
  out[k++] = Hash(10, w, n1);
  out[k++] = Hash(11, Shape(t, i), Shape(t, i + 1));
  out[k++] = Hash(12, Shape(t, i - 1), Shape(t, i));
  out[k++] = Hash(13, w, Shape(t, i + 1));
  out[k++] = Hash(14, Shape(t, i - 1), w);
  bool sentence_start = t[i].Is(kSentenceStart);
  out[k++] = Hash(15, sentence_start ? "start" : "mid", Shape(t, i));
  // Quotation marks and lexicon cues nearby, left and right.
  int quote_left = 0, quote_right = 0, cue_left = 0, cue_right = 0;
  for (int d = 1; d <= 4; ++d) {
    if (i - d >= 0 && t[i - d].sentence == s) {
      if (!quote_left && (*c.quote_of_token)[i - d] >= 0) quote_left = d;
      if (!cue_left && (*c.cue_len)[i - d] > 0) cue_left = d;
    }
    if (i + d < n && t[i + d].sentence == s) {
      if (!quote_right && (*c.quote_of_token)[i + d] >= 0) quote_right = d;
      if (!cue_right && (*c.cue_len)[i + d] > 0) cue_right = d;
    }
  }
  static constexpr std::string_view kDistance[] = {"0", "1", "2", "3", "4"};
  out[k++] = Hash(16, kDistance[quote_left], kDistance[quote_right]);
  out[k++] = Hash(17, kDistance[cue_left], kDistance[cue_right]);
  out[k++] = Hash(18, w, kDistance[quote_right]);
  out[k++] = Hash(19, w, cue_left || cue_right ? "cue-near" : "no-cue");
  // Who could be the source on the left: a pronoun, a name, a determiner.
  std::string_view left_class = "other";
  if (p1 == "he" || p1 == "she" || p1 == "they" || p1 == "i" || p1 == "we" || p1 == "it") left_class = "pronoun";
  else if (i > 0 && t[i - 1].sentence == s && t.IsWord(i - 1) && t[i - 1].Is(kCapitalized)) left_class = "name";
  else if (IsDeterminer(p1)) left_class = "det";
  else if (IsFunctionWord(p1)) left_class = "function";
  out[k++] = Hash(20, left_class);
  out[k++] = Hash(21, left_class, w);
  std::string_view right_class = n1 == "that" ? "that"
                                 : IsDeterminer(n1) ? "det"
                                 : (i + 1 < n && t[i + 1].kind == TokenKind::kQuote) ? "quote"
                                                                                    : "other";
  out[k++] = Hash(22, right_class);
  out[k++] = Hash(23, w, right_class);
  return k;
}

}  // namespace whosaid::internal
