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
};

// Cleans plain text (page chrome, headline, datelines, source lines) into an
// Article and attributes its statements. Invalid UTF-8 is repaired with
// U+FFFD and noted in Article::warnings.
// Returns InvalidArgument for empty input or binary data; `id` names the
// input in the message.
StatusOr<Article> ExtractPlainText(std::string_view input, const std::string& id,
                                   const ExtractOptions& options);

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
