// Tests for the text signatures behind clustering, syndication and claims.
#include "src/store/text_signature.h"

#include <gtest/gtest.h>

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
  };
  for (const char* text : kTexts) {
    EXPECT_EQ(NormalizedWordHashes(text), WordHashes(NormalizedWords(text))) << text;
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
