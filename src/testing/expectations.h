// Test-only: checks an extracted Article against a hand-written expectations
// file (the format of ../shared/seed/*.expected.json, which tests/golden/
// follows too) and checks the span invariant on every span.
#ifndef WHOSAID_TESTING_EXPECTATIONS_H_
#define WHOSAID_TESTING_EXPECTATIONS_H_

#include <string>
#include <vector>

#include "whosaid/article.h"

namespace whosaid::testing {

// Reads a whole file; returns false when it cannot.
bool ReadFile(const std::string& path, std::string* out);

// Extracts `input_path` with the options the expectations name (their
// top-level "date" becomes --date) and returns every way the result misses
// the expectations in `expected_path`. Empty means all met.
std::vector<std::string> CheckExpectations(const std::string& input_path, const std::string& expected_path);

// Returns every span of the article whose text differs from
// article.text[start:end] in code points.
std::vector<std::string> CheckSpans(const Article& article);

}  // namespace whosaid::testing

#endif  // WHOSAID_TESTING_EXPECTATIONS_H_
