// Tests for the evaluation report: miss analysis, output and floors.
#include "src/eval/eval_report.h"

#include <gtest/gtest.h>

#include "src/util/json.h"

namespace whosaid::internal {
namespace {

CodePointRange Find(std::u32string_view text, std::u32string_view needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::u32string_view::npos);
  return {static_cast<int64_t>(at), static_cast<int64_t>(at + needle.size())};
}

// Builds an attribution from the role texts; an empty string leaves the role out.
EvalAttribution Roles(std::u32string_view text, std::u32string_view content,
                      std::u32string_view cue, std::u32string_view source) {
  EvalAttribution a;
  a.content = {Find(text, content)};
  if (!cue.empty()) a.cue = {Find(text, cue)};
  if (!source.empty()) a.source = {Find(text, source)};
  a.direct = IsDirectContent(text, a.content);
  return a;
}

TEST(MissConstruction, EachConstructionIsRecognised) {
  struct Case {
    std::u32string text, content, cue, source;
    std::string_view expected;
  } cases[] = {
      {U"“We won,” she said.", U"“We won,”", U"said", U"she", "direct-quote"},
      {U"Taxes rose, according to the report.", U"Taxes rose", U"according to", U"the report",
       "according-to"},
      {U"Ann Ray believes taxes rose.", U"taxes rose", U"believes", U"Ann Ray", "belief"},
      {U"Ann Ray's view: taxes rose.", U"taxes rose", U"view", U"Ann Ray", "noun-cue"},
      {U"Taxes rose, it was reported.", U"Taxes rose", U"was reported", U"", "no-source"},
      {U"Taxes rose, said Ann Ray.", U"Taxes rose", U"said", U"Ann Ray", "cue-before-source"},
      {U"Taxes rose, Ann Ray said.", U"Taxes rose", U"said", U"Ann Ray", "content-before-cue"},
      {U"Ann Ray said that taxes rose.", U"that taxes rose", U"said", U"Ann Ray",
       "source-before-cue"},
      {U"Ann Ray, taxes rose, said.", U"taxes rose", U"Ray, taxes", U"Ann Ray", "other"},
  };
  for (const Case& c : cases) {
    EvalAttribution a = Roles(c.text, c.content, c.cue, c.source);
    EXPECT_EQ(ClassifyMissConstruction(c.text, a), c.expected) << c.expected;
  }
}

TEST(MissExamples, RenderMarksSourceAndCueAndKeepsBothEnds) {
  std::u32string text = U"Intro. Ann  Ray\nsaid that taxes rose. Outro.";
  EvalAttribution a = Roles(text, U"that taxes rose", U"said", U"Ann  Ray");
  EXPECT_EQ(RenderAttribution(text, a, 160), "[Ann Ray] {said} that taxes rose");
  std::string shortened = RenderAttribution(text, a, 12);
  EXPECT_EQ(DecodeCodePoints(shortened).size(), 12u);
  EXPECT_EQ(shortened.rfind("[Ann", 0), 0u);
  EXPECT_TRUE(shortened.ends_with("s rose"));
  EXPECT_NE(shortened.find("…"), std::string::npos);
}

EvaluatedArticle Article3(std::vector<EvalAttribution> predicted_extra = {}) {
  EvaluatedArticle art;
  art.name = "a";
  art.text = U"Ann said taxes rose. Bo says rents fell. Cy told us costs grew. Di wrote xyz.";
  art.gold = {Roles(art.text, U"taxes rose", U"said", U"Ann"),
              Roles(art.text, U"rents fell", U"says", U"Bo"),
              Roles(art.text, U"costs grew", U"told", U"Cy")};
  art.predicted = {Roles(art.text, U"taxes rose", U"said", U"Ann")};
  for (EvalAttribution& p : predicted_extra) art.predicted.push_back(p);
  art.score = ScoreArticle(art.text, art.gold, art.predicted);
  return art;
}

TEST(ReportBuilder, GroupsMissesByCueAndFalsePositivesByPredictedCue) {
  EvaluatedArticle art = Article3();
  art.predicted.push_back(Roles(art.text, U"xyz", U"wrote", U"Di"));
  art.score = ScoreArticle(art.text, art.gold, art.predicted);
  EvalReportBuilder builder(/*top_n=*/1, /*examples_per_group=*/3);
  builder.Add(art);
  EvaluatedArticle again = art;
  again.name = "b";
  builder.Add(again);
  EvalReport report = builder.Build();
  EXPECT_EQ(report.articles, 2);
  EXPECT_EQ(report.gold, 6);
  EXPECT_EQ(report.predicted, 4);
  EXPECT_EQ(report.missed, 4);
  EXPECT_EQ(report.false_positives, 2);
  ASSERT_EQ(report.missed_by_cue.size(), 1u);  // top_n keeps one of "says", "told".
  EXPECT_EQ(report.missed_by_cue[0].key, "says");
  EXPECT_EQ(report.missed_by_cue[0].count, 2);
  ASSERT_EQ(report.false_positives_by_cue.size(), 1u);
  EXPECT_EQ(report.false_positives_by_cue[0].key, "wrote");
  // One example per article.
  EXPECT_EQ(report.false_positives_by_cue[0].examples.size(), 2u);
  int64_t constructions = 0;
  for (const CountedGroup& g : report.missed_by_construction) constructions += g.count;
  EXPECT_EQ(constructions, report.missed);
  const MeasureCounts& overlap = report.measures[static_cast<int>(Measure::kContentOverlap)];
  EXPECT_EQ(overlap.gold_correct, 2);
  EXPECT_EQ(overlap.predicted, 4);
}

TEST(ReportOutput, JsonCarriesCountsAndScores) {
  EvalReportBuilder builder(5, 3);
  builder.Add(Article3());
  EvalReport report = builder.Build();
  report.corpus_dir = "corpus/dev";
  StatusOr<JsonValue> json = ParseJson(EvalReportToJson(report));
  ASSERT_TRUE(json.ok()) << json.status().message();
  const JsonValue* counts = json->Find("counts");
  ASSERT_NE(counts, nullptr);
  EXPECT_EQ(counts->Find("gold")->as_number(), 3);
  EXPECT_EQ(counts->Find("predicted")->as_number(), 1);
  const JsonValue* overlap = json->Find("scores")->Find("content_overlap");
  ASSERT_NE(overlap, nullptr);
  EXPECT_DOUBLE_EQ(overlap->Find("precision")->as_number(), 1.0);
  EXPECT_NEAR(overlap->Find("recall")->as_number(), 1.0 / 3, 1e-4);
  EXPECT_EQ(json->Find("misses")->Find("count")->as_number(), 2);
  EXPECT_TRUE(json->Find("misses")->Find("by_construction")->is_array());
  EXPECT_NE(EvalReportToText(report).find("content_overlap"), std::string::npos);
}

TEST(ScoreFloors, ParsesNamesAndRejectsUnknownOnes) {
  StatusOr<std::vector<ScoreFloor>> floors = ParseScoreFloors(
      "# floors\n\ncontent_overlap_f1 0.5\ndirect_source_recall 0.25\n", "floors.txt");
  ASSERT_TRUE(floors.ok()) << floors.status().message();
  ASSERT_EQ(floors->size(), 2u);
  EXPECT_EQ((*floors)[1].name, "direct_source_recall");
  EXPECT_EQ((*floors)[1].value, 0.25);
  EXPECT_EQ((*floors)[1].line, 4);

  const char* bad[] = {"content_f1 0.5\n", "source_f1\n", "source_f1 high\n", "source_f1 0.5 0.6\n",
                       "source_f1 1.5\n"};
  for (const char* text : bad) {
    StatusOr<std::vector<ScoreFloor>> parsed = ParseScoreFloors(text, "floors.txt");
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_NE(parsed.status().message().find("floors.txt:1"), std::string::npos);
  }
}

TEST(ScoreFloors, CheckNamesEachScoreBelowItsFloor) {
  EvalReportBuilder builder(5, 3);
  builder.Add(Article3());
  EvalReport report = builder.Build();
  double recall = LookupScore(report.measures, "content_overlap_recall").value();
  std::vector<ScoreFloor> floors = {{"content_overlap_precision", 1.0, 1},
                                    {"content_overlap_recall", recall + 0.01, 2},
                                    {"source_f1", 0.0, 3}};
  std::vector<std::string> failures = CheckScoreFloors(report, floors);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_NE(failures[0].find("content_overlap_recall"), std::string::npos);
}

}  // namespace
}  // namespace whosaid::internal
