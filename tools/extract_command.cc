// whosaid extract: news in (HTML, WARC, JSON Lines, plain text, directories,
// stdin), one JSON object per article out, in input order whatever the
// thread count. A reader thread reads records (inflating WARC.gz, reading
// files) while workers extract earlier ones and this thread writes them in
// order (src/util/ordered_parallel_map.h); a bounded number of records is in
// flight, so memory stays bounded on inputs of any size.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "src/util/ordered_parallel_map.h"
#include "tools/cli.h"
#include "tools/flag_parse.h"
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
    "  --threads N     extraction threads (default: all cores); with 2 or more,\n"
    "                  a reader thread also reads ahead while they extract\n"
    "  --paths-from-stdin  read the paths to process from stdin, one per line\n"
    "  --strict        also exit 1 when a record inside a WARC or JSONL file failed\n"
    "  --raw           plain-text input is already the body: text equals it exactly\n"
    "  --no-attribution  clean articles only: no people, quotes or events\n"
    "  --date DATE     publication date (YYYY-MM-DD), overriding what the input says\n"
    "  --pretty        indent the JSON for reading\n"
    "Bad records are reported on stderr (file, offset, reason), counted in the\n"
    "summary and skipped. A progress line is shown when stderr is a terminal.\n"
    "Exit status: 0 when every named input was read; 1 when a file could not be\n"
    "read (missing, unreadable, empty, binary) or, with --strict, when any record\n"
    "failed; 2 on bad usage. Skipped and failed records are reported and counted.\n";

// One unit of the stream from the reader thread: a record, or an input
// that failed as a whole (reported and counted in its place in the order).
struct WorkItem {
  enum class Kind { kRecord, kInputFailed, kNotice };
  Kind kind = Kind::kRecord;
  InputRecord record;
  std::string message;     // For kInputFailed and kNotice.
  std::string reason_key;  // For kInputFailed: the summary's reason.
};

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

// Walks the named inputs (folders listed, files opened one after another)
// and yields their records, and a kInputFailed item for an input that gave
// nothing. Runs on the reader thread.
class InputWalker {
 public:
  explicit InputWalker(const std::vector<std::string>& inputs) : inputs_(inputs) {}

  bool Next(WorkItem* item) {
    for (;;) {
      if (reader_ != nullptr) {
        if (reader_->Next(&item->record)) {
          ++records_in_file_;
          return true;
        }
        reader_.reset();
        if (records_in_file_ == 0) return InputFailed(files_[next_file_ - 1] + ": no input records", "no input files", item);
      }
      if (next_file_ < files_.size()) {
        const std::string& path = files_[next_file_++];
        StatusOr<std::unique_ptr<InputReader>> reader = InputReader::Open(path, ReaderOptions{});
        if (!reader.ok()) return InputFailed(reader.status().message(), "unreadable file", item);
        reader_ = std::move(*reader);
        records_in_file_ = 0;
        continue;
      }
      if (next_input_ >= inputs_.size()) return false;
      const std::string& input = inputs_[next_input_++];
      files_.clear();
      next_file_ = 0;
      Status s = ListInputFiles({input}, &files_);
      if (!s.ok()) {
        files_ = {input};  // Let the reader report and count it.
        item->kind = WorkItem::Kind::kNotice;
        item->message = s.message();
        return true;
      }
      if (files_.empty()) return InputFailed(input + ": no input files in this folder", "no input files", item);
    }
  }

 private:
  static bool InputFailed(std::string message, std::string key, WorkItem* item) {
    item->kind = WorkItem::Kind::kInputFailed;
    item->message = std::move(message);
    item->reason_key = std::move(key);
    return true;
  }

  const std::vector<std::string>& inputs_;
  size_t next_input_ = 0;
  std::vector<std::string> files_;
  size_t next_file_ = 0;
  std::unique_ptr<InputReader> reader_;
  int64_t records_in_file_ = 0;
};

// One run: the reader thread walks the inputs, workers extract, and the
// calling thread writes articles, reports and counts in input order.
class ExtractRun {
 public:
  ExtractRun(const ExtractOptions& options, bool pretty, int threads)
      : options_(options), pretty_(pretty), threads_(threads), progress_(isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()) {}

  void Process(const std::vector<std::string>& inputs) {
    if (progress_) total_bytes_ = TotalBytes(inputs);
    InputWalker walker(inputs);
    internal::OrderedParallelMapOptions map_options;
    map_options.workers = threads_;
    // Enough finished records for every worker to stay busy behind a slow
    // one, few enough that memory stays small.
    map_options.max_in_flight = static_cast<size_t>(std::max(64, 16 * threads_));
    map_options.max_in_flight_bytes = size_t{256} << 20;
    internal::RunOrderedParallelMap<WorkItem, Outcome>(
        map_options, [&](WorkItem* item) { return walker.Next(item); },
        [&](WorkItem& item) { return Extract(item); },
        [&](WorkItem& item, Outcome& outcome) { Write(item, outcome); },
        [](const WorkItem& item) { return item.record.data.size() + sizeof(WorkItem); });
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
  void Report(const std::string& message) {
    if (progress_) std::fputs("\r\033[K", stderr);
    std::fprintf(stderr, "whosaid extract: %s\n", message.c_str());
  }

  // Runs on a worker. The record's data is released once extracted, so
  // finished records waiting for their turn hold only their output.
  Outcome Extract(WorkItem& item) const {
    Outcome o;
    if (item.kind != WorkItem::Kind::kRecord) return o;
    const InputRecord& r = item.record;
    if (r.kind != InputRecord::Kind::kDocument) {
      o.reason = r.reason;
      o.failed = r.kind == InputRecord::Kind::kFailed;
      return o;
    }
    StatusOr<Article> a = ExtractRecord(r, options_);
    std::string().swap(item.record.data);
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

  // Runs on the calling thread, in input order.
  void Write(const WorkItem& item, Outcome& o) {
    if (item.kind == WorkItem::Kind::kNotice) {
      Report(item.message);
      return;
    }
    if (item.kind == WorkItem::Kind::kInputFailed) {
      Report(item.message);
      ++failed_;
      ++inputs_failed_;
      ++failed_by_[item.reason_key];
      return;
    }
    const InputRecord& r = item.record;
    ++read_;
    bytes_ += r.provenance.length;
    for (const std::string& w : o.warnings) Report(r.provenance.file + ": warning: " + w);
    if (!o.json.empty()) {
      ++extracted_;
      std::fwrite(o.json.data(), 1, o.json.size(), stdout);
    } else {
      CountNotExtracted(r, o);
    }
    if (progress_ && (read_ & 63) == 0) ShowProgress();
  }

  void CountNotExtracted(const InputRecord& r, const Outcome& o) {
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
    } else {
      ++skipped_;
      ++skipped_by_[ReasonKey(reason)];
    }
  }

  // The bytes of the named files and of the files under named folders, for
  // the ETA; 0 (no ETA) when stdin is an input. Only asked for on a
  // terminal, where a person waits.
  static int64_t TotalBytes(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    int64_t total = 0;
    for (const std::string& input : inputs) {
      if (input == "-") return 0;
      std::error_code ec;
      if (fs::is_directory(input, ec)) {
        for (fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
          std::error_code size_ec;
          if (it->is_regular_file(size_ec)) total += static_cast<int64_t>(it->file_size(size_ec));
        }
      } else {
        uintmax_t size = fs::file_size(input, ec);
        if (!ec) total += static_cast<int64_t>(size);
      }
    }
    return total;
  }

  void ShowProgress() {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string eta;
    if (total_bytes_ > bytes_ && bytes_ > 0 && s > 0.2) {
      long long left = static_cast<long long>((total_bytes_ - bytes_) / (bytes_ / s));
      char buf[48];
      std::snprintf(buf, sizeof(buf), ", ETA %lldm%02llds", left / 60, left % 60);
      eta = buf;
    }
    std::fprintf(stderr, "\r\033[K%lld records, %.1f MB, %.0f records/s%s", static_cast<long long>(read_),
                 bytes_ / 1e6, s > 0 ? read_ / s : 0.0, eta.c_str());
  }

  ExtractOptions options_;
  bool pretty_;
  int threads_;
  bool progress_;
  std::chrono::steady_clock::time_point start_;
  int64_t read_ = 0, extracted_ = 0, skipped_ = 0, failed_ = 0, bytes_ = 0, inputs_failed_ = 0;
  int64_t total_bytes_ = 0;  // Of all inputs, for the ETA; 0 when unknown.
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
    } else if (a == "--no-attribution") {
      options.attribute = false;
    } else if (a == "--pretty") {
      pretty = true;
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--paths-from-stdin") {
      paths_from_stdin = true;
    } else if (a == "--threads") {
      int n = 0;
      if (i + 1 >= args.size() || !ParseIntFlag(args[i + 1], 1, 1024, &n)) {
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
  run.Process(inputs);
  return run.Finish(strict);
}

}  // namespace whosaid::cli
