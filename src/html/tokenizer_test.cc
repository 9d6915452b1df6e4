// Tests for the HTML tokenizer, entity decoding and tree construction.
#include "src/html/tokenizer.h"

#include <gtest/gtest.h>

#include "src/html/dom.h"
#include "src/html/entities.h"

namespace whosaid::internal {
namespace {

std::string Decode(std::string_view s, bool attr = false) {
  std::string out;
  AppendDecoded(s, attr, &out);
  return out;
}

TEST(Entities, DecodesNamedNumericAndLegacy) {
  static const struct { const char* in; const char* out; } kCases[] = {
      {"a &amp; b", "a & b"},
      {"&lt;p&gt;", "<p>"},
      {"&#8220;Hi&#x201D;", "\xE2\x80\x9CHi\xE2\x80\x9D"},
      {"&#0;", "\xEF\xBF\xBD"},
      {"&#x110000;", "\xEF\xBF\xBD"},
      {"&#150;", "\xE2\x80\x93"},  // windows-1252 en dash.
      {"&copy2024", "\xC2\xA9" "2024"},
      {"&nosuch; &", "&nosuch; &"},
      {"caf&eacute;", "caf\xC3\xA9"},
      {"&#", "&#"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Decode(c.in), c.out) << c.in;
  EXPECT_EQ(Decode("?a=1&copy=2", true), "?a=1&copy=2");
}

std::string TokensOf(std::string_view html) {
  HtmlTokenizer t(html);
  HtmlToken tok;
  std::string out;
  while (t.Next(&tok)) {
    switch (tok.type) {
      case HtmlToken::Type::kStartTag:
        out.append("<").append(tok.name);
        for (const auto& a : tok.attributes) out.append(" ").append(a.name).append("=").append(a.value);
        out.append(tok.self_closing ? "/>" : ">");
        break;
      case HtmlToken::Type::kEndTag: out.append("</").append(tok.name).append(">"); break;
      case HtmlToken::Type::kText: out.append("[").append(tok.text).append("]"); break;
    }
  }
  return out;
}

TEST(HtmlTokenizer, ReadsTagsAttributesAndText) {
  EXPECT_EQ(TokensOf("<P Class='x' id=y data-a=\"1&amp;2\" hidden>Hi &amp; bye</p>"),
            "<p class=x id=y data-a=1&2 hidden=>[Hi & bye]</p>");
  EXPECT_EQ(TokensOf("<br/><img src=a.png />"), "<br/><img src=a.png/>");
  EXPECT_EQ(TokensOf("<a href=x class=a class=b>"), "<a href=x class=a>");
}

TEST(HtmlTokenizer, RawTextElementsHideMarkup) {
  EXPECT_EQ(TokensOf("<script>if (a < b) { x = '</p>'; }</script>after"),
            "<script>[if (a < b) { x = '</p>'; }]</script>[after]");
  EXPECT_EQ(TokensOf("<style>p{}</STYLE >x"), "<style>[p{}]</style>[x]");
  EXPECT_EQ(TokensOf("<title>A &amp; <b>B</b></title>"), "<title>[A & <b>B</b>]</title>");
}

TEST(HtmlTokenizer, SkipsCommentsDoctypeAndCdataOutsideForeignContent) {
  EXPECT_EQ(TokensOf("<!DOCTYPE html><!-- a <p> -->x<!---->y<!--->z<?php ?>w"), "[x][y][z][w]");
  EXPECT_EQ(TokensOf("a<![CDATA[ b ]]>c"), "[a][c]");
  EXPECT_EQ(TokensOf("a < b </ c"), "[a ][<][ b ]");  // "</ c" opens a bogus comment.
}

TEST(HtmlTokenizer, TruncatedInputEndsCleanly) {
  static const char* kInputs[] = {"<", "<a", "<a href='x", "</", "</a", "<!--", "<!-- x -",
                                  "<script>x", "<title>t", "&#x", "<![CDATA[", "<p\0>"};
  for (const char* in : kInputs) {
    HtmlTokenizer t(in);
    HtmlToken tok;
    int n = 0;
    while (t.Next(&tok) && n < 100) ++n;
    EXPECT_LT(n, 100) << in;
  }
}

std::string Outline(const HtmlDocument& d, int32_t i = HtmlDocument::kRoot) {
  const HtmlNode& n = d.node(i);
  if (n.tag == Tag::kText) return std::string(d.Text(n));
  std::string out;
  if (i != HtmlDocument::kRoot) out.append("(").append(TagName(n.tag)).append(" ");
  for (int32_t c = n.first_child; c >= 0; c = d.node(c).next_sibling) out += Outline(d, c);
  if (i != HtmlDocument::kRoot) out += ")";
  return out;
}

TEST(HtmlDocument, ImpliesEndTags) {
  EXPECT_EQ(Outline(HtmlDocument::Parse("<p>a<p>b<div>c</div>")), "(p a)(p b)(div c)");
  EXPECT_EQ(Outline(HtmlDocument::Parse("<ul><li>a<li>b</ul>")), "(ul (li a)(li b))");
  EXPECT_EQ(Outline(HtmlDocument::Parse("<dl><dt>a<dd>b<dt>c</dl>")), "(dl (dt a)(dd b)(dt c))");
  EXPECT_EQ(Outline(HtmlDocument::Parse("<table><tr><td>a<td>b<tr><td>c</table>")),
            "(table (tr (td a)(td b))(tr (td c)))");
  EXPECT_EQ(Outline(HtmlDocument::Parse("<p>a<br>b<img>c</p>")), "(p a(br )b(img )c)");
}

TEST(HtmlDocument, InlineEndTagDoesNotCloseBlock) {
  EXPECT_EQ(Outline(HtmlDocument::Parse("<div><b>a</div>b</b>c")), "(div (b a))bc");
  EXPECT_EQ(Outline(HtmlDocument::Parse("<div>a</span>b</div>")), "(div ab)");
}

TEST(HtmlDocument, SingleHtmlHeadBody) {
  HtmlDocument d = HtmlDocument::Parse("<html lang=en><head><title>T</title></head><body>x<body>y</body></html>z");
  EXPECT_EQ(Outline(d), "(html (head (title T))(body xyz))");
  EXPECT_EQ(d.Attribute(d.node(d.FindFirst(Tag::kHtml)), "lang"), "en");
}

TEST(HtmlDocument, DeepNestingIsCapped) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  HtmlDocument d = HtmlDocument::Parse(html);
  std::string text;
  d.AppendRawText(HtmlDocument::kRoot, &text);
  EXPECT_EQ(text, "deep");
  int depth = 0;
  for (int32_t i = d.size() - 1; i > 0; i = d.node(i).parent) ++depth;
  EXPECT_LE(depth, HtmlDocument::kMaxDepth);
}

TEST(HtmlDocument, KeepsOnlyJsonLdScriptText) {
  HtmlDocument d = HtmlDocument::Parse(
      "<script>var a = 1;</script><script type=\"application/ld+json\">{\"a\":1}</script>");
  std::string text;
  d.AppendRawText(HtmlDocument::kRoot, &text);
  EXPECT_EQ(text, "{\"a\":1}");
}

}  // namespace
}  // namespace whosaid::internal
