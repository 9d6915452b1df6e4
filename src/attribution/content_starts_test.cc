// How the attribution applies the content start model
// (src/model/content_start_model.h): with a model that always moves the
// start one word, an indirect statement's content starts one word later
// and the cue takes the word; direct quotes, and starts that would pass
// another statement's cue, stay. With the model off nothing moves.
#include <gtest/gtest.h>

#include "src/attribution/tokenizer.h"
#include "src/model/content_start_model.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

Article Attribute(const std::string& text) {
  ExtractOptions options;
  options.raw = true;
  StatusOr<Article> a = ExtractPlainText(text, "test", options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Article();
}

// A model whose only weight favours moving the start by `words` tokens.
internal::ContentStartModel MoveWords(int words) {
  internal::ContentStartModel m(12);
  internal::TokenizedText t("a b c d e");
  uint32_t f[internal::kMaxStartFeatures];
  internal::StartFeatures(t, {0, 1, 1, 5}, words, f);  // f[0] is the shift's own feature.
  m.mutable_weights()[f[0] & m.mask()] = 10.0f;
  return m;
}

class ContentStarts : public ::testing::Test {
 protected:
  void TearDown() override { internal::ResetActiveContentStartModel(); }
};

TEST_F(ContentStarts, TheModelMovesIndirectStartsAndTheCueTakesTheWord) {
  const std::string text =
      "The mayor warned that the stadium would cost too much. "
      "\"We cannot pay for it,\" said Ann Lee.";
  internal::SetActiveContentStartModel(nullptr);
  Article before = Attribute(text);
  internal::ContentStartModel model = MoveWords(1);
  internal::SetActiveContentStartModel(&model);
  Article after = Attribute(text);
  ASSERT_EQ(before.quotes.size(), after.quotes.size());
  ASSERT_EQ(after.quotes.size(), 2u);
  const Quote& was = before.quotes[0];
  const Quote& now = after.quotes[0];
  EXPECT_EQ(was.content.text, "that the stadium would cost too much");
  EXPECT_EQ(now.content.text, "the stadium would cost too much");
  ASSERT_TRUE(now.cue);
  EXPECT_EQ(now.cue->text, "warned that");
  EXPECT_EQ(after.text.substr(now.content.start, now.content.end - now.content.start), now.content.text);
  // The direct quote keeps its start.
  EXPECT_EQ(after.quotes[1].content.text, before.quotes[1].content.text);
}

TEST_F(ContentStarts, AStartDoesNotPassAnotherStatementsCue) {
  // Moving "Lee said the plan had failed" two words would cut the cue of
  // the statement reported inside it out of it: its start stays.
  const std::string text = "The newspaper reported Lee said the plan had failed.";
  internal::ContentStartModel model = MoveWords(2);
  internal::SetActiveContentStartModel(&model);
  Article a = Attribute(text);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].content.text, "Lee said the plan had failed");
  ASSERT_TRUE(a.quotes[0].cue);
  EXPECT_EQ(a.quotes[0].cue->text, "reported");
  // The inner statement has nothing in its way.
  EXPECT_EQ(a.quotes[1].content.text, "had failed");
  EXPECT_EQ(a.quotes[1].within, std::optional<int>(0));
}

}  // namespace
}  // namespace whosaid
