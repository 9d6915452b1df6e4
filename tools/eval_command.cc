// whosaid eval: scores the engine against an annotated corpus (PolNeAR).
#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "src/eval/eval_report.h"
#include "src/eval/polnear.h"
#include "tools/cli.h"
#include "tools/flag_parse.h"
#include "whosaid/pipeline.h"

namespace whosaid::cli {
namespace {

namespace fs = std::filesystem;
using internal::EvaluatedArticle;

constexpr size_t kMaxFileBytes = size_t{64} << 20;
constexpr int kExitBelowFloor = 3;
constexpr int kExamplesPerGroup = 3;

const char kEvalHelp[] =
    "Usage: whosaid eval polnear DIR [--json] [--limit N] [--misses N] [--floors FILE] [--embedded]\n"
    "                               [--agreement]\n"
    "Runs the engine in raw mode on DIR/text/NAME.txt and scores it against the\n"
    "brat annotations DIR/attributions/NAME_ANNOTATOR.ann (the first by file name\n"
    "when several annotators did one text). Texts without annotations are skipped\n"
    "and counted. Reports precision, recall and F1 for content (exact and overlap),\n"
    "source and cue, on all attributions and on direct quotes, then the most\n"
    "frequent misses by cue and by construction, and false positives by cue.\n"
    "  --json        print one JSON object instead of text\n"
    "  --limit N     evaluate only the first N texts, sorted by name\n"
    "  --misses N    how many cue groups of misses and false positives to list (15)\n"
    "  --embedded    also score statements reported inside another (quotes with\n"
    "                \"within\" set); PolNeAR annotates none, so they are left out\n"
    "                and counted by default\n"
    "  --agreement   only the texts several people annotated: also score each other\n"
    "                annotator against the first, as the engine is, which shows how\n"
    "                far people agree (a ceiling for the engine's scores)\n"
    "  --floors FILE lines 'score_name value', e.g. 'content_overlap_f1 0.40';\n"
    "                score names are <measure>_<precision|recall|f1>\n"
    "Exit status: 0 on success, 1 when DIR or a file in it cannot be read, 2 on bad usage or a "
    "bad\n"
    "floors file, 3 when a score is below its floor (each one named on stderr).\n";

struct EvalFlags {
  std::string dir;
  bool json = false;
  std::optional<size_t> limit;
  int misses = 15;
  bool embedded = false;
  bool agreement = false;
  std::string floors_path;
};

// Returns kExitOk to go on, or the exit code to stop with.
int ParseFlags(const std::vector<std::string>& args, EvalFlags* flags, bool* help) {
  if (args.size() >= 2 && (args[1] == "--help" || args[1] == "-h")) {
    *help = true;
    return kExitOk;
  }
  if (args.size() < 2 || args[1] != "polnear") {
    std::fprintf(stderr,
                 "whosaid eval: the first argument names the corpus; 'polnear' or 'extraction'\n%s",
                 kEvalHelp);
    return kExitUsage;
  }
  std::vector<std::string> positional;
  for (size_t i = 2; i < args.size(); ++i) {
    const std::string& a = args[i];
    long long n = 0;
    bool takes_value = a == "--limit" || a == "--misses" || a == "--floors";
    if (takes_value && i + 1 >= args.size()) {
      std::fprintf(stderr, "whosaid eval: %s needs a value\n", a.c_str());
      return kExitUsage;
    }
    if (a == "--help" || a == "-h") {
      *help = true;
      return kExitOk;
    } else if (a == "--json") {
      flags->json = true;
    } else if (a == "--embedded") {
      flags->embedded = true;
    } else if (a == "--agreement") {
      flags->agreement = true;
    } else if (a == "--floors") {
      flags->floors_path = args[++i];
    } else if (a == "--limit" || a == "--misses") {
      if (!ParseIntFlag(args[++i], 0LL, LLONG_MAX, &n)) {
        std::fprintf(stderr, "whosaid eval: %s needs a count, got '%s'\n", a.c_str(),
                     args[i].c_str());
        return kExitUsage;
      }
      if (a == "--limit")
        flags->limit = static_cast<size_t>(n);
      else
        flags->misses = static_cast<int>(std::min<long long>(n, 1 << 20));
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "whosaid eval: unknown option '%s'\n%s", a.c_str(), kEvalHelp);
      return kExitUsage;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 1) {
    std::fprintf(stderr, "whosaid eval: want exactly one corpus directory\n%s", kEvalHelp);
    return kExitUsage;
  }
  flags->dir = positional[0];
  return kExitOk;
}

// One text to evaluate, and what came of it.
struct EvalJob {
  std::string name;      // NAME of NAME.txt.
  std::string ann_file;  // Empty when no annotator did it.
  std::vector<std::string> other_ann_files;  // Scored with --agreement only.
  std::optional<EvaluatedArticle> article;
  std::vector<std::string> messages;  // Warnings for stderr.
  int64_t malformed_lines = 0;
  int64_t gold_without_content = 0;
  int64_t unknown_roles = 0;
  bool unreadable = false;
  bool extraction_failed = false;
  bool text_mismatch = false;
  int64_t clamped_spans = 0;
  int64_t embedded_left_out = 0;
  // Each file of other_ann_files scored against ann_file.
  int64_t agreement_readings = 0;
  internal::MeasureTable agreement;
};

void RunJob(const fs::path& dir, bool embedded, EvalJob* job) {
  std::string text_path = (dir / "text" / (job->name + ".txt")).string();
  std::string ann_path = (dir / "attributions" / job->ann_file).string();
  std::string data;
  std::string ann;
  Status s = ReadInputFile(text_path, kMaxFileBytes, &data);
  if (s.ok()) s = ReadInputFile(ann_path, kMaxFileBytes, &ann);
  if (!s.ok()) {
    job->messages.push_back(s.message() + " (skipped)");
    job->unreadable = true;
    return;
  }
  EvaluatedArticle& a = job->article.emplace();
  a.name = job->name;
  a.text = internal::DecodeCodePoints(data);
  internal::BratAnnotations gold = internal::ParseBratAttributions(ann, a.text);
  for (const std::string& problem : gold.problems) {
    job->messages.push_back(ann_path + ": " + problem + " (skipped)");
  }
  job->malformed_lines = gold.malformed_lines;
  job->gold_without_content = gold.without_content;
  job->unknown_roles = gold.unknown_roles;
  a.gold = std::move(gold.attributions);
  ExtractOptions options;
  options.raw = true;
  StatusOr<Article> article = ExtractPlainText(data, text_path, options);
  if (!article.ok()) {
    job->extraction_failed = true;
    job->messages.push_back(article.status().message() +
                            " (its gold attributions count as missed)");
  } else {
    if (article->text != data) {
      job->text_mismatch = true;
      job->messages.push_back(text_path + ": raw mode changed the text; spans may be off");
    }
    a.predicted = internal::PredictedAttributions(*article, static_cast<int64_t>(a.text.size()), embedded,
                                                  &job->embedded_left_out, &job->clamped_spans);
  }
  a.score = internal::ScoreArticle(a.text, a.gold, a.predicted);
  for (const std::string& other : job->other_ann_files) {
    std::string other_path = (dir / "attributions" / other).string();
    std::string other_ann;
    Status read = ReadInputFile(other_path, kMaxFileBytes, &other_ann);
    if (!read.ok()) {
      job->messages.push_back(read.message() + " (reading left out of the agreement)");
      continue;
    }
    internal::BratAnnotations reading = internal::ParseBratAttributions(other_ann, a.text);
    internal::ArticleScore agreed = internal::ScoreArticle(a.text, a.gold, reading.attributions);
    for (int m = 0; m < internal::kMeasureCount; ++m) job->agreement[m].Add(agreed.measures[m]);
    ++job->agreement_readings;
  }
}

void RunJobs(const fs::path& dir, bool embedded, std::vector<EvalJob>* jobs) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < jobs->size(); i = next++) {
      if (!(*jobs)[i].ann_file.empty()) RunJob(dir, embedded, &(*jobs)[i]);
    }
  };
  size_t n_threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 16);
  n_threads = std::min(n_threads, std::max<size_t>(jobs->size(), 1));
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n_threads; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
}

// Reads DIR's file lists into jobs, annotators chosen. Returns the number of
// annotated names with no text in *orphans.
Status PlanJobs(const EvalFlags& flags, std::vector<EvalJob>* jobs, int64_t* orphans) {
  internal::PolnearCorpus corpus;
  Status s = internal::ListPolnearCorpus(flags.dir, &corpus);
  if (!s.ok()) return s;
  *orphans = corpus.annotations_without_text;
  if (flags.limit && corpus.texts.size() > *flags.limit) corpus.texts.resize(*flags.limit);
  for (const internal::PolnearText& t : corpus.texts) {
    if (flags.agreement && t.other_ann_files.empty()) continue;
    EvalJob& job = jobs->emplace_back();
    job.name = t.name;
    job.ann_file = t.ann_file;
    if (flags.agreement) job.other_ann_files = t.other_ann_files;
  }
  return Status::Ok();
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  if (args.size() >= 2 && args[1] == "extraction") return RunEvalExtraction(args);
  EvalFlags flags;
  bool help = false;
  int rc = ParseFlags(args, &flags, &help);
  if (help) {
    std::fputs(kEvalHelp, stdout);
    return kExitOk;
  }
  if (rc != kExitOk) return rc;
  std::vector<internal::ScoreFloor> floors;
  if (!flags.floors_path.empty()) {
    std::string text;
    Status s = ReadInputFile(flags.floors_path, kMaxFileBytes, &text);
    StatusOr<std::vector<internal::ScoreFloor>> parsed =
        s.ok() ? internal::ParseScoreFloors(text, flags.floors_path)
               : StatusOr<std::vector<internal::ScoreFloor>>(s);
    if (!parsed.ok()) {
      std::fprintf(stderr, "whosaid eval: floors file: %s\n", parsed.status().message().c_str());
      return kExitUsage;
    }
    floors = std::move(*parsed);
  }
  std::vector<EvalJob> jobs;
  int64_t orphans = 0;
  Status s = PlanJobs(flags, &jobs, &orphans);
  if (!s.ok()) {
    std::fprintf(stderr, "whosaid eval: cannot read corpus directory '%s': %s\n", flags.dir.c_str(),
                 s.message().c_str());
    return kExitInputFailed;
  }
  RunJobs(fs::path(flags.dir), flags.embedded, &jobs);

  internal::EvalReportBuilder builder(flags.misses, kExamplesPerGroup);
  int64_t skipped = 0, unreadable = 0, malformed = 0, without_content = 0, unknown_roles = 0;
  int64_t failures = 0, mismatches = 0, clamped = 0, embedded_left_out = 0;
  int64_t agreement_texts = 0, agreement_readings = 0;
  internal::MeasureTable agreement;
  for (const EvalJob& job : jobs) {
    for (const std::string& m : job.messages) std::fprintf(stderr, "whosaid eval: %s\n", m.c_str());
    if (!job.article) {
      ++(job.unreadable ? unreadable : skipped);
      continue;
    }
    builder.Add(*job.article);
    malformed += job.malformed_lines;
    without_content += job.gold_without_content;
    unknown_roles += job.unknown_roles;
    failures += job.extraction_failed ? 1 : 0;
    mismatches += job.text_mismatch ? 1 : 0;
    clamped += job.clamped_spans;
    embedded_left_out += job.embedded_left_out;
    if (job.agreement_readings > 0) {
      ++agreement_texts;
      agreement_readings += job.agreement_readings;
      for (int m = 0; m < internal::kMeasureCount; ++m) agreement[m].Add(job.agreement[m]);
    }
  }
  internal::EvalReport report = builder.Build();
  report.corpus_dir = flags.dir;
  report.texts = static_cast<int64_t>(jobs.size());
  report.skipped_without_annotation = skipped;
  report.unreadable_files = unreadable;
  report.annotations_without_text = orphans;
  report.malformed_lines = malformed;
  report.gold_without_content = without_content;
  report.unknown_roles = unknown_roles;
  report.extraction_failures = failures;
  report.text_mismatches = mismatches;
  report.clamped_spans = clamped;
  report.embedded_left_out = embedded_left_out;
  report.agreement_texts = agreement_texts;
  report.agreement_readings = agreement_readings;
  report.agreement = agreement;

  std::string out =
      flags.json ? internal::EvalReportToJson(report) + "\n" : internal::EvalReportToText(report);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  std::vector<std::string> below = internal::CheckScoreFloors(report, floors);
  for (const std::string& b : below) {
    std::fprintf(stderr, "whosaid eval: %s (%s)\n", b.c_str(), flags.floors_path.c_str());
  }
  if (unreadable > 0) return kExitInputFailed;
  return below.empty() ? kExitOk : kExitBelowFloor;
}

}  // namespace whosaid::cli
