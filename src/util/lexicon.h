// Access to the lexicons in data/, which the build compiles into the library.
// The returned views point into static storage and live for the process.
// Thread-safe.
#ifndef WHOSAID_UTIL_LEXICON_H_
#define WHOSAID_UTIL_LEXICON_H_

#include <string_view>
#include <vector>

namespace whosaid::internal {

// Returns the content of data/<name>, or an empty view when there is none.
std::string_view EmbeddedData(std::string_view name);

// Returns the content of data/model/<name> (trained weights), or an empty
// view when the build embedded none.
std::string_view EmbeddedModelData(std::string_view name);

// Returns the non-empty lines of data/<name>, trimmed, with '#' comments
// (a '#' at line start or after whitespace) removed.
std::vector<std::string_view> LexiconLines(std::string_view name);

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_LEXICON_H_
