// A sequence tagger for the Source and Content spans around a given cue:
// the fallback of issue 3 for cues the rules cannot parse. Each token of a
// window (see span_features.h) gets one of five tags, O / B-SRC / I-SRC /
// B-CON / I-CON, scored by hashed per-tag weights plus tag-to-tag
// transition weights and decoded exactly by Viterbi. An I- tag may only
// follow the B- or I- tag of its own kind; that constraint is enforced by
// the decoder, not learned. Training is a structured averaged perceptron
// (SpanPerceptron), deterministic for a fixed example order.
// A SpanTagger is immutable after loading and safe to share between
// threads; SpanPerceptron is not thread-safe.
//
// File format (data/model/span_tagger.bin, little-endian):
//   bytes 0-3    magic "WSST"
//   uint32       version (1)
//   uint32       hash_bits B: 2^B buckets of kSpanTags weights each
//   uint32       tag count (5)
//   float32      threshold: the margin a content span must clear
//   30 float32   transitions, row-major [previous tag, or 5 at the start][tag]
//   uint32       N, the number of non-zero weights
//   N times      uint32 index = bucket * 5 + tag (strictly increasing,
//                < 5 * 2^B), float32 weight
//
// Example:
//   StatusOr<SpanTagger> m = SpanTagger::Parse(bytes);
//   float emissions[n * kSpanTags] = {};  // m->Emit(...) per token
//   float best = DecodeSpans(*m, emissions, allowed, n, tags);
#ifndef WHOSAID_MODEL_SPAN_TAGGER_H_
#define WHOSAID_MODEL_SPAN_TAGGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid::internal {

enum SpanTag : uint8_t { kTagO = 0, kTagBSrc = 1, kTagISrc = 2, kTagBCon = 3, kTagICon = 4 };
constexpr int kSpanTags = 5;
constexpr uint8_t kAllTags = 0x1F;           // Bit t allows tag t.
constexpr uint8_t kNoContentTags = 0x07;     // O, B-SRC, I-SRC.

class SpanTagger {
 public:
  // An all-zero tagger of 2^hash_bits buckets, threshold 0.
  // REQUIRES: 1 <= hash_bits <= 22.
  explicit SpanTagger(int hash_bits = 18);

  // Parses the binary format above. Returns InvalidArgument naming the byte
  // offset and the reason on a bad magic, version, size, tag count or index.
  static StatusOr<SpanTagger> Parse(std::string_view bytes);
  // Returns the tagger in the binary format above (zero weights left out).
  std::string Serialize() const;

  // Adds the weights of the features, per tag, to scores[0..kSpanTags).
  void Emit(const uint32_t* features, int count, float* scores) const {
    for (int k = 0; k < count; ++k) {
      const float* w = &weights_[static_cast<size_t>(features[k] & mask_) * kSpanTags];
      for (int t = 0; t < kSpanTags; ++t) scores[t] += w[t];
    }
  }
  // prev is a tag, or kSpanTags at the start of the window.
  float transition(int prev, int tag) const { return transitions_[prev * kSpanTags + tag]; }

  float threshold() const { return threshold_; }
  void set_threshold(float t) { threshold_ = t; }
  int hash_bits() const { return hash_bits_; }
  uint32_t mask() const { return mask_; }
  std::vector<float>& mutable_weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  std::vector<float>& mutable_transitions() { return transitions_; }
  const std::vector<float>& transitions() const { return transitions_; }
  // Zeroes the weights smaller than `below` in magnitude (keeps the file
  // small; the margins the threshold applies to run in the hundreds).
  void Prune(float below);
  // Returns the number of non-zero (bucket, tag) weights.
  size_t NonZero() const;

 private:
  int hash_bits_;
  uint32_t mask_;
  float threshold_ = 0;
  std::vector<float> weights_;      // 2^B * kSpanTags.
  std::vector<float> transitions_;  // (kSpanTags + 1) * kSpanTags.
};

// True when tag may follow prev (kSpanTags: the start): I-SRC only after
// B-SRC or I-SRC, I-CON only after B-CON or I-CON.
bool SpanTagMayFollow(int prev, int tag);

// Viterbi over n tokens: emissions[j * kSpanTags + t] is token j's score
// for tag t, allowed[j] a bit mask of the tags token j may take. Writes the
// best tags to tags[0..n) and returns their total score (emissions plus
// transitions). Ties go to the lower tag number, so the result is
// deterministic. Returns 0 and writes nothing for n == 0.
// REQUIRES: every allowed[j] includes kTagO.
float DecodeSpans(const SpanTagger& model, const float* emissions, const uint8_t* allowed, int n,
                  uint8_t* tags);

// Trains a SpanTagger: on a window decoded wrongly, the features of each
// token gain +1 for its gold tag and -1 for its predicted tag, and so do
// the transitions along each path; the final weights are the average over
// all examples seen. Deterministic.
class SpanPerceptron {
 public:
  explicit SpanPerceptron(int hash_bits);
  // Learns from one window of n tokens: token j's features are
  // features[offsets[j] .. offsets[j + 1]). Returns true when the current
  // weights decoded it right.
  bool Learn(const uint32_t* features, const int* offsets, int n, const uint8_t* allowed, const uint8_t* gold);
  // Returns the averaged weights (threshold 0).
  SpanTagger Averaged() const;
  const SpanTagger& current() const { return current_; }

 private:
  void Update(int index, bool transition, float delta);

  SpanTagger current_;
  std::vector<double> total_;
  std::vector<double> transition_total_;
  int64_t step_ = 1;
  std::vector<float> emissions_;
  std::vector<uint8_t> predicted_;
};

// Returns the tagger the attribution fallback uses: the one embedded from
// data/model/span_tagger.bin, parsed once per process, unless replaced by
// SetActiveSpanTagger; nullptr when there is none or it is turned off.
const SpanTagger* ActiveSpanTagger();
// Replaces the active tagger (nullptr turns the fallback off) for the rest
// of the process; `tagger` must outlive its use. For training tools, tests
// and benchmarks. REQUIRES: no extraction runs concurrently.
void SetActiveSpanTagger(const SpanTagger* tagger);
// Restores the embedded tagger.
void ResetActiveSpanTagger();

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_SPAN_TAGGER_H_
