// The averaged perceptron's final weight, shared by the trainers
// (cue_model.h, span_tagger.h, content_start_model.h). Each trainer keeps
// `current`, the weight now, and `total`, the sum of step * delta over its
// updates; the average over `step` examples is current - total / step,
// rounded to zero when tiny so that float noise never decides whether a
// weight is written.
#ifndef WHOSAID_MODEL_AVERAGING_H_
#define WHOSAID_MODEL_AVERAGING_H_

#include <cmath>
#include <cstdint>

namespace whosaid::internal {

inline float AveragedWeight(float current, double total, int64_t step) {
  double avg = current - total / static_cast<double>(step);
  return std::abs(avg) < 1e-6 ? 0.0f : static_cast<float>(avg);
}

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_AVERAGING_H_
