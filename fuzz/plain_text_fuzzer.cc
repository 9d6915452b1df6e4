// Fuzzes the plain-text reader: cleaning (chrome, headline, datelines,
// source lines, UTF-8 repair) and attribution, through ExtractPlainText.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "whosaid/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  whosaid::ExtractOptions options;
  options.date = "2025-03-01";
  whosaid::StatusOr<whosaid::Article> article = whosaid::ExtractPlainText(input, "fuzz.txt", options);
  if (article.ok()) {
    whosaid::fuzz::CheckArticle(*article);
    whosaid::ArticleToJson(*article, /*pretty=*/false);
  }
  return 0;
}
