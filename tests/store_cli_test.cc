// End-to-end tests of the index, search, speakers, quote and check commands:
// runs the whosaid binary on JSONL written from hand-built articles and
// checks exit codes and output.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "src/testing/article_builder.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

struct CommandRun {
  int exit_code = -1;
  std::string out;
};

CommandRun RunWhosaid(const std::string& args) {
  std::string cmd = std::string(WHOSAID_BINARY) + " " + args + " 2>&1";
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("whosaid_cli_test_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "q.db").string();
    jsonl_ = (dir_ / "articles.jsonl").string();
    std::ofstream out(jsonl_);
    const char* text =
        "Mayor Ann Lee told reporters that \"the harbour will reopen on Monday after the long strike ends\". "
        "Union leader Tom Berg said talks had failed.";
    const char* quote = "\"the harbour will reopen on Monday after the long strike ends\"";
    for (int i = 0; i < 3; ++i) {
      const char* outlets[] = {"Coast Herald", "Bay Times", "Harbour Daily"};
      Article a = testing::ArticleBuilder("h" + std::to_string(i), text)
                      .Url("https://news.example/h" + std::to_string(i))
                      .Publisher(outlets[i])
                      .Date("2025-06-0" + std::to_string(3 - i))
                      .AddPerson("p1", i == 0 ? "Ann Lee" : "Lee", {"Mayor"})
                      .AddPerson("p2", "Tom Berg", {"Union leader"})
                      .AddQuote(quote, "p1", QuoteType::kDirect, "reporters")
                      .AddQuote("talks had failed", "p2", QuoteType::kIndirect)
                      .Build();
      out << ArticleToJson(a, false) << "\n";
    }
    out << "{\"text\": 42}\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string db_, jsonl_;
};

TEST_F(StoreCliTest, IndexesSearchesAndChecks) {
  CommandRun idx = RunWhosaid("index " + db_ + " " + jsonl_);
  EXPECT_EQ(idx.exit_code, 1) << idx.out;  // The bad last line is reported.
  EXPECT_NE(idx.out.find("articles.jsonl:4: member 'text'"), std::string::npos) << idx.out;
  EXPECT_NE(idx.out.find("3 added"), std::string::npos) << idx.out;
  CommandRun again = RunWhosaid("index " + db_ + " " + jsonl_);
  EXPECT_NE(again.out.find("0 added, 3 already present"), std::string::npos) << again.out;

  CommandRun search = RunWhosaid("search " + db_ + " harbour --speaker Lee --format csv");
  EXPECT_EQ(search.exit_code, 0) << search.out;
  EXPECT_NE(search.out.find("Ann Lee"), std::string::npos) << search.out;
  EXPECT_EQ(std::count(search.out.begin(), search.out.end(), '\n'), 4) << search.out;  // Header + 3.

  CommandRun speakers = RunWhosaid("speakers " + db_ + " --top 1");
  EXPECT_EQ(speakers.exit_code, 0);
  EXPECT_NE(speakers.out.find("Ann Lee"), std::string::npos) << speakers.out;
  EXPECT_EQ(speakers.out.find("Tom Berg"), std::string::npos) << speakers.out;

  CommandRun quote = RunWhosaid("quote " + db_ + " 1");
  EXPECT_EQ(quote.exit_code, 0) << quote.out;
  EXPECT_NE(quote.out.find("First seen:  2025-06-01, Harbour Daily"), std::string::npos) << quote.out;
  EXPECT_NE(quote.out.find("Harbour Daily, Bay Times, Coast Herald"), std::string::npos) << quote.out;

  CommandRun check = RunWhosaid("check " + db_ + " \"The harbour will reopen Monday after the strike\" --speaker \"Tom Berg\"");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("possible misattribution"), std::string::npos) << check.out;
  check = RunWhosaid("check " + db_ + " \"the harbour will reopen on Monday\" --speaker Lee --format jsonl");
  EXPECT_NE(check.out.find("\"misattributed\":false"), std::string::npos) << check.out;
}

TEST_F(StoreCliTest, BulkIndexGivesTheSameAnswersAndThenAddsIncrementally) {
  std::string incremental = (dir_ / "incremental.db").string();
  ASSERT_EQ(RunWhosaid("index " + incremental + " " + jsonl_).exit_code, 1);  // The bad line.
  CommandRun idx = RunWhosaid("index --bulk --article-text " + db_ + " " + jsonl_);
  EXPECT_EQ(idx.exit_code, 1) << idx.out;  // The bad line is reported; the rest is installed.
  EXPECT_NE(idx.out.find("3 added"), std::string::npos) << idx.out;
  EXPECT_TRUE(std::filesystem::exists(db_));
  EXPECT_FALSE(std::filesystem::exists(db_ + ".bulk-partial"));
  for (const char* query : {"search %s harbour --format jsonl", "speakers %s", "quote %s 2", "search %s --speaker Berg"}) {
    char bulk_cmd[512], incremental_cmd[512];
    std::snprintf(bulk_cmd, sizeof bulk_cmd, query, db_.c_str());
    std::snprintf(incremental_cmd, sizeof incremental_cmd, query, incremental.c_str());
    CommandRun from_bulk = RunWhosaid(bulk_cmd);
    EXPECT_EQ(from_bulk.exit_code, 0) << from_bulk.out;
    EXPECT_EQ(from_bulk.out, RunWhosaid(incremental_cmd).out) << query;
  }
  // DB exists now: --bulk adds incrementally, and adds nothing again.
  CommandRun again = RunWhosaid("index --bulk " + db_ + " " + jsonl_);
  EXPECT_NE(again.out.find("0 added, 3 already present"), std::string::npos) << again.out;
}

TEST_F(StoreCliTest, ReportsUsageAndDatabaseErrors) {
  EXPECT_EQ(RunWhosaid("index").exit_code, 2);
  EXPECT_EQ(RunWhosaid("index " + db_).exit_code, 2);
  EXPECT_EQ(RunWhosaid("search").exit_code, 2);
  EXPECT_EQ(RunWhosaid("search " + db_ + " --type loud").exit_code, 2);
  EXPECT_EQ(RunWhosaid("search " + db_ + " --limit 0").exit_code, 2);
  CommandRun missing = RunWhosaid("search " + (dir_ / "missing.db").string() + " x");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("missing.db"), std::string::npos) << missing.out;
  CommandRun not_db = RunWhosaid("search " + jsonl_ + " x");
  EXPECT_EQ(not_db.exit_code, 1);
  EXPECT_NE(not_db.out.find("not a whosaid database"), std::string::npos) << not_db.out;
  ASSERT_EQ(RunWhosaid("index " + db_ + " " + jsonl_).exit_code, 1);
  EXPECT_EQ(RunWhosaid("quote " + db_ + " 999").exit_code, 1);
  EXPECT_EQ(RunWhosaid("quote " + db_ + " abc").exit_code, 2);
}

}  // namespace
}  // namespace whosaid
