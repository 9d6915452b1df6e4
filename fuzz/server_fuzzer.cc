// Fuzzes what the reader's server does with the bytes a client sends: the
// request head (ParseHttpRequest, under the default and under tight limits),
// the path's percent-decoding, the query string (ParseQueryString,
// ParseQuoteQuery), and routing through ReaderApp::Handle on a small index,
// so ids, filters and full-text queries from the URL reach the store.
// The input is a raw request; pipelined requests are parsed one after the
// other, as a keep-alive connection would.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "src/server/http.h"
#include "src/server/reader_app.h"
#include "src/util/json.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"
#include "whosaid/store.h"

namespace {

using whosaid::fuzz::Check;
using whosaid::internal::HttpParse;

bool IsValidUtf8(std::string_view s) {
  std::string repaired;
  int64_t first_bad = -1;
  return whosaid::internal::RepairUtf8(s, &repaired, &first_bad) == 0;
}

// A reader over a two-article index in a temporary directory, made once.
whosaid::internal::RequestHandler* Reader() {
  static whosaid::internal::RequestHandler* reader = [] {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("whosaid_server_fuzz_" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string db = (dir / "q.db").string();
    static const char* const kArticles[] = {
        "Harbour to reopen\n\nMayor Ann Lee told reporters on Tuesday that \"the harbour reopens Monday\".\n\n"
        "\"We are ready,\" said Tom Berg, the harbour master. Lee said the council would pay for repairs.",
        "Budget talks stall\n\nFinance Minister Sara Holm said the budget was \"not negotiable\", according to "
        "officials. \"We will not raise taxes,\" Holm told parliament.",
    };
    std::vector<whosaid::Article> articles;
    whosaid::ExtractOptions options;
    options.date = "2025-06-03";
    for (const char* text : kArticles) {
      auto a = whosaid::ExtractPlainText(text, "a" + std::to_string(articles.size()), options);
      Check(a.ok(), "fixture article extracts");
      a->publisher = "Coast Herald";
      articles.push_back(std::move(*a));
    }
    {
      auto store = whosaid::Store::Open(db, whosaid::StoreOptions{});
      Check(store.ok(), "fixture store opens");
      Check((*store)->AddArticles(articles, nullptr).ok(), "fixture store indexes");
    }
    auto handler = whosaid::internal::ReaderApp::Open(db);
    Check(handler.ok(), "reader opens the fixture store");
    return handler->release();
  }();
  return reader;
}

// Checks what a parsed request promises: a target starting with '/', a
// decoded path of valid UTF-8 without NUL, and a query without '#'.
void CheckRequest(const whosaid::internal::HttpRequest& request) {
  Check(!request.target.empty() && request.target[0] == '/', "target starts with /");
  Check(request.path.find('\0') == std::string::npos, "path has no NUL");
  Check(IsValidUtf8(request.path), "path is valid UTF-8");
  Check(request.query.find('#') == std::string::npos, "query has no fragment");
  Check(request.minor_version >= 0 && request.minor_version <= 9, "HTTP/1.x");
  for (const auto& [name, value] : request.headers) {
    Check(!name.empty(), "header name not empty");
    for (char c : name) Check(c < 'A' || c > 'Z', "header name lower-cased");
  }
}

// Checks the decoded parameters and what the quote search makes of them.
void CheckQuery(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  std::string bad;
  if (!whosaid::internal::ParseQueryString(query, &params, &bad)) return;
  for (const auto& [name, value] : params) {
    Check(IsValidUtf8(name) && IsValidUtf8(value), "parameters are valid UTF-8");
    Check(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos, "no NUL in parameters");
  }
  whosaid::internal::QueryParams qp;
  qp.items = std::move(params);
  whosaid::QuoteQuery quote_query;
  if (!whosaid::internal::ParseQuoteQuery(qp, &quote_query)) {
    Check(quote_query.limit >= 1 && quote_query.limit <= whosaid::internal::kMaxLimit, "limit in range");
    Check(quote_query.offset >= 0 && quote_query.offset <= whosaid::internal::kMaxOffset, "offset in range");
  }
}

// Routes request and checks the reply: a status the server knows, a
// Content-Length equal to the body, and a JSON body for every API answer.
void CheckRoute(const whosaid::internal::HttpRequest& request) {
  whosaid::internal::HttpResponse response = Reader()->Handle(request);
  Check(std::string_view(whosaid::internal::HttpReason(response.status)) != "Unknown", "known status");
  Check(response.status != 500, "no internal error from a request");
  if (request.path.rfind("/api/", 0) == 0 && request.method == "GET") {
    Check(whosaid::internal::ParseJson(response.body).ok(), "API body is JSON");
  }
  std::string wire = whosaid::internal::SerializeHttpResponse(response, request.method == "HEAD", true);
  std::string length = "\r\nContent-Length: " + std::to_string(response.body.size()) + "\r\n";
  Check(wire.find(length) != std::string::npos, "Content-Length matches the body");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  whosaid::internal::HttpLimits tight_limits;
  tight_limits.max_request_line = 64;
  tight_limits.max_head = 256;
  tight_limits.max_headers = 4;
  const whosaid::internal::HttpLimits& tight = tight_limits;
  const whosaid::internal::HttpLimits kDefault;
  for (const whosaid::internal::HttpLimits* limits : {&kDefault, &tight}) {
    std::string_view rest = input;
    for (int requests = 0; !rest.empty(); ++requests) {
      Check(requests <= static_cast<int>(size), "parser makes progress");
      whosaid::internal::HttpRequest request;
      size_t consumed = 0;
      int status = 0;
      std::string message;
      HttpParse r = whosaid::internal::ParseHttpRequest(rest, *limits, &request, &consumed, &status, &message);
      if (r == HttpParse::kError) {
        Check(status >= 400 && status <= 505 && !message.empty(), "an error has a 4xx/5xx status and a message");
        Check(std::string_view(whosaid::internal::HttpReason(status)) != "Unknown", "known error status");
        break;
      }
      if (r == HttpParse::kIncomplete) break;
      Check(consumed > 0 && consumed <= rest.size(), "consumed inside the buffer");
      Check(consumed <= limits->max_head + 8, "a head within the limit");
      CheckRequest(request);
      CheckQuery(request.query);
      // Routing is slower (SQLite); the default limits' pass is enough.
      if (limits == &kDefault) CheckRoute(request);
      rest.remove_prefix(consumed);
    }
  }
  // The input as a bare query string and as a path, as a URL would carry them.
  CheckQuery(input);
  std::string decoded;
  if (whosaid::internal::PercentDecode(input, false, &decoded)) {
    Check(IsValidUtf8(decoded) && decoded.find('\0') == std::string::npos, "decoded path is valid UTF-8");
  }
  return 0;
}
