// PolNeAR evaluation, part one: reads brat standoff attribution annotations
// and scores predicted attributed statements against them. Every offset here
// is a Unicode code point into the article text, end exclusive.
// All functions are stateless and thread-safe.
//
// Example:
//   std::u32string text = DecodeCodePoints(utf8_text);
//   BratAnnotations gold = ParseBratAttributions(ann_file, text);
//   std::vector<EvalAttribution> predicted =
//       PredictedAttributions(article, text.size(), false, &left_out, &clamped);
//   ArticleScore score = ScoreArticle(text, gold.attributions, predicted);
#ifndef WHOSAID_EVAL_POLNEAR_H_
#define WHOSAID_EVAL_POLNEAR_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/article.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// A half-open stretch [start, end) of code points.
struct CodePointRange {
  int64_t start = 0;
  int64_t end = 0;
  bool operator==(const CodePointRange&) const = default;
};

// The parts of one role's span, sorted by start; empty when the role is absent.
using RangeList = std::vector<CodePointRange>;

// One attributed statement, gold or predicted, in the form both share.
struct EvalAttribution {
  std::string id;     // The brat event ("E3") or the predicted quote ("q0").
  RangeList content;  // Never empty for an attribution that is scored.
  RangeList cue;
  RangeList source;
  bool direct = false;  // Gold: IsDirectContent. Predicted: QuoteType::kDirect.
};

// What ParseBratAttributions found in one .ann file.
struct BratAnnotations {
  // One per E line that has a Content role, in file order.
  std::vector<EvalAttribution> attributions;
  // Lines skipped: unparseable, offsets outside the text, E lines naming a
  // T that does not exist. Continuation lines of a surface that spans a
  // line break land here too.
  int64_t malformed_lines = 0;
  // E lines without a Content role: nothing to match, so not scored.
  int64_t without_content = 0;
  // E-line arguments whose role is none of Attribution, Attribution-no-source,
  // Content, Content2, Cue, Source; ignored.
  int64_t unknown_roles = 0;
  // "line 12: why" for the first few malformed lines.
  std::vector<std::string> problems;
};

// Decodes UTF-8 into code points. Each invalid byte becomes one U+FFFD.
std::u32string DecodeCodePoints(std::string_view utf8);

// Encodes text[range] as UTF-8. The range is clamped to the text.
std::string EncodeRange(std::u32string_view text, CodePointRange range);

// One text of a PolNeAR-layout folder and the annotator file chosen for it.
struct PolnearText {
  std::string name;      // NAME of text/NAME.txt.
  std::string ann_file;  // First attributions/NAME_*.ann by file name; "" when none.
  // The other annotators' files for NAME, sorted by file name: the readings
  // `whosaid eval polnear --agreement` scores against ann_file.
  std::vector<std::string> other_ann_files;
};

struct PolnearCorpus {
  std::vector<PolnearText> texts;           // Sorted by name.
  int64_t annotations_without_text = 0;     // Annotated names with no text file.
};

// Lists DIR/text/*.txt and picks each one's annotator file from
// DIR/attributions (NAME_ANNOTATOR.ann, the first by file name; the rest go
// to other_ann_files). Returns
// NotFound naming the folder when either is missing.
Status ListPolnearCorpus(const std::string& dir, PolnearCorpus* corpus);

// Parses a brat .ann file whose offsets point into `text`. T lines of type
// Source, Cue and Content (any type, in fact) give spans, discontinuous ones
// as "START END;START END"; E lines tie them into attributions. Role
// Content2 adds parts to the content. Never fails: bad lines are skipped and
// counted.
BratAnnotations ParseBratAttributions(std::string_view ann, std::u32string_view text);

// Returns true when the content, trimmed of whitespace, opens with a
// quotation mark and closes with one, or with one followed by punctuation
// (“It works.” / “It works”.). Content is a direct quote then.
bool IsDirectContent(std::u32string_view text, const RangeList& content);

// Converts the engine's quotes to EvalAttributions: content is Quote::parts
// when set, else Quote::content. Spans are clamped to [0, text_length];
// *clamped (may be null) is increased by the number of spans that needed it.
// Statements reported inside another (Quote::within) are left out unless
// `embedded`: PolNeAR annotates none (0 of 19,832 train attributions has
// its content and cue inside another's content), so they are scored only
// on request; *left_out (may be null) is increased by how many were.
std::vector<EvalAttribution> PredictedAttributions(const Article& article, int64_t text_length,
                                                   bool embedded, int64_t* left_out,
                                                   int64_t* clamped);

// Returns how many non-space code points the two range lists share.
int64_t NonSpaceOverlap(std::u32string_view text, const RangeList& a, const RangeList& b);

// Returns true when the two contents are the same after trimming.
// Choice for discontinuous content: each part is trimmed at both ends of
// whitespace, quotation marks (" “ ” ‘ ’ « » „ ') and edge punctuation
// (. , ; : ! ? … — – -), then the two contents must cover the same set of
// non-space code points. Comparing positions, not strings, means text that
// merely repeats elsewhere never counts, and an interruption ("he said") left
// inside one content but not the other makes them differ.
bool ExactContentMatch(std::u32string_view text, const RangeList& a, const RangeList& b);

// Matches predictions to gold attributions one to one, greedily by largest
// content overlap (non-space code points); ties go to the earlier gold, then
// the earlier prediction. Returns, for each gold attribution, the index of
// its prediction or -1.
std::vector<int> MatchByContentOverlap(std::u32string_view text,
                                       const std::vector<EvalAttribution>& gold,
                                       const std::vector<EvalAttribution>& predicted);

// The measures reported. The direct ones restrict gold to direct gold
// attributions (for recall) and predictions to direct quotes (for precision),
// over the same one-to-one matching as the rest: a direct gold quote found
// by a prediction typed "mixed" still counts for direct recall.
enum class Measure {
  kContentExact,
  kContentOverlap,
  kSource,
  kCue,
  kDirectContentExact,
  kDirectContentOverlap,
  kDirectSource,
  kDirectCue,
};
constexpr int kMeasureCount = 8;

// Returns "content_exact", "content_overlap", "source", "cue", "direct_...".
const char* MeasureName(Measure measure);

// Counts for one measure, micro-averaged by adding them up.
// Precision = predicted_correct / predicted; recall = gold_correct / gold.
// For source (and cue): a match counts when the contents overlap and the
// predicted span overlaps the gold one. A gold attribution without that role
// cannot be judged, so it is left out of `gold`, and a prediction matched to
// it is left out of `predicted`; every other prediction stays in `predicted`,
// with or without a span of its own.
struct MeasureCounts {
  int64_t predicted = 0;
  int64_t predicted_correct = 0;
  int64_t gold = 0;
  int64_t gold_correct = 0;

  // Each returns 0 when its denominator is 0.
  double Precision() const;
  double Recall() const;
  double F1() const;
  void Add(const MeasureCounts& other);
};

using MeasureTable = std::array<MeasureCounts, kMeasureCount>;

// The outcome of scoring one article.
struct ArticleScore {
  MeasureTable measures;
  std::vector<int> gold_match;             // Index into predicted, or -1.
  std::vector<int> predicted_match;        // Index into gold, or -1.
  std::vector<bool> gold_overlapped;       // Some prediction overlaps its content.
  std::vector<bool> predicted_overlapped;  // Some gold content overlaps it.
};

// Scores one article's predictions against its gold attributions.
ArticleScore ScoreArticle(std::u32string_view text, const std::vector<EvalAttribution>& gold,
                          const std::vector<EvalAttribution>& predicted);

// Returns true for the whitespace code points the scorer ignores.
bool IsSpaceCodePoint(char32_t c);

}  // namespace whosaid::internal

#endif  // WHOSAID_EVAL_POLNEAR_H_
