// Tests for JSON string escaping: what AppendJsonString escapes, and that
// the result parses back to the input.
#include "src/util/json.h"

#include <gtest/gtest.h>

#include <string>

namespace whosaid::internal {
namespace {

std::string Escaped(std::string_view s) {
  std::string out = "x";  // Appends after what is there.
  AppendJsonString(s, &out);
  return out;
}

TEST(Json, AppendJsonStringEscapesQuotesControlsAndHtmlCharacters) {
  EXPECT_EQ(Escaped(""), "x\"\"");
  EXPECT_EQ(Escaped("plain text"), "x\"plain text\"");
  EXPECT_EQ(Escaped("a\"b\\c"), "x\"a\\\"b\\\\c\"");
  EXPECT_EQ(Escaped("l1\nl2\r\tend"), "x\"l1\\nl2\\r\\tend\"");
  EXPECT_EQ(Escaped(std::string("\x01\x1f", 2)), "x\"\\u0001\\u001f\"");
  EXPECT_EQ(Escaped(std::string("nul\0byte", 8)), "x\"nul\\u0000byte\"");
  EXPECT_EQ(Escaped("<b>&amp;</b>"), "x\"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e\"");
  EXPECT_EQ(Escaped("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D"), "x\"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\"");
  EXPECT_EQ(Escaped("\x7f"), "x\"\x7f\"");
}

TEST(Json, EveryByteRoundTrips) {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  std::string json;
  AppendJsonString(all, &json);
  StatusOr<JsonValue> back = ParseJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_TRUE(back->is_string());
  EXPECT_EQ(back->as_string(), all);
}

}  // namespace
}  // namespace whosaid::internal
