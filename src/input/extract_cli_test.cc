// End-to-end tests of `whosaid extract` on inputs built here: output order
// and content do not depend on the thread count, shards processed apart and
// concatenated equal one run, and bad records are counted, not fatal.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <utility>
#include <string>

#include "src/warc/warc_writer.h"

namespace whosaid {
namespace {

struct RunResult {
  std::string out;
  int exit_code = -1;
};

// Runs the binary with args; stderr goes to err_path.
RunResult RunWhosaid(const std::string& args, const std::string& err_path = "/dev/null") {
  std::string cmd = std::string(WHOSAID_BINARY) + " " + args + " 2>" + err_path;
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Page(int i) {
  std::string n = std::to_string(i);
  return "<html><head><title>Story " + n + " headline here</title>"
         "<meta property=\"article:published_time\" content=\"2024-02-1" + std::to_string(i % 10) + "\"></head>"
         "<body><nav><a href=/>Home</a></nav><article><p>Story " + n + " begins: the committee met on "
         "Tuesday, officials said, and agreed on a plan for the river crossing, number " + n + ".</p>"
         "<p>\"We have listened to residents,\" said Ana Ruiz, the chair, adding that work would start soon.</p>"
         "</article></body></html>";
}

class ExtractCli : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/whosaid_cli_XXXXXX";
    dir_ = mkdtemp(tmpl);
    std::string shard1, shard2;
    for (int i = 0; i < 12; ++i) {
      internal::WarcRecordSpec spec;
      spec.target_uri = "https://news.example/story/" + std::to_string(i);
      spec.block = internal::MakeHttpResponse(Page(i), "text/html", i % 2 == 0, i % 3 == 0);
      internal::AppendWarcRecord(spec, true, i < 6 ? &shard1 : &shard2);
      if (i == 3) {
        internal::WarcRecordSpec req;
        req.type = "request";
        req.block = "GET / HTTP/1.1\r\n\r\n";
        internal::AppendWarcRecord(req, true, &shard1);
      }
    }
    Write("shard1.warc.gz", shard1);
    Write("shard2.warc.gz", shard2);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& data) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << data;
  }
  std::string dir_;
};

TEST_F(ExtractCli, OutputIsTheSameWhateverTheThreadCount) {
  RunResult one = RunWhosaid("extract --threads 1 " + dir_);
  RunResult two = RunWhosaid("extract --threads 2 " + dir_);
  RunResult four = RunWhosaid("extract --threads 4 " + dir_);
  ASSERT_EQ(one.exit_code, 0);
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 12);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, four.out);
  EXPECT_NE(one.out.find("\"warc_target_uri\":\"https://news.example/story/0\""), std::string::npos);
  EXPECT_LT(one.out.find("story/5\""), one.out.find("story/6\""));
}

// Reports on stderr come in input order too: the same bytes on both
// streams whatever the thread count, on a mix of good and bad inputs.
TEST_F(ExtractCli, ThreadCountsGiveByteIdenticalOutputOnMixedInput) {
  std::ifstream in(dir_ + "/shard2.warc.gz", std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Write("shard2.warc.gz", data.substr(0, data.size() - 30));  // Truncate the last member.
  std::string damaged;
  internal::WarcRecordSpec image;
  image.block = internal::MakeHttpResponse(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'), "image/png",
                                           false, false);
  internal::AppendWarcRecord(image, true, &damaged);
  internal::WarcRecordSpec page;
  page.block = internal::MakeHttpResponse(Page(40), "text/html", false, true);
  internal::AppendWarcRecord(page, true, &damaged);
  damaged += "WARC/1.0\r\nContent-Length: banana\r\n\r\n";  // A corrupt header.
  Write("mixed.warc", damaged);
  Write("news.jsonl", "{\"maintext\": \"The mayor said on Monday that the bridge would reopen, and residents cheered.\","
                      " \"title\": \"Bridge\"}\nnot json at all\n{\"text\": \"\"}\n"
                      "{\"text\": \"Officials said the vote, held late on Friday, passed narrowly.\"}\n");
  Write("page.html", Page(41));
  Write("notes.txt", "The council said, after a long debate, that the budget would pass next week.\n");
  Write("empty.txt", "");
  Write("blob.bin", std::string("\x7f" "ELF\x02\x01\x01", 7) + std::string(200, '\0'));
  auto run = [&](int threads) {
    std::string err_path = dir_ + "/../whosaid_err_" + std::to_string(threads) + "_" + std::to_string(getpid());
    RunResult r = RunWhosaid("extract --threads " + std::to_string(threads) + " " + dir_ + " " + dir_ +
                             "/page.html", err_path);
    std::ifstream err_in(err_path);
    std::string err((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(err_path);
    return std::make_pair(r, err);
  };
  auto [one, one_err] = run(1);
  EXPECT_EQ(one.exit_code, 1);  // The empty and binary files fail the run.
  EXPECT_GE(std::count(one.out.begin(), one.out.end(), '\n'), 15);
  EXPECT_NE(one_err.find("failed"), std::string::npos) << one_err;
  EXPECT_NE(one_err.find("skipped"), std::string::npos) << one_err;
  for (int threads : {2, 3}) {
    auto [other, other_err] = run(threads);
    EXPECT_EQ(other.exit_code, one.exit_code) << threads;
    EXPECT_EQ(other.out, one.out) << threads;
    EXPECT_EQ(other_err, one_err) << threads;
  }
}

// On a terminal (a pseudo-terminal from script(1)) stderr carries a
// progress line with counts and rate; piped, it carries only the summary.
TEST_F(ExtractCli, ProgressLineOnlyOnATerminal) {
  // The line is refreshed every 64 records.
  for (int i = 0; i < 70; ++i) {
    Write("story" + std::to_string(i) + ".txt", "Report " + std::to_string(i) + ": the council met and voted.\n");
  }
  std::string err = dir_ + "/err.txt";
  RunWhosaid("extract --threads 1 " + dir_, err);
  std::ifstream piped(err);
  std::string piped_text((std::istreambuf_iterator<char>(piped)), std::istreambuf_iterator<char>());
  EXPECT_EQ(piped_text.find("records/s"), std::string::npos) << piped_text;
  EXPECT_NE(piped_text.find("whosaid extract: read"), std::string::npos);
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  std::string tty_log = dir_ + "/tty.txt";
  // script writes what the terminal showed; stdout goes to /dev/null first.
  std::string cmd = "script -qc '" + std::string(WHOSAID_BINARY) + " extract --threads 1 " + dir_ +
                    " >/dev/null' /dev/null > " + tty_log + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream tty(tty_log);
  std::string tty_text((std::istreambuf_iterator<char>(tty)), std::istreambuf_iterator<char>());
  EXPECT_NE(tty_text.find(" records, "), std::string::npos) << tty_text;
  EXPECT_NE(tty_text.find("records/s"), std::string::npos) << tty_text;
  EXPECT_NE(tty_text.find("whosaid extract: read"), std::string::npos) << tty_text;
}

TEST_F(ExtractCli, ShardsProcessedApartConcatenateToOneRun) {
  RunResult all = RunWhosaid("extract " + dir_ + "/shard1.warc.gz " + dir_ + "/shard2.warc.gz");
  RunResult a = RunWhosaid("extract " + dir_ + "/shard1.warc.gz");
  RunResult b = RunWhosaid("extract " + dir_ + "/shard2.warc.gz");
  ASSERT_FALSE(all.out.empty());
  EXPECT_EQ(all.out, a.out + b.out);
  // Paths on stdin, as Hadoop Streaming and Spark's RDD.pipe feed them.
  Write("paths.txt", dir_ + "/shard1.warc.gz\n" + dir_ + "/shard2.warc.gz\n");
  RunResult from_stdin = RunWhosaid("extract --paths-from-stdin < " + dir_ + "/paths.txt");
  EXPECT_EQ(all.out, from_stdin.out);
  // JSON Lines output fed back in reads as whosaid records.
  Write("out.jsonl", all.out);
  RunResult again = RunWhosaid("extract " + dir_ + "/out.jsonl");
  EXPECT_EQ(std::count(again.out.begin(), again.out.end(), '\n'), 12);
}

TEST_F(ExtractCli, BadRecordsAreCountedAndFailOnlyWithStrict) {
  std::ifstream in(dir_ + "/shard2.warc.gz", std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Write("shard2.warc.gz", data.substr(0, data.size() - 30));  // Truncate the last member.
  RunResult loose = RunWhosaid("extract " + dir_);
  EXPECT_EQ(loose.exit_code, 0);
  EXPECT_EQ(std::count(loose.out.begin(), loose.out.end(), '\n'), 11);
  RunResult strict = RunWhosaid("extract --strict " + dir_);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, loose.out);
  std::string cmd = std::string(WHOSAID_BINARY) + " extract " + dir_ + " 2>&1 >/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string err;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) err.append(buf, n);
  pclose(p);
  EXPECT_NE(err.find("read 13, extracted 11, skipped 1, failed 1"), std::string::npos) << err;
  EXPECT_NE(err.find("skipped 1: WARC request record"), std::string::npos) << err;
}

}  // namespace
}  // namespace whosaid
