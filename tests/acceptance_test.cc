// The acceptance test of issue 2: the founding article in ../shared/seed
// against its hand-written expectations, and the golden articles in
// tests/golden/ (articles the project wrote) against theirs.
#include <gtest/gtest.h>

#include <filesystem>

#include "src/testing/expectations.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;

std::string Describe(const std::vector<std::string>& errors) {
  std::string out;
  for (const std::string& e : errors) out += "  " + e + "\n";
  return out;
}

TEST(Acceptance, SeedArticleMeetsExpectations) {
  fs::path seed = fs::path(WHOSAID_SOURCE_DIR) / ".." / "shared" / "seed";
  ASSERT_TRUE(fs::exists(seed / "000_8ca073ea50cc3907.txt")) << "../shared/seed is missing";
  std::vector<std::string> errors = testing::CheckExpectations(
      (seed / "000_8ca073ea50cc3907.txt").string(), (seed / "000_8ca073ea50cc3907.expected.json").string());
  EXPECT_TRUE(errors.empty()) << Describe(errors);
}

TEST(Acceptance, GoldenArticlesMeetExpectations) {
  fs::path dir = fs::path(WHOSAID_SOURCE_DIR) / "tests" / "golden";
  int cases = 0;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& input : inputs) {
    fs::path expected = input;
    expected.replace_extension(".expected.json");
    ASSERT_TRUE(fs::exists(expected)) << expected;
    std::vector<std::string> errors = testing::CheckExpectations(input.string(), expected.string());
    EXPECT_TRUE(errors.empty()) << input.filename() << ":\n" << Describe(errors);
    ++cases;
  }
  EXPECT_GE(cases, 4);
}

}  // namespace
}  // namespace whosaid
