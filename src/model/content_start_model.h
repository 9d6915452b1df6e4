// Where indirect content starts (issue 3). The rules start a statement's
// content right after its cue word, but PolNeAR's annotators often read a
// longer cue ("expressed concern about | the cost", "vowed to push for |
// a wage rise", "declined to comment on | the request"), or leave a
// connective out ("| However, ... "). This model ranks the candidate starts
// 0..kMaxStartShift tokens into the content of an indirect or mixed
// statement whose cue comes before it, and the statement's content starts
// at the best one. A linear ranker over hashed features of each candidate:
// the words at and before the new start, the words skipped, the cue's last
// word and the statement's type. Trained as an averaged ranking perceptron
// (ContentStartPerceptron), deterministic for a fixed example order.
// A ContentStartModel is immutable after loading and safe to share between
// threads; the perceptron is not thread-safe.
//
// File format (data/model/content_start.bin, little-endian):
//   bytes 0-3    magic "WSCS"
//   uint32       version (1)
//   uint32       hash_bits B: 2^B weights
//   uint32       max shift (kMaxStartShift) the model was trained with
//   float32      margin: how much a shift must outscore keeping the start
//   uint32       N, the number of non-zero weights
//   N times      uint32 index (strictly increasing, < 2^B), float32 weight
//
// Example:
//   const ContentStartModel* m = ActiveContentStartModel();
//   int shift = m ? BestStartShift(*m, text, statement) : 0;
#ifndef WHOSAID_MODEL_CONTENT_START_MODEL_H_
#define WHOSAID_MODEL_CONTENT_START_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/attribution/tokenizer.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// The most tokens a content start moves.
constexpr int kMaxStartShift = 8;
constexpr int kMaxStartFeatures = 24;

// What the model reads of one statement: token ranges [first, last).
struct StartStatement {
  int cue_first = 0;
  int cue_last = 0;
  int content_first = 0;
  int content_last = 0;
  bool mixed = false;  // Mixed (partly quoted) rather than indirect.
  // The most tokens the start may move: fewer when another statement's cue
  // lies in the way, so that a statement reported inside this one stays
  // inside it.
  int max_shift = kMaxStartShift;
};

// True when the model applies to the statement: a cue that ends at or
// before a content of at least two tokens.
bool HasStartCandidates(const StartStatement& s);

// The shifts k a statement may take: 0 (keep) and every k <= s.max_shift
// that leaves at least one token of content and starts it at a word or a
// number or an opening quotation mark.
std::vector<int> StartShifts(const TokenizedText& t, const StartStatement& s);

// Writes the hashed features of starting s's content k tokens later to
// features[0 .. return value).
int StartFeatures(const TokenizedText& t, const StartStatement& s, int k, uint32_t* features);

class ContentStartModel {
 public:
  // An all-zero model of 2^hash_bits weights. REQUIRES: 1 <= hash_bits <= 24.
  explicit ContentStartModel(int hash_bits = 18);

  // Parses the binary format above. Returns InvalidArgument naming the byte
  // offset and the reason on a bad magic, version, size or index.
  static StatusOr<ContentStartModel> Parse(std::string_view bytes);
  // Returns the model in the binary format above (zero weights left out).
  std::string Serialize() const;

  float Score(const uint32_t* features, int count) const {
    float s = 0;
    for (int k = 0; k < count; ++k) s += weights_[features[k] & mask_];
    return s;
  }
  float margin() const { return margin_; }
  void set_margin(float m) { margin_ = m; }
  int hash_bits() const { return hash_bits_; }
  uint32_t mask() const { return mask_; }
  const std::vector<float>& weights() const { return weights_; }
  std::vector<float>& mutable_weights() { return weights_; }
  size_t NonZero() const;

 private:
  int hash_bits_;
  uint32_t mask_;
  float margin_ = 0;
  std::vector<float> weights_;
};

// The candidate with the highest score, candidate j's features being
// features[offsets[j] .. offsets[j + 1]); ties go to the earlier one. When
// `lead` is not null it gets the best score minus candidate 0's.
int BestCandidate(const ContentStartModel& m, const uint32_t* features, const int* offsets, int candidates,
                  float* lead = nullptr);

// The shift with the highest score when it beats keeping the start (shift
// 0) by more than the model's margin, else 0; ties go to the smaller
// shift, so an all-zero model keeps every start. 0 when
// HasStartCandidates(s) is false.
int BestStartShift(const ContentStartModel& m, const TokenizedText& t, const StartStatement& s);

// Appends the features of every shift in `shifts` to *features, candidate
// j's at [(*offsets)[j], (*offsets)[j + 1]) (offsets gets shifts.size() + 1
// entries, the first 0).
void CandidateFeatures(const TokenizedText& t, const StartStatement& s, const std::vector<int>& shifts,
                       std::vector<uint32_t>* features, std::vector<int>* offsets);

// Trains a ContentStartModel: when the best-scoring candidate is not the
// gold one, the gold candidate's features gain +1 and the predicted one's
// -1; the final weights are the average over all examples seen.
class ContentStartPerceptron {
 public:
  explicit ContentStartPerceptron(int hash_bits);
  // Learns from one statement's candidates (as CandidateFeatures gives
  // them), `gold` being the right one. Returns true when the current
  // weights chose it.
  bool Learn(const uint32_t* features, const int* offsets, int candidates, int gold);
  ContentStartModel Averaged() const;

 private:
  void Update(const uint32_t* features, int count, float delta);

  ContentStartModel current_;
  std::vector<double> total_;
  int64_t step_ = 1;
};

// The model the attribution uses: the one embedded from
// data/model/content_start.bin, parsed once per process, unless replaced
// by SetActiveContentStartModel; nullptr when there is none or it is
// turned off.
const ContentStartModel* ActiveContentStartModel();
// Replaces the active model (nullptr turns it off) for the rest of the
// process; `model` must outlive its use. For the training tool, tests and
// benchmarks. REQUIRES: no extraction runs concurrently.
void SetActiveContentStartModel(const ContentStartModel* model);
// Restores the embedded model.
void ResetActiveContentStartModel();

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_CONTENT_START_MODEL_H_
