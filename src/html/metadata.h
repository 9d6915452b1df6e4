// Page metadata from an HTML document: title, byline authors, publication
// date, publisher, canonical URL and language, from JSON-LD, <meta> tags,
// <link>, <time>, the URL and visible bylines. Stateless and thread-safe.
#ifndef WHOSAID_HTML_METADATA_H_
#define WHOSAID_HTML_METADATA_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/html/dom.h"

namespace whosaid::internal {

struct PageMetadata {
  std::optional<std::string> title;
  std::optional<std::string> date;  // YYYY-MM-DD.
  std::optional<std::string> publisher;
  std::optional<std::string> url;   // Canonical URL.
  std::optional<std::string> language;
  std::vector<std::string> authors;
  // Candidate titles to drop from the body when a heading repeats them.
  std::vector<std::string> title_variants;
};

// Reads metadata from doc. `url` (may be empty) is the page's address when
// known, e.g. from a WARC record; it helps with dates and the site name.
PageMetadata ExtractMetadata(const HtmlDocument& doc, std::string_view url);

// Collapses runs of whitespace (including U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

// Returns a date written as ISO or in words as YYYY-MM-DD, or nullopt.
std::optional<std::string> NormalizeDate(std::string_view s);

// Finds /YYYY/MM/DD/ (or -YYYY-MM-DD- style) dates in a URL path.
std::optional<std::string> DateFromUrl(std::string_view url);

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_METADATA_H_
