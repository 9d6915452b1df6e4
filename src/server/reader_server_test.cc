// End-to-end tests of the reader over real loopback sockets: the JSON API,
// the pages, error statuses, and the size and time limits.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "src/server/http_server.h"
#include "src/server/reader_app.h"
#include "src/testing/article_builder.h"
#include "src/util/json.h"
#include "whosaid/store.h"

namespace whosaid::internal {
namespace {

// Sends raw bytes and returns everything the server sends before closing.
std::string Exchange(int port, const std::string& raw, bool half_close = true) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "";
  }
  ::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL);
  if (half_close) ::shutdown(fd, SHUT_WR);
  std::string out;
  char buf[8192];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

struct Reply {
  int status = 0;
  std::string body;
};

Reply Get(int port, const std::string& target) {
  std::string raw = Exchange(port, "GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  Reply r;
  if (raw.size() > 12) r.status = std::stoi(raw.substr(9, 3));
  size_t body = raw.find("\r\n\r\n");
  if (body != std::string::npos) r.body = raw.substr(body + 4);
  return r;
}

class ReaderServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("whosaid_server_test_" + std::to_string(getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    db_ = new std::string((*dir_ / "q.db").string());
    {
      auto store = Store::Open(*db_, StoreOptions{});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      std::vector<Article> articles;
      articles.push_back(testing::ArticleBuilder("a1", "Mayor Ann Lee told reporters that \"the harbour reopens Monday\".")
                             .Title("Harbour to reopen")
                             .Publisher("Coast Herald")
                             .Date("2025-06-03")
                             .Url("https://news.example/a1")
                             .AddPerson("p1", "Ann Lee", {"Mayor"})
                             .AddQuote("\"the harbour reopens Monday\"", "p1", QuoteType::kDirect, "reporters")
                             .Build());
      articles.push_back(testing::ArticleBuilder("a2", "Tom Berg said \"<script>alert(1)</script>\" was fine.")
                             .Title("<script>alert(2)</script>")
                             .Url("javascript:alert(3)")
                             .Date("2025-06-04")
                             .AddPerson("p1", "Tom Berg")
                             .AddQuote("\"<script>alert(1)</script>\"", "p1")
                             .Build());
      ASSERT_TRUE((*store)->AddArticles(articles, nullptr).ok());
    }
    HttpServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.request_timeout_ms = 300;
    options.idle_timeout_ms = 300;
    server_ = new HttpServer(options, [] { return ReaderApp::Open(*db_); });
    Status s = server_->Start();
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete db_;
    delete dir_;
  }
  static int port() { return server_->port(); }

  static std::filesystem::path* dir_;
  static std::string* db_;
  static HttpServer* server_;
};

std::filesystem::path* ReaderServerTest::dir_ = nullptr;
std::string* ReaderServerTest::db_ = nullptr;
HttpServer* ReaderServerTest::server_ = nullptr;

TEST_F(ReaderServerTest, HealthCountsTheIndex) {
  Reply r = Get(port(), "/api/health");
  ASSERT_EQ(r.status, 200);
  auto json = ParseJson(r.body);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->GetString("status"), "ok");
  EXPECT_EQ(json->Find("articles")->as_number(), 2);
  EXPECT_EQ(json->Find("quotes")->as_number(), 2);
}

TEST_F(ReaderServerTest, ApiQuotesFiltersBySpeakerAndPages) {
  Reply r = Get(port(), "/api/quotes?speaker=Lee&limit=1");
  ASSERT_EQ(r.status, 200) << r.body;
  auto json = ParseJson(r.body);
  ASSERT_TRUE(json.ok());
  const auto& results = json->Find("results")->items();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].GetString("speaker"), "Ann Lee");
  EXPECT_EQ(results[0].GetString("addressee"), "reporters");
  EXPECT_TRUE(json->Find("next_offset")->is_null());
  Reply all = Get(port(), "/api/quotes?limit=1");
  auto all_json = ParseJson(all.body);
  ASSERT_TRUE(all_json.ok());
  EXPECT_EQ(all_json->Find("next_offset")->as_number(), 1);
}

TEST_F(ReaderServerTest, BadParametersGet400NamingTheParameter) {
  static const struct {
    const char* target;
    const char* parameter;
  } kCases[] = {
      {"/api/quotes?limit=0", "limit"},
      {"/api/quotes?limit=101", "limit"},
      {"/api/quotes?limit=ten", "limit"},
      {"/api/quotes?offset=-1", "offset"},
      {"/api/quotes?from=2025-13-01", "from"},
      {"/api/quotes?to=yesterday", "to"},
      {"/api/quotes?from=2025-06-05&to=2025-06-01", "to"},
      {"/api/quotes?type=shouted", "type"},
      {"/api/quotes?speakr=Lee", "speakr"},
      {"/api/quotes?q=%FF", "q"},
      {"/api/quotes/abc", "id"},
      {"/api/people/-3", "id"},
  };
  for (const auto& c : kCases) {
    Reply r = Get(port(), c.target);
    EXPECT_EQ(r.status, 400) << c.target;
    auto json = ParseJson(r.body);
    ASSERT_TRUE(json.ok()) << c.target << ": " << r.body;
    EXPECT_EQ(json->Find("error")->GetString("parameter"), c.parameter) << c.target;
  }
  std::string long_q(600, 'a');
  EXPECT_EQ(Get(port(), "/api/quotes?q=" + long_q).status, 400);
}

TEST_F(ReaderServerTest, UnknownIdsGet404) {
  for (const char* target : {"/api/quotes/999", "/api/people/999", "/api/articles/999", "/people/999",
                             "/quotes/999", "/articles/999", "/api/nothing", "/nothing"}) {
    EXPECT_EQ(Get(port(), target).status, 404) << target;
  }
}

TEST_F(ReaderServerTest, ApiRecordsByIdMirrorThePages) {
  Reply hit = Get(port(), "/api/quotes?speaker=Lee");
  auto hits = ParseJson(hit.body);
  ASSERT_TRUE(hits.ok());
  const JsonValue& h = hits->Find("results")->items().at(0);
  std::string quote_id = std::to_string(static_cast<int64_t>(h.Find("id")->as_number()));
  std::string person_id = std::to_string(static_cast<int64_t>(h.Find("person_id")->as_number()));
  std::string article_id = std::to_string(static_cast<int64_t>(h.Find("article_id")->as_number()));

  auto quote = ParseJson(Get(port(), "/api/quotes/" + quote_id).body);
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(quote->GetString("first_outlet"), "Coast Herald");
  auto person = ParseJson(Get(port(), "/api/people/" + person_id).body);
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->GetString("name"), "Ann Lee");
  EXPECT_EQ(person->Find("timeline")->items().size(), 1u);
  auto article = ParseJson(Get(port(), "/api/articles/" + article_id).body);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->Find("article")->GetString("title"), "Harbour to reopen");
  EXPECT_EQ(article->Find("quote_ids")->items().size(), 1u);

  Reply page = Get(port(), "/articles/" + article_id);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<p class=\"provenance\">Coast Herald"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"q" + quote_id + "\""), std::string::npos);
  EXPECT_EQ(Get(port(), "/people/" + person_id).status, 200);
  EXPECT_EQ(Get(port(), "/quotes/" + quote_id).status, 200);
  Reply search = Get(port(), "/search?q=harbour&speaker=&outlet=&from=&to=");
  ASSERT_EQ(search.status, 200);
  EXPECT_NE(search.body.find("<mark class=\"hit\">harbour</mark>"), std::string::npos);
}

TEST_F(ReaderServerTest, PagesEscapeArticleAndQueryText) {
  Reply search = Get(port(), "/search?q=%3Cscript%3Ex&speaker=%22%3E%3Cimg%20onerror%3Dx%3E");
  ASSERT_EQ(search.status, 200);
  EXPECT_EQ(search.body.find("<img"), std::string::npos);
  EXPECT_EQ(search.body.find("<script>x"), std::string::npos);
  EXPECT_NE(search.body.find("value=\"&quot;&gt;&lt;img onerror=x&gt;\""), std::string::npos);
  Reply home = Get(port(), "/search?speaker=Berg");
  std::string id_marker = "href=\"/articles/";
  size_t at = home.body.find(id_marker);
  ASSERT_NE(at, std::string::npos);
  std::string id = home.body.substr(at + id_marker.size(), home.body.find_first_not_of("0123456789", at + id_marker.size()) - at - id_marker.size());
  Reply article = Get(port(), "/articles/" + id);
  ASSERT_EQ(article.status, 200);
  EXPECT_EQ(article.body.find("<script>alert"), std::string::npos);
  EXPECT_EQ(article.body.find("javascript:"), std::string::npos);
  EXPECT_NE(article.body.find("&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
}

TEST_F(ReaderServerTest, ServesEmbeddedWebFilesAndRefusesOtherMethods) {
  Reply css = Get(port(), "/static/reader.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.body.find("--reader-size"), std::string::npos);
  EXPECT_EQ(Get(port(), "/static/../CMakeLists.txt").status, 404);
  std::string raw = Exchange(port(), "DELETE /api/health HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 405", 0), 0u) << raw;
  EXPECT_NE(raw.find("Allow: GET, HEAD"), std::string::npos);
  std::string head = Exchange(port(), "HEAD /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
}

TEST_F(ReaderServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string one = "GET /api/health HTTP/1.1\r\nHost: t\r\n\r\n";
  std::string raw = Exchange(port(), one + one + "GET /api/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  size_t count = 0;
  for (size_t p = 0; (p = raw.find("HTTP/1.1 200 OK", p)) != std::string::npos; ++p) ++count;
  EXPECT_EQ(count, 3u);
}

TEST_F(ReaderServerTest, OversizedRequestsAreRefused) {
  std::string raw = Exchange(port(), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 414", 0), 0u) << raw.substr(0, 80);
  std::string big_headers = "GET / HTTP/1.1\r\nHost: t\r\n";
  for (int i = 0; i < 40; ++i) big_headers += "X-Pad: " + std::string(1000, 'b') + "\r\n";
  raw = Exchange(port(), big_headers + "\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 431", 0), 0u) << raw.substr(0, 80);
  raw = Exchange(port(), "GET / HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n");
  EXPECT_EQ(raw.rfind("HTTP/1.1 413", 0), 0u) << raw.substr(0, 80);
}

TEST_F(ReaderServerTest, SlowRequestTimesOutWith408) {
  // The head never ends; the server gives up after request_timeout_ms.
  std::string raw = Exchange(port(), "GET /api/health HTTP/1.1\r\nHost: t\r\n", /*half_close=*/false);
  EXPECT_EQ(raw.rfind("HTTP/1.1 408", 0), 0u) << raw;
  // A silent connection is closed without a reply.
  EXPECT_EQ(Exchange(port(), "", false), "");
  EXPECT_EQ(Get(port(), "/api/health").status, 200);  // Still serving.
}

TEST(ReaderServer, RefusesAMissingDatabase) {
  HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  HttpServer server(options, [] { return ReaderApp::Open("/nonexistent/whosaid/q.db"); });
  EXPECT_FALSE(server.Start().ok());
}

TEST(ReaderServer, RefusesAHostThatIsNotAnAddress) {
  HttpServerOptions options;
  options.host = "example.invalid";
  options.port = 0;
  options.threads = 1;
  HttpServer server(options, []() -> StatusOr<std::unique_ptr<RequestHandler>> {
    return Status::Internal("unused");
  });
  EXPECT_FALSE(server.Start().ok());
}

}  // namespace
}  // namespace whosaid::internal
