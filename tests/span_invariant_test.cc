// The span invariant (text[start:end] == span.text in code points) and raw
// mode's promise (text == input) on real articles: the PolNeAR train texts.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <tuple>

#include "src/testing/expectations.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;

TEST(SpanInvariant, HoldsOnEveryPolnearTrainText) {
  fs::path dir = fs::path(WHOSAID_SOURCE_DIR) / ".." / "shared" / "corpora" / "polnear" / "train" / "text";
  ASSERT_TRUE(fs::exists(dir)) << dir;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ExtractOptions options;
  options.raw = true;
  size_t quotes = 0;
  for (const fs::path& f : files) {
    std::string text;
    ASSERT_TRUE(testing::ReadFile(f.string(), &text));
    StatusOr<Article> a = ExtractPlainText(text, f.string(), options);
    if (!a.ok()) continue;  // Empty texts are refused, by design.
    EXPECT_EQ(a->text, text) << f;
    std::vector<std::string> errors = testing::CheckSpans(*a);
    ASSERT_TRUE(errors.empty()) << f << ": " << errors[0];
    // No statement twice: the same content, cue and source from two rules
    // (a headline's "Trump: ‘...’" was read by the quotation's pass and by
    // the colon rule).
    std::set<std::tuple<int64_t, int64_t, int64_t, int64_t>> seen;
    for (const Quote& q : a->quotes) {
      auto key = std::make_tuple(q.content.start, q.content.end, q.cue ? q.cue->start : -1,
                                 q.source ? q.source->start : -1);
      EXPECT_TRUE(seen.insert(key).second) << f << ": twice: " << q.content.text;
    }
    quotes += a->quotes.size();
  }
  EXPECT_GT(quotes, 5000u);
}

TEST(Determinism, SameInputGivesTheSameJson) {
  std::string text = "\"We will win,\" said Maria Lopez. She told reporters that the vote was fair.";
  ExtractOptions options;
  std::string first = ArticleToJson(*ExtractPlainText(text, "a", options), false);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(ArticleToJson(*ExtractPlainText(text, "a", options), false), first);
}

}  // namespace
}  // namespace whosaid
