#include "src/model/content_start_model.h"

#include <algorithm>
#include <cstring>

#include "src/model/active_model.h"
#include "src/model/averaging.h"
#include "src/model/binary_io.h"
#include "src/model/feature_hash.h"

namespace whosaid::internal {
namespace {

constexpr char kMagic[4] = {'W', 'S', 'C', 'S'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 24;

Status Bad(size_t offset, const std::string& why) {
  return Status::InvalidArgument("content start model: byte " + std::to_string(offset) + ": " + why);
}

// A token's word for the features: lower-cased, or "<q>" for a quotation
// mark.
std::string_view Word(const TokenizedText& t, int i) {
  if (i < 0 || i >= t.size()) return "<none>";
  if (t[i].kind == TokenKind::kQuote) return "<q>";
  return t.Lower(i);
}

bool MayStartContent(const Token& tok) {
  switch (tok.kind) {
    case TokenKind::kWord:
    case TokenKind::kNumber: return true;
    case TokenKind::kQuote: return (tok.quote & kQuoteClose) == 0;
    case TokenKind::kPunct: return false;
  }
  return false;
}

}  // namespace

bool HasStartCandidates(const StartStatement& s) {
  return s.cue_last > s.cue_first && s.cue_last <= s.content_first && s.content_last - s.content_first >= 2;
}

std::vector<int> StartShifts(const TokenizedText& t, const StartStatement& s) {
  std::vector<int> shifts{0};
  if (!HasStartCandidates(s)) return shifts;
  int most = std::min({kMaxStartShift, s.max_shift, s.content_last - s.content_first - 1});
  for (int k = 1; k <= most; ++k) {
    if (MayStartContent(t[s.content_first + k])) shifts.push_back(k);
  }
  return shifts;
}

int StartFeatures(const TokenizedText& t, const StartStatement& s, int k, uint32_t* f) {
  using H = FeatureHasher;
  const int start = s.content_first + k;
  std::string_view w0 = Word(t, start);
  std::string_view w1 = start + 1 < s.content_last ? Word(t, start + 1) : "</c>";
  // Before the new start: the last skipped token, or what precedes the
  // content (the cue, "that", a comma).
  std::string_view wp = Word(t, start - 1);
  std::string_view cue = Word(t, s.cue_last - 1);
  const int mixed = s.mixed ? 1 : 0;
  const int kept = k > 0 ? 1 : 0;
  int n = 0;
  f[n++] = H(1).Add(k).Done();
  f[n++] = H(2).Add(mixed).Add(k).Done();
  f[n++] = H(3).Add(w0).Done();
  f[n++] = H(4).Add(wp).Done();
  f[n++] = H(5).Add(wp).Add(w0).Done();
  f[n++] = H(6).Add(cue).Add(k).Done();
  f[n++] = H(7).Add(cue).Add(wp).Done();
  f[n++] = H(8).Add(cue).Add(w0).Done();
  f[n++] = H(9).Add(w0).Add(w1).Done();
  // The skipped words as one string, alone and after the cue word.
  H skipped(10), cue_skipped(11);
  cue_skipped.Add(cue);
  for (int i = s.content_first; i < start; ++i) {
    skipped.Add(Word(t, i));
    cue_skipped.Add(Word(t, i));
  }
  f[n++] = skipped.Done();
  f[n++] = cue_skipped.Done();
  const Token& first = t[start];
  int shape = first.kind == TokenKind::kQuote ? 2 : first.Is(kCapitalized) ? 1 : 0;
  f[n++] = H(12).Add(shape).Add(kept).Done();
  f[n++] = H(13).Add(s.cue_last == s.content_first ? 1 : 0).Add(k).Done();
  for (int i = s.content_first; i < start; ++i) f[n++] = H(14).Add(Word(t, i)).Done();
  return n;  // At most 13 + kMaxStartShift <= kMaxStartFeatures.
}

ContentStartModel::ContentStartModel(int hash_bits)
    : hash_bits_(hash_bits), mask_((uint32_t{1} << hash_bits) - 1), weights_(size_t{1} << hash_bits, 0.0f) {}

StatusOr<ContentStartModel> ContentStartModel::Parse(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes) return Bad(bytes.size(), "truncated header");
  if (std::memcmp(bytes.data(), kMagic, 4) != 0) return Bad(0, "bad magic (want WSCS)");
  if (GetU32(bytes, 4) != kVersion) return Bad(4, "unsupported version " + std::to_string(GetU32(bytes, 4)));
  uint32_t bits = GetU32(bytes, 8);
  if (bits < 1 || bits > 24) return Bad(8, "hash bits " + std::to_string(bits) + " outside 1-24");
  if (GetU32(bytes, 12) != kMaxStartShift) {
    return Bad(12, "max shift " + std::to_string(GetU32(bytes, 12)) + " (want " + std::to_string(kMaxStartShift) + ")");
  }
  ContentStartModel model(static_cast<int>(bits));
  model.margin_ = BitsFloat(GetU32(bytes, 16));
  size_t bad_at = 0;
  std::string why = GetSparseWeights(bytes, kHeaderBytes - 4, "index", &model.weights_, &bad_at);
  if (!why.empty()) return Bad(bad_at, why);
  return model;
}

std::string ContentStartModel::Serialize() const {
  std::string out(kMagic, 4);
  PutU32(&out, kVersion);
  PutU32(&out, static_cast<uint32_t>(hash_bits_));
  PutU32(&out, kMaxStartShift);
  PutU32(&out, FloatBits(margin_));
  PutSparseWeights(&out, weights_);
  return out;
}

size_t ContentStartModel::NonZero() const {
  size_t n = 0;
  for (float w : weights_) n += w != 0.0f;
  return n;
}

int BestCandidate(const ContentStartModel& m, const uint32_t* features, const int* offsets, int candidates,
                  float* lead) {
  int best = 0;
  float top = 0, first = 0;
  for (int j = 0; j < candidates; ++j) {
    float score = m.Score(features + offsets[j], offsets[j + 1] - offsets[j]);
    if (j == 0) first = score;
    if (j == 0 || score > top) {
      top = score;
      best = j;
    }
  }
  if (lead != nullptr) *lead = top - first;
  return best;
}

void CandidateFeatures(const TokenizedText& t, const StartStatement& s, const std::vector<int>& shifts,
                       std::vector<uint32_t>* features, std::vector<int>* offsets) {
  features->resize(shifts.size() * kMaxStartFeatures);
  offsets->assign(1, 0);
  int n = 0;
  for (int k : shifts) {
    n += StartFeatures(t, s, k, features->data() + n);
    offsets->push_back(n);
  }
  features->resize(n);
}

int BestStartShift(const ContentStartModel& m, const TokenizedText& t, const StartStatement& s) {
  if (!HasStartCandidates(s)) return 0;
  std::vector<int> shifts = StartShifts(t, s);
  if (shifts.size() < 2) return 0;
  uint32_t features[(kMaxStartShift + 1) * kMaxStartFeatures];
  int offsets[kMaxStartShift + 2] = {0};
  for (size_t j = 0; j < shifts.size(); ++j) {
    offsets[j + 1] = offsets[j] + StartFeatures(t, s, shifts[j], features + offsets[j]);
  }
  float lead = 0;
  int best = BestCandidate(m, features, offsets, static_cast<int>(shifts.size()), &lead);
  return lead > m.margin() ? shifts[best] : 0;
}

ContentStartPerceptron::ContentStartPerceptron(int hash_bits)
    : current_(hash_bits), total_(size_t{1} << hash_bits, 0.0) {}

void ContentStartPerceptron::Update(const uint32_t* features, int count, float delta) {
  for (int k = 0; k < count; ++k) {
    uint32_t i = features[k] & current_.mask();
    current_.mutable_weights()[i] += delta;
    total_[i] += static_cast<double>(step_) * delta;
  }
}

bool ContentStartPerceptron::Learn(const uint32_t* features, const int* offsets, int candidates, int gold) {
  int predicted = BestCandidate(current_, features, offsets, candidates);
  bool right = predicted == gold;
  if (!right) {
    Update(features + offsets[gold], offsets[gold + 1] - offsets[gold], 1.0f);
    Update(features + offsets[predicted], offsets[predicted + 1] - offsets[predicted], -1.0f);
  }
  ++step_;
  return right;
}

ContentStartModel ContentStartPerceptron::Averaged() const {
  ContentStartModel model(current_.hash_bits());
  std::vector<float>& w = model.mutable_weights();
  const std::vector<float>& cur = current_.weights();
  for (size_t k = 0; k < w.size(); ++k) w[k] = AveragedWeight(cur[k], total_[k], step_);
  return model;
}

namespace {

ActiveModel<ContentStartModel>& Slot() {
  static ActiveModel<ContentStartModel> slot("content_start.bin");
  return slot;
}

}  // namespace

const ContentStartModel* ActiveContentStartModel() { return Slot().Get(); }

void SetActiveContentStartModel(const ContentStartModel* model) { Slot().Set(model); }

void ResetActiveContentStartModel() { Slot().Reset(); }

}  // namespace whosaid::internal
