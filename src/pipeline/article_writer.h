// Pieces of whosaid's article JSON that ArticleToJson (pipeline.cc) and the
// store's articles.extra (src/store/article_json.cc) both write, so that
// the two stay the same byte for byte.
#ifndef WHOSAID_PIPELINE_ARTICLE_WRITER_H_
#define WHOSAID_PIPELINE_ARTICLE_WRITER_H_

#include <string>
#include <vector>

#include "src/util/json.h"
#include "whosaid/article.h"

namespace whosaid::internal {

// ["a","b"].
void WriteJsonStrings(const std::vector<std::string>& v, JsonWriter* w);

// The "people" array: id, name, kind, gender when known, titles, aliases
// and mentions of each person.
void WritePeopleJson(const std::vector<Person>& people, JsonWriter* w);

// The "provenance" object: file, format, offset, length, and the WARC
// target URI and date when known.
void WriteProvenanceJson(const Provenance& p, JsonWriter* w);

}  // namespace whosaid::internal

#endif  // WHOSAID_PIPELINE_ARTICLE_WRITER_H_
