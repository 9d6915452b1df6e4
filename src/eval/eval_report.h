// PolNeAR evaluation, part two: adds scored articles up into a report (the
// P/R/F1 table, the most frequent misses and false positives), writes it as
// text or JSON, and checks it against score floors.
// An EvalReportBuilder is not thread-safe; feed it from one thread.
#ifndef WHOSAID_EVAL_EVAL_REPORT_H_
#define WHOSAID_EVAL_EVAL_REPORT_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "src/eval/polnear.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// One article with its gold attributions, the engine's, and their score.
struct EvaluatedArticle {
  std::string name;
  std::u32string text;
  std::vector<EvalAttribution> gold;
  std::vector<EvalAttribution> predicted;
  ArticleScore score;
};

// The constructions a missed gold attribution is sorted into, first match
// wins, in this order: "direct-quote" (content quoted), "according-to"
// (cue contains "according"), "belief" (cue is think, believe, want...),
// "noun-cue" (no word of the cue looks like a verb form), "no-source",
// "cue-before-source" ("..., said X"), "content-before-cue" ("..., X
// said"), "source-before-cue" ("X said that ..."), "other". The lexical
// classes come before the positional ones because each names a missing
// lexicon entry, the most direct fix; position then separates the syntax.
std::string_view ClassifyMissConstruction(std::u32string_view text, const EvalAttribution& gold);

// Returns the attribution's stretch of text (first role start to last role
// end) as UTF-8 with the source in [brackets] and the cue in {braces},
// whitespace collapsed. Longer than max_chars code points, its middle gives
// way to "…" so that both ends, where cues sit, stay visible.
std::string RenderAttribution(std::u32string_view text, const EvalAttribution& a, size_t max_chars);

// A group of misses or false positives sharing a key.
struct CountedGroup {
  std::string key;
  int64_t count = 0;
  std::vector<std::string> examples;  // "article: rendered text".
};

struct EvalReport {
  std::string corpus_dir;
  int64_t texts = 0;     // Text files considered (after --limit).
  int64_t articles = 0;  // Texts with an annotation file, scored.
  int64_t skipped_without_annotation = 0;
  int64_t unreadable_files = 0;  // Texts or .ann files that failed to read.
  int64_t annotations_without_text = 0;
  int64_t malformed_lines = 0;
  int64_t gold_without_content = 0;
  int64_t unknown_roles = 0;
  int64_t extraction_failures = 0;  // Their gold still counts: all missed.
  int64_t text_mismatches = 0;      // Article::text differed from the input.
  int64_t clamped_spans = 0;        // Predicted spans outside the text.
  int64_t embedded_left_out = 0;    // Predictions within another, not scored.
  int64_t gold = 0;
  int64_t gold_direct = 0;
  int64_t predicted = 0;
  int64_t predicted_direct = 0;
  MeasureTable measures;
  int64_t missed = 0;                                // Gold overlapped by no prediction.
  int64_t unmatched_gold_overlapped = 0;             // Unmatched, yet overlapped (merged).
  int64_t false_positives = 0;                       // Predictions overlapping no gold.
  int64_t unmatched_predicted_overlapped = 0;        // Unmatched, yet overlapping (split).
  std::vector<CountedGroup> missed_by_cue;           // Top N, most frequent first.
  std::vector<CountedGroup> missed_by_construction;  // All, most frequent first.
  std::vector<CountedGroup> false_positives_by_cue;  // Top N, most frequent first.
  // With --agreement: each other annotator's file of a text that several
  // people annotated, scored against the first annotator's as if it were
  // the engine's output (a human ceiling for `measures`, which then covers
  // the same texts). agreement_readings counts those files; 0 otherwise.
  int64_t agreement_texts = 0;
  int64_t agreement_readings = 0;
  MeasureTable agreement;
};

// Adds articles up into an EvalReport.
class EvalReportBuilder {
 public:
  // top_n bounds the cue groups; examples_per_group the examples kept for
  // each construction.
  EvalReportBuilder(int top_n, int examples_per_group)
      : top_n_(top_n), examples_per_group_(examples_per_group) {}

  // Adds one scored article. Articles should come in a stable order (by
  // name) so that the examples chosen are deterministic.
  void Add(const EvaluatedArticle& article);

  // Returns the report; the counters above that describe files (texts,
  // skipped_without_annotation, ...) are left for the caller to fill.
  EvalReport Build() const;

 private:
  int top_n_;
  int examples_per_group_;
  EvalReport report_;
  std::map<std::string, CountedGroup> missed_by_cue_;
  std::map<std::string, CountedGroup> missed_by_construction_;
  std::map<std::string, CountedGroup> false_positives_by_cue_;
  std::map<std::string, std::string> last_example_article_;
};

// Writes the report for people: counts, the P/R/F1 table, the misses.
std::string EvalReportToText(const EvalReport& report);

// Writes the report as one JSON object (no trailing newline).
std::string EvalReportToJson(const EvalReport& report);

// Returns one score by name: "<measure>_<precision|recall|f1>", with the
// measure as MeasureName gives it, e.g. "content_overlap_f1",
// "direct_source_recall". NotFound for any other name.
StatusOr<double> LookupScore(const MeasureTable& measures, std::string_view name);

// A lower bound on one score, from a floors file.
struct ScoreFloor {
  std::string name;  // As LookupScore takes it.
  double value = 0;
  int line = 0;
};

// Parses a floors file: one "name value" per line; blank lines and lines
// starting with '#' are skipped. Returns InvalidArgument naming `path` and
// the line for a malformed line or an unknown score name.
StatusOr<std::vector<ScoreFloor>> ParseScoreFloors(std::string_view text, const std::string& path);

// Returns one message per floor the report falls below, naming the score.
std::vector<std::string> CheckScoreFloors(const EvalReport& report,
                                          const std::vector<ScoreFloor>& floors);

}  // namespace whosaid::internal

#endif  // WHOSAID_EVAL_EVAL_REPORT_H_
