// A linear cue classifier over hashed features: the "model where rules run
// out" of issue 3. It scores whether a token begins a reporting cue ("see",
// "offered", ":" ...) that the lexicon in data/cues.txt does not know.
// Weights live in a fixed-size table indexed by feature hash; training is an
// averaged perceptron (AveragedPerceptron below), deterministic for a fixed
// example order. A CueModel is immutable after loading and safe to share
// between threads; AveragedPerceptron is not thread-safe.
//
// File format (data/model/cue_model.bin, little-endian):
//   bytes 0-3   magic "WSCM"
//   uint32      version (1)
//   uint32      hash_bits B: the table has 2^B weights
//   float32     threshold: a token is a cue when its score exceeds it
//   uint32      N, the number of non-zero weights
//   N times     uint32 bucket (strictly increasing, < 2^B), float32 weight
//
// Example:
//   StatusOr<CueModel> m = CueModel::Parse(bytes);
//   if (m.ok() && m->Score(features) > m->threshold()) ...
#ifndef WHOSAID_MODEL_CUE_MODEL_H_
#define WHOSAID_MODEL_CUE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid::internal {

class CueModel {
 public:
  // An empty model of 2^hash_bits zero weights, threshold 0.
  // REQUIRES: 1 <= hash_bits <= 24.
  explicit CueModel(int hash_bits = 18);

  // Parses the binary format above. Returns InvalidArgument naming the byte
  // offset and the reason on a bad magic, version, size or bucket.
  static StatusOr<CueModel> Parse(std::string_view bytes);
  // Returns the model in the binary format above (zero weights left out).
  std::string Serialize() const;

  // Returns the sum of the weights of the feature hashes.
  float Score(const uint32_t* features, int count) const {
    float s = 0;
    for (int k = 0; k < count; ++k) s += weights_[features[k] & mask_];
    return s;
  }
  float threshold() const { return threshold_; }
  void set_threshold(float t) { threshold_ = t; }
  int hash_bits() const { return hash_bits_; }
  uint32_t mask() const { return mask_; }
  std::vector<float>& mutable_weights() { return weights_; }
  const std::vector<float>& weights() const { return weights_; }
  // Returns the number of non-zero weights.
  size_t NonZero() const;

 private:
  int hash_bits_;
  uint32_t mask_;
  float threshold_ = 0;
  std::vector<float> weights_;
};

// Trains a CueModel as a binary averaged perceptron: on a mistake the
// features of a positive example gain +1, of a negative one -1; the final
// weights are the average over all updates seen. Deterministic.
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(int hash_bits);
  // Learns from one example; returns true when the current weights were
  // right (score > 0 iff positive).
  bool Learn(const uint32_t* features, int count, bool positive);
  // Returns the averaged weights as a model (threshold 0).
  CueModel Averaged() const;

 private:
  CueModel current_;
  std::vector<double> total_;     // Sum of weight changes times their time.
  int64_t step_ = 1;
};

// Returns the model MarkCues uses: the one embedded from
// data/model/cue_model.bin, parsed once per process, unless replaced by
// SetActiveCueModel; nullptr when there is none or it is disabled.
const CueModel* ActiveCueModel();
// Replaces the active model (nullptr turns model cues off) for the rest of
// the process; `model` must outlive its use. For training and tuning tools
// and tests. REQUIRES: no extraction runs concurrently.
void SetActiveCueModel(const CueModel* model);
// Restores the embedded model.
void ResetActiveCueModel();

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_CUE_MODEL_H_
