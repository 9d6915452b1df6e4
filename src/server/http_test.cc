// Tests for request parsing, query decoding and escaping.
#include "src/server/http.h"

#include <gtest/gtest.h>

#include "src/server/escape.h"

namespace whosaid::internal {
namespace {

HttpParse Parse(std::string_view raw, HttpRequest* req, int* status) {
  size_t consumed = 0;
  std::string message;
  return ParseHttpRequest(raw, HttpLimits(), req, &consumed, status, &message);
}

TEST(HttpRequestParse, ReadsMethodPathQueryAndHeaders) {
  HttpRequest req;
  int status = 0;
  size_t consumed = 0;
  std::string message;
  std::string raw = "GET /people/%32?q=a+b HTTP/1.1\r\nHost: x\r\nX-Thing:  v \r\n\r\nGET / HTTP/1.1\r\n";
  ASSERT_EQ(ParseHttpRequest(raw, HttpLimits(), &req, &consumed, &status, &message), HttpParse::kComplete);
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.path, "/people/2");
  EXPECT_EQ(req.query, "q=a+b");
  ASSERT_NE(req.Header("x-thing"), nullptr);
  EXPECT_EQ(*req.Header("x-thing"), "v");
  EXPECT_TRUE(req.keep_alive);
  EXPECT_EQ(raw.substr(consumed), "GET / HTTP/1.1\r\n");
}

TEST(HttpRequestParse, AsksForMoreUntilTheHeadEnds) {
  HttpRequest req;
  int status = 0;
  EXPECT_EQ(Parse("GET / HTTP/1.1\r\nHost: x\r\n", &req, &status), HttpParse::kIncomplete);
  EXPECT_EQ(Parse("GET / HT", &req, &status), HttpParse::kIncomplete);
}

TEST(HttpRequestParse, RejectsBadRequestsWithTheRightStatus) {
  static const struct {
    std::string raw;
    int status;
  } kCases[] = {
      {"GET /\r\n\r\n", 400},
      {"GET nopath HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505},
      {"GET / HTTP/1.1\r\n\r\n", 400},  // No Host.
      {"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400},
      {"GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n", 400},
      {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n", 413},
      {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 501},
      {"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      {"GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
      {"GET /" + std::string(9000, 'a'), 414},
      {"GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(40000, 'a') + "\r\n\r\n", 431},
      {"GET / HTTP/1.1\r\nX: " + std::string(40000, 'a'), 431},
  };
  for (const auto& c : kCases) {
    HttpRequest req;
    int status = 0;
    EXPECT_EQ(Parse(c.raw, &req, &status), HttpParse::kError) << c.raw.substr(0, 60);
    EXPECT_EQ(status, c.status) << c.raw.substr(0, 60);
  }
}

TEST(HttpRequestParse, LimitsTheNumberOfHeaders) {
  std::string raw = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 70; ++i) {
    raw += "X";
    raw += std::to_string(i);
    raw += ": y\r\n";
  }
  raw += "\r\n";
  HttpRequest req;
  int status = 0;
  EXPECT_EQ(Parse(raw, &req, &status), HttpParse::kError);
  EXPECT_EQ(status, 431);
}

TEST(HttpRequestParse, ConnectionHeaderDecidesKeepAlive) {
  HttpRequest req;
  int status = 0;
  ASSERT_EQ(Parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &req, &status), HttpParse::kComplete);
  EXPECT_FALSE(req.keep_alive);
  ASSERT_EQ(Parse("GET / HTTP/1.0\r\n\r\n", &req, &status), HttpParse::kComplete);
  EXPECT_FALSE(req.keep_alive);
  ASSERT_EQ(Parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", &req, &status), HttpParse::kComplete);
  EXPECT_TRUE(req.keep_alive);
}

TEST(QueryString, DecodesPlusAndPercentAndNamesTheBadParameter) {
  std::vector<std::pair<std::string, std::string>> params;
  std::string bad;
  ASSERT_TRUE(ParseQueryString("q=a+b%26c&speaker=Ren%C3%A9&&empty=", &params, &bad));
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(params[0].second, "a b&c");
  EXPECT_EQ(params[1].second, "Ren\xC3\xA9");
  EXPECT_EQ(params[2].second, "");
  EXPECT_FALSE(ParseQueryString("q=ok&speaker=%C3", &params, &bad));  // Truncated UTF-8.
  EXPECT_EQ(bad, "speaker");
  EXPECT_FALSE(ParseQueryString("limit=%4", &params, &bad));
  EXPECT_EQ(bad, "limit");
}

TEST(HttpResponseWrite, CarriesLengthAndSecurityHeaders) {
  HttpResponse r;
  r.status = 404;
  r.body = "nope";
  std::string wire = SerializeHttpResponse(r, false, true);
  EXPECT_EQ(wire.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
  EXPECT_NE(wire.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Content-Security-Policy: default-src 'none'; script-src 'self'"), std::string::npos);
  EXPECT_NE(wire.find("X-Content-Type-Options: nosniff"), std::string::npos);
  EXPECT_EQ(wire.substr(wire.size() - 4), "nope");
  std::string head = SerializeHttpResponse(r, true, false);
  EXPECT_NE(head.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
  EXPECT_NE(head.find("Connection: close"), std::string::npos);
}

TEST(Escape, HtmlAttributeAndUrlContexts) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(UrlEncode("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
  EXPECT_EQ(SafeExternalUrl("https://news.example/a?b=1"), "https://news.example/a?b=1");
  EXPECT_EQ(SafeExternalUrl("HTTP://news.example/"), "HTTP://news.example/");
  EXPECT_EQ(SafeExternalUrl("javascript:alert(1)"), "");
  EXPECT_EQ(SafeExternalUrl(" https://x.example/"), "");
  EXPECT_EQ(SafeExternalUrl("https://x.example/\"><script>"), "");
  EXPECT_EQ(SafeExternalUrl("data:text/html,hi"), "");
}

}  // namespace
}  // namespace whosaid::internal
