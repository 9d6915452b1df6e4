#include "tools/train_common.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "src/util/utf8.h"
#include "tools/cli.h"
#include "tools/flag_parse.h"
#include "whosaid/pipeline.h"

namespace whosaid::cli {

namespace {
constexpr size_t kMaxFileBytes = size_t{64} << 20;
}  // namespace

int ParseTrainFlags(const std::vector<std::string>& args, const char* command, const char* help,
                    TrainFlags* flags) {
  for (size_t k = 1; k < args.size(); ++k) {
    if (args[k] == "--help" || args[k] == "-h") {
      std::fputs(help, stdout);
      return kExitOk;
    } else if (args[k] == "--out" && k + 1 < args.size()) {
      flags->out = args[++k];
    } else if (args[k] == "--epochs" && k + 1 < args.size()) {
      if (!ParseIntFlag(args[++k], 1, 1000, &flags->epochs)) {
        std::fprintf(stderr, "%s: --epochs needs a number from 1 to 1000\n%s", command, help);
        return kExitUsage;
      }
    } else if (flags->dir.empty() && !args[k].starts_with("-")) {
      flags->dir = args[k];
    } else {
      std::fprintf(stderr, "%s: bad argument '%s'\n%s", command, args[k].c_str(), help);
      return kExitUsage;
    }
  }
  if (flags->dir.empty() || flags->out.empty()) {
    std::fputs(help, stderr);
    return kExitUsage;
  }
  return -1;
}

Status ReadGoldText(const std::filesystem::path& dir, const internal::PolnearText& entry, GoldText* out) {
  std::string ann;
  Status s = ReadInputFile((dir / "text" / (entry.name + ".txt")).string(), kMaxFileBytes, &out->text);
  if (s.ok()) s = ReadInputFile((dir / "attributions" / entry.ann_file).string(), kMaxFileBytes, &ann);
  if (!s.ok()) return s;
  out->code_points = internal::DecodeCodePoints(out->text);
  out->gold = internal::ParseBratAttributions(ann, out->code_points).attributions;
  return Status::Ok();
}

void AddEngineScores(const GoldText& doc, internal::MeasureTable* total) {
  ExtractOptions options;
  options.raw = true;
  StatusOr<Article> article = ExtractPlainText(doc.text, "train", options);
  std::vector<internal::EvalAttribution> predicted;
  if (article.ok()) {
    predicted = internal::PredictedAttributions(*article, static_cast<int64_t>(doc.code_points.size()), false,
                                                nullptr, nullptr);
  }
  internal::ArticleScore score = internal::ScoreArticle(doc.code_points, doc.gold, predicted);
  for (int m = 0; m < internal::kMeasureCount; ++m) (*total)[m].Add(score.measures[m]);
}

double Objective(const internal::MeasureTable& m) {
  auto at = [&](internal::Measure x) { return m[static_cast<int>(x)]; };
  return at(internal::Measure::kContentOverlap).F1() + at(internal::Measure::kSource).F1() +
         at(internal::Measure::kContentExact).F1() + at(internal::Measure::kDirectContentOverlap).Recall() +
         at(internal::Measure::kDirectSource).Recall();
}

void PrintScores(const char* command, const char* label, const internal::MeasureTable& m) {
  auto f1 = [&](internal::Measure x) { return m[static_cast<int>(x)].F1(); };
  auto recall = [&](internal::Measure x) { return m[static_cast<int>(x)].Recall(); };
  std::fprintf(stderr,
               "%s: %-22s overlap %.4f source %.4f exact %.4f cue %.4f; direct recall content %.4f "
               "source %.4f; objective %.4f\n",
               command, label, f1(internal::Measure::kContentOverlap), f1(internal::Measure::kSource),
               f1(internal::Measure::kContentExact), f1(internal::Measure::kCue),
               recall(internal::Measure::kDirectContentOverlap), recall(internal::Measure::kDirectSource),
               Objective(m));
}

int PickSetting(const char* command, const char* none_label, const internal::MeasureTable& none,
                const char* name, const std::vector<double>& values,
                const std::vector<internal::MeasureTable>& with, bool boldest, double tie) {
  PrintScores(command, none_label, none);
  double best = Objective(none);
  for (size_t r = 0; r < with.size(); ++r) {
    char label[64];
    std::snprintf(label, sizeof(label), "held out, %s=%.2f:", name, values[r]);
    PrintScores(command, label, with[r]);
    best = std::max(best, Objective(with[r]));
  }
  if (best - Objective(none) <= tie) return -1;
  int pick = -1;
  for (size_t r = 0; r < with.size(); ++r) {
    if (Objective(with[r]) < best - tie) continue;
    pick = static_cast<int>(r);
    if (!boldest) break;
  }
  return pick;
}

int WriteModelFile(const char* command, const std::string& out, const std::string& bytes) {
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!file.good()) {
    std::fprintf(stderr, "%s: cannot write %s\n", command, out.c_str());
    return kExitInputFailed;
  }
  return kExitOk;
}

}  // namespace whosaid::cli
