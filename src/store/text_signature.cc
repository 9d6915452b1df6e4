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

constexpr bool IsWordByte(unsigned char c) {
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

namespace {

// IsWordByte as a table: the scan below asks it for every byte of every
// article.
struct WordByteTable {
  bool is_word[256];
  constexpr WordByteTable() : is_word() {
    for (int c = 0; c < 256; ++c) is_word[c] = IsWordByte(static_cast<unsigned char>(c));
  }
};
constexpr WordByteTable kWordBytes;

// Returns Hash64 (seed 0) of the lowercased ASCII word p[0, n), without
// copying it. Every byte is an ASCII letter or digit, so lowercasing is
// setting bit 0x20 (digits have it already). `readable` bytes from p on
// may be read (at least n); with 8 of them the tail is one load.
inline uint64_t HashLowerAsciiWord(const char* p, size_t n, size_t readable) {
  constexpr uint64_t kLower = 0x2020202020202020ull;
  uint64_t h = n * kMul1;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = Mix(h ^ ((w | kLower) * kMul2)) * kMul1;
  }
  uint64_t tail = 0;
  size_t rest = n - i;
  if (rest > 0) {
    // Little-endian, as Hash64 packs the tail.
    if (readable - i >= 8) {
      std::memcpy(&tail, p + i, 8);
      tail &= ~uint64_t{0} >> (8 * (8 - rest));
    } else {
      for (size_t k = 0; k < rest; ++k) tail |= uint64_t{static_cast<unsigned char>(p[i + k])} << (8 * k);
    }
    tail |= kLower >> (8 * (8 - rest));
  }
  return Mix(h ^ tail ^ 0x5bd1e995ull);
}

// The quote marks, dashes and spaces NormalizedWords strips from word
// edges and splits words at, with their lengths.
struct Mark {
  const char* bytes;
  size_t size;
};
constexpr Mark kMarkList[] = {{"\xE2\x80\x9C", 3}, {"\xE2\x80\x9D", 3}, {"\xE2\x80\x98", 3}, {"\xE2\x80\x99", 3},
                              {"\xE2\x80\x94", 3}, {"\xE2\x80\x93", 3}, {"\xC2\xAB", 2},     {"\xC2\xBB", 2},
                              {"\xE2\x80\xA6", 3}, {"\xC2\xA0", 2}};

inline bool SameBytes(const char* p, const Mark& m) {
  return p[0] == m.bytes[0] && p[1] == m.bytes[1] && (m.size == 2 || p[2] == m.bytes[2]);
}

// Returns the length of the first mark of kMarkList at w[i], or 0.
inline size_t MarkAt(std::string_view w, size_t i) {
  unsigned char c = static_cast<unsigned char>(w[i]);
  if (c != 0xE2 && c != 0xC2) return 0;
  for (const Mark& m : kMarkList) {
    if (w.size() - i >= m.size && SameBytes(w.data() + i, m)) return m.size;
  }
  return 0;
}

// Hash64 of the piece lowercased (ASCII letters only, as NormalizedWords).
uint64_t HashLoweredPiece(std::string_view piece) {
  char buffer[256];
  if (piece.size() > sizeof(buffer)) {
    std::string lower(piece);
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return Hash64(lower);
  }
  for (size_t k = 0; k < piece.size(); ++k) {
    char c = piece[k];
    buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return Hash64(std::string_view(buffer, piece.size()));
}

// Appends the hashes of NormalizedWords(word) for one run of word bytes
// that holds a non-ASCII byte, the same steps without building strings:
// marks are stripped from both edges until none is left, then the word is
// split at the marks inside it. Marks hold no ASCII letter, so stripping
// before lowercasing changes nothing.
void HashWordWithMarks(std::string_view w, std::vector<uint64_t>* out) {
  bool changed = true;
  while (changed && !w.empty()) {
    changed = false;
    for (const Mark& m : kMarkList) {
      if (w.size() >= m.size && SameBytes(w.data(), m)) {
        w.remove_prefix(m.size);
        changed = true;
      }
      if (w.size() >= m.size && SameBytes(w.data() + w.size() - m.size, m)) {
        w.remove_suffix(m.size);
        changed = true;
      }
    }
  }
  size_t start = 0;
  for (size_t i = 0; i <= w.size(); ++i) {
    size_t n = i < w.size() ? MarkAt(w, i) : 0;
    if (i == w.size() || n > 0) {
      if (i > start) out->push_back(HashLoweredPiece(w.substr(start, i - start)));
      start = i + n;
      if (n > 0) i += n - 1;
    }
  }
}

}  // namespace

std::vector<uint64_t> NormalizedWordHashes(std::string_view text) {
  std::vector<uint64_t> out;
  NormalizedWordHashes(text, &out);
  return out;
}

void NormalizedWordHashes(std::string_view text, std::vector<uint64_t>* out) {
  out->clear();
  out->reserve(text.size() / 5);
  const char* p = text.data();
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!kWordBytes.is_word[static_cast<unsigned char>(p[i])]) {
      ++i;
      continue;
    }
    size_t start = i;
    unsigned char high = 0;
    for (; i < n && kWordBytes.is_word[static_cast<unsigned char>(p[i])]; ++i) high |= static_cast<unsigned char>(p[i]);
    if (high >= 0x80) {
      HashWordWithMarks(text.substr(start, i - start), out);
      continue;
    }
    out->push_back(HashLowerAsciiWord(p + start, i - start, n - start));
  }
}

uint64_t SequenceHash(const std::vector<uint64_t>& word_hashes) {
  uint64_t h = 0x243F6A8885A308D3ull;
  for (uint64_t w : word_hashes) h = Mix(h ^ w) + kMul1;
  return h;
}

std::vector<uint64_t> WinnowFingerprints(const std::vector<uint64_t>& word_hashes) {
  std::vector<uint64_t> out;
  WinnowFingerprints(word_hashes, &out);
  return out;
}

void WinnowFingerprints(const std::vector<uint64_t>& word_hashes, std::vector<uint64_t>* out) {
  constexpr size_t kShingle = 3;
  constexpr size_t kWindow = kMinContainedWords - kShingle + 1;
  out->clear();
  if (word_hashes.size() < kMinContainedWords) return;
  // The shingles go into *out first; each window's minimum then overwrites
  // the slot of the window's first shingle, which no later window reads.
  size_t shingles = word_hashes.size() - kShingle + 1;
  out->resize(shingles);
  uint64_t* v = out->data();
  for (size_t i = 0; i < shingles; ++i) {
    v[i] = Mix(word_hashes[i] ^ Mix(word_hashes[i + 1] ^ Mix(word_hashes[i + 2])));
  }
  size_t windows = shingles - kWindow + 1;
  for (size_t i = 0; i < windows; ++i) {
    uint64_t m = v[i];
    for (size_t k = 1; k < kWindow; ++k) m = std::min(m, v[i + k]);
    v[i] = m;
  }
  out->resize(windows);
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
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
  // Bit counts are summed eight at a time: byte j of lanes[k] counts bit
  // 8j + k, flushed into counts before a byte can overflow.
  constexpr uint64_t kLowBits = 0x0101010101010101ull;
  uint64_t lanes[8] = {0};
  size_t sampled = 0, pending = 0;
  auto flush = [&] {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) counts[8 * j + k] += static_cast<int>((lanes[k] >> (8 * j)) & 0xFF);
      lanes[k] = 0;
    }
    pending = 0;
  };
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t h = Mix(words[i] ^ Mix(words[i + 1] ^ Mix(words[i + 2] ^ Mix(words[i + 3]))));
    if ((h >> 61) > 1 && words.size() > 64) continue;
    ++sampled;
    for (int k = 0; k < 8; ++k) lanes[k] += (h >> k) & kLowBits;
    if (++pending == 255) flush();
  }
  flush();
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
