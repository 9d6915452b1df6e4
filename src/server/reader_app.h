// The reader: routes HTTP requests to the web pages and the JSON API over
// one read-only Store connection. One ReaderApp per worker thread; an object
// is not thread-safe (nor is its Store).
//
// Pages:  /  /search  /people/{id}  /quotes/{id}  /articles/{id}  /static/{file}
// API:    /api/quotes  /api/quotes/{id}  /api/people/{id}  /api/articles/{id}
//         /api/health
#ifndef WHOSAID_SERVER_READER_APP_H_
#define WHOSAID_SERVER_READER_APP_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/server/http.h"
#include "src/server/http_server.h"
#include "src/server/response_cache.h"
#include "whosaid/store.h"

namespace whosaid::internal {

// Limits on query parameters.
constexpr int kMaxLimit = 100;          // Results per page or API call.
constexpr int kDefaultLimit = 20;
constexpr int kMaxOffset = 10000;
constexpr size_t kMaxParamBytes = 500;  // Any one parameter value.

// A request parameter that was rejected, and why.
struct BadParameter {
  std::string name;
  std::string message;
};

// Decoded query parameters, in order. Get returns the first value.
struct QueryParams {
  std::vector<std::pair<std::string, std::string>> items;
  const std::string* Get(std::string_view name) const;
};

// Fills *query from q, speaker, outlet, from, to, type, limit and offset.
// Empty values leave a filter unset. Returns the first bad parameter: an
// unknown name, a value too long, a bad date, from after to, a bad type, or
// limit/offset out of range.
std::optional<BadParameter> ParseQuoteQuery(const QueryParams& params, QuoteQuery* query);

class ReaderApp : public RequestHandler {
 public:
  // Takes ownership of store, which should be opened read-only from
  // db_path. API answers are cached until the files at db_path change.
  ReaderApp(std::unique_ptr<Store> store, const std::string& db_path)
      : store_(std::move(store)), cache_(db_path, 1024, 16 << 20) {}

  // Opens db_path read-only. Returns the Store's error when it cannot.
  static StatusOr<std::unique_ptr<RequestHandler>> Open(const std::string& db_path);

  HttpResponse Handle(const HttpRequest& request) override;

 private:
  HttpResponse Route(const HttpRequest& request, const QueryParams& params);
  // API (reader_api.cc).
  HttpResponse ApiQuotes(const QueryParams& params);
  HttpResponse ApiQuote(int64_t id);
  HttpResponse ApiPerson(int64_t id);
  // The person's statements (as speaker id `id`), oldest first; the API and
  // the person page show the same timeline.
  std::vector<QuoteHit> Timeline(const PersonRecord& person, int64_t id);
  HttpResponse ApiArticle(int64_t id);
  HttpResponse ApiHealth();
  // Pages (reader_pages.cc).
  HttpResponse SearchPage(const QueryParams& params, bool home);
  HttpResponse PersonPage(int64_t id);
  HttpResponse QuotePage(int64_t id);
  HttpResponse ArticlePage(int64_t id);

  std::unique_ptr<Store> store_;
  ResponseCache cache_;
};

// Responses shared by the API and the pages.
HttpResponse JsonResponse(int status, std::string body);
HttpResponse JsonError(int status, const std::string& parameter, const std::string& message);
HttpResponse HtmlResponse(int status, std::string body);
// Returns the HTML error page for status with message.
HttpResponse HtmlError(int status, const std::string& message);
// Returns the status for a store error: 404 for NotFound, else 500.
int HttpStatusFor(const Status& status);

// Returns the embedded web/ file name (e.g. "reader.css") with its content
// type, or nullopt.
std::optional<std::pair<std::string_view, const char*>> FindWebFile(std::string_view name);

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_READER_APP_H_
