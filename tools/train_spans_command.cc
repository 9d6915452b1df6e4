// whosaid train-spans: trains the span tagger (src/model/span_tagger.h) on
// PolNeAR train and writes its weights. Deterministic: texts in name order,
// examples in text order, no shuffling.
//
// Examples: every gold attribution with a cue gives the window around its
// cue, each token labelled by the gold source and content it falls in;
// every cue the engine marks (lexicon or model) where no gold cue lies
// gives a window labelled all O, so that the tagger learns to refuse.
// The threshold on the content margin is tuned end to end by two-fold
// cross-validation, as for the cue model: taggers trained on the even- and
// on the odd-numbered texts run through the whole engine on the other half
// at several thresholds; the best sum of the five measures issue 3 targets
// wins, the highest threshold of near-equal ones (no fallback at all when
// none beats the engine without it).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "src/attribution/attributor.h"
#include "src/attribution/mentions.h"
#include "src/attribution/model_cues.h"
#include "src/attribution/quotes.h"
#include "src/attribution/tagged_statements.h"
#include "src/eval/polnear.h"
#include "src/model/content_start_model.h"
#include "src/model/span_features.h"
#include "src/model/span_tagger.h"
#include "src/util/utf8.h"
#include "tools/cli.h"
#include "tools/train_common.h"
#include "whosaid/pipeline.h"

namespace whosaid::cli {
namespace {

using internal::SpanTagger;

constexpr int kHashBits = 18;
// Weights under this magnitude are dropped: 1.1 MB instead of 6 MB, the
// same held-out scores (margins run in the hundreds).
constexpr float kPruneBelow = 5.0f;

const char kTrainHelp[] =
    "Usage: whosaid train-spans TRAIN_DIR --out FILE [--epochs N]\n"
    "Trains the span tagger on TRAIN_DIR/text and TRAIN_DIR/attributions (PolNeAR\n"
    "layout; the first annotator by file name) and writes its weights to FILE.\n"
    "Never give it a test split. Deterministic for the same inputs.\n";

struct Example {
  std::vector<uint32_t> features;
  std::vector<int> offsets;
  std::vector<uint8_t> allowed;
  std::vector<uint8_t> gold;
  bool positive = false;  // A gold cue's window.
};

struct Document : GoldText {
  std::vector<Example> examples;
};

// Tokens whose code points meet one of the ranges, as a per-token flag.
std::vector<char> TokensIn(const internal::TokenizedText& t, const internal::CodePointIndex& index,
                           const internal::RangeList& ranges) {
  std::vector<char> in(t.size(), 0);
  for (const internal::CodePointRange& r : ranges) {
    for (int i = 0; i < t.size(); ++i) {
      int64_t a = index.ToCodePoint(t[i].begin), b = index.ToCodePoint(t[i].end);
      if (a < r.end && r.start < b) in[i] = 1;
    }
  }
  return in;
}

// Labels the window: CON where the gold content is (not on the cue), SRC
// where the source is, B- at the start of each run.
std::vector<uint8_t> Labels(const internal::SpanWindow& w, const std::vector<char>& source,
                            const std::vector<char>& content) {
  std::vector<uint8_t> tags(w.size(), internal::kTagO);
  uint8_t previous = internal::kTagO;
  for (int j = 0; j < w.size(); ++j) {
    int i = w.first + j;
    uint8_t kind = 0;  // 0 none, 1 source, 2 content.
    if (i < w.cue_first || i >= w.cue_last) kind = content[i] ? 2 : source[i] ? 1 : 0;
    uint8_t tag = internal::kTagO;
    if (kind == 1) tag = previous == internal::kTagBSrc || previous == internal::kTagISrc ? internal::kTagISrc : internal::kTagBSrc;
    if (kind == 2) tag = previous == internal::kTagBCon || previous == internal::kTagICon ? internal::kTagICon : internal::kTagBCon;
    tags[j] = tag;
    previous = tag;
  }
  return tags;
}

void MakeExamples(Document* doc) {
  internal::TokenizedText t(doc->text);
  if (t.size() == 0) return;
  internal::CodePointIndex index(doc->text);
  std::vector<internal::QuotedSpan> quoted = internal::PairQuotes(t);
  internal::TokenFacts facts;
  facts.quote_of_token = internal::QuoteOfToken(t, quoted);
  internal::MarkCues(t, &facts);
  internal::MentionTable mentions(t, facts.quote_of_token, facts.cue_len);
  std::vector<uint8_t> kinds = internal::MentionKinds(t, mentions, mentions.mentions().size());
  internal::TokenFacts all = facts;
  internal::AddModelCues(t, internal::CueScope::kCuedSentences, &all);
  internal::SpanContext c{&t, &facts.quote_of_token, &facts.cue_len, &kinds, &all.cue_form};
  std::vector<char> gold_cue(t.size(), 0);
  auto add = [&](int cue_first, int cue_last, const std::vector<char>& source, const std::vector<char>& content,
                 bool positive) {
    internal::SpanWindow w = internal::WindowAround(t, cue_first, cue_last);
    Example& e = doc->examples.emplace_back();
    internal::SpanFeatures(c, w, &e.features, &e.offsets, &e.allowed);
    e.gold = Labels(w, source, content);
    e.positive = positive;
  };
  for (const internal::EvalAttribution& a : doc->gold) {
    if (a.cue.empty()) continue;
    std::vector<char> cue = TokensIn(t, index, {a.cue[0]});
    int first = -1, last = -1;
    for (int i = 0; i < t.size(); ++i) {
      if (!cue[i]) continue;
      if (first < 0) first = i;
      last = i + 1;
    }
    if (first < 0) continue;
    // A cue over a sentence break keeps to its first sentence.
    while (last > first + 1 && t[last - 1].sentence != t[first].sentence) --last;
    for (int i = first; i < last; ++i) gold_cue[i] = 1;
    // Where the engine marks a cue inside the gold one ("has learned",
    // "made a third attempt to deflect"), the window is built around the
    // marked cue, as at run time, so that its lemma and extent match.
    for (int i = first; i < last; ++i) {
      if (all.cue_len[i] == 0) continue;
      first = i;
      last = std::min(t.size(), i + all.cue_len[i]);
      break;
    }
    add(first, last, TokensIn(t, index, a.source), TokensIn(t, index, a.content), true);
  }
  const std::vector<char> none(t.size(), 0);
  for (int i = 0; i < t.size(); ++i) {
    if (all.cue_len[i] == 0) continue;
    int last = std::min(t.size(), i + all.cue_len[i]);
    bool gold = false;
    for (int k = i; k < last && !gold; ++k) gold = gold_cue[k];
    if (!gold) add(i, last, none, none, false);
  }
}

// Trains on the documents whose index modulo `mod` is not `skip` (all when
// mod is 0).
SpanTagger Train(const std::vector<Document>& docs, int epochs, int mod, int skip) {
  internal::SpanPerceptron p(kHashBits);
  for (int e = 0; e < epochs; ++e) {
    int64_t right = 0, seen = 0;
    for (size_t d = 0; d < docs.size(); ++d) {
      if (mod && static_cast<int>(d % mod) == skip) continue;
      for (const Example& x : docs[d].examples) {
        right += p.Learn(x.features.data(), x.offsets.data(), static_cast<int>(x.gold.size()), x.allowed.data(),
                         x.gold.data());
        ++seen;
      }
    }
    std::fprintf(stderr, "train-spans: epoch %d: %.4f of %lld windows right\n", e + 1,
                 seen ? static_cast<double>(right) / seen : 0.0, static_cast<long long>(seen));
  }
  SpanTagger model = p.Averaged();
  model.Prune(kPruneBelow);
  return model;
}

// Runs the whole engine with `tagger` active on the documents d with
// d % mod == pick and returns the summed measures.
internal::MeasureTable Evaluate(const std::vector<Document>& docs, const SpanTagger* tagger, int mod, int pick) {
  internal::SetActiveSpanTagger(tagger);
  internal::MeasureTable total = EvaluateEngine(docs, mod, pick);
  internal::SetActiveSpanTagger(nullptr);
  return total;
}

// The margins the held-out half's gold-cue windows get, sorted downwards:
// their quantiles are the candidate thresholds.
std::vector<float> HeldOutMargins(const std::vector<Document>& docs, const SpanTagger& tagger, int fold) {
  std::vector<float> margins;
  std::vector<float> emissions;
  std::vector<uint8_t> tags, no_content;
  for (size_t d = fold; d < docs.size(); d += 2) {
    for (const Example& x : docs[d].examples) {
      int n = static_cast<int>(x.gold.size());
      emissions.assign(static_cast<size_t>(n) * internal::kSpanTags, 0.0f);
      for (int j = 0; j < n; ++j) {
        tagger.Emit(x.features.data() + x.offsets[j], x.offsets[j + 1] - x.offsets[j],
                    &emissions[static_cast<size_t>(j) * internal::kSpanTags]);
      }
      tags.assign(n, 0);
      float best = internal::DecodeSpans(tagger, emissions.data(), x.allowed.data(), n, tags.data());
      if (std::none_of(tags.begin(), tags.end(), [](uint8_t g) { return g == internal::kTagBCon; })) continue;
      no_content = x.allowed;
      for (uint8_t& a : no_content) a &= internal::kNoContentTags;
      margins.push_back(best - internal::DecodeSpans(tagger, emissions.data(), no_content.data(), n, tags.data()));
    }
  }
  std::sort(margins.begin(), margins.end(), std::greater<float>());
  return margins;
}

float TuneThreshold(const std::vector<Document>& docs, int epochs) {
  // Quantiles of the held-out margins: from keeping the surest 10% of the
  // windows with content to keeping them all.
  static constexpr double kKeep[] = {0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0};
  constexpr int kCount = static_cast<int>(std::size(kKeep));
  internal::MeasureTable none{};
  std::vector<internal::MeasureTable> with(kCount, internal::MeasureTable{});
  std::vector<double> threshold_sum(kCount, 0);
  for (int fold = 0; fold < 2; ++fold) {
    SpanTagger half = Train(docs, epochs, 2, fold);
    std::vector<float> margins = HeldOutMargins(docs, half, fold);
    if (margins.empty()) return 1e30f;
    internal::MeasureTable base = Evaluate(docs, nullptr, 2, fold);
    for (int m = 0; m < internal::kMeasureCount; ++m) none[m].Add(base[m]);
    for (int r = 0; r < kCount; ++r) {
      size_t rank = std::min(margins.size() - 1, static_cast<size_t>(kKeep[r] * static_cast<double>(margins.size())));
      // Just under the rank's margin so that it is kept; 0 at the bottom.
      float threshold = r == kCount - 1 ? 0.0f : margins[rank];
      half.set_threshold(threshold);
      threshold_sum[r] += threshold;
      internal::MeasureTable got = Evaluate(docs, &half, 2, fold);
      for (int m = 0; m < internal::kMeasureCount; ++m) with[r][m].Add(got[m]);
    }
  }
  // The highest threshold near the best objective: among near-equal
  // settings the one adding fewer, surer statements (the candidates run
  // from the highest threshold down). None at all unless some threshold
  // beats the engine without the tagger.
  for (double& t : threshold_sum) t /= 2;
  int pick = PickSetting("train-spans", "held out, no tagger:", none, "t", threshold_sum, with);
  return pick < 0 ? 1e30f : static_cast<float>(threshold_sum[pick]);
}

}  // namespace

int RunTrainSpans(const std::vector<std::string>& args) {
  TrainFlags flags;
  int stop = ParseTrainFlags(args, "train-spans", kTrainHelp, &flags);
  if (stop >= 0) return stop;
  internal::SetActiveSpanTagger(nullptr);
  // The content start model is trained after the tagger (train-starts) on
  // the statements the tagger adds; tuning the tagger with it on would make
  // each depend on the other's last run.
  internal::SetActiveContentStartModel(nullptr);
  std::vector<Document> docs;
  Status s = LoadGoldTexts(flags.dir, &docs, MakeExamples);
  if (!s.ok()) {
    std::fprintf(stderr, "train-spans: %s\n", s.message().c_str());
    return kExitInputFailed;
  }
  float threshold = TuneThreshold(docs, flags.epochs);
  SpanTagger model = Train(docs, flags.epochs, 0, 0);
  model.set_threshold(threshold);
  std::string bytes = model.Serialize();
  int written = WriteModelFile("train-spans", flags.out, bytes);
  if (written != kExitOk) return written;
  std::fprintf(stderr, "train-spans: %zu texts, threshold %.4f, %zu non-zero weights, %zu bytes -> %s\n", docs.size(),
               threshold, model.NonZero(), bytes.size(), flags.out.c_str());
  return kExitOk;
}

}  // namespace whosaid::cli
