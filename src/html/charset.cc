// Charset detection follows the order browsers use; labels are mapped to
// what HTML5 means by them (latin1 and ascii mean windows-1252).
#include "src/html/charset.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>

#include "src/util/ascii.h"
#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

// Reads the value after "charset" at s[pos] ("charset=utf-8", "charset='x'").
std::string ReadCharsetValue(std::string_view s, size_t pos) {
  pos += 7;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t start = pos;
  while (pos < s.size() && (std::isalnum(static_cast<unsigned char>(s[pos])) || s[pos] == '-' ||
                            s[pos] == '_' || s[pos] == ':' || s[pos] == '.')) {
    ++pos;
  }
  return AsciiLower(s.substr(start, pos - start));
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    char32_t cp;
    int n = DecodeUtf8(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string CanonicalLabel(std::string label) {
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "utf-8";
  if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "us-ascii" ||
      label == "ascii" || label == "iso8859-1" || label == "cp1252" || label == "l1") {
    return "windows-1252";
  }
  if (label == "x-sjis" || label == "shift-jis") return "shift_jis";
  if (label == "gb2312" || label == "gbk") return "gb18030";
  return label;
}

}  // namespace

std::string DetectCharset(std::string_view page, std::string_view content_type) {
  if (page.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (page.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (page.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  std::string ct = AsciiLower(content_type);
  size_t at = ct.find("charset");
  if (at != std::string::npos) {
    std::string v = ReadCharsetValue(ct, at);
    if (!v.empty()) return v;
  }
  std::string head = AsciiLower(page.substr(0, 4096));
  size_t meta = 0;
  while ((meta = head.find("<meta", meta)) != std::string::npos) {
    size_t end = head.find('>', meta);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(head).substr(meta, end - meta);
    size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::string v = ReadCharsetValue(tag, cs);
      if (!v.empty()) return v;
    }
    meta = end;
  }
  return "";
}

Status ConvertToUtf8(std::string_view page, std::string_view charset, std::string* out) {
  std::string label = CanonicalLabel(std::string(charset));
  if (page.substr(0, 3) == "\xEF\xBB\xBF") page.remove_prefix(3);
  if (label.empty()) label = IsValidUtf8(page) ? "utf-8" : "windows-1252";
  if (label == "utf-8") {
    int64_t first_bad = -1;
    RepairUtf8(page, out, &first_bad);
    return Status::Ok();
  }
  if (label == "utf-16le" || label == "utf-16be") page.remove_prefix(std::min<size_t>(2, page.size()));
  iconv_t cd = iconv_open("UTF-8", label.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::Unsupported("unknown charset '" + std::string(charset) + "'");
  }
  out->clear();
  out->resize(page.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(page.data());
  size_t in_left = page.size();
  size_t used = 0;
  while (in_left > 0) {
    char* out_ptr = out->data() + used;
    size_t out_left = out->size() - used;
    size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    used = out->size() - out_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out->resize(out->size() * 2);
    } else {  // EILSEQ or EINVAL: skip one byte, mark it.
      out->resize(std::max(out->size(), used + 8));
      std::string rep;
      AppendUtf8(0xFFFD, &rep);
      std::copy(rep.begin(), rep.end(), out->begin() + used);
      used += rep.size();
      ++in_ptr;
      --in_left;
    }
  }
  out->resize(used);
  iconv_close(cd);
  return Status::Ok();
}

}  // namespace whosaid::internal
