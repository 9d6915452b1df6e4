// The span tagger's fallback (issue 3): for each marked cue (lexicon or
// model) that the rules turned into no statement, the trained tagger
// (src/model/span_tagger.h) labels the source and content around it; a
// content span whose score margin clears the tagger's threshold becomes a
// statement when it clashes with nothing already found. Thread-safe (all
// state is per call).
#ifndef WHOSAID_ATTRIBUTION_TAGGED_STATEMENTS_H_
#define WHOSAID_ATTRIBUTION_TAGGED_STATEMENTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/attribution/attributor.h"
#include "src/attribution/mentions.h"
#include "src/attribution/quotes.h"
#include "src/attribution/tokenizer.h"
#include "src/model/span_features.h"
#include "src/model/span_tagger.h"

namespace whosaid::internal {

// What the tagger made of one cue's window.
struct TaggedSpans {
  TokenRange source;   // Empty when no token was tagged SRC.
  TokenRange content;  // Empty when no token was tagged CON.
  // Best score minus the best score of a labelling with no content: how
  // sure the tagger is that the cue has content. 0 when content is empty.
  float margin = 0;
};

// Per token: 1 + the MentionKind of the first `count` mentions of the
// table covering it, or 0 (the SpanContext::mention_kind the tagger's
// features read).
std::vector<uint8_t> MentionKinds(const TokenizedText& text, const MentionTable& mentions, size_t count);

// Runs `tagger` over the window around the cue [cue_first, cue_last).
// Content is the longest run of CON tags (the first of equal ones), the
// source the SRC run nearest the cue; both without edge punctuation.
// When `window` and `emissions` are not null they get the window and the
// per-token tag scores (window->size() * kSpanTags).
TaggedSpans TagAroundCue(const SpanTagger& tagger, const SpanContext& c, int cue_first, int cue_last,
                         SpanWindow* window = nullptr, std::vector<float>* emissions = nullptr);

// The fallback after both rule passes. The source is the mention over the
// SRC tokens; without one, the source of an earlier statement in the
// cue's sentence, else its nearest subject before the cue, else the
// mention of the sentence the tagger's scores favour as SRC. `facts` are the facts the first
// pass ran with (the tagger's features read them); `cues` has every cue
// marked, the second pass's model cues too. `detected` is how many
// mentions the MentionTable held before the rules added source phrases.
// Adds statements to *found (kept in text order) and returns how many.
// Does nothing when ActiveSpanTagger() is null.
int AddTaggedStatements(const TokenizedText& text, const std::vector<QuotedSpan>& quoted,
                        const TokenFacts& facts, const TokenFacts& cues, size_t detected,
                        MentionTable* mentions, std::vector<FoundAttribution>* found);

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_TAGGED_STATEMENTS_H_
