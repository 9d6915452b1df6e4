#include "src/util/utf8.h"

namespace whosaid::internal {

int DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  size_t left = s.size() - pos;
  if (left == 0) return 0;
  unsigned char c = p[0];
  if (c < 0x80) { *cp = c; return 1; }
  auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) {
    if (!cont(1)) return 0;
    *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // Overlong.
    if (c == 0xED && p[1] >= 0xA0) return 0;  // Surrogates.
    *cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    *cp = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t RepairUtf8(std::string_view in, std::string* out, int64_t* first_bad) {
  size_t bad = 0;
  out->clear();
  out->reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    // Copy ASCII runs fast.
    size_t j = i;
    while (j < in.size() && static_cast<unsigned char>(in[j]) < 0x80) ++j;
    out->append(in.data() + i, j - i);
    i = j;
    if (i >= in.size()) break;
    char32_t cp;
    int n = DecodeUtf8(in, i, &cp);
    if (n == 0) {
      if (bad == 0 && first_bad) *first_bad = static_cast<int64_t>(i);
      ++bad;
      AppendUtf8(0xFFFD, out);
      ++i;
    } else {
      out->append(in.data() + i, n);
      i += n;
    }
  }
  return bad;
}

int64_t CountCodePoints(std::string_view text) {
  int64_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) { ascii_ = false; break; }
  }
  if (ascii_) {
    size_ = static_cast<int64_t>(text.size());
    return;
  }
  byte_to_cp_.resize(text.size() + 1);
  cp_to_byte_.reserve(text.size() + 1);
  int32_t cp = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool lead = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (lead) {
      cp_to_byte_.push_back(static_cast<int32_t>(i));
      byte_to_cp_[i] = cp++;
    } else {
      byte_to_cp_[i] = cp;  // Mid-character: maps to its character's end.
    }
  }
  byte_to_cp_[text.size()] = cp;
  cp_to_byte_.push_back(static_cast<int32_t>(text.size()));
  size_ = cp;
}

}  // namespace whosaid::internal
