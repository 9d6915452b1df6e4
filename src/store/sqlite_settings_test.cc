// Tests for the storage settings the writer chooses: the page size of a new
// database, the FTS5 term buffer, and that a database written with other
// settings (an older build's) is read and extended as it is.
#include <unistd.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "src/testing/article_builder.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace whosaid {
namespace {

using testing::ArticleBuilder;

class StoreSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_settings_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "quotes.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string path_;
};

Article QuoteArticle(const std::string& id, const std::string& quote) {
  std::string text = "Senator Ana Ruiz spoke on Monday. " + quote + " Ruiz said.";
  return ArticleBuilder(id, text)
      .Url("https://example.org/" + id)
      .Publisher("Daily Planet")
      .Date("2025-03-01")
      .AddPerson("p1", "Ana Ruiz", {"Senator"}, {"Ruiz"})
      .AddQuote(quote, "p1", QuoteType::kDirect)
      .Build();
}

// The first column of the first row of sql run on path, as text ("" when none).
std::string QueryValue(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// Quote ids a full-text query finds, in id order, as "1,3,".
std::string TextHits(Store* store, const std::string& text) {
  QuoteQuery q;
  q.text = text;
  q.limit = 100;
  StatusOr<std::vector<QuoteHit>> hits = store->SearchQuotes(q);
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  if (!hits.ok()) return "error";
  std::vector<int64_t> ids;
  for (const QuoteHit& h : *hits) ids.push_back(h.id);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (int64_t id : ids) out += std::to_string(id) + ",";
  return out;
}

std::vector<Article> Quotes() {
  return {QuoteArticle("a1", "\"We will hold the line on the budget,\""),
          QuoteArticle("a2", "\"The budget line is not ours to hold,\""),
          QuoteArticle("a3", "\"Café owners and Zoë's bakery deserve better,\""),
          QuoteArticle("a4", "\"Nobody will hold THE LINE for them,\"")};
}

// What every new database must answer, whichever path built it.
void ExpectAnswers(Store* store) {
  EXPECT_EQ(TextHits(store, "\"hold the line\""), "1,4,");  // A phrase, case folded.
  EXPECT_EQ(TextHits(store, "hold line"), "1,2,4,");
  EXPECT_EQ(TextHits(store, "cafe zoe"), "3,");           // Diacritics removed.
}

TEST_F(StoreSettingsTest, ANewDatabaseHas16KPagesAndLargeFtsBuffers) {
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int64_t added = 0;
    ASSERT_TRUE((*store)->AddArticles(Quotes(), &added).ok());
    EXPECT_EQ(added, 4);
    ExpectAnswers(store->get());
  }
  EXPECT_EQ(QueryValue(path_, "PRAGMA page_size"), "16384");
  EXPECT_EQ(QueryValue(path_, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryValue(path_, "SELECT v FROM quote_fts_config WHERE k = 'hashsize'"), "16777216");
  EXPECT_EQ(QueryValue(path_, "SELECT v FROM article_fts_config WHERE k = 'hashsize'"), "16777216");
}

TEST_F(StoreSettingsTest, ABulkBuildHas16KPagesAndLargeFtsBuffers) {
  StoreOptions bulk;
  bulk.bulk_build = true;
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, bulk);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int64_t added = 0;
    ASSERT_TRUE((*store)->AddArticles(Quotes(), &added).ok());
    ASSERT_TRUE((*store)->Finish().ok());
    ExpectAnswers(store->get());
  }
  EXPECT_EQ(QueryValue(path_, "PRAGMA page_size"), "16384");
  EXPECT_EQ(QueryValue(path_, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryValue(path_, "SELECT v FROM quote_fts_config WHERE k = 'hashsize'"), "16777216");
  EXPECT_EQ(QueryValue(path_, "PRAGMA integrity_check"), "ok");
}

TEST_F(StoreSettingsTest, ADatabaseWithOtherSettingsIsReadAndExtendedAsItIs) {
  {
    // As an older build left it: 4 KiB pages, default FTS5 settings.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE x(y); DROP TABLE x;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  std::vector<Article> articles = Quotes();
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int64_t added = 0;
    ASSERT_TRUE((*store)->AddArticles({articles.begin(), articles.begin() + 2}, &added).ok());
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DELETE FROM quote_fts_config WHERE k = 'hashsize';", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, StoreOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int64_t added = 0;
    ASSERT_TRUE((*store)->AddArticles({articles.begin() + 2, articles.end()}, &added).ok());
    EXPECT_EQ(added, 2);
    ExpectAnswers(store->get());
  }
  EXPECT_EQ(QueryValue(path_, "PRAGMA page_size"), "4096");
  EXPECT_EQ(QueryValue(path_, "SELECT count(*) FROM quote_fts_config WHERE k = 'hashsize'"), "0");
  EXPECT_EQ(QueryValue(path_, "PRAGMA integrity_check"), "ok");
  StoreOptions read_only;
  read_only.read_only = true;
  StatusOr<std::unique_ptr<Store>> reader = Store::Open(path_, read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  ExpectAnswers(reader->get());
}

}  // namespace
}  // namespace whosaid
