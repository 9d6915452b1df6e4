// Tests for brat parsing, span conversion, matching and scoring.
#include "src/eval/polnear.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid::internal {
namespace {

// The code-point range of the first `needle` in `text` at or after `from`.
CodePointRange Find(std::u32string_view text, std::u32string_view needle, size_t from = 0) {
  size_t at = text.find(needle, from);
  EXPECT_NE(at, std::u32string_view::npos);
  return {static_cast<int64_t>(at), static_cast<int64_t>(at + needle.size())};
}

// "START END" for brat.
std::string Offsets(CodePointRange r) {
  return std::to_string(r.start) + " " + std::to_string(r.end);
}

EvalAttribution Attribution(RangeList content, RangeList cue = {}, RangeList source = {},
                            bool direct = false) {
  EvalAttribution a;
  a.content = std::move(content);
  a.cue = std::move(cue);
  a.source = std::move(source);
  a.direct = direct;
  return a;
}

const std::u32string kInterrupted =
    U"“We will win,” said Ms. Ødegård, “and we will win soon.” Others disagreed.";

TEST(BratParsing, DiscontinuousContentKeepsEachPart) {
  CodePointRange first = Find(kInterrupted, U"“We will win,”");
  CodePointRange second = Find(kInterrupted, U"“and we will win soon.”");
  CodePointRange cue = Find(kInterrupted, U"said");
  std::string ann = "T1\tContent " + Offsets(first) + ";" + Offsets(second) + "\tsurface\n" +
                    "T2\tCue " + Offsets(cue) + "\tsaid\n" +
                    "E1\tAttribution:T2 Content:T1 Cue:T2\n";
  BratAnnotations parsed = ParseBratAttributions(ann, kInterrupted);
  ASSERT_EQ(parsed.attributions.size(), 1u);
  EXPECT_EQ(parsed.attributions[0].content, (RangeList{first, second}));
  EXPECT_EQ(parsed.attributions[0].cue, RangeList{cue});
  EXPECT_TRUE(parsed.attributions[0].source.empty());
  EXPECT_EQ(parsed.malformed_lines, 0);
}

TEST(BratParsing, EventLineJoinsRolesDefinedAfterIt) {
  CodePointRange source = Find(kInterrupted, U"Ms. Ødegård");
  CodePointRange cue = Find(kInterrupted, U"said");
  CodePointRange first = Find(kInterrupted, U"“We will win,”");
  CodePointRange second = Find(kInterrupted, U"“and we will win soon.”");
  // The E line comes first; Content2 adds a part; the trigger is ignored.
  std::string ann =
      "E7\tAttribution:T4 Content:T1 Cue:T2 Source:T3 Content2:T5\r\n"
      "T1\tContent " +
      Offsets(first) + "\tx\r\n" + "T2\tCue " + Offsets(cue) + "\tsaid\r\n" + "T3\tSource " +
      Offsets(source) + "\tMs\r\n" + "T4\tAttribution " + Offsets(cue) + "\tsaid\r\n" +
      "T5\tContent " + Offsets(second) + "\tand\r\n";
  BratAnnotations parsed = ParseBratAttributions(ann, kInterrupted);
  ASSERT_EQ(parsed.attributions.size(), 1u);
  const EvalAttribution& a = parsed.attributions[0];
  EXPECT_EQ(a.id, "E7");
  EXPECT_EQ(a.content, (RangeList{first, second}));
  EXPECT_EQ(a.cue, RangeList{cue});
  EXPECT_EQ(a.source, RangeList{source});
  EXPECT_TRUE(a.direct);
  EXPECT_EQ(parsed.malformed_lines, 0);
  EXPECT_EQ(parsed.unknown_roles, 0);
}

TEST(BratParsing, BadLinesAreSkippedAndCounted) {
  CodePointRange cue = Find(kInterrupted, U"said");
  CodePointRange content = Find(kInterrupted, U"Others");
  std::string ann = "T1\tCue " + Offsets(cue) + "\tsaid\n" + "T2\tContent " + Offsets(content) +
                    "\tOthers\n" +
                    "T3\tContent 5 9999\ttoo far\n"         // Beyond the text.
                    "T4\tContent nine ten\tbad\n"           // Not numbers.
                    "a surface that ran onto a new line\n"  // Not brat.
                    "\n"
                    "#1\tAnnotatorNotes T1\ta note\n"  // Valid, unused.
                    "E1\tAttribution:T1 Content:T2 Cue:T1 Mood:T1\n"
                    "E2\tAttribution:T1 Content:T9\n"   // T9 does not exist.
                    "E3\tAttribution-no-source:T1 \n";  // No content.
  BratAnnotations parsed = ParseBratAttributions(ann, kInterrupted);
  ASSERT_EQ(parsed.attributions.size(), 1u);
  EXPECT_EQ(parsed.attributions[0].content, RangeList{content});
  EXPECT_EQ(parsed.malformed_lines, 4);
  EXPECT_EQ(parsed.problems.size(), 4u);
  EXPECT_EQ(parsed.without_content, 1);
  EXPECT_EQ(parsed.unknown_roles, 1);
}

TEST(DirectClassification, QuotedContentIsDirect) {
  struct Case {
    std::u32string content;
    bool direct;
  } cases[] = {
      {U"“We will win.”", true},
      {U"  \"We will win\"  ", true},
      {U"“We will win”.", true},
      {U"« Nous gagnerons »", true},
      {U"the party has “always run a lean campaign.”", false},
      {U"“We will win,” he said, adding little", false},
      {U"we will win", false},
      {U"\"", false},
  };
  for (const Case& c : cases) {
    std::u32string text = U"Before. " + c.content + U" After.";
    EXPECT_EQ(IsDirectContent(text, {Find(text, c.content)}), c.direct)
        << EncodeRange(c.content, {0, static_cast<int64_t>(c.content.size())});
  }
}

TEST(ContentRules, ExactIgnoresMarksPunctuationAndSpaceAtTheEdges) {
  std::u32string text = U"He said: “The plan will work.” Then he left.";
  RangeList gold = {Find(text, U" “The plan will work.” ")};
  EXPECT_TRUE(ExactContentMatch(text, gold, {Find(text, U"The plan will work")}));
  EXPECT_TRUE(ExactContentMatch(text, gold, {Find(text, U"“The plan will work.”")}));
  EXPECT_FALSE(ExactContentMatch(text, gold, {Find(text, U"The plan will")}));
  EXPECT_FALSE(ExactContentMatch(text, gold, {Find(text, U"“The plan will work.” Then")}));
}

TEST(ContentRules, ExactOnDiscontinuousContentComparesCoveredText) {
  RangeList parts = {Find(kInterrupted, U"“We will win,”"),
                     Find(kInterrupted, U"“and we will win soon.”")};
  RangeList same_trimmed = {Find(kInterrupted, U"We will win"),
                            Find(kInterrupted, U"and we will win soon")};
  RangeList with_interruption = {
      Find(kInterrupted, U"“We will win,” said Ms. Ødegård, “and we will win soon.”")};
  EXPECT_TRUE(ExactContentMatch(kInterrupted, parts, same_trimmed));
  EXPECT_FALSE(ExactContentMatch(kInterrupted, parts, with_interruption));
  EXPECT_GT(NonSpaceOverlap(kInterrupted, parts, with_interruption), 0);
}

TEST(ContentRules, OverlapNeedsASharedNonSpaceCodePoint) {
  std::u32string text = U"alpha beta";
  CodePointRange alpha_space = Find(text, U"alpha ");
  CodePointRange space_beta = Find(text, U" beta");
  CodePointRange pha = Find(text, U"pha");
  EXPECT_EQ(NonSpaceOverlap(text, {alpha_space}, {space_beta}), 0);
  EXPECT_EQ(NonSpaceOverlap(text, {alpha_space}, {pha}), 3);
}

TEST(Matching, GreedyTakesTheLargestOverlapFirst) {
  std::u32string text = U"aaaaaaaaaa bbbbbbbbbbbb";
  RangeList gold_a = {Find(text, U"aaaaaaaaaa")};
  RangeList gold_b = {Find(text, U"bbbbbbbbbbbb")};
  // The wide prediction overlaps A a little and B most; the narrow one
  // overlaps A only. Largest-first pairs wide with B and narrow with A,
  // where taking predictions in order would leave B unmatched.
  CodePointRange wide = {gold_a[0].end - 2, gold_b[0].end};
  CodePointRange narrow = {gold_a[0].start, gold_a[0].start + 5};
  std::vector<EvalAttribution> gold = {Attribution(gold_a), Attribution(gold_b)};
  std::vector<EvalAttribution> predicted = {Attribution({wide}), Attribution({narrow})};
  std::vector<int> match = MatchByContentOverlap(text, gold, predicted);
  EXPECT_EQ(match, (std::vector<int>{1, 0}));
}

TEST(Matching, EachPredictionMatchesOneGoldAttribution) {
  std::u32string text = U"one two three";
  std::vector<EvalAttribution> gold = {Attribution({Find(text, U"one")}),
                                       Attribution({Find(text, U"two three")})};
  std::vector<EvalAttribution> predicted = {Attribution({Find(text, U"one two three")})};
  ArticleScore score = ScoreArticle(text, gold, predicted);
  EXPECT_EQ(score.gold_match, (std::vector<int>{-1, 0}));
  EXPECT_TRUE(score.gold_overlapped[0]);
  const MeasureCounts& overlap = score.measures[static_cast<int>(Measure::kContentOverlap)];
  EXPECT_EQ(overlap.gold, 2);
  EXPECT_EQ(overlap.gold_correct, 1);
  EXPECT_EQ(overlap.predicted_correct, overlap.predicted);
}

TEST(Scoring, SourceAndCueNeedTheirSpansToOverlap) {
  std::u32string text = U"Ms. Ødegård said the vote was fair. Ben Lee argued it was not.";
  EvalAttribution g1 = Attribution({Find(text, U"the vote was fair")}, {Find(text, U"said")},
                                   {Find(text, U"Ms. Ødegård")});
  EvalAttribution g2 =
      Attribution({Find(text, U"it was not")}, {Find(text, U"argued")}, {Find(text, U"Ben Lee")});
  // Right source on the first; wrong source, no cue on the second.
  EvalAttribution p1 =
      Attribution({Find(text, U"the vote")}, {Find(text, U"said")}, {Find(text, U"Ødegård")});
  EvalAttribution p2 = Attribution({Find(text, U"was not")}, {}, {Find(text, U"Ms.")});
  ArticleScore score = ScoreArticle(text, {g1, g2}, {p1, p2});
  for (Measure m : {Measure::kSource, Measure::kCue}) {
    const MeasureCounts& c = score.measures[static_cast<int>(m)];
    EXPECT_EQ(c.gold, 2) << MeasureName(m);
    EXPECT_EQ(c.gold_correct, 1) << MeasureName(m);
    EXPECT_EQ(c.predicted, 2) << MeasureName(m);
    EXPECT_EQ(c.predicted_correct, 1) << MeasureName(m);
  }
  EXPECT_EQ(score.measures[static_cast<int>(Measure::kContentOverlap)].gold_correct, 2);
  EXPECT_EQ(score.measures[static_cast<int>(Measure::kContentExact)].gold_correct, 0);
}

TEST(Scoring, GoldWithoutSourceIsNotJudgedForSource) {
  std::u32string text = U"The plan has been well documented. Mr. Ray said it failed.";
  EvalAttribution sourceless =
      Attribution({Find(text, U"The plan")}, {Find(text, U"has been well documented")});
  EvalAttribution sourced =
      Attribution({Find(text, U"it failed")}, {Find(text, U"said")}, {Find(text, U"Mr. Ray")});
  EvalAttribution p1 = Attribution({Find(text, U"The plan")}, {}, {Find(text, U"plan")});
  EvalAttribution p2 = Attribution({Find(text, U"it failed")}, {}, {Find(text, U"Ray")});
  ArticleScore score = ScoreArticle(text, {sourceless, sourced}, {p1, p2});
  const MeasureCounts& source = score.measures[static_cast<int>(Measure::kSource)];
  EXPECT_EQ(source.gold, 1);
  EXPECT_EQ(source.predicted, 1);
  EXPECT_EQ(source.gold_correct, 1);
  EXPECT_DOUBLE_EQ(source.F1(), 1.0);
}

TEST(Scoring, DirectSubsetsSplitRecallFromPrecision) {
  std::u32string text = U"“It is over,” she said. He said it was not.";
  EvalAttribution direct_gold = Attribution({Find(text, U"“It is over,”")}, {}, {}, true);
  EvalAttribution indirect_gold = Attribution({Find(text, U"it was not")});
  // The direct gold quote is found by a prediction not typed direct; the
  // prediction typed direct matches indirect gold.
  EvalAttribution untyped = Attribution({Find(text, U"It is over")});
  EvalAttribution typed_direct = Attribution({Find(text, U"it was not")}, {}, {}, true);
  ArticleScore score = ScoreArticle(text, {direct_gold, indirect_gold}, {untyped, typed_direct});
  const MeasureCounts& c = score.measures[static_cast<int>(Measure::kDirectContentOverlap)];
  EXPECT_EQ(c.gold, 1);
  EXPECT_EQ(c.gold_correct, 1);
  EXPECT_EQ(c.predicted, 1);
  EXPECT_EQ(c.predicted_correct, 1);
  EXPECT_EQ(score.measures[static_cast<int>(Measure::kDirectContentExact)].gold_correct, 1);
}

TEST(Scoring, EmptyInputsScoreZeroWithoutDividingByZero) {
  ArticleScore score = ScoreArticle(U"", {}, {});
  for (const MeasureCounts& c : score.measures) {
    EXPECT_EQ(c.Precision(), 0);
    EXPECT_EQ(c.Recall(), 0);
    EXPECT_EQ(c.F1(), 0);
  }
}

TEST(PredictedSpans, PartsReplaceContentAndSpansAreClamped) {
  Article article;
  Quote q;
  q.type = QuoteType::kDirect;
  q.content = {0, 20, ""};
  q.parts = {{12, 20, ""}, {0, 5, ""}};
  q.cue = Span{6, 10, ""};
  q.source = Span{-3, 99, ""};
  article.quotes.push_back(q);
  int64_t clamped = 0;
  std::vector<EvalAttribution> out = PredictedAttributions(article, 15, true, nullptr, &clamped);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].content, (RangeList{{0, 5}, {12, 15}}));
  EXPECT_EQ(out[0].cue, (RangeList{{6, 10}}));
  EXPECT_EQ(out[0].source, (RangeList{{0, 15}}));
  EXPECT_TRUE(out[0].direct);
  EXPECT_EQ(clamped, 2);
}

TEST(PredictedSpans, StatementsWithinAnotherAreLeftOutUnlessAskedFor) {
  Article article;
  Quote outer;
  outer.content = {0, 30, ""};
  outer.cue = Span{31, 35, ""};
  Quote inner;
  inner.content = {10, 30, ""};
  inner.cue = Span{5, 9, ""};
  inner.within = 0;
  article.quotes = {outer, inner};
  int64_t left_out = 0;
  std::vector<EvalAttribution> scored = PredictedAttributions(article, 40, false, &left_out, nullptr);
  ASSERT_EQ(scored.size(), 1u);
  EXPECT_EQ(scored[0].content, (RangeList{{0, 30}}));
  EXPECT_EQ(left_out, 1);
  EXPECT_EQ(PredictedAttributions(article, 40, true, &left_out, nullptr).size(), 2u);
  EXPECT_EQ(left_out, 1);
}

TEST(Utf8, DecodeAndEncodeRoundTripByCodePoint) {
  std::string utf8 = "Ødegård “said”";
  std::u32string text = DecodeCodePoints(utf8);
  EXPECT_EQ(text, U"Ødegård “said”");
  EXPECT_EQ(EncodeRange(text, Find(text, U"“said”")), "“said”");
  EXPECT_EQ(DecodeCodePoints("a\xff"
                             "b"),
            U"a\uFFFDb");
}

}  // namespace
}  // namespace whosaid::internal
