// Internal variant of ArticleFromJson for records stored without their text.
#ifndef WHOSAID_STORE_ARTICLE_JSON_INTERNAL_H_
#define WHOSAID_STORE_ARTICLE_JSON_INTERNAL_H_

#include <string>
#include <string_view>

#include "whosaid/article_json.h"

namespace whosaid::internal {

// Like ArticleFromJson, but the article's text is `text` (spans are checked
// against it) and any "text" member of json is ignored.
StatusOr<Article> ArticleFromJsonWithText(std::string_view json, std::string text);

// Returns ArticleToJson(shell, false) for the shell holding only a's id,
// people, boilerplate_removed, warnings and provenance (no text, quotes,
// url, title, date, publisher, cites, authors, language or events): the
// article fields the store keeps in articles.extra. Written directly,
// without copying the people into a shell.
std::string ArticleExtraJson(const Article& a);

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_ARTICLE_JSON_INTERNAL_H_
