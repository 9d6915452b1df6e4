// Tests for HTML article extraction: body, metadata, charsets and scoring.
// The pages are written for these tests.
#include <gtest/gtest.h>

#include "src/html/charset.h"
#include "src/html/extraction_score.h"
#include "src/html/metadata.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

const char kNewsPage[] = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="og:title" content="Harbour bridge reopens after repairs">
<link rel="canonical" href="https://gazette.example/news/2024/05/17/bridge">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Harbour bridge reopens after repairs","datePublished":"2024-05-17T08:30:00Z",
 "author":[{"@type":"Person","name":"Mira Okafor"}],"publisher":{"@type":"Organization","name":"The Coastal Gazette"}}</script>
<script>window.ads = "<p>not text</p>";</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article class="story">
<h1>Harbour bridge reopens after repairs</h1>
<div class="byline">By Mira Okafor</div>
<div class="share-bar"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
<div class="story-body">
<p>The harbour bridge reopened to traffic on Friday morning, three weeks after engineers closed it to replace corroded cables, the city council said.</p>
<p>"We are grateful for the patience of everyone who had to take the long way round," said the mayor, Jonas Brandt, at a short ceremony on the northern approach.</p>
<h2>Costs rose during the work</h2>
<p>The repairs cost about 4.2 million euros, roughly a fifth more than planned, because divers found further damage below the waterline, according to the council's engineers.</p>
<blockquote><p>Nobody wants to close a bridge, but safety had to come first, and we will inspect it again next spring.</p></blockquote>
<p>Ferry operators, who ran extra crossings during the closure, said they would return to their normal timetable from Monday, while cyclists welcomed a new protected lane.</p>
<figure><img src="bridge.jpg"><figcaption class="credit">Photo: Gazette staff</figcaption></figure>
</div>
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise in autumn</a></li><li><a href="/b">Council approves new budget</a></li></ul></div>
</article></main>
<section class="comments"><h3>Comments</h3><p>Great news, finally, I have been waiting for this for weeks, and my commute was awful, honestly.</p></section>
<footer><p>&copy; 2024 The Coastal Gazette. All rights reserved, including the right to reproduce.</p></footer>
</body></html>)";

TEST(ExtractHtml, KeepsBodyAndDropsPageFurniture) {
  StatusOr<Article> a = ExtractHtml(kNewsPage, "bridge.html", ExtractOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text.substr(0, 40), "The harbour bridge reopened to traffic o");
  for (const char* kept : {"Costs rose during the work", "safety had to come first",
                           "Ferry operators, who ran extra crossings"}) {
    EXPECT_NE(a->text.find(kept), std::string::npos) << kept;
  }
  for (const char* dropped : {"Harbour bridge reopens", "Home", "cookies", "Share on", "Related",
                              "Ferry fares", "Great news", "rights reserved", "not text",
                              "Photo: Gazette", "By Mira"}) {
    EXPECT_EQ(a->text.find(dropped), std::string::npos) << dropped;
  }
  EXPECT_NE(a->text.find("said.\n\n\"We are grateful"), std::string::npos);
}

TEST(ExtractHtml, ReadsMetadata) {
  StatusOr<Article> a = ExtractHtml(kNewsPage, "bridge.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Harbour bridge reopens after repairs");
  EXPECT_EQ(a->date.value_or(""), "2024-05-17");
  EXPECT_EQ(a->publisher.value_or(""), "The Coastal Gazette");
  EXPECT_EQ(a->url.value_or(""), "https://gazette.example/news/2024/05/17/bridge");
  EXPECT_EQ(a->language.value_or(""), "en-GB");
  ASSERT_EQ(a->authors.size(), 1u);
  EXPECT_EQ(a->authors[0], "Mira Okafor");
  EXPECT_EQ(a->provenance.format, "html");
}

TEST(ExtractHtml, TitleFromTitleElementLosesSiteSuffix) {
  const char* page =
      "<html><head><title>Storm closes schools across the region - Valley Times</title></head><body>"
      "<div><p>Schools across the region closed on Tuesday as a storm brought heavy snow, strong winds "
      "and power cuts to thousands of homes, officials said.</p></div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "storm.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Storm closes schools across the region");
}

constexpr char kStormBody[] =
    "<div><p>Schools across the region closed on Tuesday as a storm brought heavy snow, strong winds "
    "and power cuts to thousands of homes, officials said.</p></div></body></html>";

TEST(ExtractHtml, JsonLdInsideCdataWrapperIsRead) {
  std::string page = std::string(
      "<html><head><meta property=\"article:modified_time\" content=\"2024-02-02\">"
      "<script type=\"application/ld+json\">\n  <![CDATA[\n {\"@type\":\"NewsArticle\","
      "\"headline\":\"Storm closes schools\",\"datePublished\":\"2024-01-30T08:00:00Z\"}\n ]]>\n"
      "</script></head><body>") + kStormBody;
  StatusOr<Article> a = ExtractHtml(page, "cdata.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Storm closes schools");
  EXPECT_EQ(a->date.value_or(""), "2024-01-30");
}

TEST(ExtractHtml, JsonLdNameOrHeadlineThatMatchesTitleElementWins) {
  std::string page = std::string(
      "<html><head><title>Storm closes schools - Wikinews</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"name\":\"Storm closes schools\","
      "\"headline\":\"weather event in the valley\"}</script></head><body>") + kStormBody;
  StatusOr<Article> a = ExtractHtml(page, "name.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Storm closes schools");
}

TEST(ExtractHtml, JsonLdNameThatIsThePublisherIsNotATitle) {
  std::string page = std::string(
      "<html><head><meta property=\"og:title\" content=\"Storm closes schools across the region | Valley Times\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"Valley Times\","
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley Times\"}}</script></head><body>") +
      kStormBody;
  StatusOr<Article> a = ExtractHtml(page, "pub.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Storm closes schools across the region");
}

TEST(ExtractHtml, LowercaseTailAfterSeparatorStaysInTitle) {
  std::string page = std::string(
      "<html><head><title>How we rebuilt the storm desk - an oral history</title></head><body>") + kStormBody;
  StatusOr<Article> a = ExtractHtml(page, "tail.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "How we rebuilt the storm desk - an oral history");
}

TEST(ExtractHtml, DateFallsBackToTimeElementThenUrl) {
  const char* body =
      "<div><p>Schools across the region closed on Tuesday as a storm brought heavy snow, strong winds "
      "and power cuts to thousands of homes, officials said.</p></div>";
  std::string with_time = std::string("<html><body><time datetime=\"2023-01-10T09:00\">Jan 10</time>") + body;
  EXPECT_EQ(ExtractHtml(with_time, "t.html", {})->date.value_or(""), "2023-01-10");
  ExtractOptions options;
  options.url = "https://valley.example/2022/12/05/storm-closes-schools";
  std::string plain = std::string("<html><body>") + body;
  EXPECT_EQ(ExtractHtml(plain, "u.html", options)->date.value_or(""), "2022-12-05");
}

TEST(ExtractHtml, ConvertsDeclaredCharset) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
      "<body><p>Le caf\xE9 de la gare a rouvert ses portes lundi matin, a annonc\xE9 la mairie, "
      "apr\xE8s des travaux.</p></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "cafe.html", {});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("caf\xC3\xA9 de la gare"), std::string::npos);
  EXPECT_NE(a->text.find("apr\xC3\xA8s"), std::string::npos);
}

TEST(ExtractHtml, StaleMetaCharsetLosesToValidUtf8) {
  std::string page =
      "<html><head><meta charset=\"gb2312\"><title>Caf\xC3\xA9 reopens on the square</title></head>"
      "<body><p>The caf\xC3\xA9 on the square reopened on Monday after a long renovation, the owner said.</p>"
      "</body></html>";
  StatusOr<Article> a = ExtractHtml(page, "stale.html", {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title.value_or(""), "Caf\xC3\xA9 reopens on the square");
}

TEST(ExtractHtml, RejectsBinaryAndUnknownCharset) {
  std::string binary("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(ExtractHtml(binary, "x.png", {}).status().code(), Status::Code::kInvalidArgument);
  ExtractOptions options;
  options.content_type = "text/html; charset=x-no-such-charset";
  EXPECT_EQ(ExtractHtml("<p>hello there</p>", "y.html", options).status().code(), Status::Code::kUnsupported);
  EXPECT_EQ(ExtractHtml("", "z.html", {}).status().code(), Status::Code::kInvalidArgument);
}

TEST(Charset, DetectsFromBomHeaderAndMeta) {
  EXPECT_EQ(internal::DetectCharset("\xEF\xBB\xBF<p>", ""), "utf-8");
  EXPECT_EQ(internal::DetectCharset("<meta charset=\"Shift_JIS\">", "text/html; charset=UTF-8"), "utf-8");
  EXPECT_EQ(internal::DetectCharset("<meta charset='windows-1251'>", ""), "windows-1251");
  EXPECT_EQ(internal::DetectCharset("<p>none</p>", ""), "");
}

// Paragraphs of story prose, numbered so each is distinct.
std::string StoryParagraphs(int first, int count) {
  std::string out;
  for (int k = first; k < first + count; ++k) {
    out += "<p>Paragraph " + std::to_string(k) +
           " of the harbour story: the council said repairs to the bridge, which carries most of "
           "the town's traffic, would finish in spring, and traders welcomed the news.</p>";
  }
  return out;
}

TEST(ExtractContent, ProseUnderReadMoreFoldIsKept) {
  std::string page = "<html><body><div id=\"story\">" + StoryParagraphs(1, 3) +
                     "<div id=\"read-more\">" + StoryParagraphs(4, 6) +
                     "</div></div><div class=\"related\"><a href=\"/a\">Other story</a></div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "fold.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Paragraph 9 of"), std::string::npos);
  EXPECT_NE(a->text.find("Paragraph 1 of"), std::string::npos);
}

TEST(ExtractContent, CommentsStayOutHoweverLong) {
  std::string page = "<html><body><article><div class=\"story\">" + StoryParagraphs(1, 4) +
                     "</div></article><div id=\"comments\">" + StoryParagraphs(20, 8) + "</div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "comments.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Paragraph 4 of"), std::string::npos);
  EXPECT_EQ(a->text.find("Paragraph 20 of"), std::string::npos);
}

TEST(ExtractContent, MicrodataArticleBodyBeatsFurnitureId) {
  std::string page = "<html><body><div itemprop=\"articleBody\" id=\"share-buttons-parent\">" +
                     StoryParagraphs(1, 2) + "</div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "microdata.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Paragraph 2 of"), std::string::npos);
}

TEST(ExtractContent, StorySplitAroundFigureKeepsBothParts) {
  std::string page =
      "<html><body><div class=\"post\"><section><div class=\"wrap\"><div class=\"story-text t1\">" +
      StoryParagraphs(1, 4) +
      "</div></div></section><figure><img src=\"x.jpg\"><figcaption>The bridge</figcaption></figure>"
      "<section><div class=\"story-text t2\">" + StoryParagraphs(5, 8) +
      "</div></section></div><ul class=\"links\"><li><a href=\"/a\">Other</a></li></ul></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "split.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Paragraph 1 of"), std::string::npos);
  EXPECT_NE(a->text.find("Paragraph 12 of"), std::string::npos);
  EXPECT_LT(a->text.find("Paragraph 4 of"), a->text.find("Paragraph 5 of"));
}

TEST(ExtractContent, LinkedItemHeadingsInArticleStayTeaserBlockGoes) {
  std::string teasers = "<div class=\"more\">";
  for (int k = 0; k < 4; ++k) {
    teasers += "<h3><a href=\"/s" + std::to_string(k) + "\">Teaser headline " + std::to_string(k) +
               "</a></h3><p>A short summary of another story, with a comma, for readers.</p>";
  }
  teasers += "</div>";
  std::string page = "<html><body><div class=\"story\">" + StoryParagraphs(1, 3) +
                     "<h3><a href=\"https://shop.example/game\">Harbour Builder ($20)</a></h3>" +
                     StoryParagraphs(4, 3) + teasers + "</div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "teasers.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->text.find("Harbour Builder ($20)"), std::string::npos);
  EXPECT_NE(a->text.find("Paragraph 6 of"), std::string::npos);
  EXPECT_EQ(a->text.find("Teaser headline"), std::string::npos);
}

// Each case: a page built around one construction, text that must be in
// the body and text that must not.
struct ContentCase {
  const char* name;
  std::string page;
  std::vector<std::string> kept;
  std::vector<std::string> dropped;
};

std::string InStory(const std::string& middle, const std::string& after = "") {
  return "<html><head><title>Harbour bridge reopens</title></head><body><div class=\"story\">" +
         StoryParagraphs(1, 3) + middle + StoryParagraphs(4, 3) + "</div>" + after + "</body></html>";
}

TEST(ExtractContent, ArticleConstructionsKeptAndFurnitureDropped) {
  const ContentCase cases[] = {
      // Items that are sentences with a link in them are the story's own
      // list; a list of headlines, all link, is not.
      {"prose list with links",
       InStory("<ul><li>Divers <a href=\"/d\">found a cracked weld on the third pier</a> last week</li>"
               "<li>The council <a href=\"/c\">approved the extra budget</a> on Monday night</li></ul>"
               "<ul><li><a href=\"/x\">Ferry fares to rise in the autumn season</a></li>"
               "<li><a href=\"/y\">Council approves a new budget for schools</a></li></ul>"),
       {"Divers found a cracked weld on the third pier last week", "approved the extra budget"},
       {"Ferry fares to rise"}},
      // Dialogue or verse written one line per div, and a section heading
      // alone in its div, are body; a short label is not.
      {"one line per div",
       InStory("<div><span>\xE2\x80\x9C" "Do you want to come?\xE2\x80\x9D</span></div>"
               "<div><span>He didn't think so.</span></div>"
               "<div class=\"section\"><h2>Costs rose</h2></div><div>Sponsored</div>"),
       {"\xE2\x80\x9C" "Do you want to come?\xE2\x80\x9D", "He didn't think so.", "Costs rose"},
       {"Sponsored"}},
      // A data table's cells wrapped in divs keep their values.
      {"table cell values",
       InStory("<table><tr><td><div>Span</div></td><td><div>412 m (-3%)</div></td></tr>"
               "<tr><td><div>Cost</div></td><td><div>4.2 M (+20%)</div></td></tr></table>"),
       {"412 m (-3%)", "4.2 M (+20%)"},
       {}},
      // A code listing keeps its "Copy" button company.
      {"code block with a copy button",
       InStory("<div class=\"code-container\"><button>Copy</button><pre><code>while True:\n"
               "  w = get_next_work()\n  do_work(w)</code></pre></div>"),
       {"w = get_next_work()"},
       {"Copy"}},
      // A caption says what the picture shows; a credit only who took it.
      {"caption kept, credit dropped",
       InStory("<div class=\"wp-caption\"><img src=\"a.jpg\"><p class=\"wp-caption-text\">Divers "
               "inspect the third pier below the waterline.</p></div><div class=\"photo-credit\">"
               "Photo: Gazette staff</div>"),
       {"Divers inspect the third pier below the waterline."},
       {"Photo: Gazette staff"}},
      // MathML is the equation's text; MathJax's visual copy is
      // aria-hidden, and its "CtxtMenu" class names no menu, while a
      // "site-menu" block is one.
      {"MathML equation",
       InStory("<p>When <span class=\"MathJax CtxtMenu_Attached_0\"><span aria-hidden=\"true\">visual "
               "copy</span><math><mi>x</mi><mo>+</mo><mn>1</mn></math></span> is even, x is odd.</p>"
               "<div class=\"site-menu\"><span>Weather today, sunny and warm across the region.</span>"
               "</div>"),
       {"When x+1 is even, x is odd."},
       {"visual copy", "Weather today"}},
  };
  for (const ContentCase& c : cases) {
    StatusOr<Article> a = ExtractHtml(c.page, "case.html", ExtractOptions{});
    ASSERT_TRUE(a.ok()) << c.name;
    EXPECT_NE(a->text.find("Paragraph 6 of"), std::string::npos) << c.name;
    for (const std::string& k : c.kept) EXPECT_NE(a->text.find(k), std::string::npos) << c.name << ": " << k;
    for (const std::string& d : c.dropped) EXPECT_EQ(a->text.find(d), std::string::npos) << c.name << ": " << d;
  }
}

TEST(ExtractContent, ArticleHeaderGivesStandfirstNotHeadlineOrDateline) {
  std::string page =
      "<html><head><title>Harbour bridge reopens</title></head><body>"
      "<header class=\"site\"><p>The Coastal Gazette, your local paper since 1887, every morning</p></header>"
      "<article><header><a href=\"/news\">News</a><h1>Harbour bridge reopens</h1>"
      "<p>Three weeks of repairs end early, and the council says the cost rose by a fifth.</p>"
      "<p><time datetime=\"2024-05-17\">17 May 2024, 08:30, updated 17 May 2024, 10:15</time></p>"
      "</header><div class=\"story\">" + StoryParagraphs(1, 4) + "</div></article></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "header.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.find("Three weeks of repairs end early"), 0u) << a->text;
  EXPECT_NE(a->text.find("Paragraph 4 of"), std::string::npos);
  for (const char* dropped : {"Harbour bridge reopens", "17 May", "Coastal Gazette", "News"}) {
    EXPECT_EQ(a->text.find(dropped), std::string::npos) << dropped;
  }
}

TEST(ExtractContent, StandfirstDivBesideTheBodyIsKept) {
  std::string page =
      "<html><body><div class=\"article\"><div class=\"perex\">Three weeks of repairs end early, and "
      "the council says the cost rose by a fifth after divers found more damage.</div>"
      "<div class=\"text\">" + StoryParagraphs(1, 4) + "</div></div>"
      "<div class=\"teasers\"><a href=\"/a\">Other story</a></div></body></html>";
  StatusOr<Article> a = ExtractHtml(page, "perex.html", ExtractOptions{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.find("Three weeks of repairs end early"), 0u) << a->text;
  EXPECT_NE(a->text.find("Paragraph 4 of"), std::string::npos);
}

TEST(LooksLikeHtml, TellsPagesFromText) {
  EXPECT_TRUE(LooksLikeHtml("  <!doctype html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=a>text</div>"));
  EXPECT_FALSE(LooksLikeHtml("NATO chief says <b> is not a tag here"));
  EXPECT_FALSE(LooksLikeHtml("plain text"));
}

TEST(ExtractionScore, ShinglePrecisionAndRecall) {
  internal::ShingleScore same = internal::ScoreShingles("one two three four five", "One two, three four five!");
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  // Expected has 2 shingles; got has 3, of which 2 match.
  internal::ShingleScore more = internal::ScoreShingles("a b c d e", "a b c d e f");
  EXPECT_DOUBLE_EQ(more.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(more.recall, 1.0);
  EXPECT_DOUBLE_EQ(internal::ScoreShingles("a b c d", "").recall, 0.0);
  EXPECT_EQ(internal::WordsOf("Caf\xC3\xA9 \xE2\x80\x94 d'or"), (std::vector<std::string>{"caf\xC3\xA9", "d", "or"}));
}

TEST(Metadata, NormalizesDates) {
  EXPECT_EQ(internal::NormalizeDate("2018-04-05T06:00").value_or(""), "2018-04-05");
  EXPECT_EQ(internal::NormalizeDate("March 1, 2025 10:00 GMT").value_or(""), "2025-03-01");
  EXPECT_EQ(internal::NormalizeDate("20180405").value_or(""), "2018-04-05");
  EXPECT_FALSE(internal::NormalizeDate("soon").has_value());
  EXPECT_EQ(internal::DateFromUrl("https://x.example/2019/02/30/a"), std::nullopt);
  EXPECT_EQ(internal::DateFromUrl("https://x.example/news/2019-02-03-slug").value_or(""), "2019-02-03");
}

}  // namespace
}  // namespace whosaid
