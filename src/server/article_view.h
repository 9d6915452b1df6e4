// Renders a stored article for the reader: its text as paragraphs with each
// statement highlighted in its speaker's colour (with details shown on hover
// and focus), and the "who said what" list that links to each statement.
// Offsets are Unicode code points and are turned into byte positions here,
// in C++, so the browser never converts between code points and UTF-16.
// Stateless and thread-safe.
#ifndef WHOSAID_SERVER_ARTICLE_VIEW_H_
#define WHOSAID_SERVER_ARTICLE_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "whosaid/store.h"

namespace whosaid::internal {

// Number of speaker colour classes, spk0 .. spk{kSpeakerColours-1}.
constexpr int kSpeakerColours = 8;

// Returns the colour class for a quote's speaker in record: "spk3", or
// "spk-none" when the quote has no speaker.
std::string SpeakerColourClass(const Article& article, const Quote& quote);

// Returns the HTML of article.text: <p> paragraphs, each statement in a
// <mark class="stmt ..." id="q{quote id}" tabindex="0"> with a role=tooltip
// child. Overlapping statements are nested (a statement that crosses the end
// of an enclosing one is cut there); a statement crossing a paragraph break
// continues in the next paragraph. Spans outside the text are clipped.
std::string RenderArticleText(const ArticleRecord& record);

// Returns the <ol> of statements in text order, each linking to #q{id}.
std::string RenderWhoSaidWhat(const ArticleRecord& record);

// Returns at most max_code_points of text, with "…" when cut.
std::string TruncateText(std::string_view text, int64_t max_code_points);

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_ARTICLE_VIEW_H_
