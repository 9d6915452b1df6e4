// Little-endian 32-bit fields of the model files (cue_model.h,
// span_tagger.h): the same bytes on every machine.
#ifndef WHOSAID_MODEL_BINARY_IO_H_
#define WHOSAID_MODEL_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

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

}  // namespace whosaid::internal

#endif  // WHOSAID_MODEL_BINARY_IO_H_
