// Fuzzes the attribution engine on arbitrary text: the tokenizer, quote
// pairing, mentions and coreference, cue patterns and time expressions,
// with nothing cleaned first. The text is made valid UTF-8 (the engine's
// precondition) and every span it returns is checked against it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "src/util/utf8.h"
#include "whosaid/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  whosaid::Article article;
  int64_t first_bad = -1;
  whosaid::internal::RepairUtf8(input, &article.text, &first_bad);
  article.date = "2025-03-01";
  whosaid::AttributeArticle(&article);
  whosaid::fuzz::CheckArticle(article);
  return 0;
}
