// Tests for the closed-class word sets: members are found whatever the
// table layout, and words that share a length, a first letter or a hash
// slot with a member are not.
#include "src/attribution/word_sets.h"

#include <string>

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

TEST(WordSets, EveryMemberIsFound) {
  for (const char* w : {"on", "in", "at", "to", "for", "with", "about", "from", "by", "of", "over", "after",
                        "before", "during", "into", "through", "against", "toward", "towards", "upon", "under",
                        "between", "among", "amid", "via", "since", "until", "regarding", "concerning", "around",
                        "across", "behind", "beyond"}) {
    EXPECT_TRUE(IsPreposition(w)) << w;
  }
  for (const char* w : {"the", "a", "an", "his", "several", "every", "each"}) EXPECT_TRUE(IsDeterminer(w)) << w;
  for (const char* w : {"de", "van", "y", "st.", "della"}) EXPECT_TRUE(IsNameParticle(w)) << w;
  EXPECT_TRUE(IsVerbModifier("sarcastically"));  // The longest member.
  EXPECT_TRUE(IsFunctionWord("the"));
}

TEST(WordSets, NonMembersAreRefused) {
  // Same length and first letter as a member, a prefix or an extension of
  // one, another case, empty, and longer than any member.
  for (const char* w : {"", "o", "ox", "onn", "bye", "form", "fore", "th", "thee", "On", "ON", "tow", "towardss",
                        "concerningly", "regardingregarding", "a\xE2\x80\x99s"}) {
    EXPECT_FALSE(IsPreposition(w)) << w;
  }
  EXPECT_FALSE(IsDeterminer("ann"));
  EXPECT_FALSE(IsDeterminer("The"));
  EXPECT_FALSE(IsNameParticle("st"));
  EXPECT_FALSE(IsFunctionWord(std::string(200, 'a')));
  // A string that holds a member followed by more bytes is not that member.
  std::string padded = "about";
  padded.push_back('\0');
  EXPECT_FALSE(IsPreposition(padded));
}

}  // namespace
}  // namespace whosaid::internal
