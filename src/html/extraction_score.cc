// Shingle scoring for `whosaid eval extraction`.
#include "src/html/extraction_score.h"

#include <algorithm>
#include <unordered_map>

#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // Latin-1 punctuation.
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // Punctuation, symbols, arrows.
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation.
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
  if (cp == 0xFFFD || cp == 0xFEFF) return false;
  return true;
}

}  // namespace

std::vector<std::string> WordsOf(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    if (n == 0) { cp = 0xFFFD; n = 1; }
    if (IsWordCodePoint(cp)) {
      if (cp < 0x80) cur.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      else cur.append(text.substr(i, n));
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
    i += n;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

namespace {

std::unordered_map<std::string, int> Shingles(const std::vector<std::string>& words) {
  constexpr size_t kN = 4;
  std::unordered_map<std::string, int> out;
  if (words.empty()) return out;
  size_t count = words.size() >= kN ? words.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    for (size_t k = i; k < std::min(words.size(), i + kN); ++k) {
      key += words[k];
      key.push_back(' ');
    }
    ++out[key];
  }
  return out;
}

}  // namespace

ShingleScore ScoreShingles(std::string_view expected, std::string_view got) {
  auto e = Shingles(WordsOf(expected));
  auto g = Shingles(WordsOf(got));
  if (e.empty() && g.empty()) return {1, 1};
  if (e.empty() || g.empty()) return {0, 0};
  int64_t matched = 0, total_e = 0, total_g = 0;
  for (const auto& [k, v] : e) total_e += v;
  for (const auto& [k, v] : g) {
    total_g += v;
    auto it = e.find(k);
    if (it != e.end()) matched += std::min(v, it->second);
  }
  return {static_cast<double>(matched) / total_g, static_cast<double>(matched) / total_e};
}

double F1(double precision, double recall) {
  return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

}  // namespace whosaid::internal
