// UTF-8 helpers: decoding, repair of invalid sequences, and the map from byte
// offsets to code-point offsets that every output span goes through.
// Stateless functions are thread-safe; CodePointIndex is immutable once built.
#ifndef WHOSAID_UTIL_UTF8_H_
#define WHOSAID_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

// Decodes one code point at text[pos]. Returns its byte length (1-4) and sets
// *cp, or returns 0 when the bytes there are not valid UTF-8.
int DecodeUtf8(std::string_view text, size_t pos, char32_t* cp);

// Appends the UTF-8 encoding of cp to *out.
void AppendUtf8(char32_t cp, std::string* out);

// Copies `in` to *out, replacing each invalid sequence with U+FFFD.
// Returns the number of replacements; *first_bad gets the byte offset of the
// first one (unchanged when there is none).
size_t RepairUtf8(std::string_view in, std::string* out, int64_t* first_bad);

// Returns the number of code points in text. REQUIRES: valid UTF-8.
int64_t CountCodePoints(std::string_view text);

// Maps byte offsets of a valid UTF-8 text to code-point offsets and back.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // REQUIRES: byte <= text.size() and byte falls on a code-point boundary.
  int64_t ToCodePoint(size_t byte) const {
    return ascii_ ? static_cast<int64_t>(byte) : byte_to_cp_[byte];
  }
  // Returns the byte offset of code point cp; cp may equal the length.
  size_t ToByte(int64_t cp) const {
    return ascii_ ? static_cast<size_t>(cp) : cp_to_byte_[cp];
  }
  int64_t size() const { return size_; }

 private:
  bool ascii_ = true;
  int64_t size_ = 0;
  std::vector<int32_t> byte_to_cp_;
  std::vector<int32_t> cp_to_byte_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_UTF8_H_
