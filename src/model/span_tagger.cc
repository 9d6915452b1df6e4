#include "src/model/span_tagger.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "src/model/active_model.h"
#include "src/model/averaging.h"
#include "src/model/binary_io.h"

namespace whosaid::internal {
namespace {

constexpr char kMagic[4] = {'W', 'S', 'S', 'T'};
constexpr uint32_t kVersion = 1;
constexpr int kTransitionCount = (kSpanTags + 1) * kSpanTags;
constexpr size_t kHeaderBytes = 20 + 4 * kTransitionCount + 4;

Status Bad(size_t offset, const std::string& why) {
  return Status::InvalidArgument("span tagger: byte " + std::to_string(offset) + ": " + why);
}

}  // namespace

SpanTagger::SpanTagger(int hash_bits)
    : hash_bits_(hash_bits),
      mask_((uint32_t{1} << hash_bits) - 1),
      weights_((size_t{1} << hash_bits) * kSpanTags, 0.0f),
      transitions_(kTransitionCount, 0.0f) {}

StatusOr<SpanTagger> SpanTagger::Parse(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) return Bad(bytes.size(), "truncated header");
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) return Bad(0, "bad magic (want WSST)");
  if (GetU32(bytes, 4) != kVersion) return Bad(4, "unsupported version " + std::to_string(GetU32(bytes, 4)));
  uint32_t bits = GetU32(bytes, 8);
  if (bits < 1 || bits > 22) return Bad(8, "hash bits " + std::to_string(bits) + " outside 1-22");
  if (GetU32(bytes, 12) != kSpanTags) return Bad(12, "tag count " + std::to_string(GetU32(bytes, 12)) + " (want 5)");
  SpanTagger model(static_cast<int>(bits));
  model.threshold_ = BitsFloat(GetU32(bytes, 16));
  for (int k = 0; k < kTransitionCount; ++k) model.transitions_[k] = BitsFloat(GetU32(bytes, 20 + 4 * k));
  size_t bad_at = 0;
  std::string why = GetSparseWeights(bytes, kHeaderBytes - 4, "index", &model.weights_, &bad_at);
  if (!why.empty()) return Bad(bad_at, why);
  return model;
}

std::string SpanTagger::Serialize() const {
  std::string out(kMagic, 4);
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(hash_bits_));
  PutU32(&out, kSpanTags);
  PutU32(&out, FloatBits(threshold_));
  for (float t : transitions_) PutU32(&out, FloatBits(t));
  PutSparseWeights(&out, weights_);
  return out;
}

void SpanTagger::Prune(float below) {
  for (float& w : weights_) {
    if (std::abs(w) < below) w = 0.0f;
  }
}

size_t SpanTagger::NonZero() const {
  size_t n = 0;
  for (float w : weights_) n += w != 0.0f;
  return n;
}

bool SpanTagMayFollow(int prev, int tag) {
  if (tag == kTagISrc) return prev == kTagBSrc || prev == kTagISrc;
  if (tag == kTagICon) return prev == kTagBCon || prev == kTagICon;
  return true;
}

float DecodeSpans(const SpanTagger& model, const float* emissions, const uint8_t* allowed, int n, uint8_t* tags) {
  if (n <= 0) return 0;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  // best[j][t]: the best score of a path over tokens 0..j ending in tag t.
  std::vector<float> best(static_cast<size_t>(n) * kSpanTags, kNone);
  std::vector<uint8_t> back(static_cast<size_t>(n) * kSpanTags, 0);
  for (int t = 0; t < kSpanTags; ++t) {
    if (!(allowed[0] >> t & 1) || !SpanTagMayFollow(kSpanTags, t)) continue;
    best[t] = model.transition(kSpanTags, t) + emissions[t];
  }
  for (int j = 1; j < n; ++j) {
    const float* prev = &best[static_cast<size_t>(j - 1) * kSpanTags];
    for (int t = 0; t < kSpanTags; ++t) {
      if (!(allowed[j] >> t & 1)) continue;
      float top = kNone;
      int arg = -1;
      for (int p = 0; p < kSpanTags; ++p) {
        if (prev[p] == kNone || !SpanTagMayFollow(p, t)) continue;
        float s = prev[p] + model.transition(p, t);
        if (arg < 0 || s > top) {
          top = s;
          arg = p;
        }
      }
      if (arg < 0) continue;
      best[static_cast<size_t>(j) * kSpanTags + t] = top + emissions[static_cast<size_t>(j) * kSpanTags + t];
      back[static_cast<size_t>(j) * kSpanTags + t] = static_cast<uint8_t>(arg);
    }
  }
  const float* last = &best[static_cast<size_t>(n - 1) * kSpanTags];
  int arg = 0;
  for (int t = 1; t < kSpanTags; ++t) {
    if (last[t] > last[arg]) arg = t;
  }
  float score = last[arg];
  for (int j = n - 1; j >= 0; --j) {
    tags[j] = static_cast<uint8_t>(arg);
    arg = back[static_cast<size_t>(j) * kSpanTags + arg];
  }
  return score;
}

SpanPerceptron::SpanPerceptron(int hash_bits)
    : current_(hash_bits),
      total_((size_t{1} << hash_bits) * kSpanTags, 0.0),
      transition_total_(kTransitionCount, 0.0) {}

void SpanPerceptron::Update(int index, bool transition, float delta) {
  if (transition) {
    current_.mutable_transitions()[index] += delta;
    transition_total_[index] += static_cast<double>(step_) * delta;
  } else {
    current_.mutable_weights()[index] += delta;
    total_[index] += static_cast<double>(step_) * delta;
  }
}

bool SpanPerceptron::Learn(const uint32_t* features, const int* offsets, int n, const uint8_t* allowed,
                           const uint8_t* gold) {
  emissions_.assign(static_cast<size_t>(n) * kSpanTags, 0.0f);
  predicted_.assign(n, 0);
  for (int j = 0; j < n; ++j) {
    current_.Emit(features + offsets[j], offsets[j + 1] - offsets[j], &emissions_[static_cast<size_t>(j) * kSpanTags]);
  }
  DecodeSpans(current_, emissions_.data(), allowed, n, predicted_.data());
  bool right = true;
  for (int j = 0; j < n && right; ++j) right = predicted_[j] == gold[j];
  if (!right) {
    const uint32_t mask = current_.mask();
    for (int j = 0; j < n; ++j) {
      int g = gold[j], p = predicted_[j];
      int gp = j == 0 ? kSpanTags : gold[j - 1], pp = j == 0 ? kSpanTags : predicted_[j - 1];
      if (g != p) {
        for (int k = offsets[j]; k < offsets[j + 1]; ++k) {
          int bucket = static_cast<int>(features[k] & mask) * kSpanTags;
          Update(bucket + g, false, 1.0f);
          Update(bucket + p, false, -1.0f);
        }
      }
      if (g != p || gp != pp) {
        Update(gp * kSpanTags + g, true, 1.0f);
        Update(pp * kSpanTags + p, true, -1.0f);
      }
    }
  }
  ++step_;
  return right;
}

SpanTagger SpanPerceptron::Averaged() const {
  SpanTagger model(current_.hash_bits());
  std::vector<float>& w = model.mutable_weights();
  const std::vector<float>& cur = current_.weights();
  for (size_t k = 0; k < w.size(); ++k) w[k] = AveragedWeight(cur[k], total_[k], step_);
  std::vector<float>& tr = model.mutable_transitions();
  for (size_t k = 0; k < tr.size(); ++k) tr[k] = AveragedWeight(current_.transitions()[k], transition_total_[k], step_);
  return model;
}

namespace {

ActiveModel<SpanTagger>& Slot() {
  static ActiveModel<SpanTagger> slot("span_tagger.bin");
  return slot;
}

}  // namespace

const SpanTagger* ActiveSpanTagger() { return Slot().Get(); }

void SetActiveSpanTagger(const SpanTagger* tagger) { Slot().Set(tagger); }

void ResetActiveSpanTagger() { Slot().Reset(); }

}  // namespace whosaid::internal
