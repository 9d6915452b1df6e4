// Fuzzes HTML extraction: charset detection and conversion, the tokenizer,
// the tree, content and metadata extraction, then attribution.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "whosaid/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  whosaid::LooksLikeHtml(html);
  whosaid::ExtractOptions options;
  options.url = "https://news.example/2025/03/01/story";
  whosaid::StatusOr<whosaid::Article> article = whosaid::ExtractHtml(html, "fuzz.html", options);
  if (article.ok()) {
    whosaid::fuzz::CheckArticle(*article);
    whosaid::ArticleToJson(*article, /*pretty=*/false);
  }
  return 0;
}
