#include "src/attribution/model_cues.h"

#include "src/attribution/word_sets.h"
#include "src/model/cue_features.h"
#include "src/model/cue_model.h"

namespace whosaid::internal {
namespace {

bool IsAuxiliaryLike(std::string_view w) {
  return IsVerbModifier(w) || w.ends_with("n't") || w.ends_with("n\xE2\x80\x99t") ||
         (w.size() > 4 && w.ends_with("ly"));
}

bool IsParticle(std::string_view w) {
  return w == "out" || w == "up" || w == "off" || w == "back" || w == "down" || w == "on" || w == "about" ||
         w == "of" || w == "for" || w == "with" || w == "against" || w == "at" || w == "over";
}

}  // namespace

int ModelCueLength(const TokenizedText& t, const TokenFacts& facts, int i) {
  const int n = t.size();
  auto usable = [&](int k) {
    return k < n && k - i < 6 && t.IsWord(k) && t[k].sentence == t[i].sentence && facts.quote_of_token[k] < 0 &&
           facts.cue_len[k] == 0;
  };
  if (!t.IsWord(i)) return 1;
  int e = i;
  while (IsAuxiliaryLike(t.Lower(e)) && usable(e + 1) && !IsPreposition(t.Lower(e + 1)) &&
         !IsFunctionWord(t.Lower(e + 1))) ++e;
  int k = e + 1;
  while (usable(k) && t.Lower(k).size() > 4 && t.Lower(k).ends_with("ly")) ++k;
  if (usable(k) && IsParticle(t.Lower(k)) && usable(k + 1)) return k + 1 - i;
  return e + 1 - i;
}

const CueForm& ModelCueForm() {
  static const CueForm* form = [] {
    auto* f = new CueForm();  // Lives for the process.
    f->lemma = "(model)";
    f->category = CueCategory::kSpeech;
    return f;
  }();
  return *form;
}

std::vector<int> AddModelCues(const TokenizedText& t, CueScope scope, TokenFacts* facts) {
  const CueModel* model = ActiveCueModel();
  if (model == nullptr) return {};
  CueContext c{&t, &facts->quote_of_token, &facts->cue_len};
  uint32_t features[kMaxCueFeatures];
  std::vector<int> picked;
  for (int i : CueCandidates(c, scope)) {
    int count = CueFeatures(c, i, features);
    if (model->Score(features, count) > model->threshold()) picked.push_back(i);
  }
  // Marked after scoring, so each score sees only the lexicon's cues, as in
  // training.
  std::vector<int> marked;
  int covered = -1;  // Picks inside an earlier pick's verb group join it.
  for (int i : picked) {
    if (i < covered) continue;
    int len = ModelCueLength(t, *facts, i);
    covered = i + len;
    facts->cue_len[i] = static_cast<uint8_t>(len);
    facts->cue_form[i] = &ModelCueForm();
    marked.push_back(i);
  }
  return marked;
}

}  // namespace whosaid::internal
