// Fault injection against the whosaid binary: an indexer killed with SIGKILL
// at random points over many trials, writes that fail because the disk is
// "full" (RLIMIT_FSIZE makes every write past a size fail with EFBIG, as a
// full filesystem would), databases that cannot be written, and inputs in the
// middle of a batch that are truncated, unreadable or gone. Each asserts what
// the data looks like afterwards, never how long anything took.
//
// CI runs as root, and root reads and writes files whatever their mode. So
// the tests that need a permission to be refused run the binary as the
// unprivileged user nobody (uid 65534) when they run as root.
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "src/testing/article_builder.h"
#include "src/warc/warc_writer.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;

constexpr uid_t kNobody = 65534;

struct ChildOptions {
  bool as_nobody = false;       // Drop to uid/gid 65534 when running as root.
  off_t file_size_limit = 0;    // RLIMIT_FSIZE in bytes; 0 for none.
  std::string stdin_path;       // File to read as stdin; "" for /dev/null.
};

struct ChildResult {
  int exit_code = -1;  // -1 when killed by a signal.
  int signal = 0;
  std::string output;  // stdout and stderr together.
};

// Starts the whosaid binary with args; its output goes to out_path.
pid_t StartWhosaid(const std::vector<std::string>& args, const ChildOptions& options,
                   const std::string& out_path) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  int in = open(options.stdin_path.empty() ? "/dev/null" : options.stdin_path.c_str(), O_RDONLY);
  if (out < 0 || in < 0) _exit(120);
  dup2(in, 0);
  dup2(out, 1);
  dup2(out, 2);
  if (options.file_size_limit > 0) {
    // Without this the kernel kills the writer instead of failing the write.
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {static_cast<rlim_t>(options.file_size_limit),
                           static_cast<rlim_t>(options.file_size_limit)};
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(121);
  }
  if (options.as_nobody && getuid() == 0) {
    if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(122);
  }
  std::vector<char*> argv;
  std::string binary = WHOSAID_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(123);
}

ChildResult Wait(pid_t pid, const std::string& out_path) {
  ChildResult r;
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  std::ifstream in(out_path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  r.output = ss.str();
  return r;
}

ChildResult RunWhosaid(const std::vector<std::string>& args, const ChildOptions& options,
                       const std::string& out_path) {
  return Wait(StartWhosaid(args, options, out_path), out_path);
}

// Every row of every table, sorted: the content of a whosaid database. FTS5
// shadow tables are left out (their layout depends on how merges fell), but
// the FTS tables themselves are read, so their content counts.
std::vector<std::string> DumpDatabase(const std::string& path) {
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return {"cannot open " + path};
  }
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                     "AND name NOT GLOB '*_fts_*' ORDER BY name",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  for (const std::string& table : tables) {
    std::vector<std::string> table_rows;
    if (sqlite3_prepare_v2(db, ("SELECT * FROM \"" + table + "\"").c_str(), -1, &st, nullptr) != SQLITE_OK) {
      rows.push_back(table + ": " + sqlite3_errmsg(db));
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row = table;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        row.push_back('|');
        if (v == nullptr) {
          row.append("NULL");
        } else {
          row.append(reinterpret_cast<const char*>(v), static_cast<size_t>(sqlite3_column_bytes(st, c)));
        }
      }
      table_rows.push_back(std::move(row));
    }
    sqlite3_finalize(st);
    std::sort(table_rows.begin(), table_rows.end());
    rows.insert(rows.end(), table_rows.begin(), table_rows.end());
  }
  sqlite3_close(db);
  return rows;
}

// Returns "ok" when SQLite's and FTS5's integrity checks pass, else what
// they said.
std::string IntegrityCheck(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_close(db);
    return "cannot open: " + msg;
  }
  std::string result;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) result += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  for (const char* fts : {"quote_fts", "article_fts"}) {
    std::string sql = std::string("INSERT INTO ") + fts + "(" + fts + ") VALUES('integrity-check')";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      result += std::string(" ") + fts + ": " + sqlite3_errmsg(db);
    }
  }
  sqlite3_close(db);
  return result;
}

int64_t CountArticles(const std::string& path) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM articles", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

// Writes n distinct whosaid JSONL articles, each with two people and two
// quotes; `words` pads each text so the database grows as wanted.
void WriteArticles(const std::string& path, int first, int n, int words = 0) {
  std::ofstream out(path);
  const char* surnames[] = {"Lee", "Berg", "Okafor", "Novak", "Silva", "Haddad", "Kowalski", "Tanaka"};
  for (int i = first; i < first + n; ++i) {
    std::string num = std::to_string(i);
    std::string speaker = std::string("Ann ") + surnames[i % 8];
    std::string other = std::string("Tom ") + surnames[(i + 3) % 8];
    std::string quote = "\"the harbour number " + num + " will reopen once the strike ends\"";
    std::string indirect = "talks on pier " + num + " had failed";
    std::string text = "Mayor " + speaker + " told reporters that " + quote + ". Union leader " + other +
                       " said " + indirect + ".";
    for (int w = 0; w < words; ++w) text += " filler" + std::to_string((i * 131 + w * 7) % 9973);
    Article a = testing::ArticleBuilder("a" + num, text)
                    .Url("https://news.example/" + num)
                    .Publisher(i % 2 ? "Coast Herald" : "Bay Times")
                    .Date("2025-06-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1))
                    .AddPerson("p1", speaker, {"Mayor"})
                    .AddPerson("p2", other, {"Union leader"})
                    .AddQuote(quote, "p1", QuoteType::kDirect, "reporters")
                    .AddQuote(indirect, "p2", QuoteType::kIndirect)
                    .Build();
    out << ArticleToJson(a, false) << "\n";
  }
}

void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db + suffix);
}

class FaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("whosaid_fault_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // nobody must be able to enter the directory and read what is in it.
    fs::permissions(dir_, fs::perms::all);
  }
  void TearDown() override {
    std::error_code ec;
    for (auto& e : fs::recursive_directory_iterator(dir_, ec)) fs::permissions(e.path(), fs::perms::owner_all, ec);
    fs::permissions(dir_, fs::perms::all, ec);
    fs::remove_all(dir_, ec);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  // True when the binary can be run as an unprivileged user here (it may
  // sit in a directory nobody cannot enter).
  bool CanDropPrivileges() {
    if (getuid() != 0) return true;
    ChildOptions as_nobody;
    as_nobody.as_nobody = true;
    return RunWhosaid({"--help"}, as_nobody, Path("probe.out")).exit_code == 0;
  }

  fs::path dir_;
};

// A SIGKILL at a random point of an index run, over many trials. Each kill
// point is drawn (with a fixed seed) from the span of an uninterrupted run,
// so kills fall before, during and between the batch transactions.
TEST_F(FaultTest, KilledIndexerLeavesAnIntactDatabaseAndARerunMatchesAnUninterruptedRun) {
  constexpr int kTrials = 30;
  constexpr int kArticles = 200;
  constexpr int kBatch = 10;
  std::string input = Path("in.jsonl");
  WriteArticles(input, 0, kArticles);
  std::vector<std::string> index_args = {"index", "--batch", std::to_string(kBatch), "", input};

  std::string reference = Path("reference.db");
  index_args[3] = reference;
  auto begin = std::chrono::steady_clock::now();
  ChildResult ref = RunWhosaid(index_args, {}, Path("ref.out"));
  auto span_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - begin).count();
  ASSERT_EQ(ref.exit_code, 0) << ref.output;
  std::vector<std::string> expected = DumpDatabase(reference);
  ASSERT_EQ(CountArticles(reference), kArticles);

  std::mt19937 random(20250601);
  std::uniform_int_distribution<int64_t> kill_at(0, span_us);
  std::string db = Path("trial.db");
  index_args[3] = db;
  int killed_with_work_committed = 0, killed_before_any = 0, finished = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    RemoveDatabase(db);
    pid_t pid = StartWhosaid(index_args, {}, Path("trial.out"));
    usleep(static_cast<useconds_t>(kill_at(random)));
    kill(pid, SIGKILL);
    ChildResult killed = Wait(pid, Path("trial.out"));
    if (killed.signal != SIGKILL) ++finished;
    if (fs::exists(db) && CountArticles(db) == -1) {
      // Killed before the schema transaction committed: no table at all.
      EXPECT_EQ(DumpDatabase(db), std::vector<std::string>{});
      ++killed_before_any;
    } else if (fs::exists(db)) {
      ASSERT_EQ(IntegrityCheck(db), "ok");
      int64_t committed = CountArticles(db);
      // Whole batches or nothing; -1 when killed before the schema existed.
      if (committed > 0) {
        EXPECT_EQ(committed % kBatch, 0) << committed;
        ++killed_with_work_committed;
      } else {
        ++killed_before_any;
      }
    } else {
      ++killed_before_any;
    }
    ChildResult rerun = RunWhosaid(index_args, {}, Path("rerun.out"));
    ASSERT_EQ(rerun.exit_code, 0) << rerun.output;
    ASSERT_EQ(IntegrityCheck(db), "ok");
    ASSERT_EQ(DumpDatabase(db), expected);
  }
  std::printf("killed indexer: %d trials; %d killed after committing some batches, %d before any, "
              "%d finished first\n",
              kTrials, killed_with_work_committed, killed_before_any, finished);
}

// Disk full: every write past a size fails (RLIMIT_FSIZE, EFBIG). The index
// run must say so and exit 1, and the articles indexed before must be intact.
// Tried at several sizes, so the failure falls in the WAL, the database file
// and a checkpoint.
TEST_F(FaultTest, FullDiskFailsTheIndexRunClearlyAndKeepsExistingData) {
  std::string base_input = Path("base.jsonl"), more_input = Path("more.jsonl");
  WriteArticles(base_input, 0, 40);
  WriteArticles(more_input, 1000, 150, /*words=*/300);
  std::string base = Path("base.db");
  ASSERT_EQ(RunWhosaid({"index", base, base_input}, {}, Path("base.out")).exit_code, 0);
  ASSERT_FALSE(fs::exists(base + "-wal"));  // Closed cleanly: one file.
  std::vector<std::string> before = DumpDatabase(base);
  off_t base_size = static_cast<off_t>(fs::file_size(base));

  const off_t kHeadroom[] = {0, 4096, 32768, 131072, 262144};
  std::string db = Path("full.db");
  for (off_t headroom : kHeadroom) {
    SCOPED_TRACE("headroom " + std::to_string(headroom));
    RemoveDatabase(db);
    fs::copy_file(base, db);
    ChildOptions full;
    full.file_size_limit = base_size + headroom;
    // One transaction for the whole input, so a failure must leave exactly
    // what was there before.
    ChildResult r = RunWhosaid({"index", "--batch", "100000", db, more_input}, full, Path("full.out"));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_EQ(r.signal, 0);
    EXPECT_NE(r.output.find("full"), std::string::npos) << r.output;  // SQLite: "database or disk is full".
    EXPECT_EQ(IntegrityCheck(db), "ok");
    EXPECT_EQ(DumpDatabase(db), before);
  }
  // With room again, the same run completes.
  ChildResult r = RunWhosaid({"index", db, more_input}, {}, Path("room.out"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(CountArticles(db), 190);
}

// search, speakers and quote on a database that cannot be written: a 0444
// file in a 0555 directory, read by a user who owns neither.
TEST_F(FaultTest, SearchWorksOnAReadOnlyDatabaseInAReadOnlyDirectory) {
  if (!CanDropPrivileges()) GTEST_SKIP() << "cannot run the binary as nobody here";
  std::string input = Path("in.jsonl");
  WriteArticles(input, 0, 20);
  fs::create_directories(dir_ / "ro");
  std::string db = Path("ro/q.db");
  ASSERT_EQ(RunWhosaid({"index", db, input}, {}, Path("index.out")).exit_code, 0);
  ASSERT_FALSE(fs::exists(db + "-wal"));
  ASSERT_FALSE(fs::exists(db + "-shm"));
  std::vector<std::string> before = DumpDatabase(db);
  fs::remove(db + "-shm");  // Reading as root may leave these; nobody could not.
  fs::remove(db + "-wal");
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  ChildOptions reader;
  reader.as_nobody = true;

  ChildResult search = RunWhosaid({"search", db, "harbour", "--speaker", "Lee"}, reader, Path("search.out"));
  EXPECT_EQ(search.exit_code, 0) << search.output;
  EXPECT_NE(search.output.find("harbour number 0 will reopen"), std::string::npos) << search.output;
  ChildResult speakers = RunWhosaid({"speakers", db}, reader, Path("speakers.out"));
  EXPECT_EQ(speakers.exit_code, 0) << speakers.output;
  EXPECT_NE(speakers.output.find("Ann Lee"), std::string::npos) << speakers.output;
  // Adding articles is refused with a message, and nothing changes.
  std::string more = Path("more.jsonl");
  WriteArticles(more, 100, 5);
  fs::permissions(more, fs::perms::all);
  ChildResult index = RunWhosaid({"index", db, more}, reader, Path("write.out"));
  EXPECT_EQ(index.exit_code, 1) << index.output;
  EXPECT_NE(index.output.find(db + ": cannot read the database"), std::string::npos) << index.output;
  EXPECT_EQ(DumpDatabase(db), before);
}

// A batch whose middle inputs cannot be read: one truncated (a WARC.gz cut
// in the middle of a member), one the user may not read, one whose reads
// fail with EIO (/proc/self/mem), and one that vanished after it was
// listed. Each is reported by name and the rest of the batch is extracted.
// (A file unlinked while open stays readable on Linux, and one truncated
// while read reads as the truncated input above.)
TEST_F(FaultTest, UnreadableInputsInTheMiddleOfABatchAreReportedAndTheRestCompletes) {
  if (!CanDropPrivileges()) GTEST_SKIP() << "cannot run the binary as nobody here";
  fs::create_directories(dir_ / "batch");
  auto write = [&](const std::string& name, const std::string& data) {
    std::ofstream(Path("batch/" + name), std::ios::binary) << data;
    fs::permissions(Path("batch/" + name), fs::perms::all);
  };
  write("a_first.txt", "Mayor Ann Lee said on Monday that the harbour would reopen after the strike.\n");
  std::string warc;
  internal::WarcRecordSpec spec;
  spec.target_uri = "https://news.example/b";
  spec.block = internal::MakeHttpResponse(
      "<html><body><article><p>Union leader Tom Berg said talks had failed and that the strike "
      "would go on for weeks.</p></article></body></html>",
      "text/html", false, false);
  internal::AppendWarcRecord(spec, /*gzip=*/true, &warc);
  write("b_truncated.warc.gz", warc.substr(0, warc.size() / 2));
  write("c_denied.txt", "Nobody may read this file, the officials said.\n");
  fs::permissions(Path("batch/c_denied.txt"), fs::perms::none);
  write("d_last.txt", "Harbour master Ines Silva said the first ships would dock on Friday.\n");

  std::string paths = Path("paths.txt");
  std::ofstream(paths) << Path("batch/a_first.txt") << "\n"
                       << Path("batch/b_truncated.warc.gz") << "\n"
                       << Path("batch/c_denied.txt") << "\n"
                       << "/proc/self/mem\n"
                       << Path("batch/vanished.txt") << "\n"
                       << Path("batch/d_last.txt") << "\n";
  fs::permissions(paths, fs::perms::all);
  ChildOptions options;
  options.as_nobody = true;
  options.stdin_path = paths;
  ChildResult r = RunWhosaid({"extract", "--threads", "1", "--paths-from-stdin"}, options, Path("out.txt"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("Ann Lee"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Ines Silva"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("b_truncated.warc.gz"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("truncated gzip"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("c_denied.txt: Permission denied"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("/proc/self/mem"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("vanished.txt"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("Nobody may read"), std::string::npos) << r.output;
}

// The same for index: the unreadable inputs are reported, the rest indexed.
TEST_F(FaultTest, IndexReportsUnreadableInputsAndIndexesTheRest) {
  if (!CanDropPrivileges()) GTEST_SKIP() << "cannot run the binary as nobody here";
  WriteArticles(Path("first.jsonl"), 0, 5);
  WriteArticles(Path("last.jsonl"), 100, 5);
  WriteArticles(Path("denied.jsonl"), 200, 5);
  std::string full = Path("truncated.jsonl");
  WriteArticles(full, 300, 5);
  fs::resize_file(full, fs::file_size(full) - 40);  // Cut inside the last line.
  for (auto& e : fs::directory_iterator(dir_)) fs::permissions(e.path(), fs::perms::all);
  fs::permissions(Path("denied.jsonl"), fs::perms::none);
  ChildOptions options;
  options.as_nobody = true;
  std::string db = Path("q.db");
  ChildResult r = RunWhosaid({"index", db, Path("first.jsonl"), Path("truncated.jsonl"), Path("denied.jsonl"),
                              "/proc/self/mem", Path("vanished.jsonl"), Path("last.jsonl")},
                             options, Path("out.txt"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("truncated.jsonl:5"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("denied.jsonl: Permission denied"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("/proc/self/mem"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("vanished.jsonl"), std::string::npos) << r.output;
  EXPECT_EQ(CountArticles(db), 14);  // 5 + 4 whole lines of the truncated file + 5.
}

}  // namespace
}  // namespace whosaid
