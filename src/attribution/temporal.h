// Finds time expressions ("on Friday", "yesterday", "March 3") and resolves
// them to calendar dates relative to the article's publication date.
// Stateless and thread-safe.
#ifndef WHOSAID_ATTRIBUTION_TEMPORAL_H_
#define WHOSAID_ATTRIBUTION_TEMPORAL_H_

#include <optional>
#include <string>
#include <vector>

#include "src/attribution/tokenizer.h"
#include "src/util/date.h"

namespace whosaid::internal {

struct TimeExpression {
  int first = 0;  // Tokens [first, last).
  int last = 0;
  std::optional<std::string> date;  // YYYY-MM-DD when resolvable.
};

// Returns the time expressions of the text in order. A weekday resolves to
// the latest such day on or before the article date ("on Friday" in an
// article of Saturday 2025-03-01 is 2025-02-28); a month and day without a
// year take the article's year.
std::vector<TimeExpression> FindTimeExpressions(const TokenizedText& text,
                                                const std::optional<CivilDate>& article_date);

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_TEMPORAL_H_
