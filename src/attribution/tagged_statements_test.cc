// Tests for the span tagger's fallback in attribution (tagged_statements.h)
// with the shipped weights: hand-written sentences the rules cannot parse.
#include "src/attribution/tagged_statements.h"

#include <gtest/gtest.h>

#include <string>

#include "src/model/span_tagger.h"
#include "whosaid/pipeline.h"

namespace whosaid::internal {
namespace {

TEST(ActiveSpanTagger, EmbeddedSetAndReset) {
  ASSERT_NE(ActiveSpanTagger(), nullptr);  // data/model/span_tagger.bin ships.
  const SpanTagger* embedded = ActiveSpanTagger();
  SpanTagger m(2);
  SetActiveSpanTagger(&m);
  EXPECT_EQ(ActiveSpanTagger(), &m);
  SetActiveSpanTagger(nullptr);
  EXPECT_EQ(ActiveSpanTagger(), nullptr);
  ResetActiveSpanTagger();
  EXPECT_EQ(ActiveSpanTagger(), embedded);
}

Article Extract(const std::string& text) {
  ExtractOptions options;
  options.raw = true;
  StatusOr<Article> a = ExtractPlainText(text, "test", options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Article();
}

// The rules find no subject for a cue after an appositive that is itself
// a phrase with "of"; the shipped tagger finds the statement, its content
// after the cue and its source in the subject before it (a mention inside
// "Residents of the valley, many of them farmers").
TEST(TaggedStatements, TaggerAttributesWhatTheRulesCannotParse) {
  const std::string text = "Residents of the valley, many of them farmers, complained that the water was dirty.";
  SetActiveSpanTagger(nullptr);
  Article rules = Extract(text);
  ResetActiveSpanTagger();
  EXPECT_TRUE(rules.quotes.empty());
  Article tagged = Extract(text);
  ASSERT_EQ(tagged.quotes.size(), 1u);
  const Quote& q = tagged.quotes[0];
  EXPECT_EQ(q.type, QuoteType::kIndirect);
  EXPECT_EQ(q.content.text, "that the water was dirty");
  EXPECT_EQ(q.content.start, static_cast<int64_t>(text.find("that the water")));
  EXPECT_EQ(q.content.end, q.content.start + static_cast<int64_t>(q.content.text.size()));
  ASSERT_TRUE(q.cue.has_value());
  EXPECT_EQ(q.cue->text, "complained");
  ASSERT_TRUE(q.source.has_value());
  EXPECT_LE(q.source->end, static_cast<int64_t>(text.find(", complained")));
  EXPECT_FALSE(q.source->text.empty());
  EXPECT_EQ(text.substr(q.source->start, q.source->end - q.source->start), q.source->text);
  EXPECT_EQ(q.attribution, "cue");
  // Deterministic: the same text gives the same statements.
  Article again = Extract(text);
  ASSERT_EQ(again.quotes.size(), 1u);
  EXPECT_EQ(again.quotes[0].content.text, q.content.text);
  EXPECT_EQ(again.quotes[0].source->text, q.source->text);
}

// A statement the rules found keeps its cue: the tagger never adds a
// second statement on it or on a cue inside its content.
TEST(TaggedStatements, LeavesTheRulesStatementsAlone) {
  const std::string text = "Maria Lopez said that the council advocates for equal funding.";
  SetActiveSpanTagger(nullptr);
  Article rules = Extract(text);
  ResetActiveSpanTagger();
  Article tagged = Extract(text);
  ASSERT_EQ(rules.quotes.size(), tagged.quotes.size());
  for (size_t k = 0; k < rules.quotes.size(); ++k) {
    EXPECT_EQ(rules.quotes[k].content.text, tagged.quotes[k].content.text);
  }
}

}  // namespace
}  // namespace whosaid::internal
