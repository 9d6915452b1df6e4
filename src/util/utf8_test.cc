#include "src/util/utf8.h"

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

TEST(Utf8, RepairReplacesInvalidBytes) {
  std::string out;
  int64_t first = -1;
  EXPECT_EQ(RepairUtf8("ab\xFF" "c\xC3", &out, &first), 2u);
  EXPECT_EQ(first, 2);
  EXPECT_EQ(out, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD");
}

TEST(Utf8, CodePointIndexMapsBothWays) {
  std::string text = "a\xE2\x86\xBA" "b";  // a↺b
  CodePointIndex index(text);
  EXPECT_EQ(index.size(), 3);
  EXPECT_EQ(index.ToCodePoint(4), 2);
  EXPECT_EQ(index.ToByte(2), 4u);
  EXPECT_EQ(index.ToByte(3), text.size());
}

}  // namespace
}  // namespace whosaid::internal
