// Adds the cues the trained cue model (src/model/) finds where the lexicon
// found none: one-token cues with a generic speech CueForm. Thread-safe.
#ifndef WHOSAID_ATTRIBUTION_MODEL_CUES_H_
#define WHOSAID_ATTRIBUTION_MODEL_CUES_H_

#include <vector>

#include "src/attribution/attributor.h"
#include "src/model/cue_features.h"

namespace whosaid::internal {

// Marks in facts->cue_len / cue_form each candidate token of the sentences
// in `scope` whose model score exceeds the model's threshold, and returns
// the tokens marked. Does nothing when ActiveCueModel() is null.
// REQUIRES: MarkCues' lexicon pass has filled facts.
std::vector<int> AddModelCues(const TokenizedText& text, CueScope scope, TokenFacts* facts);

// The model marks where a cue begins; PolNeAR's cues run over the verb
// group ("wasn't having", "currently back", "speak affectionately of",
// "leave out"). Returns the length of a model cue starting at token i:
// auxiliaries and adverbs, the word after them, then adverbs and one
// particle, within the sentence, outside quotations and lexicon cues.
int ModelCueLength(const TokenizedText& text, const TokenFacts& facts, int i);

// The form model cues carry: lemma "(model)", category speech, flags 0.
const CueForm& ModelCueForm();

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_MODEL_CUES_H_
