#include "src/model/cue_model.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>

#include "src/model/binary_io.h"
#include "src/util/lexicon.h"

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
  uint64_t n = GetU32(bytes, 16);
  if (bytes.size() != kHeaderBytes + 8 * n) return Bad(16, "weight count does not match the file size");
  int64_t previous = -1;
  for (uint64_t k = 0; k < n; ++k) {
    size_t at = kHeaderBytes + 8 * k;
    uint32_t bucket = GetU32(bytes, at);
    if (bucket > model.mask_ || static_cast<int64_t>(bucket) <= previous) {
      return Bad(at, "bucket " + std::to_string(bucket) + " out of range or order");
    }
    previous = bucket;
    model.weights_[bucket] = BitsFloat(GetU32(bytes, at + 4));
  }
  return model;
}

std::string CueModel::Serialize() const {
  std::string out(kMagic, 4);
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(hash_bits_));
  PutU32(&out, FloatBits(threshold_));
  PutU32(&out, static_cast<uint32_t>(NonZero()));
  for (uint32_t b = 0; b < weights_.size(); ++b) {
    if (weights_[b] == 0.0f) continue;
    PutU32(&out, b);
    PutU32(&out, FloatBits(weights_[b]));
  }
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
  for (size_t b = 0; b < w.size(); ++b) {
    double avg = cur[b] - total_[b] / static_cast<double>(step_);
    // Rounded so tiny float noise never decides a zero weight.
    w[b] = std::abs(avg) < 1e-6 ? 0.0f : static_cast<float>(avg);
  }
  return model;
}

namespace {

const CueModel* EmbeddedCueModel() {
  static const CueModel* model = [] () -> const CueModel* {
    std::string_view bytes = EmbeddedModelData("cue_model.bin");
    if (bytes.empty()) return nullptr;
    StatusOr<CueModel> parsed = CueModel::Parse(bytes);
    if (!parsed.ok()) return nullptr;
    return new CueModel(std::move(*parsed));  // Lives for the process.
  }();
  return model;
}

// Sentinel for "use the embedded model".
const CueModel kUseEmbedded(1);
std::atomic<const CueModel*> g_active{&kUseEmbedded};

}  // namespace

const CueModel* ActiveCueModel() {
  const CueModel* m = g_active.load(std::memory_order_acquire);
  return m == &kUseEmbedded ? EmbeddedCueModel() : m;
}

void SetActiveCueModel(const CueModel* model) { g_active.store(model, std::memory_order_release); }

void ResetActiveCueModel() { g_active.store(&kUseEmbedded, std::memory_order_release); }

}  // namespace whosaid::internal
