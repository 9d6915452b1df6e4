// Little-endian 32-bit fields of the model files (cue_model.h,
// span_tagger.h, content_start_model.h): the same bytes on every machine,
// and the sparse weight list all three end with.
#ifndef WHOSAID_MODEL_BINARY_IO_H_
#define WHOSAID_MODEL_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

inline void PutU32(std::string* out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

// REQUIRES: at + 4 <= s.size().
inline uint32_t GetU32(std::string_view s, size_t at) {
  uint32_t v = 0;
  for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(s[at + k])) << (8 * k);
  return v;
}

inline uint32_t FloatBits(float f) {
  uint32_t v;
  std::memcpy(&v, &f, 4);
  return v;
}

inline float BitsFloat(uint32_t v) {
  float f;
  std::memcpy(&f, &v, 4);
  return f;
}

// Appends the non-zero weights of w as uint32 N, then N pairs (uint32
// index, strictly increasing; float32 weight).
inline void PutSparseWeights(std::string* out, const std::vector<float>& w) {
  uint32_t n = 0;
  for (float x : w) n += x != 0.0f;
  PutU32(out, n);
  for (uint32_t k = 0; k < w.size(); ++k) {
    if (w[k] == 0.0f) continue;
    PutU32(out, k);
    PutU32(out, FloatBits(w[k]));
  }
}

// Reads a list PutSparseWeights wrote at byte `at`, which must run to the
// end of `bytes`, into *w (already sized; the rest stays zero). Returns ""
// or why the list is bad, with *bad_at set to the offending byte; `index`
// names an index in that message ("index", "bucket").
inline std::string GetSparseWeights(std::string_view bytes, size_t at, const char* index, std::vector<float>* w,
                                    size_t* bad_at) {
  if (bytes.size() < at + 4) {
    *bad_at = bytes.size();
    return "truncated header";
  }
  uint64_t n = GetU32(bytes, at);
  if (bytes.size() != at + 4 + 8 * n) {
    *bad_at = at;
    return "weight count does not match the file size";
  }
  int64_t previous = -1;
  for (uint64_t k = 0; k < n; ++k) {
    size_t pair = at + 4 + 8 * k;
    uint32_t i = GetU32(bytes, pair);
    if (i >= w->size() || static_cast<int64_t>(i) <= previous) {
      *bad_at = pair;
      return std::string(index) + " " + std::to_string(i) + " out of range or order";
    }
    previous = i;
    (*w)[i] = BitsFloat(GetU32(bytes, pair + 4));
  }
  return "";
}

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_BINARY_IO_H_
