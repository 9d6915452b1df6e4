// The process-wide "active" instance of one kind of trained model: the
// weights embedded from data/model/FILE, parsed once on first use, unless a
// training tool, test or benchmark put another in its place (or none, to
// turn the model off). Get() is thread-safe; Set() and Reset() must not run
// while an extraction does.
//
// Example (one slot per model kind, in its .cc):
//   ActiveModel<CueModel>& Slot() {
//     static ActiveModel<CueModel> slot("cue_model.bin");
//     return slot;
//   }
//   const CueModel* m = Slot().Get();  // nullptr: none embedded, or off.
#ifndef WHOSAID_MODEL_ACTIVE_MODEL_H_
#define WHOSAID_MODEL_ACTIVE_MODEL_H_

#include <atomic>
#include <mutex>
#include <string_view>

#include "src/util/lexicon.h"

namespace whosaid::internal {

template <typename Model>
class ActiveModel {
 public:
  // `file` names the embedded weights (EmbeddedModelData) and must outlive
  // the slot. Model::Parse(std::string_view) must return StatusOr<Model>.
  explicit ActiveModel(std::string_view file) : file_(file) {}
  ActiveModel(const ActiveModel&) = delete;
  ActiveModel& operator=(const ActiveModel&) = delete;

  const Model* Get() const {
    return use_embedded_.load(std::memory_order_acquire) ? Embedded() : replaced_.load(std::memory_order_acquire);
  }
  // `model` (nullptr turns the model off) must outlive its use.
  void Set(const Model* model) {
    replaced_.store(model, std::memory_order_release);
    use_embedded_.store(false, std::memory_order_release);
  }
  void Reset() { use_embedded_.store(true, std::memory_order_release); }

 private:
  // The embedded weights, or nullptr when there are none or they do not
  // parse (the engine then runs without this model).
  const Model* Embedded() const {
    std::call_once(parsed_once_, [this] {
      std::string_view bytes = EmbeddedModelData(file_);
      if (bytes.empty()) return;
      auto parsed = Model::Parse(bytes);
      if (parsed.ok()) embedded_ = new Model(std::move(*parsed));  // Lives for the process.
    });
    return embedded_;
  }

  std::string_view file_;
  mutable std::once_flag parsed_once_;
  mutable const Model* embedded_ = nullptr;
  std::atomic<bool> use_embedded_{true};
  std::atomic<const Model*> replaced_{nullptr};
};

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_ACTIVE_MODEL_H_
