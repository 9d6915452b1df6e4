// Text signatures the store uses to recognise the same words across articles:
// word normalisation, 64-bit hashes, winnowed shingle fingerprints (quote
// containment), SimHash (near-duplicate articles) and a paraphrase-tolerant
// similarity score (claim checking). Stateless and thread-safe.
#ifndef WHOSAID_STORE_TEXT_SIGNATURE_H_
#define WHOSAID_STORE_TEXT_SIGNATURE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

// Returns a 64-bit hash of bytes (not cryptographic; stable across builds).
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// Returns Hash64 as 16 lowercase hex digits.
std::string HashHex(std::string_view bytes);

// Splits text into lowercase words: letters and digits (any non-ASCII byte
// counts as a letter), split at everything else, so quote marks, dashes
// and punctuation never matter. "U.S. isn't" -> {"u", "s", "isn", "t"}.
std::vector<std::string> NormalizedWords(std::string_view text);

// Returns one hash per word.
std::vector<uint64_t> WordHashes(const std::vector<std::string>& words);

// Returns WordHashes(NormalizedWords(text)) without building the word
// strings; the indexer hashes every article and quote this way.
std::vector<uint64_t> NormalizedWordHashes(std::string_view text);
// The same into *out (cleared first), reusing its capacity.
void NormalizedWordHashes(std::string_view text, std::vector<uint64_t>* out);

// Returns a hash of the whole word sequence: equal for texts that differ
// only in case, punctuation and spacing.
uint64_t SequenceHash(const std::vector<uint64_t>& word_hashes);

// A quote shorter than this is clustered only by exact normalised text;
// containment ("a partial quote") needs at least this many words.
constexpr size_t kMinContainedWords = 8;

// Returns winnowed fingerprints of 3-word shingles (window 6), sorted and
// unique. Any two texts sharing a run of kMinContainedWords words share a
// fingerprint, so a text contained in another has all its fingerprints
// inside the other's. Empty for texts under kMinContainedWords words.
std::vector<uint64_t> WinnowFingerprints(const std::vector<uint64_t>& word_hashes);
// The same into *out (cleared first), reusing its capacity.
void WinnowFingerprints(const std::vector<uint64_t>& word_hashes, std::vector<uint64_t>* out);

// Returns true when `part` occurs as a contiguous run inside `whole`.
bool ContainsRun(const std::vector<uint64_t>& whole, const std::vector<uint64_t>& part);

// Returns a 64-bit SimHash over 4-word shingles of text.
uint64_t SimHash(std::string_view text);
// Returns the SimHash of already hashed words.
uint64_t SimHashOfWords(const std::vector<uint64_t>& word_hashes);

// Returns the number of differing bits.
int HammingDistance(uint64_t a, uint64_t b);

// Scores how well `candidate` matches the `claim`, in [0, 1]: 1 for the same
// words, high for a truncated or lightly reworded claim. Combines how much
// of the claim the candidate covers (word stems), word-set overlap and
// character-trigram overlap, so truncation, paraphrase and small wording
// changes all keep a good score.
double ClaimSimilarity(std::string_view claim, std::string_view candidate);

// Returns the words of text worth searching for: normalised, without the
// commonest English function words. Used to build full-text queries.
std::vector<std::string> ContentWords(std::string_view text);

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_TEXT_SIGNATURE_H_
