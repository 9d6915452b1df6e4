// Routing, parameter checking and shared responses for the reader.
#include "src/server/reader_app.h"

#include <cstdio>
#include <cstring>

#include "src/util/date.h"
#include "src/util/json.h"

namespace whosaid::internal {

struct EmbeddedFile {
  const char* name;
  std::string_view data;
};
extern const EmbeddedFile kWebFiles[];

namespace {

const char* const kQuoteParams[] = {"q", "speaker", "outlet", "from", "to", "type", "limit", "offset"};

bool ParseBoundedInt(const std::string& s, int lo, int hi, int* out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return false;
  *out = v;
  return true;
}

// Parses a positive decimal id of at most 18 digits.
bool ParseId(std::string_view s, int64_t* id) {
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return false;
  *id = v;
  return true;
}

bool IsIsoDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && ParseIsoDate(s).has_value();
}

}  // namespace

const std::string* QueryParams::Get(std::string_view name) const {
  for (const auto& [k, v] : items) {
    if (k == name) return &v;
  }
  return nullptr;
}

std::optional<BadParameter> ParseQuoteQuery(const QueryParams& params, QuoteQuery* query) {
  *query = QuoteQuery();
  query->limit = kDefaultLimit;
  for (const auto& [name, value] : params.items) {
    bool known = false;
    for (const char* k : kQuoteParams) known = known || name == k;
    if (!known) return BadParameter{name, "unknown parameter"};
    if (value.size() > kMaxParamBytes) {
      return BadParameter{name, "longer than " + std::to_string(kMaxParamBytes) + " bytes"};
    }
  }
  auto get = [&](const char* name) -> std::optional<std::string> {
    const std::string* v = params.Get(name);
    if (v == nullptr || v->empty()) return std::nullopt;
    return *v;
  };
  if (auto q = get("q")) query->text = *q;
  query->speaker = get("speaker");
  query->outlet = get("outlet");
  query->from = get("from");
  query->to = get("to");
  if (query->from && !IsIsoDate(*query->from)) return BadParameter{"from", "must be a date YYYY-MM-DD"};
  if (query->to && !IsIsoDate(*query->to)) return BadParameter{"to", "must be a date YYYY-MM-DD"};
  if (query->from && query->to && *query->from > *query->to) return BadParameter{"to", "is before from"};
  if (auto t = get("type")) {
    if (*t == "direct") {
      query->type = QuoteType::kDirect;
    } else if (*t == "indirect") {
      query->type = QuoteType::kIndirect;
    } else if (*t == "mixed") {
      query->type = QuoteType::kMixed;
    } else {
      return BadParameter{"type", "must be direct, indirect or mixed"};
    }
  }
  if (auto l = get("limit"); l && !ParseBoundedInt(*l, 1, kMaxLimit, &query->limit)) {
    return BadParameter{"limit", "must be an integer from 1 to " + std::to_string(kMaxLimit)};
  }
  if (auto o = get("offset"); o && !ParseBoundedInt(*o, 0, kMaxOffset, &query->offset)) {
    return BadParameter{"offset", "must be an integer from 0 to " + std::to_string(kMaxOffset)};
  }
  return std::nullopt;
}

StatusOr<std::unique_ptr<RequestHandler>> ReaderApp::Open(const std::string& db_path) {
  StoreOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  StatusOr<std::unique_ptr<Store>> store = Store::Open(db_path, options);
  if (!store.ok()) return store.status();
  return std::unique_ptr<RequestHandler>(new ReaderApp(std::move(*store), db_path));
}

HttpResponse ReaderApp::Handle(const HttpRequest& request) {
  bool api = request.path.rfind("/api/", 0) == 0;
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse r = api ? JsonError(405, "", "only GET and HEAD are served") : HtmlError(405, "Only GET and HEAD are served.");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  QueryParams params;
  std::string bad;
  if (!ParseQueryString(request.query, &params.items, &bad)) {
    return api ? JsonError(400, bad, "not valid percent-encoded UTF-8")
               : HtmlError(400, "The parameter '" + bad + "' is not valid percent-encoded UTF-8.");
  }
  // The API answers repeated questions from the cache; pages are cheap to
  // render from cached records but are left uncached for simplicity.
  bool cacheable = api && request.path != "/api/health";
  std::string key = request.path + "?" + request.query;
  if (cacheable) {
    if (const HttpResponse* hit = cache_.Find(key)) return *hit;
  }
  HttpResponse response = Route(request, params);
  if (cacheable && response.status == 200) cache_.Put(key, response);
  return response;
}

HttpResponse ReaderApp::Route(const HttpRequest& request, const QueryParams& params) {
  std::string_view path = request.path;
  auto id_route = [&](std::string_view prefix, int64_t* id) -> int {
    // 0: no match, 1: id parsed, -1: prefix matched but the id is bad.
    if (path.substr(0, prefix.size()) != prefix || path.size() == prefix.size()) return 0;
    return ParseId(path.substr(prefix.size()), id) ? 1 : -1;
  };
  int64_t id = 0;
  if (path.rfind("/api/", 0) == 0) {
    if (path == "/api/health") return ApiHealth();
    if (path == "/api/quotes") return ApiQuotes(params);
    struct { std::string_view prefix; HttpResponse (ReaderApp::*fn)(int64_t); } routes[] = {
        {"/api/quotes/", &ReaderApp::ApiQuote},
        {"/api/people/", &ReaderApp::ApiPerson},
        {"/api/articles/", &ReaderApp::ApiArticle},
    };
    for (const auto& r : routes) {
      int m = id_route(r.prefix, &id);
      if (m == 1) return (this->*r.fn)(id);
      if (m == -1) return JsonError(400, "id", "must be a positive integer");
    }
    return JsonError(404, "", "no such endpoint");
  }
  if (path == "/" || path == "/search") return SearchPage(params, path == "/");
  if (path.rfind("/static/", 0) == 0) {
    auto file = FindWebFile(path.substr(8));
    if (!file) return HtmlError(404, "No such file.");
    HttpResponse r;
    r.content_type = file->second;
    r.body = std::string(file->first);
    r.headers.emplace_back("Cache-Control", "max-age=300");
    return r;
  }
  struct { std::string_view prefix; HttpResponse (ReaderApp::*fn)(int64_t); } pages[] = {
      {"/people/", &ReaderApp::PersonPage},
      {"/quotes/", &ReaderApp::QuotePage},
      {"/articles/", &ReaderApp::ArticlePage},
  };
  for (const auto& p : pages) {
    int m = id_route(p.prefix, &id);
    if (m == 1) return (this->*p.fn)(id);
    if (m == -1) return HtmlError(400, "The id must be a positive integer.");
  }
  return HtmlError(404, "There is no page at this address.");
}

HttpResponse JsonResponse(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  r.body.push_back('\n');
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

HttpResponse JsonError(int status, const std::string& parameter, const std::string& message) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Key("status");
  w.Int(status);
  if (!parameter.empty()) {
    w.Key("parameter");
    w.String(parameter);
  }
  w.Key("message");
  w.String(parameter.empty() ? message : parameter + ": " + message);
  w.EndObject();
  w.EndObject();
  return JsonResponse(status, std::move(body));
}

HttpResponse HtmlResponse(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(body);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

int HttpStatusFor(const Status& status) {
  if (status.code() == Status::Code::kNotFound) return 404;
  if (status.code() == Status::Code::kInvalidArgument) return 400;
  std::fprintf(stderr, "whosaid serve: %s\n", status.ToString().c_str());
  return 500;
}

std::optional<std::pair<std::string_view, const char*>> FindWebFile(std::string_view name) {
  for (const EmbeddedFile* f = kWebFiles; f->name != nullptr; ++f) {
    if (name != f->name) continue;
    const char* type = "application/octet-stream";
    auto ends = [&](std::string_view ext) {
      return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
    };
    if (ends(".css")) type = "text/css; charset=utf-8";
    if (ends(".js")) type = "text/javascript; charset=utf-8";
    if (ends(".html")) type = "text/html; charset=utf-8";
    if (ends(".svg")) type = "image/svg+xml";
    return std::make_pair(f->data, type);
  }
  return std::nullopt;
}

}  // namespace whosaid::internal
