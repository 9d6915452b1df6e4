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

// Which sentences' candidates CueCandidates returns: those where the
// lexicon marked no cue, those where it marked one, or all.
enum class CueScope { kUncuedSentences, kCuedSentences, kAll };

// Returns the candidate tokens of the sentences in `scope`, in order.
std::vector<int> CueCandidates(const CueContext& c, CueScope scope);

// Writes the feature hashes of token i to out (room for kMaxCueFeatures)
// and returns how many.
int CueFeatures(const CueContext& c, int i, uint32_t* out);

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_CUE_FEATURES_H_
