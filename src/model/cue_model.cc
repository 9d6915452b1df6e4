#include "src/model/cue_model.h"

#include <cmath>
#include <cstring>
#include <memory>

#include "src/model/active_model.h"
#include "src/model/averaging.h"
#include "src/model/binary_io.h"

namespace whosaid::internal {
namespace {

constexpr char kMagic[4] = {'W', 'S', 'C', 'M'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 20;

Status Bad(size_t offset, const std::string& why) {
  return Status::InvalidArgument("cue model: byte " + std::to_string(offset) + ": " + why);
}

}  // namespace

CueModel::CueModel(int hash_bits)
    : hash_bits_(hash_bits), mask_((uint32_t{1} << hash_bits) - 1), weights_(size_t{1} << hash_bits, 0.0f) {}

StatusOr<CueModel> CueModel::Parse(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) return Bad(bytes.size(), "truncated header");
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) return Bad(0, "bad magic (want WSCM)");
  if (GetU32(bytes, 4) != kVersion) return Bad(4, "unsupported version " + std::to_string(GetU32(bytes, 4)));
  uint32_t bits = GetU32(bytes, 8);
  if (bits < 1 || bits > 24) return Bad(8, "hash bits " + std::to_string(bits) + " outside 1-24");
  CueModel model(static_cast<int>(bits));
  model.threshold_ = BitsFloat(GetU32(bytes, 12));
  size_t bad_at = 0;
  std::string why = GetSparseWeights(bytes, kHeaderBytes - 4, "bucket", &model.weights_, &bad_at);
  if (!why.empty()) return Bad(bad_at, why);
  return model;
}

std::string CueModel::Serialize() const {
  std::string out(kMagic, 4);
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(hash_bits_));
  PutU32(&out, FloatBits(threshold_));
  PutSparseWeights(&out, weights_);
  return out;
}

size_t CueModel::NonZero() const {
  size_t n = 0;
  for (float w : weights_) n += w != 0.0f;
  return n;
}

AveragedPerceptron::AveragedPerceptron(int hash_bits)
    : current_(hash_bits), total_(size_t{1} << hash_bits, 0.0) {}

bool AveragedPerceptron::Learn(const uint32_t* features, int count, bool positive) {
  float score = current_.Score(features, count);
  bool right = (score > 0) == positive;
  if (!right) {
    float delta = positive ? 1.0f : -1.0f;
    std::vector<float>& w = current_.mutable_weights();
    for (int k = 0; k < count; ++k) {
      uint32_t b = features[k] & current_.mask();
      w[b] += delta;
      total_[b] += static_cast<double>(step_) * delta;
    }
  }
  ++step_;
  return right;
}

CueModel AveragedPerceptron::Averaged() const {
  CueModel model(current_.hash_bits());
  std::vector<float>& w = model.mutable_weights();
  const std::vector<float>& cur = current_.weights();
  for (size_t b = 0; b < w.size(); ++b) w[b] = AveragedWeight(cur[b], total_[b], step_);
  return model;
}

namespace {

ActiveModel<CueModel>& Slot() {
  static ActiveModel<CueModel> slot("cue_model.bin");
  return slot;
}

}  // namespace

const CueModel* ActiveCueModel() { return Slot().Get(); }

void SetActiveCueModel(const CueModel* model) { Slot().Set(model); }

void ResetActiveCueModel() { Slot().Reset(); }

}  // namespace whosaid::internal
