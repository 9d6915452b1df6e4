// Throughput of the attribution pipeline, raw text to attributed JSON, on the
// PolNeAR train texts (../shared/corpora/polnear/train/text, ~620K words).
// Reports words/s on one core for three stages measured side by side in one
// run: tokenising alone, attribution (tokenise + quotes + mentions + cues),
// and the full path to a JSON line. Each run checks its result: the number
// of quotes found must match the count from a first pass.
//
//   build/attribution_benchmark [--benchmark_min_time=2]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/attribution/tokenizer.h"
#include "src/model/content_start_model.h"
#include "src/model/cue_model.h"
#include "src/model/span_tagger.h"
#include "whosaid/pipeline.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  std::vector<std::string> texts;
  int64_t words = 0;
  size_t quotes = 0;  // Found by a first, unmeasured pass.
};

const Corpus& LoadCorpus() {
  static Corpus* corpus = [] {
    auto* c = new Corpus();
    const char* env = std::getenv("WHOSAID_BENCH_TEXTS");
    fs::path dir = env ? fs::path(env) : fs::path(WHOSAID_BENCH_SOURCE_DIR) / ".." / "shared" / "corpora" / "polnear" / "train" / "text";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      c->texts.push_back(ss.str());
      std::istringstream words(c->texts.back());
      std::string w;
      while (words >> w) ++c->words;
    }
    whosaid::ExtractOptions options;
    options.raw = true;
    for (const std::string& t : c->texts) {
      auto a = whosaid::ExtractPlainText(t, "bench", options);
      if (a.ok()) c->quotes += a->quotes.size();
    }
    std::fprintf(stderr, "corpus: %zu texts, %lld words, %zu quotes\n", c->texts.size(),
                 static_cast<long long>(c->words), c->quotes);
    return c;
  }();
  return *corpus;
}

void SetWords(benchmark::State& state, const Corpus& c) {
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(c.words) * state.iterations(),
                                                 benchmark::Counter::kIsRate);
}

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  for (auto _ : state) {
    size_t tokens = 0;
    for (const std::string& t : c.texts) tokens += whosaid::internal::TokenizedText(t).size();
    benchmark::DoNotOptimize(tokens);
  }
  SetWords(state, c);
}

// Attributes the corpus once and returns the quotes found.
size_t AttributeCorpus(const Corpus& c) {
  whosaid::ExtractOptions options;
  options.raw = true;
  size_t quotes = 0;
  for (const std::string& t : c.texts) {
    auto a = whosaid::ExtractPlainText(t, "bench", options);
    if (a.ok()) quotes += a->quotes.size();
  }
  return quotes;
}

void BM_Attribute(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  for (auto _ : state) {
    if (AttributeCorpus(c) != c.quotes) state.SkipWithError("quote count changed between runs");
  }
  SetWords(state, c);
}

// The same with the cue model, the span tagger and the content start model
// switched off: what the models' uses (cues in sentences the lexicon
// missed, the second pass, the tagger's fallback, moved starts) cost.
void BM_AttributeRulesOnly(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  whosaid::internal::SetActiveCueModel(nullptr);
  whosaid::internal::SetActiveSpanTagger(nullptr);
  whosaid::internal::SetActiveContentStartModel(nullptr);
  for (auto _ : state) benchmark::DoNotOptimize(AttributeCorpus(c));
  whosaid::internal::ResetActiveCueModel();
  whosaid::internal::ResetActiveSpanTagger();
  whosaid::internal::ResetActiveContentStartModel();
  SetWords(state, c);
}

// The cue model on, the span tagger's fallback off: what the tagger costs.
void BM_AttributeNoTagger(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  whosaid::internal::SetActiveSpanTagger(nullptr);
  for (auto _ : state) benchmark::DoNotOptimize(AttributeCorpus(c));
  whosaid::internal::ResetActiveSpanTagger();
  SetWords(state, c);
}

void BM_AttributeToJson(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  whosaid::ExtractOptions options;
  options.raw = true;
  for (auto _ : state) {
    size_t bytes = 0, quotes = 0;
    for (const std::string& t : c.texts) {
      auto a = whosaid::ExtractPlainText(t, "bench", options);
      if (!a.ok()) continue;
      quotes += a->quotes.size();
      bytes += whosaid::ArticleToJson(*a, false).size();
    }
    if (quotes != c.quotes) state.SkipWithError("quote count changed between runs");
    benchmark::DoNotOptimize(bytes);
  }
  SetWords(state, c);
}

BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Attribute)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AttributeNoTagger)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AttributeRulesOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AttributeToJson)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
