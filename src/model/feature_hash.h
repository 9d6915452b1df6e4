// The feature hash the trained models share (span_features.h,
// content_start_model.h): FNV-1a over a template id, then strings and small
// integers, with a final mix. The same bytes give the same hash on every
// machine, so trained weights are portable. (The cue model's features,
// cue_features.cc, keep an older variant that leaves its second string
// unterminated; moving them over would change the shipped cue weights.)
#ifndef WHOSAID_MODEL_FEATURE_HASH_H_
#define WHOSAID_MODEL_FEATURE_HASH_H_

#include <cstdint>
#include <string_view>

namespace whosaid::internal {

class FeatureHasher {
 public:
  explicit FeatureHasher(uint32_t id) : h_(2166136261u ^ (id * 0x9E3779B1u)) {}
  FeatureHasher& Add(std::string_view s) {
    for (char ch : s) h_ = (h_ ^ static_cast<unsigned char>(ch)) * 16777619u;
    h_ = (h_ ^ 0xFFu) * 16777619u;
    return *this;
  }
  FeatureHasher& Add(int v) {
    uint32_t u = static_cast<uint32_t>(v);
    for (int k = 0; k < 4; ++k) h_ = (h_ ^ ((u >> (8 * k)) & 0xFFu)) * 16777619u;
    h_ = (h_ ^ 0xFEu) * 16777619u;
    return *this;
  }
  uint32_t Done() const { return h_ ^ (h_ >> 15); }

 private:
  uint32_t h_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_FEATURE_HASH_H_
