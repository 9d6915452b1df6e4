// End-to-end behaviour of `whosaid extract` on bad input: every failure is
// named on stderr, the other inputs are still written, and the exit code
// tells the truth.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "src/testing/expectations.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

RunResult RunWhosaid(const std::string& args) {
  fs::path dir = fs::temp_directory_path();
  std::string out_path = (dir / ("whosaid_cli_out_" + std::to_string(getpid()))).string();
  std::string err_path = (dir / ("whosaid_cli_err_" + std::to_string(getpid()))).string();
  std::string cmd = std::string(WHOSAID_BINARY) + " " + args + " >" + out_path + " 2>" + err_path + " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  testing::ReadFile(out_path, &r.out);
  testing::ReadFile(err_path, &r.err);
  fs::remove(out_path);
  fs::remove(err_path);
  return r;
}

class ExtractCliBadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("whosaid_cli_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    Write("good.txt", "Maria Lopez said the vote was fair.\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return (dir_ / name).string();
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  size_t Lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }
  fs::path dir_;
};

TEST_F(ExtractCliBadInput, GoodInputExitsZeroWithOneLinePerArticle) {
  RunResult r = RunWhosaid("extract " + Path("good.txt") + " " + Path("good.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2u);
  EXPECT_NE(r.out.find("\"speaker\":\"Maria Lopez\""), std::string::npos);
}

TEST_F(ExtractCliBadInput, NoAttributionGivesTheCleanArticleOnly) {
  RunResult r = RunWhosaid("extract --no-attribution " + Path("good.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"Maria Lopez said the vote was fair.\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"quotes\":[]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"people\":[]"), std::string::npos) << r.out;
}

TEST_F(ExtractCliBadInput, EachBadInputIsNamedAndTheRestIsWritten) {
  Write("empty.txt", "   \n\n");
  Write("binary.bin", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  fs::create_directories(dir_ / "adir");
  struct BadInput {
    std::string path;
    const char* why;
  } cases[] = {
      {Path("missing.txt"), "No such file"},
      {Path("adir"), "no input files"},  // Folders are read recursively; an empty one fails.
      {Path("binary.bin"), "binary data"},
      {Path("empty.txt"), "empty input"},
  };
  for (const BadInput& c : cases) {
    SCOPED_TRACE(c.path);
    RunResult r = RunWhosaid("extract " + c.path + " " + Path("good.txt"));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(c.path), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.why), std::string::npos) << r.err;
    EXPECT_EQ(Lines(r.out), 1u) << "the good input must still be written";
  }
}

TEST_F(ExtractCliBadInput, InvalidUtf8IsRepairedAndWarned) {
  std::string path = Write("latin1.txt", "Jos\xE9" " Garc\xED" "a said the vote was fair.\n");
  RunResult r = RunWhosaid("extract " + path);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("Jos\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(ExtractCliBadInput, UnbalancedQuotesDoNotStopExtraction) {
  std::string path = Write("unbalanced.txt", "\"He said \u201Cno and \"left. \u201D\u201D Maria Lopez said the vote was fair.\n");
  RunResult r = RunWhosaid("extract " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 1u);
}

TEST_F(ExtractCliBadInput, FiftyMegabyteSingleLineFileCompletes) {
  std::string line;
  line.reserve(50u << 20);
  // Mostly prose with a statement now and then: one enormous sentence that
  // any quadratic step would never finish.
  const std::string prose = "the river ran past the old mill and the fields were green again, ";
  const std::string statement = "Maria Lopez said \"the vote was fair\" and he added that it was final, ";
  for (int i = 0; line.size() < (50u << 20); ++i) line += i % 50 == 0 ? statement : prose;
  std::string path = Write("huge.txt", line);
  RunResult r = RunWhosaid("extract --raw " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 500);
  EXPECT_EQ(Lines(r.out), 1u);
}

TEST_F(ExtractCliBadInput, RawModeKeepsTheInputAsText) {
  std::string body = "date 2025-03-01 + \u21BA \u2212 16 px\n\nMaria Lopez said the vote was fair.\n\nNews.Az";
  std::string path = Write("raw.txt", body);
  RunResult r = RunWhosaid("extract --raw " + path);
  ASSERT_EQ(r.exit_code, 0);
  // The JSON escapes only quotes, backslashes, control characters and <>&.
  EXPECT_NE(r.out.find("\"text\":\"date 2025-03-01 + \u21BA \u2212 16 px\\n\\nMaria"), std::string::npos) << r.out;
}

TEST_F(ExtractCliBadInput, BadFlagsAreUsageErrors) {
  EXPECT_EQ(RunWhosaid("extract --date 2025-13-45 " + Path("good.txt")).exit_code, 2);
  EXPECT_EQ(RunWhosaid("extract --nope " + Path("good.txt")).exit_code, 2);
  EXPECT_EQ(RunWhosaid("frobnicate").exit_code, 2);
}

TEST_F(ExtractCliBadInput, NumbersInFlagsMustBeWholeAndInRange) {
  // "2x" used to read as 2; a number too large for any integer as garbage.
  for (const char* bad : {"2x", "0", "1025", "99999999999999999999", "", " 2", "+2"}) {
    RunResult r = RunWhosaid("extract --threads '" + std::string(bad) + "' " + Path("good.txt"));
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("--threads needs a number from 1 to 1024"), std::string::npos) << r.err;
  }
  EXPECT_EQ(RunWhosaid("extract --threads 2 " + Path("good.txt")).exit_code, 0);
  EXPECT_EQ(RunWhosaid("index " + Path("x.db") + " --batch 10k " + Path("good.txt")).exit_code, 2);
  EXPECT_EQ(RunWhosaid("eval polnear " + Path("") + " --limit 5x").exit_code, 2);
  for (const char* command : {"train-cues", "train-spans"}) {
    RunResult epochs = RunWhosaid(std::string(command) + " " + Path("") + " --out " + Path("m.bin") + " --epochs 3x");
    EXPECT_EQ(epochs.exit_code, 2) << command;
    EXPECT_NE(epochs.err.find("--epochs needs a number from 1 to 1000"), std::string::npos) << epochs.err;
    EXPECT_EQ(RunWhosaid(std::string(command) + " " + Path("")).exit_code, 2) << command;  // No --out.
  }
}

}  // namespace
}  // namespace whosaid
