// Cleaning of plain-text articles as scrapers leave them: page chrome lines
// (toolbars, share and subscribe lines, a trailing site name), a headline, a
// byline, and the metadata those lines and the source line carry.
// Stateless and thread-safe.
#ifndef WHOSAID_TEXT_PLAIN_TEXT_H_
#define WHOSAID_TEXT_PLAIN_TEXT_H_

#include <string>
#include <string_view>

#include "whosaid/article.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// Returns InvalidArgument when `input` is empty or looks binary (NUL bytes or
// many control characters). `id` names the input in the message.
Status CheckTextInput(std::string_view input, const std::string& id);

// Fills article->text (paragraphs joined by "\n\n"), title, date, publisher,
// cites, authors and boilerplate_removed from valid UTF-8 `input`.
void CleanPlainText(std::string_view input, Article* article);

// Finds sourcing metadata in an already clean body, without changing it:
// "X reports citing Reuters", datelines "(AP) —", a closing "(Reuters)".
// Sets publisher when unset and appends to cites.
void FindSourcing(std::string_view text, Article* article);

// Returns the canonical name when `word` (any case) is a known news agency:
// "AP" -> "AP", "reuters" -> "Reuters"; otherwise "".
std::string_view CanonicalAgency(std::string_view word);

}  // namespace whosaid::internal

#endif  // WHOSAID_TEXT_PLAIN_TEXT_H_
