// Main-content extraction: finds the block of an HTML document that holds
// the article body by structure and text density (no per-site rules), and
// returns its paragraphs, headings, block quotes and list items as text.
// Stateless and thread-safe.
#ifndef WHOSAID_HTML_CONTENT_H_
#define WHOSAID_HTML_CONTENT_H_

#include <string>
#include <vector>

#include "src/html/dom.h"

namespace whosaid::internal {

struct ContentOptions {
  // Headings or paragraphs equal to one of these (ignoring case and
  // whitespace) are the title, not body, and are left out.
  std::vector<std::string> title_variants;
};

// Returns the article body as paragraphs (whitespace collapsed, non-empty),
// in document order. Empty when the page has no text.
std::vector<std::string> ExtractContent(const HtmlDocument& doc, const ContentOptions& options);

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_CONTENT_H_
