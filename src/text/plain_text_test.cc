#include "src/text/plain_text.h"

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

TEST(PlainTextCleaning, RemovesToolbarAndSiteNameAndFindsSourcing) {
  Article a;
  CleanPlainText(" date 2025-03-01 + \u21BA \u2212 16 px\n\nAnna said it, Example.com reports citing Reuters.\n\nExample.Com", &a);
  EXPECT_EQ(a.text, "Anna said it, Example.com reports citing Reuters.");
  EXPECT_EQ(a.date.value_or(""), "2025-03-01");
  EXPECT_EQ(a.publisher.value_or(""), "Example.com");
  EXPECT_EQ(a.cites, std::vector<std::string>{"Reuters"});
  EXPECT_EQ(a.boilerplate_removed.size(), 2u);
}

TEST(PlainTextCleaning, HeadlineBylineAndShareLines) {
  Article a;
  CleanPlainText("Storm hits the coast\nBy Ann Lee and Bo Ek\nMarch 3, 2024\n\nRain fell all night.\n\nFollow us on Telegram", &a);
  EXPECT_EQ(a.title.value_or(""), "Storm hits the coast");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Ann Lee", "Bo Ek"}));
  EXPECT_EQ(a.date.value_or(""), "2024-03-03");
  EXPECT_EQ(a.text, "Rain fell all night.");
}

TEST(PlainTextCleaning, DatelineAndClosingAgency) {
  Article a;
  FindSourcing("KYIV (AP) \u2014 Shelling went on.\n\nMore later. (Reuters)", &a);
  EXPECT_EQ(a.cites, (std::vector<std::string>{"AP", "Reuters"}));
}

TEST(PlainTextInput, EmptyAndBinaryInputAreRefused) {
  EXPECT_FALSE(CheckTextInput(" \n\t", "x").ok());
  EXPECT_FALSE(CheckTextInput(std::string("ab\0cd", 5), "x").ok());
  EXPECT_TRUE(CheckTextInput("A normal line.", "x").ok());
}

}  // namespace
}  // namespace whosaid::internal
