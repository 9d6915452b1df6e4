// Tests for the text signatures behind clustering, syndication and claims.
#include "src/store/text_signature.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace whosaid::internal {
namespace {

std::vector<uint64_t> Words(const char* s) { return WordHashes(NormalizedWords(s)); }

TEST(TextSignature, NormalizationIgnoresCasePunctuationAndQuoteMarks) {
  EXPECT_EQ(SequenceHash(Words("\xE2\x80\x9CWe will not back down,\xE2\x80\x9D")),
            SequenceHash(Words("we will NOT back down.")));
  EXPECT_NE(SequenceHash(Words("we will back down")), SequenceHash(Words("we will not back down")));
  std::vector<std::string> w = NormalizedWords("isn\xE2\x80\x99t U.S.-led");
  EXPECT_EQ(w, (std::vector<std::string>{"isn", "t", "u", "s", "led"}));
}

TEST(TextSignature, NormalizedWordHashesEqualsHashingNormalizedWords) {
  static const char* const kTexts[] = {
      "",
      "   ...  ",
      "Plain ASCII words, with Capitals and digits 2016.",
      "\xE2\x80\x9CWe will not back down,\xE2\x80\x9D she said \xE2\x80\x94 twice.",
      "isn\xE2\x80\x99t U.S.-led left\xE2\x80\x94right \xC2\xABquoted\xC2\xBB\xC2\xA0gap",
      "caf\xC3\xA9 na\xC3\xAFve \xE2\x80\x98single\xE2\x80\x99 \xE2\x80\xA6" "and so on",
      "Supercalifragilisticexpialidocious-Supercalifragilisticexpialidocious-"
      "AVeryLongWordThatGoesOnAndOnForMoreThanSixtyFourBytesWithoutAnyBreakAtAll end",
      "\xE2\x80\x9C\xE2\x80\x9D \xE2\x80\x94 lone marks",
      "\xE2\x80\x9C\xC2\xAB\xE2\x80\x98Nested\xE2\x80\x99\xC2\xBB\xE2\x80\x9D marks and \xC2\xA0\xC2\xA0",
      "x\xE2\x80\x94\xE2\x80\x94y a\xE2\x80\xA6 \xE2\x80\xA6" "b \xE2\x80\x93\xE2\x80\x93 M\xC3\xBCNCHEN\xE2\x80\x99s",
      "\xE2\x80 truncated \xE2\x80\x9 mark \xC2 bytes \xE2\x80\x9C\xE2\x80",
      "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C",
  };
  for (const char* text : kTexts) {
    EXPECT_EQ(NormalizedWordHashes(text), WordHashes(NormalizedWords(text))) << text;
  }
  // A non-ASCII word longer than the hashing buffer.
  std::string long_word = "\xE2\x80\x9C";
  for (int i = 0; i < 100; ++i) long_word += "Caf\xC3\xA9";
  long_word += "\xE2\x80\x94" "end\xE2\x80\x9D";
  EXPECT_EQ(NormalizedWordHashes(long_word), WordHashes(NormalizedWords(long_word)));
}

TEST(TextSignature, NormalizedWordHashesIntoABufferMatchesEveryWordLength) {
  // Every word length from 1 to 40 (whole 8-byte blocks and every tail),
  // mixed case and digits, with the same buffer reused across texts.
  std::vector<uint64_t> buffer = {1, 2, 3};
  for (size_t len = 1; len <= 40; ++len) {
    std::string word;
    for (size_t i = 0; i < len; ++i) word.push_back("aZ9qM0x"[i % 7]);
    std::string text = "(" + word + ") " + word + "\n" + word;
    NormalizedWordHashes(text, &buffer);
    EXPECT_EQ(buffer, WordHashes(NormalizedWords(text))) << len;
    ASSERT_EQ(buffer.size(), 3u);
    EXPECT_EQ(buffer[0], Hash64(NormalizedWords(word)[0]));
  }
}

// Word hashes, SimHash and fingerprints are stored or compared with stored
// data (articles.simhash, clusters built by earlier writers), so their values
// must never change; these are the values of the first implementation.
TEST(TextSignature, SignatureValuesAreStable) {
  const char* text = "\xE2\x80\x9CWe will defend EVERY inch of allied territory,\xE2\x80\x9D NATO's 2024 chief said; "
                     "Supercalifragilisticexpialidocious-AVeryLongWordThatGoesOnAndOnForMoreThanSixtyFourBytesWithoutAnyBreak x";
  std::vector<uint64_t> words = NormalizedWordHashes(text);
  EXPECT_EQ(words.size(), 16u);
  EXPECT_EQ(SequenceHash(words), 0x3c7c8dd34b2435f0ull);
  EXPECT_EQ(SimHashOfWords(words), 0xa1ebd34604ee37bdull);
  EXPECT_EQ(WinnowFingerprints(words), (std::vector<uint64_t>{0x18d92f506246e7c4ull, 0x2d33b704676939f7ull,
                                                               0x5d99c908ff929cc4ull, 0xaa875f9a0b1e2173ull}));
}

// SimHash as first written: one counter per bit, bit by bit.
uint64_t ReferenceSimHash(const std::vector<uint64_t>& words) {
  auto mix = [](uint64_t x) {
    x ^= x >> 33;
    x *= 0xC2B2AE3D27D4EB4Full;
    x ^= x >> 29;
    x *= 0x9E3779B97F4A7C15ull;
    x ^= x >> 32;
    return x;
  };
  if (words.size() < 4) return SequenceHash(words);
  int counts[64] = {0};
  int sampled = 0;
  for (size_t i = 0; i + 4 <= words.size(); ++i) {
    uint64_t h = mix(words[i] ^ mix(words[i + 1] ^ mix(words[i + 2] ^ mix(words[i + 3]))));
    if ((h >> 61) > 1 && words.size() > 64) continue;
    ++sampled;
    for (int b = 0; b < 64; ++b) counts[b] += static_cast<int>((h >> b) & 1);
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) {
    if (2 * counts[b] - sampled > 0) out |= uint64_t{1} << b;
  }
  return out;
}

TEST(TextSignature, SimHashEqualsBitByBitCounting) {
  // Lengths around the sampling threshold (64 words) and past 255 and 510
  // sampled shingles, where the byte counters are flushed.
  for (size_t n : {0, 3, 4, 5, 63, 64, 65, 300, 1100, 2100, 5000}) {
    std::vector<uint64_t> words;
    for (size_t i = 0; i < n; ++i) words.push_back(Hash64(std::to_string(i * 7919 % 1000)));
    EXPECT_EQ(SimHashOfWords(words), ReferenceSimHash(words)) << n;
  }
}

TEST(TextSignature, WinnowFingerprintsIntoABufferEqualsTheReturnedOnes) {
  std::vector<uint64_t> buffer(100, 7);
  std::string text;
  for (int n = 0; n < 60; ++n) {
    text += (n % 3 ? "word" : "Other") + std::to_string(n * 7 % 11) + " ";
    std::vector<uint64_t> words = NormalizedWordHashes(text);
    WinnowFingerprints(words, &buffer);
    EXPECT_EQ(buffer, WinnowFingerprints(words)) << n;
    EXPECT_TRUE(std::is_sorted(buffer.begin(), buffer.end()));
    EXPECT_TRUE(std::adjacent_find(buffer.begin(), buffer.end()) == buffer.end());
    EXPECT_EQ(buffer.empty(), words.size() < kMinContainedWords);
  }
}

TEST(TextSignature, ContainedTextSharesAllFingerprints) {
  std::vector<uint64_t> whole =
      Words("The alliance will defend every inch of allied territory and nobody should doubt our resolve today");
  std::vector<uint64_t> part = Words("defend every inch of allied territory and nobody should doubt");
  std::vector<uint64_t> fw = WinnowFingerprints(whole), fp = WinnowFingerprints(part);
  ASSERT_FALSE(fp.empty());
  for (uint64_t f : fp) EXPECT_TRUE(std::binary_search(fw.begin(), fw.end(), f));
  EXPECT_TRUE(ContainsRun(whole, part));
  EXPECT_FALSE(ContainsRun(part, whole));
}

TEST(TextSignature, ShortTextsHaveNoFingerprints) {
  EXPECT_TRUE(WinnowFingerprints(Words("we will see")).empty());
}

TEST(TextSignature, SimHashKeepsNearDuplicatesClose) {
  std::string story;
  for (int i = 0; i < 40; ++i) story += "Sentence number " + std::to_string(i) + " of the wire story about budgets. ";
  std::string copy = story + " Reporting by a staff writer.";
  std::string other;
  for (int i = 0; i < 40; ++i) other += "A different report, line " + std::to_string(i) + ", on farm prices. ";
  EXPECT_LE(HammingDistance(SimHash(story), SimHash(copy)), 3);
  EXPECT_GT(HammingDistance(SimHash(story), SimHash(other)), 10);
}

TEST(TextSignature, ClaimSimilarityToleratesTruncationAndRewording) {
  const char* quote = "We will spend at least two percent of our economy on defence by next year";
  EXPECT_GT(ClaimSimilarity(quote, quote), 0.99);
  EXPECT_GT(ClaimSimilarity("spend at least two percent of our economy on defence", quote), 0.7);
  EXPECT_GT(ClaimSimilarity("We'll spend at least 2 percent of the economy on defense by next year", quote), 0.6);
  EXPECT_LT(ClaimSimilarity("Farm subsidies must end before the election", quote), 0.3);
}

}  // namespace
}  // namespace whosaid::internal
