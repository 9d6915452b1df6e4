// Hashed features of the tokens around one cue for the span tagger
// (span_tagger.h): each token's word, suffixes, shape and neighbours, its
// side of the cue and distance to it, the cue's words, the commas,
// quotation marks and "that" between the token and the cue, and whether
// the token lies in a quotation or a person mention. The same functions
// serve training and run time. Stateless and thread-safe.
#ifndef WHOSAID_MODEL_SPAN_FEATURES_H_
#define WHOSAID_MODEL_SPAN_FEATURES_H_

#include <cstdint>
#include <vector>

#include "src/attribution/lexicons.h"
#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

constexpr int kMaxSpanFeatures = 40;
// The most tokens a window holds; the rest of a long sentence is cut.
constexpr int kMaxWindowTokens = 160;

// What the rules know about the article, per token.
struct SpanContext {
  const TokenizedText* text = nullptr;
  const std::vector<int>* quote_of_token = nullptr;  // Quoted span index, or -1.
  const std::vector<uint8_t>* cue_len = nullptr;     // Cue length at its first token, or 0.
  // Per token: 1 + the MentionKind of a mention covering it, or 0; may be
  // null.
  const std::vector<uint8_t>* mention_kind = nullptr;
  // Per token: the form of a cue starting there (lexicon or model), or
  // null; may be null. Gives the cue's lemma, category and flags.
  const std::vector<const CueForm*>* cue_form = nullptr;
};

// Tokens [first, last) around the cue [cue_first, cue_last).
struct SpanWindow {
  int first = 0;
  int last = 0;
  int cue_first = 0;
  int cue_last = 0;
  int size() const { return last - first; }
};

// The window for a cue: its sentence and, when it is in the same
// paragraph, the next one, at most kMaxWindowTokens tokens, cut evenly
// around the cue when longer.
SpanWindow WindowAround(const TokenizedText& text, int cue_first, int cue_last);

// Fills features with the hashes of every token of the window in order,
// token j's in features[offsets[j] .. offsets[j + 1]) (offsets gets
// size() + 1 entries), and allowed with each token's allowed tags: the
// cue's own tokens may only be O.
void SpanFeatures(const SpanContext& c, const SpanWindow& w, std::vector<uint32_t>* features,
                  std::vector<int>* offsets, std::vector<uint8_t>* allowed);

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_SPAN_FEATURES_H_
