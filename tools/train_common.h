// What train-cues and train-spans share: their flags, reading PolNeAR gold
// in name order, scoring the whole engine on half of the texts, the
// objective their thresholds are tuned on, and writing the weights.
#ifndef WHOSAID_TOOLS_TRAIN_COMMON_H_
#define WHOSAID_TOOLS_TRAIN_COMMON_H_

#include <filesystem>
#include <string>
#include <vector>

#include "src/eval/polnear.h"
#include "whosaid/status.h"

namespace whosaid::cli {

struct TrainFlags {
  std::string dir;  // TRAIN_DIR.
  std::string out;  // --out FILE.
  int epochs = 5;   // --epochs N.
};

// Parses "TRAIN_DIR --out FILE [--epochs N]" into *flags. Returns -1 to go
// on, or the exit code to stop with after printing `help` (to stdout for
// --help, to stderr with the offending argument otherwise).
int ParseTrainFlags(const std::vector<std::string>& args, const char* command, const char* help,
                    TrainFlags* flags);

// One annotated PolNeAR text.
struct GoldText {
  std::string text;  // UTF-8.
  std::u32string code_points;
  std::vector<internal::EvalAttribution> gold;
};

// Reads the text and annotation of `entry` (first annotator) from dir.
Status ReadGoldText(const std::filesystem::path& dir, const internal::PolnearText& entry, GoldText* out);

// Reads every annotated text of dir, in name order, into a new element of
// *docs and calls prepare(&element) on it. Doc derives from GoldText.
template <typename Doc, typename Prepare>
Status LoadGoldTexts(const std::filesystem::path& dir, std::vector<Doc>* docs, Prepare prepare) {
  internal::PolnearCorpus corpus;
  Status listed = internal::ListPolnearCorpus(dir.string(), &corpus);
  if (!listed.ok()) return listed;
  for (const internal::PolnearText& entry : corpus.texts) {
    if (entry.ann_file.empty()) continue;
    Doc& doc = docs->emplace_back();
    Status s = ReadGoldText(dir, entry, &doc);
    if (!s.ok()) return s;
    prepare(&doc);
  }
  return Status::Ok();
}

// Runs the engine, with whatever models are active, on one text in raw mode
// and adds its scores to *total.
void AddEngineScores(const GoldText& doc, internal::MeasureTable* total);

// The summed scores of the engine on the texts d with d % mod == pick.
template <typename Doc>
internal::MeasureTable EvaluateEngine(const std::vector<Doc>& docs, int mod, int pick) {
  internal::MeasureTable total{};
  for (size_t d = static_cast<size_t>(pick); d < docs.size(); d += static_cast<size_t>(mod)) {
    AddEngineScores(docs[d], &total);
  }
  return total;
}

// The five measures issue 3 sets targets on, summed: content overlap,
// source and content exact F1, and recall of direct quotes' content and
// source.
double Objective(const internal::MeasureTable& m);

// Prints one line of held-out scores to stderr: "COMMAND: LABEL overlap ...".
void PrintScores(const char* command, const char* label, const internal::MeasureTable& m);

// Picks a model setting (a threshold, a margin) from held-out scores: prints
// the scores without the model (`none_label`) and at each setting (`name`=
// its value). Callers order the settings from the most cautious to the
// boldest. Among the settings within `tie` of the best summed objective it
// returns the index of the most cautious one, or of the boldest when
// `boldest` is set; -1 when none beats the engine without the model by
// more than `tie`.
int PickSetting(const char* command, const char* none_label, const internal::MeasureTable& none,
                const char* name, const std::vector<double>& values,
                const std::vector<internal::MeasureTable>& with, bool boldest = false, double tie = 0.001);

// Writes the serialized weights to `out`. Returns the exit code.
int WriteModelFile(const char* command, const std::string& out, const std::string& bytes);

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_TRAIN_COMMON_H_
