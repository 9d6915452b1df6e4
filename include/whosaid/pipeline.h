// The extraction pipeline: from one input document to an Article with its
// attributed statements. Every function here is thread-safe; lexicons load
// once per process on first use.
//
// Example:
//   whosaid::ExtractOptions options;
//   options.date = "2025-03-01";
//   whosaid::StatusOr<whosaid::Article> article =
//       whosaid::ExtractPlainText(text, "seed.txt", options);
//   if (!article.ok()) { /* article.status().message() says why */ }
//   std::string line = whosaid::ArticleToJson(*article, /*pretty=*/false);
#ifndef WHOSAID_PIPELINE_H_
#define WHOSAID_PIPELINE_H_

#include <optional>
#include <string>
#include <string_view>

#include "whosaid/article.h"
#include "whosaid/status.h"

namespace whosaid {

struct ExtractOptions {
  // When true the input is already the article body: Article::text equals
  // the input exactly and nothing is removed. Default: false (clean it).
  bool raw = false;
  // Publication date (YYYY-MM-DD) used when the text gives none, and to
  // resolve relative dates. Default: none.
  std::optional<std::string> date;
  // The page's address when known (a WARC record's target URI, a crawler's
  // url field). Helps find the date and fills Article::url when the page
  // names no canonical URL. Default: none.
  std::optional<std::string> url;
  // The HTTP Content-Type of an HTML page, whose charset wins over the
  // page's <meta>. Default: "" (none).
  std::string content_type;
  // When false, only the clean article is made: text, metadata and sourcing,
  // but no people, quotes or time mentions. Default: true.
  bool attribute = true;
};

// Cleans plain text (page chrome, headline, datelines, source lines) into an
// Article and attributes its statements. Invalid UTF-8 is repaired with
// U+FFFD and noted in Article::warnings.
// Returns InvalidArgument for empty input or binary data; `id` names the
// input in the message.
StatusOr<Article> ExtractPlainText(std::string_view input, const std::string& id,
                                   const ExtractOptions& options);

// Extracts the article from an HTML page: body text (paragraphs, headings,
// block quotes and lists of the article, joined by "\n\n"), title (not
// repeated in the text), byline authors, date, publisher, canonical URL and
// language; then attributes its statements. The page may be in any charset
// iconv knows (BOM, options.content_type or <meta> says which); it is
// converted to UTF-8.
// Returns InvalidArgument for empty or binary input, Unsupported for an
// unknown charset, NotFound when the page has no body text; `id` names the
// input in the message.
StatusOr<Article> ExtractHtml(std::string_view html, const std::string& id,
                              const ExtractOptions& options);

// Returns true when `data` looks like an HTML document (a doctype or an
// html/head/body/meta/div... tag near its start) rather than plain text.
bool LooksLikeHtml(std::string_view data);

// Finds people and attributed statements in article->text, filling
// article->people and article->quotes. Uses article->date to resolve
// relative dates. REQUIRES: article->text is valid UTF-8.
void AttributeArticle(Article* article);

// Serialises an article as one JSON object (no trailing newline). With
// pretty, indents it for people to read.
std::string ArticleToJson(const Article& article, bool pretty);

// Returns true when `date` is a valid YYYY-MM-DD calendar date.
bool IsValidDate(std::string_view date);

}  // namespace whosaid

#endif  // WHOSAID_PIPELINE_H_
