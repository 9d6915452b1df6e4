// Fuzzes the JSON Lines path: format detection, line splitting, the JSON
// parser, news-please and whosaid records through ExtractRecord, and
// ArticleFromJson (how the index loads whosaid JSONL).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "whosaid/article_json.h"
#include "whosaid/pipeline.h"
#include "whosaid/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  {
    whosaid::fuzz::MemFile file(input);
    auto reader = whosaid::InputReader::Open(file.path(), whosaid::ReaderOptions{});
    whosaid::fuzz::Check(reader.ok(), "an existing file opens");
    whosaid::InputRecord record;
    int records = 0;
    while ((*reader)->Next(&record)) {
      whosaid::fuzz::Check(++records <= static_cast<int>(size) + 1, "reader makes progress");
      if (record.kind != whosaid::InputRecord::Kind::kDocument || record.payload_format != "jsonl") continue;
      whosaid::StatusOr<whosaid::Article> article = whosaid::ExtractRecord(record, whosaid::ExtractOptions{});
      if (article.ok()) whosaid::fuzz::CheckArticle(*article);
    }
  }
  // Each line as a whosaid record, as `whosaid index` reads it.
  for (size_t pos = 0; pos <= input.size();) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    whosaid::StatusOr<whosaid::Article> article = whosaid::ArticleFromJson(input.substr(pos, nl - pos));
    if (article.ok()) {
      whosaid::fuzz::CheckArticle(*article);
      whosaid::ArticleToJson(*article, /*pretty=*/false);
    }
    pos = nl + 1;
  }
  return 0;
}
