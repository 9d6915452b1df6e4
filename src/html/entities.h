// HTML character references: named (the common HTML5 names) and numeric,
// with the HTML5 replacements for invalid code points. Stateless and
// thread-safe.
#ifndef WHOSAID_HTML_ENTITIES_H_
#define WHOSAID_HTML_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace whosaid::internal {

// Decodes the character reference that starts at in[pos] (which must be '&')
// and appends its UTF-8 to *out. Returns the number of input bytes consumed,
// or 0 when there is no reference there (the caller then copies the '&').
// in_attribute applies the HTML5 rule that a legacy name without ';'
// followed by '=' or an alphanumeric is not a reference.
size_t DecodeCharRef(std::string_view in, size_t pos, bool in_attribute, std::string* out);

// Appends `in` to *out with every character reference decoded.
void AppendDecoded(std::string_view in, bool in_attribute, std::string* out);

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_ENTITIES_H_
