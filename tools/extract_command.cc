// whosaid extract: news in (HTML, WARC, JSON Lines, plain text, directories,
// stdin), one JSON object per article out, in input order whatever the
// thread count. Records are read in bounded batches, extracted in parallel
// and written in order, so memory stays bounded on inputs of any size.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "tools/cli.h"
#include "whosaid/pipeline.h"
#include "whosaid/reader.h"

namespace whosaid::cli {
namespace {

const char kExtractHelp[] =
    "Usage: whosaid extract [options] PATH... | -\n"
    "Reads news articles and writes one JSON object per article (JSON Lines)\n"
    "to stdout, in input order. Each PATH may be a file or a directory (read\n"
    "recursively); '-' reads stdin. Formats are detected by content: HTML\n"
    "(optionally gzipped), WARC and WARC.gz, JSON Lines (news-please or whosaid\n"
    "records), plain text.\n"
    "  --threads N     worker threads (default: all cores)\n"
    "  --paths-from-stdin  read the paths to process from stdin, one per line\n"
    "  --strict        also exit 1 when a record inside a WARC or JSONL file failed\n"
    "  --raw           plain-text input is already the body: text equals it exactly\n"
    "  --date DATE     publication date (YYYY-MM-DD), overriding what the input says\n"
    "  --pretty        indent the JSON for reading\n"
    "Bad records are reported on stderr (file, offset, reason), counted in the\n"
    "summary and skipped. A progress line is shown when stderr is a terminal.\n"
    "Exit status: 0 when every named input was read; 1 when a file could not be\n"
    "read (missing, unreadable, empty, binary) or, with --strict, when any record\n"
    "failed; 2 on bad usage. Skipped and failed records are reported and counted.\n";

struct Outcome {
  std::string json;    // The article line, when extracted.
  std::string reason;  // Else why not.
  bool failed = false; // Failed (damaged input) rather than skipped.
  std::vector<std::string> warnings;  // From an extracted article.
};

// Groups reasons for the summary: "non-HTML payload (image/png)" and
// "non-HTML payload (application/pdf)" count together.
std::string ReasonKey(const std::string& reason) {
  std::string key = reason.substr(0, reason.find(" ("));
  size_t colon = key.find(": ");
  // Extraction messages start with the record id ("file@12: no article text").
  if (colon != std::string::npos && key.find('/') < colon) key = key.substr(colon + 2);
  size_t at = key.find(" at byte ");
  if (at != std::string::npos) key = key.substr(0, at);
  return key;
}

class ExtractRun {
 public:
  ExtractRun(const ExtractOptions& options, bool pretty, int threads)
      : options_(options), pretty_(pretty), threads_(threads), progress_(isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()) {}

  void ProcessFile(const std::string& path) {
    StatusOr<std::unique_ptr<InputReader>> reader = InputReader::Open(path, ReaderOptions{});
    if (!reader.ok()) {
      Report(reader.status().message());
      ++failed_;
      ++inputs_failed_;
      ++failed_by_["unreadable file"];
      return;
    }
    int64_t read_before = read_;
    InputRecord record;
    bool more = true;
    while (more) {
      batch_.clear();
      size_t bytes = 0;
      while (batch_.size() < kBatchRecords && bytes < kBatchBytes && (more = (*reader)->Next(&record))) {
        bytes += record.data.size();
        batch_.push_back(std::move(record));
        record = InputRecord();
      }
      RunBatch();
    }
    if (read_ == read_before) FailInput(path + ": no input records");
  }

  // Counts a named input that gave nothing to read.
  void FailInput(const std::string& message) {
    Report(message);
    ++failed_;
    ++inputs_failed_;
    ++failed_by_["no input files"];
  }

  int Finish(bool strict) {
    std::fflush(stdout);
    if (progress_) std::fputs("\r\033[K", stderr);
    std::string summary = "whosaid extract: read " + std::to_string(read_) + ", extracted " +
                          std::to_string(extracted_) + ", skipped " + std::to_string(skipped_) +
                          ", failed " + std::to_string(failed_) + "\n";
    for (const auto& [reason, n] : skipped_by_) summary += "  skipped " + std::to_string(n) + ": " + reason + "\n";
    for (const auto& [reason, n] : failed_by_) summary += "  failed " + std::to_string(n) + ": " + reason + "\n";
    std::fputs(summary.c_str(), stderr);
    // A file named on the command line (or a plain file in a named folder)
    // that could not be read fails the run; a damaged record inside a WARC
    // or JSONL file is skipped and counted, and fails it only with --strict.
    if (inputs_failed_ > 0) return kExitInputFailed;
    return strict && failed_ > 0 ? kExitInputFailed : kExitOk;
  }

 private:
  static constexpr size_t kBatchRecords = 512;
  static constexpr size_t kBatchBytes = size_t{64} << 20;

  void Report(const std::string& message) {
    if (progress_) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "whosaid extract: %s\n", message.c_str());
  }

  Outcome Process(const InputRecord& r) const {
    Outcome o;
    if (r.kind != InputRecord::Kind::kDocument) {
      o.reason = r.reason;
      o.failed = r.kind == InputRecord::Kind::kFailed;
      return o;
    }
    StatusOr<Article> a = ExtractRecord(r, options_);
    if (!a.ok()) {
      o.reason = a.status().message();
      // A page without article text or of an unknown charset is skipped;
      // damaged data (binary, bad JSON) failed.
      o.failed = a.status().code() != Status::Code::kNotFound &&
                 a.status().code() != Status::Code::kUnsupported;
      return o;
    }
    o.warnings = a->warnings;
    o.json = ArticleToJson(*a, pretty_);
    o.json.push_back('\n');
    return o;
  }

  void RunBatch() {
    if (batch_.empty()) return;
    std::vector<Outcome> outcomes(batch_.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < batch_.size();) outcomes[i] = Process(batch_[i]);
    };
    int n = std::min<int>(threads_, static_cast<int>(batch_.size()));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    for (size_t i = 0; i < batch_.size(); ++i) {
      const InputRecord& r = batch_[i];
      Outcome& o = outcomes[i];
      ++read_;
      bytes_ += r.provenance.length;
      for (const std::string& w : o.warnings) Report(r.provenance.file + ": warning: " + w);
      if (!o.json.empty()) {
        ++extracted_;
        std::fwrite(o.json.data(), 1, o.json.size(), stdout);
        continue;
      }
      std::string where = r.provenance.file;
      if (r.provenance.format == "warc" || r.provenance.format == "jsonl") {
        where += " at byte " + std::to_string(r.provenance.offset);
      }
      std::string reason = o.reason;
      if (reason.compare(0, r.provenance.file.size(), r.provenance.file) == 0) {
        size_t colon = reason.find(": ");
        if (colon != std::string::npos) reason = reason.substr(colon + 2);
      }
      Report(where + ": " + (o.failed ? "failed: " : "skipped: ") + reason);
      if (o.failed) {
        ++failed_;
        ++failed_by_[ReasonKey(reason)];
        if (r.provenance.format != "warc" && r.provenance.format != "jsonl") ++inputs_failed_;
      }
      else { ++skipped_; ++skipped_by_[ReasonKey(reason)]; }
    }
    ShowProgress();
  }

  void ShowProgress() {
    if (!progress_) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r\033[K%lld records, %.1f MB, %.0f records/s", static_cast<long long>(read_),
                 bytes_ / 1e6, s > 0 ? read_ / s : 0.0);
  }

  ExtractOptions options_;
  bool pretty_;
  int threads_;
  bool progress_;
  std::chrono::steady_clock::time_point start_;
  std::vector<InputRecord> batch_;
  int64_t read_ = 0, extracted_ = 0, skipped_ = 0, failed_ = 0, bytes_ = 0, inputs_failed_ = 0;
  std::map<std::string, int64_t> skipped_by_, failed_by_;
};

}  // namespace

int RunExtract(const std::vector<std::string>& args) {
  ExtractOptions options;
  bool pretty = false, strict = false, paths_from_stdin = false;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> inputs;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kExtractHelp, stdout);
      return kExitOk;
    } else if (a == "--raw") {
      options.raw = true;
    } else if (a == "--pretty") {
      pretty = true;
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--paths-from-stdin") {
      paths_from_stdin = true;
    } else if (a == "--threads") {
      int n = i + 1 < args.size() ? std::atoi(args[i + 1].c_str()) : 0;
      if (n < 1 || n > 1024) {
        std::fprintf(stderr, "whosaid extract: --threads needs a number from 1 to 1024\n");
        return kExitUsage;
      }
      threads = n;
      ++i;
    } else if (a == "--date") {
      if (i + 1 >= args.size() || !IsValidDate(args[i + 1])) {
        std::fprintf(stderr, "whosaid extract: --date needs a date as YYYY-MM-DD\n");
        return kExitUsage;
      }
      options.date = args[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "whosaid extract: unknown option '%s'\n%s", a.c_str(), kExtractHelp);
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
  }
  if (paths_from_stdin) {
    std::string line;
    while (std::getline(std::cin, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) inputs.push_back(line);
    }
  }
  if (inputs.empty()) {
    std::fputs(kExtractHelp, stderr);
    return kExitUsage;
  }
  ExtractRun run(options, pretty, threads);
  for (const std::string& input : inputs) {
    std::vector<std::string> files;
    Status s = ListInputFiles({input}, &files);
    if (!s.ok()) {
      std::fprintf(stderr, "whosaid extract: %s\n", s.message().c_str());
      files = {input};  // Let the reader report and count it.
    }
    if (files.empty()) run.FailInput(input + ": no input files in this folder");
    for (const std::string& f : files) run.ProcessFile(f);
  }
  return run.Finish(strict);
}

}  // namespace whosaid::cli
