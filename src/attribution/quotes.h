// Pairs quotation marks into quoted spans: straight and curly double quotes,
// guillemets, and top-level single quotes. Handles quotes that run over
// several paragraphs (the closing mark left off and the next paragraph
// reopening) and ignores marks that cannot be paired. Thread-safe.
#ifndef WHOSAID_ATTRIBUTION_QUOTES_H_
#define WHOSAID_ATTRIBUTION_QUOTES_H_

#include <vector>

#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

struct QuotedSpan {
  int open = 0;        // Token index of the opening mark.
  int close = 0;       // Token index of the closing mark, or of the last
                       // token when the quote runs to a paragraph's end.
  bool closed = true;  // False when no closing mark was found.
  bool single = false; // Single quotation marks.
  bool multi_paragraph = false;
  // Token range of the words inside the marks: [first_inner, last_inner).
  int first_inner() const { return open + 1; }
  int last_inner() const { return closed ? close : close + 1; }
};

// Returns the quoted spans of the text in order of their opening marks.
// Spans never overlap.
std::vector<QuotedSpan> PairQuotes(const TokenizedText& text);

// Returns, for each token (and one past the last), the index of the quoted
// span that holds it, marks included, or -1.
std::vector<int> QuoteOfToken(const TokenizedText& text, const std::vector<QuotedSpan>& spans);

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_QUOTES_H_
