// Character encodings of web pages: finding the declared one (BOM, HTTP
// Content-Type, <meta>) and converting to UTF-8 with glibc's iconv.
// Stateless and thread-safe (each call opens its own iconv descriptor).
#ifndef WHOSAID_HTML_CHARSET_H_
#define WHOSAID_HTML_CHARSET_H_

#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid::internal {

// Returns the lowercase charset label a page declares: its BOM first, then
// `content_type` (an HTTP Content-Type value, may be empty), then a <meta>
// in the first 4 KB. Returns "" when nothing is declared.
std::string DetectCharset(std::string_view page, std::string_view content_type);

// Converts `page` from `charset` (a label as DetectCharset returns, or "")
// to UTF-8 in *out, replacing undecodable bytes with U+FFFD. An empty label
// means UTF-8 when the bytes are valid UTF-8, else windows-1252 (as
// browsers do). Returns Unsupported for a label iconv does not know.
Status ConvertToUtf8(std::string_view page, std::string_view charset, std::string* out);

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_CHARSET_H_
