// Reading whosaid's own JSON records back into Articles: the inverse of
// ArticleToJson (pipeline.h). The index command uses it to load whosaid
// JSONL. Stateless and thread-safe.
//
// Example:
//   whosaid::StatusOr<whosaid::Article> a = whosaid::ArticleFromJson(line);
//   if (!a.ok()) { /* a.status().message() names the field and why */ }
#ifndef WHOSAID_ARTICLE_JSON_H_
#define WHOSAID_ARTICLE_JSON_H_

#include <string_view>

#include "whosaid/article.h"
#include "whosaid/status.h"

namespace whosaid {

// Parses one JSON object as written by ArticleToJson. Unknown members are
// ignored and missing ones keep their defaults, but "text" is required.
// Returns InvalidArgument naming the byte offset (bad JSON) or the member
// (wrong type, span outside the text) that is wrong.
StatusOr<Article> ArticleFromJson(std::string_view json);

}  // namespace whosaid

#endif  // WHOSAID_ARTICLE_JSON_H_
