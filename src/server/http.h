// HTTP/1.1 messages for the reader's server: parsing a request head within
// size limits, decoding query strings, and writing a response. Only GET and
// HEAD without a body are served, so no request body is ever read.
// Stateless functions; thread-safe.
#ifndef WHOSAID_SERVER_HTTP_H_
#define WHOSAID_SERVER_HTTP_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace whosaid::internal {

// Limits on what a client may send. Defaults suit a local reader.
struct HttpLimits {
  size_t max_request_line = 8 * 1024;  // Method, target and version. Default 8 KiB.
  size_t max_head = 32 * 1024;         // Request line plus headers. Default 32 KiB.
  size_t max_headers = 64;             // Header fields. Default 64.
};

struct HttpRequest {
  std::string method;   // "GET".
  std::string target;   // "/search?q=x" as sent.
  std::string path;     // Percent-decoded path: "/search".
  std::string query;    // Raw query string after '?', "" when none.
  int minor_version = 1;                                     // HTTP/1.x.
  std::vector<std::pair<std::string, std::string>> headers;  // Names lower-cased.
  bool keep_alive = true;
  // Returns the first header named name (lower case), or nullptr.
  const std::string* Header(std::string_view name) const;
};

enum class HttpParse { kIncomplete, kComplete, kError };

// Parses the request head at the start of buffer. Returns kComplete and sets
// *request and *consumed (bytes of the head); kIncomplete when more bytes are
// needed and the limits allow them; kError with *error_status (400, 413, 414,
// 431, 501 or 505) and a short *error_message otherwise.
HttpParse ParseHttpRequest(std::string_view buffer, const HttpLimits& limits, HttpRequest* request,
                           size_t* consumed, int* error_status, std::string* error_message);

// Decodes %XX escapes (and '+' as a space when plus_as_space). Returns false
// for a broken escape, a NUL byte, or a result that is not valid UTF-8.
bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out);

// Splits and decodes "a=1&b=2". Returns false and sets *bad_name to the
// offending parameter's name (or its raw text) when one cannot be decoded.
bool ParseQueryString(std::string_view query, std::vector<std::pair<std::string, std::string>>* params,
                      std::string* bad_name);

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Extra headers.
};

// Returns the reason phrase for status ("Not Found"), "Unknown" otherwise.
const char* HttpReason(int status);

// Serialises response with Content-Length and the security headers every
// reply carries. head_only omits the body (HEAD); keep_alive picks the
// Connection header.
std::string SerializeHttpResponse(const HttpResponse& response, bool head_only, bool keep_alive);

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_HTTP_H_
