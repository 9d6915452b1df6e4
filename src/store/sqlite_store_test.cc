// Tests for the SQLite quote index through the public Store interface:
// idempotent indexing, search filters, identity across articles, quote
// clusters, syndication, claim checks, schema refusal, crash safety and
// readers during writes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "src/testing/article_builder.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace whosaid {
namespace {

using testing::ArticleBuilder;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_store_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "quotes.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> OpenStore(bool read_only = false) {
    StoreOptions options;
    options.read_only = read_only;
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store.value()) : nullptr;
  }

  static int64_t Add(Store* store, const std::vector<Article>& articles) {
    int64_t added = -1;
    Status s = store->AddArticles(articles, &added);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return added;
  }

  std::filesystem::path dir_;
  std::string path_;
};

const char kRutteText[] =
    "NATO chief Mark Rutte told the BBC on Friday that allies must stand together. "
    "\"We will defend every inch of allied territory and nobody should doubt our resolve,\" Rutte said. "
    "He added that Europe would spend more.";
const char kRutteQuote[] =
    "\"We will defend every inch of allied territory and nobody should doubt our resolve,\"";

Article RutteArticle(const std::string& id, const std::string& outlet, const std::string& date,
                     const std::string& person_name = "Mark Rutte") {
  return ArticleBuilder(id, kRutteText)
      .Url("https://" + outlet + ".example/" + id)
      .Publisher(outlet)
      .Date(date)
      .Title("Rutte on allied territory")
      .AddPerson("p1", person_name, {"NATO chief"}, {"Rutte"})
      .AddPerson("p2", "BBC", {}, {}, true)
      .AddQuote(kRutteQuote, "p1", QuoteType::kDirect, "BBC")
      .AddQuote("allies must stand together", "p1", QuoteType::kIndirect, "BBC")
      .Build();
}

TEST_F(StoreTest, ReindexingAddsNothing) {
  auto store = OpenStore();
  std::vector<Article> articles = {RutteArticle("a1", "Daily Planet", "2025-03-01"),
                                   RutteArticle("a2", "Evening Star", "2025-03-02")};
  EXPECT_EQ(Add(store.get(), articles), 2);
  EXPECT_EQ(Add(store.get(), articles), 0);
  // Without a URL the content hash is the key.
  Article no_url = ArticleBuilder("n1", "Some plain words without any quote at all.").Build();
  EXPECT_EQ(Add(store.get(), {no_url}), 1);
  EXPECT_EQ(Add(store.get(), {no_url}), 0);
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 3);
  EXPECT_EQ(stats->quotes, 4);
}

// Counts article_fts rows matching an FTS5 query, or -1 on error.
int64_t ArticleTextMatches(const std::string& path, const char* match) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", -1, &st, nullptr) ==
        SQLITE_OK) {
      sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
      if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

TEST_F(StoreTest, ArticleTextIndexIsABulkPassThatResumes) {
  auto store = OpenStore();
  Add(store.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01")});
  EXPECT_EQ(ArticleTextMatches(path_, "europe"), 0);  // AddArticles leaves it out.
  int64_t indexed = -1;
  ASSERT_TRUE(store->IndexArticleText(&indexed).ok());
  EXPECT_EQ(indexed, 1);
  Add(store.get(), {RutteArticle("a2", "Evening Star", "2025-03-02")});
  ASSERT_TRUE(store->IndexArticleText(&indexed).ok());
  EXPECT_EQ(indexed, 1);  // Only the article added since.
  ASSERT_TRUE(store->IndexArticleText(&indexed).ok());
  EXPECT_EQ(indexed, 0);
  EXPECT_EQ(ArticleTextMatches(path_, "europe"), 2);
  EXPECT_EQ(ArticleTextMatches(path_, "title:allied"), 2);
}

TEST_F(StoreTest, SearchFiltersBySpeakerAliasOutletDateTypeAndText) {
  auto store = OpenStore();
  Article other = ArticleBuilder("b1", "Senator Ron Johnson said the budget plan was reckless.")
                      .Url("https://gazette.example/b1")
                      .Publisher("Gazette")
                      .Date("2025-04-10")
                      .AddPerson("p1", "Ron Johnson", {"Senator"})
                      .AddQuote("the budget plan was reckless", "p1", QuoteType::kIndirect)
                      .Build();
  Add(store.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01"), other});
  QuoteQuery q;
  q.speaker = "Rutte";
  StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].speaker, "Mark Rutte");
  EXPECT_EQ((*hits)[0].outlet, "Daily Planet");

  static const struct {
    const char* text;
    const char* speaker;
    const char* addressee;
    const char* outlet;
    const char* from;
    const char* to;
    int type;  // -1: any
    size_t expected;
  } kCases[] = {
      {"allied territory", nullptr, nullptr, nullptr, nullptr, nullptr, -1, 1},
      {"\"territory and nobody\"", nullptr, nullptr, nullptr, nullptr, nullptr, -1, 1},
      {"\"nobody territory\"", nullptr, nullptr, nullptr, nullptr, nullptr, -1, 0},
      {"budget", "Johnson", nullptr, nullptr, nullptr, nullptr, -1, 1},
      {"budget", "Rutte", nullptr, nullptr, nullptr, nullptr, -1, 0},
      {"", "NATO chief Mark Rutte", "BBC", nullptr, nullptr, nullptr, -1, 2},
      {"", nullptr, "BBC", nullptr, nullptr, nullptr, -1, 2},
      {"", nullptr, nullptr, "gazette", nullptr, nullptr, -1, 1},
      {"", nullptr, nullptr, nullptr, "2025-04-01", nullptr, -1, 1},
      {"", nullptr, nullptr, nullptr, nullptr, "2025-03-31", -1, 2},
      {"", nullptr, nullptr, nullptr, nullptr, nullptr, 0, 1},
      {"", "Nobody Known", nullptr, nullptr, nullptr, nullptr, -1, 0},
      {"!!! ***", nullptr, nullptr, nullptr, nullptr, nullptr, -1, 0},
      {"NEAR(\" OR *", nullptr, nullptr, nullptr, nullptr, nullptr, -1, 0},
  };
  for (const auto& c : kCases) {
    QuoteQuery query;
    query.text = c.text;
    if (c.speaker) query.speaker = c.speaker;
    if (c.addressee) query.addressee = c.addressee;
    if (c.outlet) query.outlet = c.outlet;
    if (c.from) query.from = c.from;
    if (c.to) query.to = c.to;
    if (c.type >= 0) query.type = static_cast<QuoteType>(c.type);
    StatusOr<std::vector<QuoteHit>> r = store->SearchQuotes(query);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.status().ToString();
    EXPECT_EQ(r->size(), c.expected) << "text=" << c.text << " speaker=" << (c.speaker ? c.speaker : "");
  }
  QuoteQuery bad;
  bad.from = "March 1";
  EXPECT_EQ(store->SearchQuotes(bad).status().code(), Status::Code::kInvalidArgument);
  bad = QuoteQuery();
  bad.limit = 0;
  EXPECT_EQ(store->SearchQuotes(bad).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreTest, OnePersonAcrossArticlesUnderSeveralNames) {
  auto store = OpenStore();
  Add(store.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01", "Rutte")});
  Add(store.get(), {RutteArticle("a2", "Evening Star", "2025-03-02", "Mark Rutte")});
  Add(store.get(), {RutteArticle("a3", "Morning Post", "2025-03-03", "NATO chief Mark Rutte")});
  StatusOr<std::vector<PersonRecord>> top = store->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].name, "Mark Rutte");
  EXPECT_EQ((*top)[0].quote_count, 6);
  StatusOr<PersonRecord> person = store->GetPerson((*top)[0].id);
  ASSERT_TRUE(person.ok());
  ASSERT_FALSE(person->top_addressees.empty());
  EXPECT_EQ(person->top_addressees[0], (std::pair<std::string, int64_t>("BBC", 6)));
  EXPECT_EQ(person->top_outlets.size(), 3u);
  EXPECT_EQ(store->GetPerson(999).status().code(), Status::Code::kNotFound);
}

TEST_F(StoreTest, PeopleSharingASurnameStayApart) {
  auto store = OpenStore();
  auto article = [](const std::string& id, const std::string& name, const std::string& title) {
    std::string text = name + " said the vote would be close. Nobody else spoke.";
    return ArticleBuilder(id, text)
        .Url("https://x.example/" + id)
        .Date("2025-01-01")
        .AddPerson("p1", name, {title})
        .AddQuote("the vote would be close", "p1", QuoteType::kIndirect)
        .Build();
  };
  Add(store.get(), {article("j1", "Boris Johnson", "Prime Minister")});
  Add(store.get(), {article("j2", "Lyndon Johnson", "President")});
  Add(store.get(), {article("j3", "Johnson", "Senator")});
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->people, 3);
  QuoteQuery q;
  q.speaker = "Boris Johnson";
  EXPECT_EQ(store->SearchQuotes(q)->size(), 1u);
  q.speaker = "Johnson";  // The surname alone finds them all.
  EXPECT_EQ(store->SearchQuotes(q)->size(), 3u);
}

TEST_F(StoreTest, ClustersTheSameQuotationAcrossOutletsWithFirstSeen) {
  auto store = OpenStore();
  // Indexed out of date order: the first-seen outlet is still the earliest.
  Add(store.get(), {RutteArticle("a2", "Evening Star", "2025-03-02")});
  Add(store.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01")});
  Add(store.get(),
      {ArticleBuilder("a3", "Rutte said he would defend every inch of allied territory and nobody should doubt "
                            "it. Then he left.")
           .Url("https://post.example/a3")
           .Publisher("Morning Post")
           .Date("2025-03-05")
           .AddPerson("p1", "Rutte")
           .AddQuote("defend every inch of allied territory and nobody should doubt", "p1", QuoteType::kIndirect)
           .Build()});
  QuoteQuery q;
  q.text = "allied territory";
  q.limit = 10;
  StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 3u);
  EXPECT_EQ((*hits)[0].cluster_id, (*hits)[1].cluster_id);
  EXPECT_EQ((*hits)[0].cluster_id, (*hits)[2].cluster_id);
  StatusOr<QuoteCluster> cluster = store->GetQuoteCluster((*hits)[2].id);
  ASSERT_TRUE(cluster.ok()) << cluster.status().ToString();
  EXPECT_EQ(cluster->occurrences, 3);
  EXPECT_EQ(cluster->first_date, "2025-03-01");
  EXPECT_EQ(cluster->first_outlet, "Daily Planet");
  EXPECT_EQ(cluster->text, kRutteQuote);
  EXPECT_EQ(cluster->speaker, "Mark Rutte");
  EXPECT_EQ(cluster->outlets, (std::vector<std::string>{"Daily Planet", "Evening Star", "Morning Post"}));
  EXPECT_EQ((*hits)[0].first_seen_outlet, "Daily Planet");
  EXPECT_EQ(store->GetQuoteCluster(12345).status().code(), Status::Code::kNotFound);
}

// "Critics called it “a press release with a price tag,” according to Baltic
// Watch": the critics' words are reported within Baltic Watch's statement,
// so the article carries them once.
TEST_F(StoreTest, AStatementWithinAnotherCountsItsWordsOnce) {
  auto store = OpenStore();
  const std::string text =
      "Critics called the pledge \"a press release with a price tag and nothing more,\" according to Baltic "
      "Watch, a research group.";
  Article a = ArticleBuilder("w1", text)
                  .Url("https://news.example/w1")
                  .Publisher("Example News")
                  .Date("2025-06-12")
                  .AddQuote("Critics called the pledge \"a press release with a price tag and nothing more,\"", "",
                            QuoteType::kMixed)
                  .AddQuote("the pledge \"a press release with a price tag and nothing more,\"", "", QuoteType::kMixed)
                  .Build();
  a.quotes[1].within = 0;
  Add(store.get(), {a});
  QuoteQuery q;
  q.text = "price tag";
  StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].cluster_id, (*hits)[1].cluster_id);
  StatusOr<QuoteCluster> cluster = store->GetQuoteCluster((*hits)[0].id);
  ASSERT_TRUE(cluster.ok()) << cluster.status().ToString();
  EXPECT_EQ(cluster->occurrences, 1);
}

TEST_F(StoreTest, ClustersAQuotationAnotherWriterStoredMeanwhile) {
  // Each writer keeps a filter of the cluster keys it knows; a quotation
  // another connection stored since must still be found.
  auto first = OpenStore();
  auto second = OpenStore();
  Add(second.get(), {ArticleBuilder("s1", "\"We will see,\" Lee said.")
                          .Url("https://x.example/s1")
                          .AddPerson("p1", "Ann Lee")
                          .AddQuote("\"We will see,\"", "p1")
                          .Build()});
  Add(first.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01")});
  Add(second.get(), {RutteArticle("a2", "Evening Star", "2025-03-02")});
  StatusOr<StoreStats> stats = first->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->quotes, 5);
  EXPECT_EQ(stats->clusters, 3);
}

TEST_F(StoreTest, FindsAPersonAnotherWriterAddedMeanwhile) {
  // A writer caches the people it has seen across its transactions; a
  // person another connection added since must not be added twice.
  auto lee = [](const std::string& id, const std::string& name) {
    return ArticleBuilder(id, "\"We will see what happens next week,\" " + name + " said.")
        .Url("https://x.example/" + id)
        .AddPerson("p1", name)
        .AddQuote("\"We will see what happens next week,\"", "p1")
        .Build();
  };
  auto first = OpenStore();
  auto second = OpenStore();
  Add(second.get(), {lee("l1", "Ann Lee")});
  Add(first.get(), {lee("l2", "Bob Lee")});
  Add(second.get(), {lee("l3", "Bob Lee")});
  StatusOr<StoreStats> stats = second->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->people, 2);
  StatusOr<std::vector<PersonRecord>> top = second->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[0].name, "Bob Lee");
  EXPECT_EQ((*top)[0].quote_count, 2);
}

// Articles whose quotes cluster by containment both ways: a partial quote,
// a longer one that becomes the representative, and a partial quote of the
// part only the longer one has.
std::vector<Article> ContainmentArticles() {
  const std::string base = "we will defend every inch of allied territory and nobody should doubt our resolve";
  const std::string longer = base + " in the weeks and months to come";
  struct {
    const char* id;
    const char* outlet;
    const char* date;
    std::string quote;
  } const kCases[] = {
      {"c1", "Daily Planet", "2025-03-03", base},
      {"c2", "Evening Star", "2025-03-01", "every inch of allied territory and nobody should doubt"},
      {"c3", "Morning Post", "2025-03-04", longer},
      {"c4", "Wire", "2025-03-02", "nobody should doubt our resolve in the weeks and months"},
      {"c5", "Daily Planet", "2025-03-05", "an unrelated remark about the harbour strike and the port"},
      {"c6", "Evening Star", "2025-03-06", base},
  };
  std::vector<Article> out;
  for (const auto& c : kCases) {
    std::string text = "Mark Rutte said \"" + c.quote + "\" on Friday.";
    out.push_back(ArticleBuilder(c.id, text)
                      .Url(std::string("https://x.example/") + c.id)
                      .Publisher(c.outlet)
                      .Date(c.date)
                      .AddPerson("p1", "Mark Rutte")
                      .AddQuote(c.quote, "p1")
                      .Build());
  }
  return out;
}

// Describes every quote's cluster, by quote id, for comparing databases.
std::vector<std::string> ClusterViews(Store* store, int64_t quotes) {
  std::vector<std::string> out;
  for (int64_t id = 1; id <= quotes; ++id) {
    StatusOr<QuoteCluster> c = store->GetQuoteCluster(id);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    if (!c.ok()) continue;
    std::string view = std::to_string(c->id) + "|" + c->text + "|" + std::to_string(c->occurrences) + "|" +
                       c->first_date + "|" + c->first_outlet;
    for (const std::string& o : c->outlets) view += "|" + o;
    out.push_back(view);
  }
  return out;
}

TEST_F(StoreTest, ClustersAcrossWriterRunsAsInOneRun) {
  // The writer keeps its clustering lookups in memory and rebuilds them
  // from the database when reopened; clusters must come out the same.
  std::vector<Article> articles = ContainmentArticles();
  std::vector<std::string> one_run, by_run, by_article, by_transaction;
  {
    auto store = OpenStore();
    EXPECT_EQ(Add(store.get(), articles), 6);
    one_run = ClusterViews(store.get(), 6);
  }
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  for (size_t half : {size_t{0}, size_t{3}}) {
    auto store = OpenStore();
    EXPECT_EQ(Add(store.get(), {articles.begin() + half, articles.begin() + half + 3}), 3);
    if (half == 3) by_run = ClusterViews(store.get(), 6);
  }
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  {
    // Two writers taking turns: each catches up on what the other stored.
    auto first = OpenStore();
    auto second = OpenStore();
    for (size_t i = 0; i < articles.size(); ++i) Add(i % 2 ? second.get() : first.get(), {articles[i]});
    by_article = ClusterViews(first.get(), 6);
  }
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  {
    // One writer, one transaction per article: representatives it keeps in
    // memory across transactions must match what it stored.
    auto store = OpenStore();
    for (const Article& a : articles) EXPECT_EQ(Add(store.get(), {a}), 1);
    by_transaction = ClusterViews(store.get(), 6);
  }
  ASSERT_EQ(one_run.size(), 6u);
  // c1, c2, c3, c4 and c6 are one quotation; c3 is its longest text.
  EXPECT_EQ(one_run[0], one_run[3]);
  EXPECT_EQ(one_run[0], one_run[5]);
  EXPECT_NE(one_run[0], one_run[4]);
  EXPECT_NE(one_run[0].find("in the weeks and months to come|5|2025-03-01|Evening Star"), std::string::npos)
      << one_run[0];
  EXPECT_EQ(by_run, one_run);
  EXPECT_EQ(by_article, one_run);
  EXPECT_EQ(by_transaction, one_run);
}

TEST_F(StoreTest, MigratesVersion2AndKeepsClustering) {
  std::vector<Article> articles = ContainmentArticles();
  {
    auto store = OpenStore();
    Add(store.get(), {articles.begin(), articles.begin() + 3});
  }
  {
    // Turn the file into a version 2 database: it had the clustering
    // lookup tables that version 3 derives in memory.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db,
                           "CREATE TABLE cluster_keys(norm_hash INTEGER PRIMARY KEY, cluster_id INTEGER NOT NULL);"
                           "CREATE TABLE cluster_fingerprints(hash INTEGER NOT NULL, cluster_id INTEGER NOT NULL,"
                           " PRIMARY KEY(hash, cluster_id)) WITHOUT ROWID;"
                           "UPDATE schema_version SET version = 2;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  StoreOptions read_only;
  read_only.read_only = true;
  StatusOr<std::unique_ptr<Store>> reader = Store::Open(path_, read_only);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("needs migrating"), std::string::npos) << reader.status().message();
  auto store = OpenStore();
  Add(store.get(), {articles.begin() + 3, articles.end()});
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->clusters, 2);
  StatusOr<QuoteCluster> cluster = store->GetQuoteCluster(6);
  ASSERT_TRUE(cluster.ok());
  EXPECT_EQ(cluster->occurrences, 5);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT (SELECT version FROM schema_version),"
                               " (SELECT count(*) FROM sqlite_master WHERE name IN ('cluster_keys', 'cluster_fingerprints'))",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 3);
  EXPECT_EQ(sqlite3_column_int(st, 1), 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, ShortQuotesClusterOnlyWhenIdentical) {
  auto store = OpenStore();
  auto article = [](const std::string& id, const std::string& text, const std::string& quote) {
    return ArticleBuilder(id, text).Url("https://x.example/" + id).AddPerson("p1", "Ann Lee")
        .AddQuote(quote, "p1").Build();
  };
  Add(store.get(), {article("s1", "\"We will see,\" Lee said.", "\"We will see,\"")});
  Add(store.get(), {article("s2", "Lee said: \"we will see.\"", "\"we will see.\"")});
  Add(store.get(), {article("s3", "\"We will see what happens next week in the talks,\" Lee said.",
                            "\"We will see what happens next week in the talks,\"")});
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->quotes, 3);
  EXPECT_EQ(stats->clusters, 2);
}

TEST_F(StoreTest, GroupsSyndicatedCopies) {
  auto store = OpenStore();
  std::string wire;
  for (int i = 0; i < 30; ++i) {
    wire += "Paragraph " + std::to_string(i) + " of the wire report describes the harbour strike in detail. ";
  }
  Article original = ArticleBuilder("w1", wire).Url("https://wire.example/w1").Publisher("Wire").Build();
  Article copy = ArticleBuilder("w2", wire + "Copyright Daily Planet.").Url("https://planet.example/w2").Build();
  Article unrelated =
      ArticleBuilder("u1", std::string(kRutteText) + " " + std::string(kRutteText) + " Some more words here.")
          .Url("https://u.example/u1")
          .Build();
  Add(store.get(), {original, unrelated, copy});
  StatusOr<ArticleRecord> rec = store->GetArticle(3);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(rec->article.id, "w2");
  EXPECT_EQ(rec->syndication_group, 1);
  EXPECT_EQ(rec->syndicated_copies, (std::vector<int64_t>{1}));
  EXPECT_TRUE(store->GetArticle(2)->syndicated_copies.empty());
  EXPECT_EQ(store->Stats()->syndication_groups, 1);
}

TEST_F(StoreTest, GetArticleReturnsWhatWasIndexed) {
  auto store = OpenStore();
  Article a = RutteArticle("a1", "Daily Planet", "2025-03-01");
  a.quotes[0].cue = Span{22, 26, "told"};
  a.authors = {"A. Writer"};
  Add(store.get(), {a});
  StatusOr<ArticleRecord> rec = store->GetArticle(1);
  ASSERT_TRUE(rec.ok()) << rec.status().ToString();
  EXPECT_EQ(rec->article.text, a.text);
  EXPECT_EQ(rec->article.publisher.value_or(""), "Daily Planet");
  EXPECT_EQ(rec->article.authors, a.authors);
  ASSERT_EQ(rec->article.quotes.size(), 2u);
  EXPECT_EQ(rec->article.quotes[0].content.text, kRutteQuote);
  EXPECT_EQ(rec->article.quotes[0].cue->text, "told");
  EXPECT_EQ(rec->article.quotes[0].speaker_id.value_or(""), "p1");
  EXPECT_EQ(rec->quote_ids.size(), 2u);
  ASSERT_EQ(rec->person_ids.size(), 2u);
  EXPECT_NE(rec->person_ids[0], rec->person_ids[1]);
  EXPECT_EQ(store->GetArticle(77).status().code(), Status::Code::kNotFound);
}

TEST_F(StoreTest, CheckFindsParaphraseAndFlagsMisattribution) {
  auto store = OpenStore();
  Article other = ArticleBuilder("b1", "Senator Ron Johnson said the budget plan was reckless and wasteful.")
                      .Url("https://gazette.example/b1")
                      .Publisher("Gazette")
                      .Date("2025-04-10")
                      .AddPerson("p1", "Ron Johnson", {"Senator"})
                      .AddQuote("the budget plan was reckless and wasteful", "p1", QuoteType::kIndirect)
                      .Build();
  Add(store.get(), {RutteArticle("a1", "Daily Planet", "2025-03-01"), other});
  const char* claim = "we'll defend every inch of allied territory, nobody should doubt that";
  StatusOr<ClaimCheck> check = store->CheckAttribution(claim, std::string("Ron Johnson"), 5);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_FALSE(check->matches.empty());
  EXPECT_EQ(check->matches[0].speaker, "Mark Rutte");
  EXPECT_GE(check->matches[0].score, kClaimMatchThreshold);
  EXPECT_EQ(check->matches[0].first_seen_outlet, "Daily Planet");
  EXPECT_TRUE(check->misattributed);
  check = store->CheckAttribution(claim, std::string("Rutte"), 5);
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->misattributed);
  StatusOr<std::vector<QuoteHit>> plain = store->CheckClaim("budget plan reckless", 5);
  ASSERT_TRUE(plain.ok());
  ASSERT_FALSE(plain->empty());
  EXPECT_EQ((*plain)[0].speaker, "Ron Johnson");
  EXPECT_EQ(store->CheckClaim("?!", 5).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreTest, RejectsBadArticlesAndKeepsTheRest) {
  auto store = OpenStore();
  Article bad = RutteArticle("bad", "X", "2025-03-01");
  bad.quotes[0].content.end = 100000;
  Article empty;
  int64_t added = 0;
  Status s = store->AddArticles({bad, RutteArticle("ok", "Y", "2025-03-01"), empty}, &added);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("2 article(s) rejected"), std::string::npos) << s.message();
  EXPECT_EQ(added, 1);
  EXPECT_EQ(store->Stats()->articles, 1);
}

TEST_F(StoreTest, RejectsInvalidUtf8AtItsFirstBadByte) {
  auto store = OpenStore();
  Article bad = RutteArticle("bad", "X", "2025-03-01");
  bad.text = "caf\xC3\xA9 ok \xC3\x28 then \xFF " + bad.text;  // Bad at byte 9, then at 17.
  Article accented = RutteArticle("accented", "Y", "2025-03-01");
  accented.text = "caf\xC3\xA9 \xE2\x80\x94 " + accented.text;  // Valid; spans still fit.
  int64_t added = 0;
  Status s = store->AddArticles({bad, accented}, &added);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("article 'bad': invalid UTF-8 at byte 9"), std::string::npos) << s.message();
  EXPECT_EQ(added, 1);
}

TEST_F(StoreTest, RefusesWhatIsNotAWhosaidDatabase) {
  {
    FILE* f = std::fopen(path_.c_str(), "w");
    std::fputs("this is not a database, just some text that is long enough to look like a header......", f);
    std::fclose(f);
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a whosaid database"), std::string::npos)
      << store.status().message();

  std::string other = (dir_ / "other.db").string();
  sqlite3* db = nullptr;
  sqlite3_open(other.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  store = Store::Open(other, StoreOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a whosaid one"), std::string::npos) << store.status().message();
}

TEST_F(StoreTest, RefusesANewerSchemaVersion) {
  OpenStore().reset();
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(store.status().message().find("schema version 99 is newer"), std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, ReadOnlyOpenNeedsAnExistingIndex) {
  StoreOptions options;
  options.read_only = true;
  EXPECT_FALSE(Store::Open(path_, options).ok());
  OpenStore().reset();
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->AddArticles({RutteArticle("a1", "X", "2025-03-01")}, nullptr).code(),
            Status::Code::kInvalidArgument);
}

std::vector<Article> ManyArticles(int n) {
  std::vector<Article> out;
  for (int i = 0; i < n; ++i) {
    std::string quote = "Figure " + std::to_string(i) + " shows the harbour reopened after the strike ended";
    std::string text = "Mayor Ann Lee said " + quote + ". The port authority declined to comment.";
    // Appended, not "..." + std::to_string(i): GCC 12 gives a -Wrestrict
    // false positive on the latter here.
    std::string number = std::to_string(i);
    std::string url = "https://m.example/";
    url += number;
    std::string id = "m";
    id += number;
    out.push_back(ArticleBuilder(id, text)
                      .Url(url)
                      .Date("2025-05-01")
                      .AddPerson("p1", "Ann Lee", {"Mayor"})
                      .AddQuote(quote, "p1", QuoteType::kIndirect)
                      .Build());
  }
  return out;
}

TEST_F(StoreTest, KilledIndexerLeavesAConsistentDatabaseAndRerunCompletes) {
  OpenStore().reset();
  std::vector<Article> articles = ManyArticles(3000);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
    if (!store.ok()) _exit(3);
    for (size_t i = 0; i < articles.size(); i += 100) {
      std::vector<Article> batch(articles.begin() + i, articles.begin() + std::min(articles.size(), i + 100));
      (*store)->AddArticles(batch, nullptr);
    }
    _exit(0);
  }
  // Kill the writer as soon as some work is committed (or when it is done).
  for (int i = 0; i < 2000; ++i) {
    auto reader = OpenStore(/*read_only=*/true);
    if (reader && reader->Stats().ok() && reader->Stats()->articles > 0) break;
    usleep(2000);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
  sqlite3_finalize(st);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO quote_fts(quote_fts) VALUES('integrity-check')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes)", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  int64_t articles_before = sqlite3_column_int64(st, 0);
  EXPECT_EQ(articles_before, sqlite3_column_int64(st, 1));  // One quote each: nothing half-written.
  EXPECT_EQ(articles_before % 100, 0);                      // Whole batches only.
  sqlite3_finalize(st);
  sqlite3_close(db);

  auto store = OpenStore();
  EXPECT_EQ(Add(store.get(), articles), 3000 - articles_before);
  EXPECT_EQ(store->Stats()->articles, 3000);
  EXPECT_EQ(store->TopSpeakers(1)->at(0).quote_count, 3000);
}

TEST_F(StoreTest, ReadersWorkWhileAnIndexerWrites) {
  OpenStore().reset();
  std::vector<Article> articles = ManyArticles(2000);
  Status writer_status;
  std::thread writer([&] {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
    if (!store.ok()) {
      writer_status = store.status();
      return;
    }
    for (size_t i = 0; i < articles.size() && writer_status.ok(); i += 200) {
      std::vector<Article> batch(articles.begin() + i, articles.begin() + i + 200);
      writer_status = (*store)->AddArticles(batch, nullptr);
    }
  });
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  int reads = 0;
  int64_t last = 0;
  for (; reads < 200; ++reads) {
    QuoteQuery q;
    q.text = "harbour";
    q.speaker = "Lee";
    StatusOr<std::vector<QuoteHit>> hits = reader->SearchQuotes(q);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    StatusOr<StoreStats> stats = reader->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_GE(stats->articles, last);
    last = stats->articles;
  }
  writer.join();
  EXPECT_TRUE(writer_status.ok()) << writer_status.ToString();
  EXPECT_EQ(reader->Stats()->articles, 2000);
}

// Bulk builds (StoreOptions::bulk_build and Store::Finish).

// Every table's rows, in key order, as text.
std::string DumpTables(const std::string& path) {
  static const char* const kTables[] = {
      "schema_version", "outlets", "articles", "simhash_bands", "people", "person_names",
      "article_people", "quotes", "clusters"};
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::string out;
  for (const char* table : kTables) {
    std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY 1, 2";
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
    out += std::string("# ") + table + "\n";
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v != nullptr ? reinterpret_cast<const char*>(v) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
  }
  // The schema objects, whatever order they were created in.
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master ORDER BY name", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    for (int c = 0; c < 3; ++c) {
      const unsigned char* v = sqlite3_column_text(st, c);
      out += v != nullptr ? reinterpret_cast<const char*>(v) : "NULL";
      out += '|';
    }
    out += '\n';
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

std::string HitLine(const QuoteHit& h) {
  char score[32];
  std::snprintf(score, sizeof(score), "%.9g", h.score);
  return std::to_string(h.id) + "|" + std::to_string(h.article_id) + "|" + std::to_string(h.cluster_id) + "|" +
         std::to_string(h.person_id.value_or(0)) + "|" + std::to_string(static_cast<int>(h.type)) + "|" + h.text +
         "|" + h.speaker + "|" + h.cue + "|" + h.addressee + "|" + h.date + "|" + h.outlet + "|" +
         h.article_title + "|" + h.article_url + "|" + std::to_string(h.start) + "|" + std::to_string(h.end) +
         "|" + score + "|" + h.article_date + "|" + h.first_seen_date + "|" + h.first_seen_outlet + "|" +
         std::to_string(h.first_seen_article_id) + "|" + std::to_string(h.occurrences) + "\n";
}

// The answers of every kind of query, as text.
std::string QueryAnswers(Store* store) {
  std::string out;
  struct {
    const char* text;
    const char* speaker;
    const char* outlet;
    const char* from;
  } const kQueries[] = {
      {"harbour", nullptr, nullptr, nullptr},     {"allied territory", nullptr, nullptr, nullptr},
      {"\"allied territory\"", "Rutte", nullptr, nullptr}, {"", "Ann Lee", nullptr, nullptr},
      {"", "Rutte", "Evening Star", nullptr},     {"strike", "Lee", nullptr, "2025-05-01"},
      {"", nullptr, "Daily Planet", "2025-03-02"}, {"figure 12", nullptr, nullptr, nullptr},
  };
  for (const auto& q : kQueries) {
    QuoteQuery query;
    query.text = q.text;
    if (q.speaker) query.speaker = q.speaker;
    if (q.outlet) query.outlet = q.outlet;
    if (q.from) query.from = q.from;
    query.limit = 50;
    StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(query);
    out += std::string("# search ") + q.text + "\n";
    if (!hits.ok()) out += hits.status().ToString() + "\n";
    else for (const QuoteHit& h : *hits) out += HitLine(h);
  }
  StatusOr<std::vector<PersonRecord>> top = store->TopSpeakers(20);
  EXPECT_TRUE(top.ok());
  if (top.ok()) {
    for (const PersonRecord& p : *top) {
      StatusOr<PersonRecord> person = store->GetPerson(p.id);
      EXPECT_TRUE(person.ok());
      out += "# person " + std::to_string(p.id) + " " + p.name + " " + std::to_string(p.quote_count) + "\n";
      if (!person.ok()) continue;
      for (const auto& list : {person->aliases, person->titles}) {
        for (const std::string& v : list) out += v + ";";
      }
      for (const auto& list : {person->top_addressees, person->top_outlets}) {
        for (const auto& [name, n] : list) out += name + "=" + std::to_string(n) + ";";
      }
      out += "\n";
    }
  }
  StatusOr<StoreStats> stats = store->Stats();
  EXPECT_TRUE(stats.ok());
  if (!stats.ok()) return out;
  out += "# stats " + std::to_string(stats->articles) + " " + std::to_string(stats->quotes) + " " +
         std::to_string(stats->people) + " " + std::to_string(stats->outlets) + " " +
         std::to_string(stats->clusters) + " " + std::to_string(stats->syndication_groups) + "\n";
  for (int64_t id = 1; id <= stats->articles; ++id) {
    StatusOr<ArticleRecord> a = store->GetArticle(id);
    EXPECT_TRUE(a.ok());
    if (!a.ok()) continue;
    out += "# article " + std::to_string(id) + " " + ArticleToJson(a->article, true) + " " +
           std::to_string(a->syndication_group);
    for (int64_t c : a->syndicated_copies) out += " " + std::to_string(c);
    out += "\n";
  }
  for (int64_t id = 1; id <= stats->quotes; ++id) {
    StatusOr<QuoteCluster> c = store->GetQuoteCluster(id);
    EXPECT_TRUE(c.ok());
    if (!c.ok()) continue;
    out += "# cluster of " + std::to_string(id) + " " + std::to_string(c->id) + " " + c->text + " " +
           c->first_date + " " + c->first_outlet + " " + std::to_string(c->occurrences) + "\n";
    for (const QuoteHit& h : c->members) out += HitLine(h);
  }
  for (const char* claim : {"nobody should doubt our resolve", "the harbour reopened after the strike"}) {
    StatusOr<ClaimCheck> check = store->CheckAttribution(claim, std::string("Ann Lee"), 10);
    EXPECT_TRUE(check.ok());
    if (!check.ok()) continue;
    out += std::string("# check ") + claim + " " + (check->misattributed ? "misattributed " : "ok ") +
           check->matched_speaker + "\n";
    for (const QuoteHit& h : check->matches) out += HitLine(h);
  }
  return out;
}

// A mix of what the store clusters, merges and groups.
std::vector<Article> VariedArticles() {
  std::vector<Article> out = ContainmentArticles();
  for (const Article& a : ManyArticles(240)) out.push_back(a);
  out.push_back(RutteArticle("r1", "Daily Planet", "2025-03-01"));
  out.push_back(RutteArticle("r2", "Evening Star", "2025-03-02", "Rutte"));
  out.push_back(RutteArticle("r3", "Morning Post", "2025-02-27", "NATO chief Mark Rutte"));
  out.push_back(out.front());  // Already present: skipped.
  return out;
}

void AddInBatches(Store* store, const std::vector<Article>& articles, size_t batch) {
  for (size_t i = 0; i < articles.size(); i += batch) {
    std::vector<Article> part(articles.begin() + i, articles.begin() + std::min(articles.size(), i + batch));
    ASSERT_TRUE(store->AddArticles(part, nullptr).ok());
  }
}

TEST_F(StoreTest, BulkBuildHoldsTheSameRowsAndAnswersAsAnIncrementalBuild) {
  std::vector<Article> articles = VariedArticles();
  std::string incremental_path = (dir_ / "incremental.db").string();
  std::string incremental_dump, incremental_answers;
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(incremental_path, StoreOptions{});
    ASSERT_TRUE(store.ok());
    AddInBatches(store->get(), articles, 37);
    ASSERT_TRUE((*store)->Finish().ok());  // Nothing to do on this path.
    incremental_answers = QueryAnswers(store->get());
  }
  incremental_dump = DumpTables(incremental_path);
  StoreOptions bulk;
  bulk.bulk_build = true;
  std::string bulk_answers;
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    AddInBatches(store->get(), articles, 37);
    EXPECT_FALSE(std::filesystem::exists(path_));  // Nothing under the real name yet.
    EXPECT_TRUE(std::filesystem::exists(path_ + ".bulk-partial"));
    Status finished = (*store)->Finish();
    ASSERT_TRUE(finished.ok()) << finished.ToString();
    EXPECT_TRUE(std::filesystem::exists(path_));
    EXPECT_FALSE(std::filesystem::exists(path_ + ".bulk-partial"));
    bulk_answers = QueryAnswers(store->get());
    // After Finish the store is an ordinary writer on path.
    EXPECT_EQ(Add(store->get(), {RutteArticle("late", "Wire", "2025-03-09")}), 1);
  }
  EXPECT_GT(incremental_answers.size(), 10000u);
  EXPECT_EQ(bulk_answers, incremental_answers);
  {
    auto reader = OpenStore(/*read_only=*/true);
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->Stats()->articles, 250);
  }
  {
    // Without the late article, the rows are the same as well.
    StatusOr<std::unique_ptr<Store>> store = Store::Open(incremental_path, StoreOptions{});
    ASSERT_TRUE(store.ok());
    ASSERT_EQ(Add(store->get(), {RutteArticle("late", "Wire", "2025-03-09")}), 1);
  }
  EXPECT_EQ(DumpTables(path_), DumpTables(incremental_path));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, "INSERT INTO quote_fts(quote_fts) VALUES('integrity-check')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_F(StoreTest, UnfinishedBulkBuildLeavesNoFile) {
  StoreOptions bulk;
  bulk.bulk_build = true;
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(Add(store->get(), ManyArticles(50)), 50);
  }
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_FALSE(std::filesystem::exists(path_ + ".bulk-partial"));
}

TEST_F(StoreTest, KilledBulkBuildLeavesNoFileAndRerunCompletes) {
  std::vector<Article> articles = ManyArticles(3000);
  StoreOptions bulk;
  bulk.bulk_build = true;
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
    if (!store.ok()) _exit(3);
    for (size_t i = 0; i < articles.size(); i += 100) {
      std::vector<Article> batch(articles.begin() + i, articles.begin() + std::min(articles.size(), i + 100));
      (*store)->AddArticles(batch, nullptr);
      if (i == 1000) (void)!write(pipe_fds[1], "x", 1);  // Midway: the parent kills us now.
    }
    pause();
    _exit(0);
  }
  char c;
  ASSERT_EQ(read(pipe_fds[0], &c, 1), 1);
  {
    // A second bulk build of the same path is refused while one runs.
    StatusOr<std::unique_ptr<Store>> second = Store::Open(path_, bulk);
    EXPECT_FALSE(second.ok());
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  EXPECT_FALSE(std::filesystem::exists(path_));
  EXPECT_TRUE(std::filesystem::exists(path_ + ".bulk-partial"));
  {
    auto reader = Store::Open(path_, StoreOptions{true, false});
    EXPECT_FALSE(reader.ok());
  }
  // A rerun replaces the partial file and completes.
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(Add(store->get(), articles), 3000);
  ASSERT_TRUE((*store)->Finish().ok());
  EXPECT_FALSE(std::filesystem::exists(path_ + ".bulk-partial"));
  EXPECT_EQ((*store)->Stats()->articles, 3000);
  EXPECT_EQ((*store)->TopSpeakers(1)->at(0).quote_count, 3000);
}

TEST_F(StoreTest, BulkBuildOverAnExistingDatabaseAddsIncrementally) {
  {
    auto store = OpenStore();
    EXPECT_EQ(Add(store.get(), ManyArticles(10)), 10);
  }
  StoreOptions bulk;
  bulk.bulk_build = true;
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(Add(store->get(), ManyArticles(20)), 10);
    // Not finished: each batch was committed to the database as usual.
  }
  EXPECT_FALSE(std::filesystem::exists(path_ + ".bulk-partial"));
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->Stats()->articles, 20);
}

TEST_F(StoreTest, BulkBuildNeverReplacesADatabaseCreatedMeanwhile) {
  StoreOptions bulk;
  bulk.bulk_build = true;
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(Add(store->get(), ManyArticles(30)), 30);
  {
    auto other = OpenStore();
    EXPECT_EQ(Add(other.get(), {RutteArticle("a1", "Wire", "2025-03-01")}), 1);
  }
  Status finished = (*store)->Finish();
  EXPECT_FALSE(finished.ok());
  EXPECT_NE(finished.message().find(".bulk-partial"), std::string::npos) << finished.message();
  store->reset();
  EXPECT_TRUE(std::filesystem::exists(path_ + ".bulk-partial"));  // Complete; kept for the user.
  auto reader = OpenStore(/*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->Stats()->articles, 1);
}

}  // namespace
}  // namespace whosaid
