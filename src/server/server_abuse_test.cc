// The reader's server under abuse on loopback (issue 7): bounded bursts of
// malformed requests, oversized request lines and heads, slow senders
// (slowloris), clients that never read, and more connections than the server
// queues. After and during each, valid requests (/api/health, /api/quotes)
// must still be answered. Loops are bounded in count and time; the only time
// limits asserted are generous socket timeouts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "src/server/http_server.h"
#include "src/server/reader_app.h"
#include "src/testing/article_builder.h"
#include "src/util/json.h"
#include "whosaid/store.h"

namespace whosaid::internal {
namespace {

// Generous: a reply slower than this on loopback means the server stopped
// answering, not that it was slow.
constexpr int kSocketTimeoutSeconds = 20;

// Returns a connected loopback socket with send and receive timeouts, or -1.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval tv{kSocketTimeoutSeconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads until the server closes, an error, or the receive timeout.
std::string ReadAll(int fd) {
  std::string out;
  char buf[8192];
  ssize_t n;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

// Sends raw (ignoring a reset: the server may refuse before reading it all),
// half-closes, and returns what the server sent back.
std::string Exchange(int port, const std::string& raw) {
  int fd = Connect(port);
  if (fd < 0) return "";
  for (size_t done = 0; done < raw.size();) {
    ssize_t n = ::send(fd, raw.data() + done, raw.size() - done, MSG_NOSIGNAL);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string out = ReadAll(fd);
  ::close(fd);
  return out;
}

// Returns the status of an HTTP/1.1 reply, 0 when there is none.
int StatusOf(const std::string& raw) {
  if (raw.size() < 12 || raw.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::atoi(raw.substr(9, 3).c_str());
}

std::string BodyOf(const std::string& raw) {
  size_t body = raw.find("\r\n\r\n");
  return body == std::string::npos ? "" : raw.substr(body + 4);
}

std::string ValidGet(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

class ServerAbuseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("whosaid_abuse_test_" + std::to_string(getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    db_ = new std::string((*dir_ / "q.db").string());
    {
      auto store = Store::Open(*db_, StoreOptions{});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      std::vector<Article> articles;
      articles.push_back(testing::ArticleBuilder("a1", "Mayor Ann Lee said \"the harbour reopens Monday\".")
                             .Title("Harbour to reopen")
                             .Publisher("Coast Herald")
                             .Date("2025-06-03")
                             .AddPerson("p1", "Ann Lee", {"Mayor"})
                             .AddQuote("\"the harbour reopens Monday\"", "p1", QuoteType::kDirect)
                             .Build());
      ASSERT_TRUE((*store)->AddArticles(articles, nullptr).ok());
    }
    HttpServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.max_pending = 16;
    options.request_timeout_ms = 1000;
    options.idle_timeout_ms = 500;
    options.write_timeout_ms = 1000;
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

  // Expects /api/health and /api/quotes to answer 200 with their JSON.
  static void ExpectServing(const char* when) {
    std::string health = Exchange(port(), ValidGet("/api/health"));
    ASSERT_EQ(StatusOf(health), 200) << when << ": " << health.substr(0, 200);
    auto json = ParseJson(BodyOf(health));
    ASSERT_TRUE(json.ok()) << when;
    EXPECT_EQ(json->GetString("status"), "ok") << when;
    std::string quotes = Exchange(port(), ValidGet("/api/quotes?speaker=Lee&limit=5"));
    ASSERT_EQ(StatusOf(quotes), 200) << when << ": " << quotes.substr(0, 200);
    auto hits = ParseJson(BodyOf(quotes));
    ASSERT_TRUE(hits.ok()) << when;
    ASSERT_EQ(hits->Find("results")->items().size(), 1u) << when;
  }

  static std::filesystem::path* dir_;
  static std::string* db_;
  static HttpServer* server_;
};

std::filesystem::path* ServerAbuseTest::dir_ = nullptr;
std::string* ServerAbuseTest::db_ = nullptr;
HttpServer* ServerAbuseTest::server_ = nullptr;

// Runs fn(i) for i in [0, n) on `parallel` threads.
template <typename Fn>
void RunParallel(int n, int parallel, Fn fn) {
  std::atomic<int> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < parallel; ++t) {
    threads.emplace_back([&] {
      for (int i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  }
  for (auto& t : threads) t.join();
}

TEST_F(ServerAbuseTest, MalformedRequestBurstsGetErrorsAndValidRequestsStillAnswer) {
  static const struct {
    const char* raw;
    int status;  // Expected status; 0 when the server may just close.
  } kMalformed[] = {
      {"\x16\x03\x01\x02\x10\x01\x02\x01\xfc\x03\x03\r\n\r\n", 400},  // Like a TLS hello.
      {"GET\r\n\r\n", 400},
      {"GET /api/health\r\n\r\n", 400},
      {"GET  /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"G(T /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/health HTTP/1.1\r\n\r\n", 400},  // No Host.
      {"GET /api/health HTTP/2.0\r\nHost: x\r\n\r\n", 505},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\nBad\x01: v\r\n\r\n", 400},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\nX: a\x7f\r\n\r\n", 400},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501},
      {"POST /api/quotes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 413},
      {"GET /api/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/quotes?q=%C0%AF HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/quotes?limit=99999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /api/quotes/99999999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"DELETE /api/quotes/1 HTTP/1.1\r\nHost: x\r\n\r\n", 405},
      {"GET /api/health HTTP/1.1\r\nHost: x\r\n", 0},  // The head never ends.
      {"\r\n\r\n\r\n\r\n\r\n", 0},
  };
  const int kRounds = 5;
  int n = kRounds * static_cast<int>(std::size(kMalformed));
  std::atomic<int> wrong{0};
  std::string first_wrong;
  std::mutex mu;
  RunParallel(n, 8, [&](int i) {
    const auto& c = kMalformed[i % std::size(kMalformed)];
    std::string raw = Exchange(port(), std::string(c.raw, std::strlen(c.raw)));
    bool ok = c.status == 0 ? (raw.empty() || StatusOf(raw) >= 400) : StatusOf(raw) == c.status;
    if (!ok && wrong.fetch_add(1) == 0) {
      std::lock_guard<std::mutex> lock(mu);
      first_wrong = std::string(c.raw).substr(0, 40) + " -> " + raw.substr(0, 60);
    }
    if (i % 20 == 0) ExpectServing("during the malformed burst");
  });
  EXPECT_EQ(wrong.load(), 0) << first_wrong;
  ExpectServing("after the malformed burst");
}

TEST_F(ServerAbuseTest, MutatedRequestsNeverGetA5xxOrBreakTheServer) {
  // Valid requests with random bytes replaced, inserted or cut: any reply
  // must be an HTTP response below 500 (501 and 505 name what was refused).
  const std::string kBase[] = {
      ValidGet("/api/quotes?q=harbour&speaker=Lee&from=2025-06-01&to=2025-06-30&type=direct&limit=3"),
      ValidGet("/api/quotes/1"), ValidGet("/people/1"), ValidGet("/search?q=%E2%80%9Charbour%E2%80%9D"),
  };
  std::mt19937 rng(7);
  std::vector<std::string> requests;
  for (int i = 0; i < 300; ++i) {
    std::string r = kBase[i % std::size(kBase)];
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !r.empty(); ++e) {
      size_t at = rng() % r.size();
      switch (rng() % 3) {
        case 0: r[at] = static_cast<char>(rng() % 256); break;
        case 1: r.insert(at, 1, "%?&=#/ \r\n\x80\xff"[rng() % 12]); break;
        default: r.erase(at, 1 + rng() % 8); break;
      }
    }
    requests.push_back(r);
  }
  std::atomic<int> server_errors{0};
  std::string first;
  std::mutex mu;
  RunParallel(static_cast<int>(requests.size()), 8, [&](int i) {
    std::string raw = Exchange(port(), requests[i]);
    int status = StatusOf(raw);
    if (!raw.empty() && (status == 0 || (status >= 500 && status != 501 && status != 505))) {
      if (server_errors.fetch_add(1) == 0) {
        std::lock_guard<std::mutex> lock(mu);
        first = requests[i].substr(0, 80) + " -> " + raw.substr(0, 80);
      }
    }
  });
  EXPECT_EQ(server_errors.load(), 0) << first;
  ExpectServing("after mutated requests");
}

TEST_F(ServerAbuseTest, OversizedRequestsAreRefusedAndValidRequestsStillAnswer) {
  const std::string kHead = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  std::string many_headers = kHead;
  for (int i = 0; i < 200; ++i) many_headers += "X-H" + std::to_string(i) + ": v\r\n";
  const struct {
    const char* what;
    std::string raw;
    int status;
  } kOversized[] = {
      {"long request line", "GET /api/quotes?q=" + std::string(100 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
      {"long line, no end", "GET /" + std::string(200 * 1024, 'a'), 414},
      {"200 headers", many_headers + "\r\n", 431},
      {"one 40 KiB header", kHead + "X-Big: " + std::string(40 * 1024, 'b') + "\r\n\r\n", 431},
      {"1 MiB head, no end", kHead + std::string(1024 * 1024, 'c'), 431},
      {"long parameter", ValidGet("/api/quotes?q=" + std::string(4000, 'q')), 400},
  };
  for (int round = 0; round < 3; ++round) {
    for (const auto& c : kOversized) {
      std::string raw = Exchange(port(), c.raw);
      EXPECT_EQ(StatusOf(raw), c.status) << c.what << ": " << raw.substr(0, 80);
      ExpectServing(c.what);
    }
  }
}

// Sends request one byte at a time, pausing pause_ms between bytes, until the
// server answers or closes or max_bytes are sent. Returns what it answered.
std::string SlowSend(int port, const std::string& request, int pause_ms, size_t max_bytes) {
  int fd = Connect(port);
  if (fd < 0) return "";
  std::string reply;
  for (size_t i = 0; i < request.size() && i < max_bytes; ++i) {
    if (::send(fd, &request[i], 1, MSG_NOSIGNAL) != 1) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, pause_ms) > 0) break;  // An answer, or the server closed.
  }
  ::shutdown(fd, SHUT_WR);
  reply = ReadAll(fd);
  ::close(fd);
  return reply;
}

TEST_F(ServerAbuseTest, SlowAndSilentClientsDoNotStopValidRequests) {
  // Twice as many slow senders as workers, each dribbling a head that never
  // ends for at most 80 bytes x 50 ms, plus silent connections; together
  // fewer than workers plus queue, so valid requests wait but are queued.
  const int kSlow = 8;
  const int kSilent = 4;
  std::string slow_head = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(200, 's');
  std::vector<std::string> slow_replies(kSlow);
  std::vector<std::thread> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.emplace_back([&, i] { slow_replies[i] = SlowSend(port(), slow_head, 50, 80); });
  }
  std::vector<int> silent;
  for (int i = 0; i < kSilent; ++i) silent.push_back(Connect(port()));
  // Valid requests while the slow ones are connected: answered, perhaps
  // after the slow ones reach their deadline.
  for (int i = 0; i < 5; ++i) ExpectServing("during slow clients");
  for (auto& t : slow) t.join();
  int timed_out = 0;
  for (const std::string& r : slow_replies) {
    int status = StatusOf(r);
    EXPECT_TRUE(r.empty() || status == 408) << r.substr(0, 80);
    timed_out += status == 408;
  }
  EXPECT_GT(timed_out, 0) << "the server gives up on slow heads with 408";
  // A silent connection is closed after the idle timeout, without a reply.
  for (int fd : silent) {
    ASSERT_GE(fd, 0);
    EXPECT_EQ(ReadAll(fd), "");
    ::close(fd);
  }
  ExpectServing("after slow clients");
}

TEST_F(ServerAbuseTest, ClientThatNeverReadsIsDroppedAfterTheWriteTimeout) {
  // Many pipelined requests for the largest file, never read: the socket
  // buffers fill, the server's write times out and it moves on.
  std::string css = "GET /static/reader.css HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string pipelined;
  for (int i = 0; i < 2000; ++i) pipelined += css;
  std::vector<int> fds;
  for (int c = 0; c < 4; ++c) {
    int fd = Connect(port());
    ASSERT_GE(fd, 0);
    timeval tv{2, 0};  // Our own send may block once the server stops reading.
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ::send(fd, pipelined.data(), pipelined.size(), MSG_NOSIGNAL);
    fds.push_back(fd);
  }
  for (int i = 0; i < 3; ++i) ExpectServing("while clients do not read");
  for (int fd : fds) ::close(fd);
  ExpectServing("after clients that do not read");
}

TEST_F(ServerAbuseTest, ConnectionFloodGets503AndServingResumes) {
  // More idle connections than workers plus the queue (4 + 16): the excess
  // is told 503 at once rather than left hanging.
  const int kFlood = 60;
  std::vector<int> fds;
  for (int i = 0; i < kFlood; ++i) {
    int fd = Connect(port());
    ASSERT_GE(fd, 0);
    fds.push_back(fd);
  }
  std::string during = Exchange(port(), ValidGet("/api/health"));
  int status = StatusOf(during);
  EXPECT_TRUE(status == 200 || status == 503) << during.substr(0, 80);
  int busy = 0;
  for (int fd : fds) {
    std::string r = ReadAll(fd);
    EXPECT_TRUE(r.empty() || StatusOf(r) == 503) << r.substr(0, 80);
    busy += StatusOf(r) == 503;
    ::close(fd);
  }
  EXPECT_GT(busy, 0);
  ExpectServing("after the flood");
}

}  // namespace
}  // namespace whosaid::internal
