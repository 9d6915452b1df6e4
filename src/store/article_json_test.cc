// Tests for ArticleFromJson: the round trip with ArticleToJson and the
// errors bad records give.
#include "whosaid/article_json.h"

#include <gtest/gtest.h>

#include "src/store/article_json_internal.h"
#include "src/testing/article_builder.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

Article SampleArticle() {
  Article a = testing::ArticleBuilder("a1",
                                      "NATO chief Mark Rutte told the BBC: \xE2\x80\x9CWe stand firm.\xE2\x80\x9D "
                                      "Rutte said allies would spend more.")
                  .Url("https://example.org/rutte")
                  .Date("2025-03-01")
                  .Publisher("Example News")
                  .Title("Rutte stands firm")
                  .AddPerson("p1", "Mark Rutte", {"NATO chief"}, {"Rutte"})
                  .AddQuote("\xE2\x80\x9CWe stand firm.\xE2\x80\x9D", "p1", QuoteType::kDirect, "BBC")
                  .AddQuote("allies would spend more", "p1", QuoteType::kIndirect)
                  .Build();
  a.people[0].mentions.push_back(Mention{Span{11, 21, "Mark Rutte"}, "name"});
  a.quotes[0].cue = Span{22, 26, "told"};
  a.quotes[1].date = "2025-02-28";
  a.quotes[1].within = 0;
  a.cites = {"Reuters"};
  a.warnings = {"a warning"};
  return a;
}

// The store writes articles.extra with ArticleExtraJson; it must be exactly
// what ArticleToJson gives for a shell of those fields.
TEST(ArticleExtraJson, EqualsArticleToJsonOfTheShell) {
  std::vector<Article> articles = {SampleArticle(), SampleArticle(), Article()};
  articles[1].warnings.clear();
  articles[1].people[0].gender = "male";
  articles[1].people[0].is_organization = true;
  articles[1].boilerplate_removed = {"Subscribe \"now\""};
  articles[1].provenance.file = "crawl.warc.gz";
  articles[1].provenance.format = "warc";
  articles[1].provenance.offset = 12;
  articles[1].provenance.length = 345;
  articles[1].provenance.warc_target_uri = "https://example.org/x";
  articles[1].provenance.warc_date = "2025-03-01T00:00:00Z";
  articles[1].language = "en";
  for (const Article& a : articles) {
    Article shell;
    shell.id = a.id;
    shell.people = a.people;
    shell.boilerplate_removed = a.boilerplate_removed;
    shell.warnings = a.warnings;
    shell.provenance = a.provenance;
    EXPECT_EQ(internal::ArticleExtraJson(a), ArticleToJson(shell, false));
  }
}

TEST(ArticleFromJson, RoundTripsArticleToJson) {
  Article a = SampleArticle();
  std::string json = ArticleToJson(a, false);
  StatusOr<Article> back = ArticleFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ArticleToJson(*back, false), json);
  EXPECT_EQ(back->quotes[0].addressee.value_or(""), "BBC");
  EXPECT_EQ(back->people[0].mentions[0].span.text, "Mark Rutte");
  EXPECT_FALSE(back->quotes[0].within.has_value());
  EXPECT_EQ(back->quotes[1].within.value_or(-1), 0);
}

TEST(ArticleFromJson, ReadsPrettyJson) {
  StatusOr<Article> back = ArticleFromJson(ArticleToJson(SampleArticle(), true));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->quotes.size(), 2u);
}

TEST(ArticleFromJson, ReportsWhatIsWrong) {
  static const struct {
    const char* json;
    const char* message_part;
  } kCases[] = {
      {"", "bad JSON"},
      {"[1]", "expected a JSON object"},
      {"{\"id\":\"x\"}", "member 'text'"},
      {"{\"text\":\"abc\",\"title\":3}", "member 'title'"},
      {"{\"text\":\"abc\",\"quotes\":[{\"type\":\"shout\",\"content\":{\"start\":0,\"end\":1,\"text\":\"a\"}}]}",
       "quotes[0].type"},
      {"{\"text\":\"abc\",\"quotes\":[{\"type\":\"direct\",\"content\":{\"start\":1,\"end\":9,\"text\":\"a\"}}]}",
       "outside the text"},
      {"{\"text\":\"abc\",\"people\":[{\"name\":\"A\",\"mentions\":[{\"start\":-1,\"end\":1}]}]}",
       "people[0].mentions[0]"},
      {"{\"text\":\"abc\",\"provenance\":{\"offset\":1.5}}", "provenance.offset"},
      {"{\"text\":\"abc\",\"quotes\":{}}", "member 'quotes'"},
      {"{\"text\":\"abc\",\"quotes\":[{\"type\":\"direct\",\"content\":{\"start\":0,\"end\":1,\"text\":\"a\"},"
       "\"within\":0}]}",
       "quotes[0].within"},
      {"{\"text\":\"abc\",\"quotes\":[{\"type\":\"direct\",\"content\":{\"start\":0,\"end\":1,\"text\":\"a\"},"
       "\"within\":-2}]}",
       "quotes[0].within"},
  };
  for (const auto& c : kCases) {
    StatusOr<Article> a = ArticleFromJson(c.json);
    ASSERT_FALSE(a.ok()) << c.json;
    EXPECT_EQ(a.status().code(), Status::Code::kInvalidArgument) << c.json;
    EXPECT_NE(a.status().message().find(c.message_part), std::string::npos)
        << c.json << " -> " << a.status().message();
  }
}

// Found by jsonl_fuzzer: a record whose span text did not match the article
// text at its offsets was accepted, so the index stored quotes and mentions
// that break the span promise (text == text[start:end]).
TEST(ArticleFromJson, SpanWhoseTextDiffersFromTheArticleTextIsRefused) {
  static const struct {
    const char* json;
    const char* message_part;
  } kCases[] = {
      {"{\"text\":\"\u00e9t\u00e9 said\",\"quotes\":[{\"type\":\"direct\",\"content\":"
       "{\"start\":0,\"end\":3,\"text\":\"ete\"}}]}",
       "span text differs from the article text at [0, 3)"},
  };
  for (const auto& c : kCases) {
    StatusOr<Article> a = ArticleFromJson(c.json);
    ASSERT_FALSE(a.ok()) << c.json;
    EXPECT_NE(a.status().message().find(c.message_part), std::string::npos)
        << c.json << " -> " << a.status().message();
  }
  StatusOr<Article> ok = ArticleFromJson(
      "{\"text\":\"\u00e9t\u00e9 said\",\"quotes\":[{\"type\":\"direct\",\"content\":"
      "{\"start\":0,\"end\":3,\"text\":\"\u00e9t\u00e9\"}}]}");
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

}  // namespace
}  // namespace whosaid
