// Tests for the article reader's text: highlights at code-point offsets,
// nesting, paragraph breaks and escaping.
#include "src/server/article_view.h"

#include <gtest/gtest.h>

#include "src/testing/article_builder.h"

namespace whosaid::internal {
namespace {

ArticleRecord Record(const Article& a) {
  ArticleRecord r;
  r.id = 1;
  r.article = a;
  for (size_t i = 0; i < a.quotes.size(); ++i) r.quote_ids.push_back(100 + static_cast<int64_t>(i));
  return r;
}

// Removes the tooltips so the highlighted text can be compared.
std::string WithoutTips(std::string html) {
  for (size_t p; (p = html.find("<span class=\"tip\"")) != std::string::npos;) {
    size_t depth = 0, i = p;
    do {
      size_t open = html.find("<span", i + 1), close = html.find("</span>", i + 1);
      if (open < close) { ++depth; i = open; } else { i = close; if (depth-- == 0) break; }
    } while (true);
    html.erase(p, i + 7 - p);
  }
  return html;
}

TEST(ArticleView, HighlightsAtCodePointOffsetsAfterMultibyteText) {
  Article a = testing::ArticleBuilder("a", "Zoë Ångström 😀 said \"ça va\" today.")
                  .AddPerson("p1", "Zoë Ångström")
                  .AddQuote("\"ça va\"", "p1")
                  .Build();
  ASSERT_EQ(a.quotes[0].content.start, 20);  // Code points, not bytes.
  std::string html = WithoutTips(RenderArticleText(Record(a)));
  EXPECT_EQ(html,
            "<p>Zoë Ångström 😀 said <mark class=\"stmt spk0\" id=\"q100\" tabindex=\"0\" "
            "aria-describedby=\"q100-tip\">&quot;ça va&quot;</mark> today.</p>");
}

TEST(ArticleView, TooltipNamesSpeakerCueAddresseeAndDate) {
  Article a = testing::ArticleBuilder("a", "Ann Lee told the council that taxes would rise.")
                  .Date("2025-01-02")
                  .AddPerson("p1", "Ann Lee")
                  .AddQuote("taxes would rise", "p1", QuoteType::kIndirect, "the council")
                  .Build();
  a.quotes[0].cue = Span{8, 12, "told"};
  std::string html = RenderArticleText(Record(a));
  EXPECT_NE(html.find("role=\"tooltip\" id=\"q100-tip\""), std::string::npos);
  for (const char* part : {"Ann Lee", "told", "the council", "2025-01-02"}) {
    EXPECT_NE(html.find(part, html.find("q100-tip\">")), std::string::npos) << part;
  }
}

TEST(ArticleView, NestsContainedStatementsAndCutsCrossingOnes) {
  // "B C" lies inside "A B C D"; "D E" crosses its end and is cut to "D".
  Article a = testing::ArticleBuilder("a", "x A B C D E y")
                  .AddPerson("p1", "One")
                  .AddPerson("p2", "Two")
                  .AddQuote("A B C D", "p1")
                  .AddQuote("B C", "p2")
                  .AddQuote("D E", "p2")
                  .Build();
  std::string html = WithoutTips(RenderArticleText(Record(a)));
  EXPECT_EQ(html,
            "<p>x <mark class=\"stmt spk0\" id=\"q100\" tabindex=\"0\" aria-describedby=\"q100-tip\">A "
            "<mark class=\"stmt spk1\" id=\"q101\" tabindex=\"0\" aria-describedby=\"q101-tip\">B C</mark> "
            "<mark class=\"stmt spk1\" id=\"q102\" tabindex=\"0\" aria-describedby=\"q102-tip\">D</mark></mark>"
            " E y</p>");
}

TEST(ArticleView, StatementAcrossParagraphsContinuesInTheNext) {
  Article a = testing::ArticleBuilder("a", "One.\n\nHe said \"first.\n\nsecond\" then.\nEnd.")
                  .AddQuote("\"first.\n\nsecond\"", "")
                  .Build();
  std::string html = WithoutTips(RenderArticleText(Record(a)));
  EXPECT_EQ(html,
            "<p>One.</p>\n<p>He said <mark class=\"stmt spk-none\" id=\"q100\" tabindex=\"0\" "
            "aria-describedby=\"q100-tip\">&quot;first.</mark></p>\n<p><mark class=\"stmt cont spk-none\">"
            "second&quot;</mark> then.<br>End.</p>");
}

TEST(ArticleView, EscapesMarkupInTextQuotesAndTheSideList) {
  const char* text = "A said \"<script>alert(1)</script>\" and \"><img src=x onerror=alert(2)></textarea>.";
  Article a = testing::ArticleBuilder("a", text)
                  .AddPerson("p1", "<b>Evil</b>")
                  .AddQuote("\"<script>alert(1)</script>\"", "p1")
                  .AddQuote("\"><img src=x onerror=alert(2)></textarea>", "p1")
                  .Build();
  for (const std::string& html : {RenderArticleText(Record(a)), RenderWhoSaidWhat(Record(a))}) {
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("</textarea"), std::string::npos) << html;
    EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << html;
  }
}

TEST(ArticleView, IgnoresSpansOutsideTheText) {
  Article a = testing::ArticleBuilder("a", "short").Build();
  Quote q;
  q.content = Span{3, 500, "rt"};
  a.quotes.push_back(q);
  Quote empty;
  empty.content = Span{4, 2, ""};
  a.quotes.push_back(empty);
  std::string html = WithoutTips(RenderArticleText(Record(a)));
  EXPECT_EQ(html, "<p>sho<mark class=\"stmt spk-none\" id=\"q100\" tabindex=\"0\" aria-describedby=\"q100-tip\">rt</mark></p>");
}

TEST(ArticleView, SideListIsInTextOrderAndLinksToEachStatement) {
  Article a = testing::ArticleBuilder("a", "First bit. Second bit.")
                  .AddPerson("p1", "Ann")
                  .AddQuote("Second bit", "p1")
                  .AddQuote("First bit", "p1")
                  .Build();
  std::string html = RenderWhoSaidWhat(Record(a));
  size_t first = html.find("href=\"#q101\"");
  size_t second = html.find("href=\"#q100\"");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
}

TEST(ArticleView, TruncatesOnCodePoints) {
  EXPECT_EQ(TruncateText("héllo", 2), "hé\xE2\x80\xA6");
  EXPECT_EQ(TruncateText("héllo", 5), "héllo");
}

}  // namespace
}  // namespace whosaid::internal
