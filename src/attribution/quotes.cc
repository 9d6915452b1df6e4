#include "src/attribution/quotes.h"

namespace whosaid::internal {
namespace {

enum class Role { kOpen, kClose, kUnknown };

// Decides whether a quotation mark opens or closes from its typography and
// the spacing around it.
Role RoleOf(const TokenizedText& t, int i) {
  const Token& tok = t[i];
  // A curly opener glued to the word before it and followed by a space is
  // a typo for the closer: ‘...her here,“ said Clyburn’.
  if ((tok.quote & kQuoteOpen) && !tok.Is(kSpaceBefore) && !tok.Is(kParagraphStart) && tok.Is(kSpaceAfter) &&
      i > 0 && t[i - 1].kind != TokenKind::kQuote) {
    return Role::kClose;
  }
  if (tok.quote & kQuoteOpen) return Role::kOpen;
  if (tok.quote & kQuoteClose) return Role::kClose;
  bool space_before = tok.Is(kSpaceBefore) || tok.Is(kParagraphStart);
  bool space_after = tok.Is(kSpaceAfter);
  if (!space_before && i > 0 && t[i - 1].kind == TokenKind::kPunct) {
    std::string_view p = t.Surface(i - 1);
    if (p == "(" || p == "[" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93" || p == "/") space_before = true;
  }
  if (space_before && !space_after) return Role::kOpen;
  if (!space_before && space_after) return Role::kClose;
  if (!space_before && !space_after && i + 1 < t.size() && t[i + 1].kind == TokenKind::kPunct) return Role::kClose;
  return Role::kUnknown;
}

bool HasWordBetween(const TokenizedText& t, int a, int b) {
  for (int k = a + 1; k < b; ++k) {
    if (t[k].kind == TokenKind::kWord || t[k].kind == TokenKind::kNumber) return true;
  }
  return false;
}

}  // namespace

std::vector<QuotedSpan> PairQuotes(const TokenizedText& t) {
  std::vector<QuotedSpan> spans;
  const int n = t.size();
  int open_double = -1;       // Token of the pending opening double mark.
  int open_single = -1;       // Pending top-level single mark.
  bool carried = false;       // open_double carried over from an earlier paragraph.
  int paragraph_first = 0;
  for (int i = 0; i <= n; ++i) {
    bool paragraph_end = i == n || (i > 0 && t[i].paragraph != t[i - 1].paragraph);
    if (paragraph_end && i > 0) {
      int last = i - 1;
      if (open_double >= 0) {
        bool reopens = i < n && t[i].kind == TokenKind::kQuote && (t[i].quote & kQuoteDouble) &&
                       RoleOf(t, i) != Role::kClose;
        bool started_paragraph = open_double == paragraph_first || carried;
        if (reopens && started_paragraph) {
          carried = true;  // Keep it open; the next paragraph's mark continues it.
        } else if (started_paragraph && HasWordBetween(t, open_double, last + 1)) {
          QuotedSpan s;
          s.open = open_double;
          s.close = last;
          s.closed = false;
          s.multi_paragraph = t[open_double].paragraph != t[last].paragraph;
          spans.push_back(s);
          open_double = -1;
          carried = false;
        } else {
          open_double = -1;
          carried = false;
        }
      }
      open_single = -1;
      paragraph_first = i;
    }
    if (i == n) break;
    const Token& tok = t[i];
    if (tok.kind != TokenKind::kQuote) continue;
    Role role = RoleOf(t, i);
    if (tok.quote & kQuoteDouble) {
      if (carried && i == paragraph_first) continue;  // The reopening mark of a continued quote.
      if (open_double < 0) {
        if (role != Role::kClose) { open_double = i; open_single = -1; }
        continue;
      }
      if (role == Role::kOpen && !HasWordBetween(t, open_double, i)) {
        open_double = i;  // Two openers in a row: keep the later.
        continue;
      }
      if (role == Role::kOpen && (t[open_double].quote & kQuoteOpen) && (tok.quote & kQuoteOpen)) {
        open_double = i;  // A typographic opener left unclosed: start again here.
        continue;
      }
      QuotedSpan s;
      s.open = open_double;
      s.close = i;
      s.multi_paragraph = t[open_double].paragraph != tok.paragraph;
      if (HasWordBetween(t, open_double, i)) spans.push_back(s);
      open_double = -1;
      carried = false;
      continue;
    }
    // Single marks: only at top level, outside double quotes.
    if (open_double >= 0) continue;
    if (open_single < 0) {
      if (role == Role::kOpen) open_single = i;
      continue;
    }
    if (role == Role::kOpen) { open_single = i; continue; }
    if (i - open_single > 400) { open_single = -1; continue; }
    QuotedSpan s;
    s.open = open_single;
    s.close = i;
    s.single = true;
    if (HasWordBetween(t, open_single, i)) spans.push_back(s);
    open_single = -1;
  }
  return spans;
}

std::vector<int> QuoteOfToken(const TokenizedText& text, const std::vector<QuotedSpan>& spans) {
  std::vector<int> of(text.size() + 1, -1);
  for (int q = 0; q < static_cast<int>(spans.size()); ++q) {
    for (int k = spans[q].open; k <= spans[q].close; ++k) of[k] = q;
  }
  return of;
}

}  // namespace whosaid::internal
