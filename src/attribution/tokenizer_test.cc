#include "src/attribution/tokenizer.h"

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

std::vector<std::string> Surfaces(const TokenizedText& t) {
  std::vector<std::string> out;
  for (int i = 0; i < t.size(); ++i) out.emplace_back(t.Surface(i));
  return out;
}

TEST(Tokenizer, KeepsAbbreviationsDomainsAndHyphens) {
  TokenizedText t("U.S. President Trump met News.az's editor, a three-year-old deal.");
  std::vector<std::string> want = {"U.S.", "President", "Trump", "met", "News.az", "'s", "editor", ",",
                                   "a", "three-year-old", "deal", "."};
  EXPECT_EQ(Surfaces(t), want);
  EXPECT_TRUE(t[5].Is(kPossessive));
  EXPECT_TRUE(t[1].Is(kCapitalized));
}

TEST(Tokenizer, SplitsPossessiveButNotContractions) {
  TokenizedText t("Putin\xE2\x80\x99s Russia won\xE2\x80\x99t stop.");
  std::vector<std::string> want = {"Putin", "\xE2\x80\x99s", "Russia", "won\xE2\x80\x99t", "stop", "."};
  EXPECT_EQ(Surfaces(t), want);
}

TEST(Tokenizer, QuotationMarksAreTokensWithTheirKind) {
  TokenizedText t("\xE2\x80\x9CYes,\xE2\x80\x9D he said.");
  ASSERT_EQ(t[0].kind, TokenKind::kQuote);
  EXPECT_TRUE(t[0].quote & kQuoteOpen);
  EXPECT_EQ(t.Surface(3), "\xE2\x80\x9D");
  EXPECT_TRUE(t[3].quote & kQuoteClose);
}

TEST(Tokenizer, SentencesEndAfterClosingQuotesAndParagraphs) {
  TokenizedText t("\"We won.\" He left. Mr. Smith stayed in the U.S. for good.\n\nNext paragraph");
  ASSERT_EQ(t.sentences().size(), 4u);
  EXPECT_EQ(t.Surface(t.sentences()[1].first), "He");
  EXPECT_EQ(t.Surface(t.sentences()[2].first), "Mr.");
  EXPECT_EQ(t.sentences()[3].paragraph, 1);
}

TEST(Tokenizer, ASingleLetterEndsASentenceBeforeAQuotationOrLineEnd) {
  // "X" the platform before a quotation; "W." an initial before a name.
  TokenizedText t("He wrote on X. \"We won.\" George W. Bush agreed. He posted on X.\nNext");
  ASSERT_EQ(t.sentences().size(), 5u);
  EXPECT_EQ(t.Surface(t.sentences()[0].last - 1), ".");
  EXPECT_EQ(t.Surface(t.sentences()[0].last - 2), "X");
  EXPECT_EQ(t.Surface(t.sentences()[2].first), "George");
  EXPECT_EQ(t.Surface(t.sentences()[2].first + 1), "W.");
}

TEST(Tokenizer, DatelinesEndAtTheirDash) {
  TokenizedText t("BERLIN \xE2\x80\x94 Merz spoke.\n\nKYIV, Ukraine (AP) -- Shelling went on.\n\nNATO met.");
  EXPECT_EQ(t.Surface(DatelineEnd(t, 0)), "Merz");
  int kyiv = t.sentences()[1].first;
  ASSERT_GT(DatelineEnd(t, kyiv), kyiv);
  EXPECT_EQ(t.Surface(DatelineEnd(t, kyiv)), "Shelling");
  EXPECT_EQ(DatelineEnd(t, t.sentences()[2].first), -1);  // "NATO met": no dash.
  EXPECT_EQ(DatelineEnd(t, 2), -1);                      // Not a paragraph start.
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  std::string text = "\xC2\xAB" "Bonjour\xC2\xBB, a-t-il dit \xE2\x80\x94 voil\xC3\xA0.";
  TokenizedText t(text);
  for (int i = 0; i < t.size(); ++i) {
    EXPECT_EQ(text.substr(t[i].begin, t[i].end - t[i].begin), t.Surface(i));
  }
  EXPECT_EQ(t.Surface(1), "Bonjour");
}

}  // namespace
}  // namespace whosaid::internal
