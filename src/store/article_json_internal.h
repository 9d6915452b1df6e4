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

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_ARTICLE_JSON_INTERNAL_H_
