#include "src/attribution/model_cues.h"

#include "src/model/cue_features.h"
#include "src/model/cue_model.h"

namespace whosaid::internal {

const CueForm& ModelCueForm() {
  static const CueForm* form = [] {
    auto* f = new CueForm();  // Lives for the process.
    f->lemma = "(model)";
    f->category = CueCategory::kSpeech;
    return f;
  }();
  return *form;
}

void AddModelCues(const TokenizedText& t, TokenFacts* facts) {
  const CueModel* model = ActiveCueModel();
  if (model == nullptr) return;
  CueContext c{&t, &facts->quote_of_token, &facts->cue_len};
  uint32_t features[kMaxCueFeatures];
  std::vector<int> picked;
  for (int i : CueCandidates(c)) {
    int count = CueFeatures(c, i, features);
    if (model->Score(features, count) > model->threshold()) picked.push_back(i);
  }
  // Marked after scoring, so each score sees only the lexicon's cues, as in
  // training.
  for (int i : picked) {
    facts->cue_len[i] = 1;
    facts->cue_form[i] = &ModelCueForm();
  }
}

}  // namespace whosaid::internal
