// Text signatures: hashing, word normalisation, winnowing, SimHash and
// claim similarity.
#include "src/store/text_signature.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_set>

namespace whosaid::internal {
namespace {

constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ull;
constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4Full;

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= kMul2;
  x ^= x >> 29;
  x *= kMul1;
  x ^= x >> 32;
  return x;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Strips a few English inflections so "said"/"says", "cuts"/"cut" and
// "taxes"/"tax" compare equal in claim checking.
std::string Stem(const std::string& w) {
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return w.size() > n + 2 && w.compare(w.size() - n, n, s) == 0;
  };
  if (ends("ing")) return w.substr(0, w.size() - 3);
  if (ends("ed")) return w.substr(0, w.size() - 2);
  if (ends("es")) return w.substr(0, w.size() - 2);
  if (ends("s") && !ends("ss")) return w.substr(0, w.size() - 1);
  return w;
}

const std::unordered_set<std::string>& StopWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "a",    "an",   "and",  "are",  "as",   "at",   "be",   "been", "but",  "by",
      "for",  "from", "had",  "has",  "have", "he",   "her",  "his",  "i",    "in",
      "is",   "it",   "its",  "of",   "on",   "or",   "our",  "s",    "she",  "t",
      "that", "the",  "their", "them", "they", "this", "to",  "was",  "we",   "were",
      "will", "with", "would", "you", "not",  "do",   "so",   "if",   "there", "what"};
  return *words;
}

double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) { ++common; ++i; ++j; }
    else if (a[i] < b[j]) { ++i; }
    else { ++j; }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double Coverage(const std::vector<uint64_t>& part, const std::vector<uint64_t>& whole) {
  if (part.empty()) return 0;
  size_t covered = 0;
  for (uint64_t h : part) covered += std::binary_search(whole.begin(), whole.end(), h);
  return static_cast<double>(covered) / static_cast<double>(part.size());
}

std::vector<uint64_t> SortedUnique(std::vector<uint64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<uint64_t> StemSet(const std::vector<std::string>& words) {
  std::vector<uint64_t> out;
  for (const std::string& w : words) {
    if (!StopWords().count(w)) out.push_back(Hash64(Stem(w)));
  }
  return SortedUnique(std::move(out));
}

std::vector<uint64_t> TrigramSet(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& w : words) {
    joined.push_back(' ');
    joined += w;
  }
  joined.push_back(' ');
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 3 <= joined.size(); ++i) out.push_back(Hash64(std::string_view(joined).substr(i, 3)));
  return SortedUnique(std::move(out));
}

}  // namespace

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed ^ (bytes.size() * kMul1);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = Mix(h ^ (w * kMul2)) * kMul1;
  }
  uint64_t tail = 0;
  for (size_t k = 0; i + k < bytes.size(); ++k) {
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
  }
  return Mix(h ^ tail ^ 0x5bd1e995ull);
}

std::string HashHex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  uint64_t h = Hash64(bytes);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

std::vector<std::string> NormalizedWords(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  // Curly quotes and dashes are non-ASCII, so they arrive glued to words as
  // bytes >= 0x80; strip the common ones from word edges.
  static const char* const kMarks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
                                       "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xAB", "\xC2\xBB",
                                       "\xE2\x80\xA6", "\xC2\xA0"};
  std::vector<std::string> out;
  out.reserve(words.size());
  for (std::string& w : words) {
    if (std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      out.push_back(std::move(w));
      continue;
    }
    bool changed = true;
    while (changed && !w.empty()) {
      changed = false;
      for (const char* m : kMarks) {
        size_t n = std::strlen(m);
        if (w.size() >= n && w.compare(0, n, m) == 0) { w.erase(0, n); changed = true; }
        if (w.size() >= n && w.compare(w.size() - n, n, m) == 0) { w.erase(w.size() - n); changed = true; }
      }
    }
    // A mark inside a word ("isn’t", "left—right") splits it.
    size_t start = 0;
    for (size_t i = 0; i <= w.size(); ++i) {
      size_t n = 0;
      if (i < w.size()) {
        for (const char* m : kMarks) {
          size_t len = std::strlen(m);
          if (w.compare(i, len, m) == 0) { n = len; break; }
        }
      }
      if (i == w.size() || n > 0) {
        if (i > start) out.push_back(w.substr(start, i - start));
        start = i + n;
        if (n > 0) i += n - 1;
      }
    }
  }
  return out;
}

std::vector<uint64_t> WordHashes(const std::vector<std::string>& words) {
  std::vector<uint64_t> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(Hash64(w));
  return out;
}

std::vector<uint64_t> NormalizedWordHashes(std::string_view text) {
  std::vector<uint64_t> out;
  out.reserve(text.size() / 5);
  char lower[64];
  size_t i = 0;
  while (i < text.size()) {
    if (!IsWordByte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    bool ascii = true;
    for (; i < text.size() && IsWordByte(static_cast<unsigned char>(text[i])); ++i) {
      ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
    }
    std::string_view word = text.substr(start, i - start);
    if (!ascii || word.size() > sizeof(lower)) {
      // Rare: marks to strip or split at, or a very long word.
      for (const std::string& w : NormalizedWords(word)) out.push_back(Hash64(w));
      continue;
    }
    for (size_t k = 0; k < word.size(); ++k) {
      char c = word[k];
      lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out.push_back(Hash64(std::string_view(lower, word.size())));
  }
  return out;
}

uint64_t SequenceHash(const std::vector<uint64_t>& word_hashes) {
  uint64_t h = 0x243F6A8885A308D3ull;
  for (uint64_t w : word_hashes) h = Mix(h ^ w) + kMul1;
  return h;
}

std::vector<uint64_t> WinnowFingerprints(const std::vector<uint64_t>& word_hashes) {
  constexpr size_t kShingle = 3;
  constexpr size_t kWindow = kMinContainedWords - kShingle + 1;
  std::vector<uint64_t> out;
  if (word_hashes.size() < kMinContainedWords) return out;
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + kShingle <= word_hashes.size(); ++i) {
    shingles.push_back(Mix(word_hashes[i] ^ Mix(word_hashes[i + 1] ^ Mix(word_hashes[i + 2]))));
  }
  for (size_t i = 0; i + kWindow <= shingles.size(); ++i) {
    out.push_back(*std::min_element(shingles.begin() + i, shingles.begin() + i + kWindow));
  }
  return SortedUnique(std::move(out));
}

bool ContainsRun(const std::vector<uint64_t>& whole, const std::vector<uint64_t>& part) {
  if (part.empty() || part.size() > whole.size()) return false;
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

uint64_t SimHash(std::string_view text) { return SimHashOfWords(NormalizedWordHashes(text)); }

uint64_t SimHashOfWords(const std::vector<uint64_t>& words) {
  int counts[64] = {0};
  constexpr size_t kShingle = 4;
  if (words.size() < kShingle) return SequenceHash(words);
  // A quarter of the shingles, chosen by their own hash, so copies of a
  // text sample the same ones; this keeps SimHash cheap on long articles.
  size_t sampled = 0;
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t h = Mix(words[i] ^ Mix(words[i + 1] ^ Mix(words[i + 2] ^ Mix(words[i + 3]))));
    if ((h >> 61) > 1 && words.size() > 64) continue;
    ++sampled;
    for (int b = 0; b < 64; ++b) counts[b] += static_cast<int>((h >> b) & 1);
  }
  for (int& c : counts) c = 2 * c - static_cast<int>(sampled);
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (counts[b] > 0) out |= uint64_t{1} << b;
  }
  return out;
}

int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

double ClaimSimilarity(std::string_view claim, std::string_view candidate) {
  std::vector<std::string> cw = NormalizedWords(claim);
  std::vector<std::string> qw = NormalizedWords(candidate);
  if (cw.empty() || qw.empty()) return 0;
  std::vector<uint64_t> cs = StemSet(cw), qs = StemSet(qw);
  if (cs.empty()) cs = SortedUnique(WordHashes(cw));
  if (qs.empty()) qs = SortedUnique(WordHashes(qw));
  double coverage = Coverage(cs, qs);
  double words = Dice(cs, qs);
  double trigrams = Dice(TrigramSet(cw), TrigramSet(qw));
  return 0.5 * coverage + 0.25 * words + 0.25 * trigrams;
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& w : NormalizedWords(text)) {
    if (!StopWords().count(w)) out.push_back(std::move(w));
  }
  return out;
}

}  // namespace whosaid::internal
