// Scores extracted article text against expected text: precision and
// recall over multisets of 4-word shingles (words are runs of letters,
// digits and '_', Unicode-aware, lowercased), per page. Stateless and
// thread-safe.
#ifndef WHOSAID_HTML_EXTRACTION_SCORE_H_
#define WHOSAID_HTML_EXTRACTION_SCORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

struct ShingleScore {
  double precision = 0;
  double recall = 0;
};

// Returns the lowercased \w+ words of text. Code points >= 0x80 count as
// word characters unless they are spaces or punctuation.
std::vector<std::string> WordsOf(std::string_view text);

// Scores `got` against `expected`. Both empty: precision = recall = 1.
// When exactly one is empty both are 0: an empty extraction earns nothing,
// and text extracted from a page with no body is all wrong.
ShingleScore ScoreShingles(std::string_view expected, std::string_view got);

// F1 of two averages.
double F1(double precision, double recall);

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_EXTRACTION_SCORE_H_
