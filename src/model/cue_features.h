// Hashed features of one token for the cue model (cue_model.h): the word,
// its suffixes, its neighbours, capitalisation, nearby quotation marks and
// lexicon cues. The same function serves training and run time, so the two
// can never drift apart. Stateless and thread-safe.
#ifndef WHOSAID_MODEL_CUE_FEATURES_H_
#define WHOSAID_MODEL_CUE_FEATURES_H_

#include <cstdint>
#include <vector>

#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

constexpr int kMaxCueFeatures = 32;

// What the rules already know about the article, per token.
struct CueContext {
  const TokenizedText* text = nullptr;
  const std::vector<int>* quote_of_token = nullptr;  // Quoted span index, or -1.
  const std::vector<uint8_t>* cue_len = nullptr;     // Lexicon cue length, or 0.
};

// Returns true for the tokens the model may score: punctuation and open-
// class words outside quotations, not right after a determiner or "'s".
bool IsCueCandidate(const CueContext& c, int i);

// Returns the tokens the model scores, in order: candidates in sentences
// where the lexicon marked no cue. Where the rules found a cue the model
// stays out, so it never cuts into a statement the rules already parse.
std::vector<int> CueCandidates(const CueContext& c);

// Writes the feature hashes of token i to out (room for kMaxCueFeatures)
// and returns how many.
int CueFeatures(const CueContext& c, int i, uint32_t* out);

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_CUE_FEATURES_H_
