// Reading numbers given to command-line flags, shared by every command.
#ifndef WHOSAID_TOOLS_FLAG_PARSE_H_
#define WHOSAID_TOOLS_FLAG_PARSE_H_

#include <cerrno>
#include <cstdlib>
#include <string>

namespace whosaid::cli {

// Parses s as a whole decimal integer in [lo, hi] into *out. Refuses an
// empty string, trailing characters ("2x"), leading spaces and values out
// of range, including ones too large for a long long; *out is unchanged
// then.
inline bool ParseIntFlag(const std::string& s, long long lo, long long hi, long long* out) {
  if (s.empty() || s[0] == ' ' || s[0] == '\t' || s[0] == '+') return false;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno != 0 || *end != '\0' || v < lo || v > hi) return false;
  *out = v;
  return true;
}

// The same for an int-sized flag.
inline bool ParseIntFlag(const std::string& s, int lo, int hi, int* out) {
  long long v = 0;
  if (!ParseIntFlag(s, static_cast<long long>(lo), static_cast<long long>(hi), &v)) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace whosaid::cli

#endif  // WHOSAID_TOOLS_FLAG_PARSE_H_
