// Escaping for each context the reader writes text from articles and queries
// into: HTML text, HTML attribute values, URL query components and links.
// JSON (also inside a <script>) goes through AppendJsonString in
// src/util/json.h. Stateless and thread-safe.
#ifndef WHOSAID_SERVER_ESCAPE_H_
#define WHOSAID_SERVER_ESCAPE_H_

#include <string>
#include <string_view>

namespace whosaid::internal {

// Appends s with & < > " ' escaped, so the result is safe as HTML text and
// inside a quoted attribute value alike.
void AppendHtmlEscaped(std::string_view s, std::string* out);
std::string HtmlEscape(std::string_view s);

// Percent-encodes everything but unreserved characters (RFC 3986), for a
// query parameter value or a path segment.
std::string UrlEncode(std::string_view s);

// Returns url when it is an absolute http or https URL safe to put in an
// href, else "" (javascript:, data:, relative and malformed URLs).
std::string SafeExternalUrl(std::string_view url);

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_ESCAPE_H_
