// ASCII case folding for protocol tokens, header names, charsets, tag names
// and lexicon keys: bytes A-Z become a-z, every other byte (UTF-8 included)
// stays. Locale-independent and thread-safe.
#ifndef WHOSAID_UTIL_ASCII_H_
#define WHOSAID_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace whosaid::internal {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_ASCII_H_
