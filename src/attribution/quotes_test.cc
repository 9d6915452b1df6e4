#include "src/attribution/quotes.h"

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

std::vector<std::string> Quoted(const std::string& text) {
  TokenizedText t(text);
  std::vector<std::string> out;
  for (const QuotedSpan& s : PairQuotes(t)) {
    uint32_t b = t[s.open].begin, e = t[s.close].end;
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

TEST(QuotePairing, PairsStraightAndCurlyQuotes) {
  EXPECT_EQ(Quoted("\"One,\" he said, \xE2\x80\x9Ctwo.\xE2\x80\x9D"),
            (std::vector<std::string>{"\"One,\"", "\xE2\x80\x9Ctwo.\xE2\x80\x9D"}));
}

TEST(QuotePairing, IgnoresApostrophesAndNestsSingleInsideDouble) {
  EXPECT_EQ(Quoted("\"It's the 'best' plan,\" said Ann's aide."),
            (std::vector<std::string>{"\"It's the 'best' plan,\""}));
}

TEST(QuotePairing, UnbalancedMarkGivesNoSpan) {
  EXPECT_TRUE(Quoted("He called it \"a plan and left.").empty());
}

TEST(QuotePairing, MultiParagraphQuoteRunsToTheLastClose) {
  std::string text = "\"First part of it.\n\n\"Second part.\" he said.";
  TokenizedText t(text);
  std::vector<QuotedSpan> spans = PairQuotes(t);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_TRUE(spans[0].multi_paragraph);
  EXPECT_EQ(t.Surface(spans[0].close), "\"");
  EXPECT_EQ(t[spans[0].close].paragraph, 1);
}

TEST(QuotePairing, GuillemetsPair) {
  EXPECT_EQ(Quoted("Il a dit \xC2\xAB non \xC2\xBB hier."), (std::vector<std::string>{"\xC2\xAB non \xC2\xBB"}));
}

}  // namespace
}  // namespace whosaid::internal
