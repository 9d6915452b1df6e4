// Character reference decoding. The named table holds the names news pages
// use; a name outside it is left as written, which is also what a browser
// shows for an unknown name.
#include "src/html/entities.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

struct NamedRef {
  std::string_view name;
  char32_t cp;
  bool legacy;  // May appear without the terminating ';'.
};

// Sorted by name (byte order) for binary search.
constexpr NamedRef kNamedRefs[] = {
    {"AElig", 0xC6, true},   {"Aacute", 0xC1, true},  {"Acirc", 0xC2, true},
    {"Agrave", 0xC0, true},  {"Alpha", 0x391, false}, {"Aring", 0xC5, true},
    {"Atilde", 0xC3, true},  {"Auml", 0xC4, true},    {"Beta", 0x392, false},
    {"Ccedil", 0xC7, true},  {"Chi", 0x3A7, false},   {"Dagger", 0x2021, false},
    {"Delta", 0x394, false}, {"ETH", 0xD0, true},     {"Eacute", 0xC9, true},
    {"Ecirc", 0xCA, true},   {"Egrave", 0xC8, true},  {"Epsilon", 0x395, false},
    {"Eta", 0x397, false},   {"Euml", 0xCB, true},    {"Gamma", 0x393, false},
    {"Iacute", 0xCD, true},  {"Icirc", 0xCE, true},   {"Igrave", 0xCC, true},
    {"Iota", 0x399, false},  {"Iuml", 0xCF, true},    {"Kappa", 0x39A, false},
    {"Lambda", 0x39B, false}, {"Mu", 0x39C, false},   {"Ntilde", 0xD1, true},
    {"Nu", 0x39D, false},    {"OElig", 0x152, false}, {"Oacute", 0xD3, true},
    {"Ocirc", 0xD4, true},   {"Ograve", 0xD2, true},  {"Omega", 0x3A9, false},
    {"Omicron", 0x39F, false}, {"Oslash", 0xD8, true}, {"Otilde", 0xD5, true},
    {"Ouml", 0xD6, true},    {"Phi", 0x3A6, false},   {"Pi", 0x3A0, false},
    {"Prime", 0x2033, false}, {"Psi", 0x3A8, false},  {"Rho", 0x3A1, false},
    {"Scaron", 0x160, false}, {"Sigma", 0x3A3, false}, {"THORN", 0xDE, true},
    {"Tau", 0x3A4, false},   {"Theta", 0x398, false}, {"Uacute", 0xDA, true},
    {"Ucirc", 0xDB, true},   {"Ugrave", 0xD9, true},  {"Upsilon", 0x3A5, false},
    {"Uuml", 0xDC, true},    {"Xi", 0x39E, false},    {"Yacute", 0xDD, true},
    {"Yuml", 0x178, false},  {"Zeta", 0x396, false},  {"aacute", 0xE1, true},
    {"acirc", 0xE2, true},   {"acute", 0xB4, true},   {"aelig", 0xE6, true},
    {"agrave", 0xE0, true},  {"alpha", 0x3B1, false}, {"amp", '&', true},
    {"apos", '\'', false},   {"aring", 0xE5, true},   {"atilde", 0xE3, true},
    {"auml", 0xE4, true},    {"bdquo", 0x201E, false}, {"beta", 0x3B2, false},
    {"brvbar", 0xA6, true},  {"bull", 0x2022, false}, {"ccedil", 0xE7, true},
    {"cedil", 0xB8, true},   {"cent", 0xA2, true},    {"chi", 0x3C7, false},
    {"circ", 0x2C6, false},  {"colon", ':', false},   {"comma", ',', false},
    {"copy", 0xA9, true},    {"curren", 0xA4, true},  {"dagger", 0x2020, false},
    {"darr", 0x2193, false}, {"deg", 0xB0, true},     {"delta", 0x3B4, false},
    {"divide", 0xF7, true},  {"dollar", '$', false},  {"eacute", 0xE9, true},
    {"ecirc", 0xEA, true},   {"egrave", 0xE8, true},  {"emsp", 0x2003, false},
    {"ensp", 0x2002, false}, {"epsilon", 0x3B5, false}, {"eta", 0x3B7, false},
    {"eth", 0xF0, true},     {"euml", 0xEB, true},    {"euro", 0x20AC, false},
    {"excl", '!', false},    {"fnof", 0x192, false},  {"frac12", 0xBD, true},
    {"frac14", 0xBC, true},  {"frac34", 0xBE, true},  {"frasl", 0x2044, false},
    {"gamma", 0x3B3, false}, {"ge", 0x2265, false},   {"gt", '>', true},
    {"harr", 0x2194, false}, {"hearts", 0x2665, false}, {"hellip", 0x2026, false},
    {"hyphen", 0x2010, false}, {"iacute", 0xED, true}, {"icirc", 0xEE, true},
    {"iexcl", 0xA1, true},   {"igrave", 0xEC, true},  {"infin", 0x221E, false},
    {"iota", 0x3B9, false},  {"iquest", 0xBF, true},  {"iuml", 0xEF, true},
    {"kappa", 0x3BA, false}, {"lambda", 0x3BB, false}, {"laquo", 0xAB, true},
    {"larr", 0x2190, false}, {"ldquo", 0x201C, false}, {"le", 0x2264, false},
    {"lowast", 0x2217, false}, {"lpar", '(', false},  {"lrm", 0x200E, false},
    {"lsaquo", 0x2039, false}, {"lsquo", 0x2018, false}, {"lt", '<', true},
    {"macr", 0xAF, true},    {"mdash", 0x2014, false}, {"micro", 0xB5, true},
    {"middot", 0xB7, true},  {"minus", 0x2212, false}, {"mu", 0x3BC, false},
    {"nbsp", 0xA0, true},    {"ndash", 0x2013, false}, {"ne", 0x2260, false},
    {"not", 0xAC, true},     {"ntilde", 0xF1, true},  {"nu", 0x3BD, false},
    {"num", '#', false},     {"oacute", 0xF3, true},  {"ocirc", 0xF4, true},
    {"oelig", 0x153, false}, {"ograve", 0xF2, true},  {"oline", 0x203E, false},
    {"omega", 0x3C9, false}, {"omicron", 0x3BF, false}, {"ordf", 0xAA, true},
    {"ordm", 0xBA, true},    {"oslash", 0xF8, true},  {"otilde", 0xF5, true},
    {"ouml", 0xF6, true},    {"para", 0xB6, true},    {"percnt", '%', false},
    {"period", '.', false},  {"permil", 0x2030, false}, {"phi", 0x3C6, false},
    {"pi", 0x3C0, false},    {"plusmn", 0xB1, true},  {"pound", 0xA3, true},
    {"prime", 0x2032, false}, {"psi", 0x3C8, false},  {"quest", '?', false},
    {"quot", '"', true},     {"raquo", 0xBB, true},   {"rarr", 0x2192, false},
    {"rdquo", 0x201D, false}, {"reg", 0xAE, true},    {"rho", 0x3C1, false},
    {"rlm", 0x200F, false},  {"rpar", ')', false},    {"rsaquo", 0x203A, false},
    {"rsquo", 0x2019, false}, {"sbquo", 0x201A, false}, {"scaron", 0x161, false},
    {"sect", 0xA7, true},    {"semi", ';', false},    {"shy", 0xAD, true},
    {"sigma", 0x3C3, false}, {"sigmaf", 0x3C2, false}, {"sol", '/', false},
    {"sup1", 0xB9, true},    {"sup2", 0xB2, true},    {"sup3", 0xB3, true},
    {"szlig", 0xDF, true},   {"tau", 0x3C4, false},   {"theta", 0x3B8, false},
    {"thinsp", 0x2009, false}, {"thorn", 0xFE, true}, {"tilde", 0x2DC, false},
    {"times", 0xD7, true},   {"trade", 0x2122, false}, {"uacute", 0xFA, true},
    {"uarr", 0x2191, false}, {"ucirc", 0xFB, true},   {"ugrave", 0xF9, true},
    {"uml", 0xA8, true},     {"upsilon", 0x3C5, false}, {"uuml", 0xFC, true},
    {"xi", 0x3BE, false},    {"yacute", 0xFD, true},  {"yen", 0xA5, true},
    {"yuml", 0xFF, true},    {"zeta", 0x3B6, false},  {"zwj", 0x200D, false},
    {"zwnj", 0x200C, false},
};

// HTML5 maps numeric references in 0x80-0x9F to what windows-1252 means.
constexpr std::array<char32_t, 32> kC1Replacements = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char32_t SanitizeCodePoint(uint64_t v) {
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F) return kC1Replacements[v - 0x80];
  return static_cast<char32_t>(v);
}

size_t DecodeNumeric(std::string_view in, size_t pos, std::string* out) {
  size_t i = pos + 2;  // Past "&#".
  bool hex = i < in.size() && (in[i] == 'x' || in[i] == 'X');
  if (hex) ++i;
  size_t digits_start = i;
  uint64_t v = 0;
  while (i < in.size() && (hex ? IsHex(in[i]) : (in[i] >= '0' && in[i] <= '9'))) {
    char c = in[i];
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + d;  // Saturates past the range.
    ++i;
  }
  if (i == digits_start) return 0;
  if (i < in.size() && in[i] == ';') ++i;
  AppendUtf8(SanitizeCodePoint(v), out);
  return i - pos;
}

const NamedRef* FindNamed(std::string_view name) {
  const NamedRef* end = kNamedRefs + sizeof(kNamedRefs) / sizeof(kNamedRefs[0]);
  const NamedRef* it = std::lower_bound(
      kNamedRefs, end, name, [](const NamedRef& r, std::string_view n) { return r.name < n; });
  return it != end && it->name == name ? it : nullptr;
}

}  // namespace

size_t DecodeCharRef(std::string_view in, size_t pos, bool in_attribute, std::string* out) {
  if (pos + 1 >= in.size()) return 0;
  if (in[pos + 1] == '#') return DecodeNumeric(in, pos, out);
  size_t i = pos + 1;
  while (i < in.size() && i - pos <= 32 && IsAlnum(in[i])) ++i;
  if (i == pos + 1) return 0;
  std::string_view name = in.substr(pos + 1, i - pos - 1);
  bool semicolon = i < in.size() && in[i] == ';';
  if (semicolon) {
    if (const NamedRef* r = FindNamed(name)) {
      AppendUtf8(r->cp, out);
      return i + 1 - pos;
    }
  }
  // A legacy name may stand without ';', and may be a prefix ("&copy2024").
  for (size_t len = std::min<size_t>(name.size(), 6); len >= 2; --len) {
    const NamedRef* r = FindNamed(name.substr(0, len));
    if (r == nullptr || !r->legacy) continue;
    size_t next = pos + 1 + len;
    if (in_attribute && next < in.size() && (in[next] == '=' || IsAlnum(in[next]))) return 0;
    AppendUtf8(r->cp, out);
    return next - pos;
  }
  return 0;
}

void AppendDecoded(std::string_view in, bool in_attribute, std::string* out) {
  size_t i = 0;
  while (i < in.size()) {
    size_t amp = in.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(in.substr(i));
      return;
    }
    out->append(in.substr(i, amp - i));
    size_t used = DecodeCharRef(in, amp, in_attribute, out);
    if (used == 0) {
      out->push_back('&');
      used = 1;
    }
    i = amp + used;
  }
}

}  // namespace whosaid::internal
