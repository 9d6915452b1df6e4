// HTTP/1.1 request parsing and response writing for the reader's server.
#include "src/server/http.h"

#include <cctype>
#include <cstdint>

#include "src/util/ascii.h"
#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

bool IsTokenChar(unsigned char c) {
  if (std::isalnum(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int n = DecodeUtf8(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

HttpParse Fail(int status, const char* message, int* error_status, std::string* error_message) {
  *error_status = status;
  *error_message = message;
  return HttpParse::kError;
}

// Parses "GET /x HTTP/1.1" into request.
HttpParse ParseRequestLine(std::string_view line, HttpRequest* request, int* error_status,
                           std::string* error_message) {
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
    return Fail(400, "malformed request line", error_status, error_message);
  }
  std::string_view method = line.substr(0, sp1);
  std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::string_view version = line.substr(sp2 + 1);
  if (method.empty()) return Fail(400, "empty method", error_status, error_message);
  for (unsigned char c : method) {
    if (!IsTokenChar(c)) return Fail(400, "bad method", error_status, error_message);
  }
  if (version.size() != 8 || version.substr(0, 7) != "HTTP/1." || !std::isdigit(static_cast<unsigned char>(version[7]))) {
    return Fail(version.substr(0, 5) == "HTTP/" ? 505 : 400, "unsupported HTTP version", error_status,
                error_message);
  }
  if (target.empty() || target[0] != '/') return Fail(400, "target must start with /", error_status, error_message);
  for (unsigned char c : target) {
    if (c <= 0x20 || c >= 0x7f) return Fail(400, "bad character in target", error_status, error_message);
  }
  request->method = std::string(method);
  request->target = std::string(target);
  request->minor_version = version[7] - '0';
  size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  size_t hash = raw_path.find('#');
  if (hash != std::string_view::npos) raw_path = raw_path.substr(0, hash);
  request->query = q == std::string_view::npos ? "" : std::string(target.substr(q + 1));
  if (size_t h = request->query.find('#'); h != std::string::npos) request->query.resize(h);
  if (!PercentDecode(raw_path, /*plus_as_space=*/false, &request->path)) {
    return Fail(400, "bad escape in path", error_status, error_message);
  }
  return HttpParse::kComplete;
}

}  // namespace

const std::string* HttpRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return &v;
  }
  return nullptr;
}

HttpParse ParseHttpRequest(std::string_view buffer, const HttpLimits& limits, HttpRequest* request,
                           size_t* consumed, int* error_status, std::string* error_message) {
  *request = HttpRequest();
  // Tolerate empty lines before a request (RFC 9112 section 2.2).
  size_t start = 0;
  while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n') && start < 8) ++start;
  std::string_view data = buffer.substr(start);
  size_t line_end = data.find('\n');
  if (line_end == std::string_view::npos) {
    if (data.size() > limits.max_request_line) return Fail(414, "request line too long", error_status, error_message);
    return HttpParse::kIncomplete;
  }
  if (line_end > limits.max_request_line) return Fail(414, "request line too long", error_status, error_message);
  size_t head_end = data.find("\r\n\r\n");
  size_t terminator = 4;
  size_t lf_end = data.find("\n\n");
  if (lf_end != std::string_view::npos && (head_end == std::string_view::npos || lf_end < head_end)) {
    head_end = lf_end;
    terminator = 2;
  }
  if (head_end == std::string_view::npos) {
    if (data.size() > limits.max_head) return Fail(431, "request head too large", error_status, error_message);
    return HttpParse::kIncomplete;
  }
  if (head_end + terminator > limits.max_head) return Fail(431, "request head too large", error_status, error_message);
  std::string_view head = data.substr(0, head_end);
  std::string_view line = head.substr(0, std::min(line_end, head.size()));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  HttpParse r = ParseRequestLine(line, request, error_status, error_message);
  if (r != HttpParse::kComplete) return r;

  size_t pos = std::min(line_end + 1, head.size());
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view field = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (!field.empty() && field.back() == '\r') field.remove_suffix(1);
    if (field.empty()) continue;
    if (field[0] == ' ' || field[0] == '\t') return Fail(400, "folded header", error_status, error_message);
    size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0) return Fail(400, "malformed header", error_status, error_message);
    for (unsigned char c : field.substr(0, colon)) {
      if (!IsTokenChar(c)) return Fail(400, "bad header name", error_status, error_message);
    }
    for (unsigned char c : field.substr(colon + 1)) {
      if ((c < 0x20 && c != '\t') || c == 0x7f) return Fail(400, "bad header value", error_status, error_message);
    }
    if (request->headers.size() >= limits.max_headers) return Fail(431, "too many headers", error_status, error_message);
    request->headers.emplace_back(AsciiLower(field.substr(0, colon)), std::string(Trim(field.substr(colon + 1))));
  }

  if (request->Header("transfer-encoding") != nullptr) {
    return Fail(501, "request bodies are not accepted", error_status, error_message);
  }
  if (const std::string* cl = request->Header("content-length")) {
    if (cl->empty() || cl->find_first_not_of('0') != std::string::npos) {
      return Fail(413, "request bodies are not accepted", error_status, error_message);
    }
  }
  if (request->minor_version >= 1 && request->Header("host") == nullptr) {
    return Fail(400, "missing Host header", error_status, error_message);
  }
  const std::string* connection = request->Header("connection");
  std::string conn = connection ? AsciiLower(*connection) : "";
  if (request->minor_version == 0) {
    request->keep_alive = conn.find("keep-alive") != std::string::npos;
  } else {
    request->keep_alive = conn.find("close") == std::string::npos;
  }
  *consumed = start + head_end + terminator;
  return HttpParse::kComplete;
}

bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_as_space) {
      c = ' ';
    }
    if (c == '\0') return false;
    out->push_back(c);
  }
  return IsValidUtf8(*out);
}

bool ParseQueryString(std::string_view query, std::vector<std::pair<std::string, std::string>>* params,
                      std::string* bad_name) {
  params->clear();
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::string name, value;
    if (!PercentDecode(raw_name, true, &name)) {
      *bad_name = std::string(raw_name.substr(0, 64));
      return false;
    }
    if (!PercentDecode(raw_value, true, &value)) {
      *bad_name = name;
      return false;
    }
    params->emplace_back(std::move(name), std::move(value));
  }
  return true;
}

const char* HttpReason(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

std::string SerializeHttpResponse(const HttpResponse& response, bool head_only, bool keep_alive) {
  std::string out;
  out.reserve(response.body.size() + 512);
  out += "HTTP/1.1 ";
  out += std::to_string(response.status);
  out += ' ';
  out += HttpReason(response.status);
  out += "\r\nContent-Type: ";
  out += response.content_type;
  out += "\r\nContent-Length: ";
  out += std::to_string(response.body.size());
  // Pages carry no inline script or style, so the policy can forbid both:
  // even markup that slipped through escaping could not run.
  out +=
      "\r\nX-Content-Type-Options: nosniff"
      "\r\nReferrer-Policy: no-referrer"
      "\r\nX-Frame-Options: DENY"
      "\r\nContent-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; "
      "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  for (const auto& [k, v] : response.headers) {
    out += "\r\n";
    out += k;
    out += ": ";
    out += v;
  }
  out += keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
  if (!head_only) out += response.body;
  return out;
}

}  // namespace whosaid::internal
