// End-to-end tests of `whosaid eval polnear` on small corpora written here:
// file layout, annotator choice, --limit, --floors and exit codes. They
// assert nothing about the engine's predictions, which change as it grows.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "src/util/json.h"

namespace whosaid::internal {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout, plus stderr when asked.
};

RunResult RunWhosaid(const std::string& args, bool with_stderr) {
  std::string command =
      std::string(WHOSAID_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  int status = pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// A corpus of three texts: "a" done by two annotators (aaaa marks two
// attributions, bbbb one), "b" done by one, "c" by none.
fs::path MakeCorpus(const std::string& name) {
  fs::path dir = fs::path(testing::TempDir()) / ("whosaid_eval_" + name);
  fs::remove_all(dir);
  // Offsets count code points: "Ødegård" is 7 of them, 9 bytes.
  WriteFile(dir / "text" / "a.txt", "Ødegård said taxes rose. Bo said rents fell.");
  WriteFile(dir / "attributions" / "a_aaaa.ann",
            "T1\tSource 0 7\tØdegård\nT2\tCue 8 12\tsaid\nT3\tContent 13 23\ttaxes rose\n"
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
            "T4\tSource 25 27\tBo\nT5\tCue 28 32\tsaid\nT6\tContent 33 43\trents fell\n"
            "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n");
  WriteFile(dir / "attributions" / "a_bbbb.ann",
            "T1\tContent 13 23\ttaxes rose\nE1\tAttribution:T1 Content:T1\n");
  WriteFile(dir / "text" / "b.txt", "“We won,” she said.\n");
  WriteFile(dir / "attributions" / "b_cccc.ann",
            "T1\tContent 0 9\t“We won,”\nT2\tCue 14 18\tsaid\nT3\tSource 10 13\tshe\n"
            "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\nnot brat\n");
  WriteFile(dir / "text" / "c.txt", "Nothing was said here.");
  return dir;
}

double Count(const JsonValue& json, const char* key) {
  const JsonValue* v = json.Find("counts")->Find(key);
  return v == nullptr ? -1 : v->as_number();
}

TEST(EvalCommand, ScoresTheFirstAnnotatorAndCountsSkips) {
  fs::path dir = MakeCorpus("full");
  RunResult run = RunWhosaid("eval polnear " + dir.string() + " --json", false);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  StatusOr<JsonValue> json = ParseJson(run.output);
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ(Count(*json, "texts"), 3);
  EXPECT_EQ(Count(*json, "articles"), 2);
  EXPECT_EQ(Count(*json, "skipped_without_annotation"), 1);
  EXPECT_EQ(Count(*json, "gold"), 3);  // Two from a_aaaa, one from b.
  EXPECT_EQ(Count(*json, "gold_direct"), 1);
  EXPECT_EQ(Count(*json, "malformed_lines"), 1);
  EXPECT_EQ(json->Find("scores")->Find("content_overlap")->Find("gold")->as_number(), 3);
}

TEST(EvalCommand, LimitTakesTheFirstTextsByName) {
  fs::path dir = MakeCorpus("limit");
  RunResult run = RunWhosaid("eval polnear " + dir.string() + " --json --limit 1", false);
  ASSERT_EQ(run.exit_code, 0);
  StatusOr<JsonValue> json = ParseJson(run.output);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(Count(*json, "texts"), 1);
  EXPECT_EQ(Count(*json, "gold"), 2);
}

TEST(EvalCommand, TextReportShowsTheTable) {
  fs::path dir = MakeCorpus("text");
  RunResult run = RunWhosaid("eval polnear " + dir.string() + " --misses 2", false);
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.output.find("direct_source"), std::string::npos);
  EXPECT_NE(run.output.find("by construction"), std::string::npos);
}

double AgreementScore(const JsonValue& json, const char* measure, const char* key) {
  const JsonValue* agreement = json.Find("agreement");
  if (agreement == nullptr) return -1;
  return agreement->Find("scores")->Find(measure)->Find(key)->as_number();
}

TEST(EvalCommand, AgreementScoresTheOtherAnnotatorsAgainstTheFirst) {
  fs::path dir = MakeCorpus("agreement");
  RunResult run = RunWhosaid("eval polnear " + dir.string() + " --json --agreement", false);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  StatusOr<JsonValue> json = ParseJson(run.output);
  ASSERT_TRUE(json.ok()) << json.status().message();
  // Only "a" has a second annotator; the engine is scored on it alone too.
  EXPECT_EQ(Count(*json, "texts"), 1);
  EXPECT_EQ(Count(*json, "gold"), 2);
  ASSERT_NE(json->Find("agreement"), nullptr);
  EXPECT_EQ(json->Find("agreement")->Find("texts")->as_number(), 1);
  EXPECT_EQ(json->Find("agreement")->Find("readings")->as_number(), 1);
  // bbbb marked "taxes rose" as aaaa did, missed "rents fell", and gave no
  // source: exact content P 1/1, R 1/2; source 0 of 1 predicted, 0 of 2.
  EXPECT_EQ(AgreementScore(*json, "content_exact", "predicted"), 1);
  EXPECT_EQ(AgreementScore(*json, "content_exact", "predicted_correct"), 1);
  EXPECT_EQ(AgreementScore(*json, "content_exact", "gold"), 2);
  EXPECT_EQ(AgreementScore(*json, "content_exact", "gold_correct"), 1);
  EXPECT_EQ(AgreementScore(*json, "source", "predicted"), 1);
  EXPECT_EQ(AgreementScore(*json, "source", "predicted_correct"), 0);
  EXPECT_EQ(AgreementScore(*json, "source", "gold"), 2);

  RunResult text = RunWhosaid("eval polnear " + dir.string() + " --agreement", false);
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find("annotator agreement: 1 reading(s)"), std::string::npos) << text.output;

  // Without the flag, every annotated text is scored and no agreement shown.
  RunResult plain = RunWhosaid("eval polnear " + dir.string() + " --json", false);
  StatusOr<JsonValue> plain_json = ParseJson(plain.output);
  ASSERT_TRUE(plain_json.ok());
  EXPECT_EQ(plain_json->Find("agreement"), nullptr);
  EXPECT_EQ(Count(*plain_json, "gold"), 3);
}

TEST(EvalCommand, MissingDirectoryExitsOneNamingIt) {
  std::string missing = (fs::path(testing::TempDir()) / "whosaid_no_such_corpus").string();
  RunResult run = RunWhosaid("eval polnear " + missing, true);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.output.find(missing), std::string::npos);
}

TEST(EvalCommand, BadUsageExitsTwo) {
  fs::path dir = MakeCorpus("usage");
  const std::string cases[] = {
      "eval",
      "eval polnear",
      "eval other " + dir.string(),
      "eval polnear " + dir.string() + " --limit many",
      "eval polnear " + dir.string() + " --misses",
      "eval polnear " + dir.string() + " --colour",
      "eval polnear " + dir.string() + " " + dir.string(),
  };
  for (const std::string& args : cases) EXPECT_EQ(RunWhosaid(args, false).exit_code, 2) << args;
}

TEST(EvalCommand, FloorsFailNamingTheScore) {
  fs::path dir = MakeCorpus("floors");
  // Only c.txt, which has no gold: every recall is 0 whatever the engine does.
  WriteFile(dir / "attributions" / "c_dddd.ann", "");
  fs::remove(dir / "text" / "a.txt");
  fs::remove(dir / "text" / "b.txt");
  fs::path floors = dir / "floors.txt";
  WriteFile(floors, "# test\ncontent_overlap_precision 0.0\ncontent_overlap_recall 0.5\n");
  RunResult run =
      RunWhosaid("eval polnear " + dir.string() + " --json --floors " + floors.string(), true);
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.output.find("content_overlap_recall"), std::string::npos);
  EXPECT_EQ(run.output.find("content_overlap_precision ="), std::string::npos);

  WriteFile(floors, "content_overlap_recall 0.0\n");
  EXPECT_EQ(
      RunWhosaid("eval polnear " + dir.string() + " --floors " + floors.string(), false).exit_code,
      0);

  WriteFile(floors, "recall_of_everything 0.5\n");
  RunResult bad = RunWhosaid("eval polnear " + dir.string() + " --floors " + floors.string(), true);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("recall_of_everything"), std::string::npos);
}

}  // namespace
}  // namespace whosaid::internal
