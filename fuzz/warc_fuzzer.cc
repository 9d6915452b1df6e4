// Fuzzes the WARC reader: plain and gzipped files, record headers and
// lengths, resynchronisation after damage, and the HTTP payload decoder
// (chunked transfer, gzip/deflate content encoding). Records are read
// through InputReader, as the CLI reads them, but not extracted: the HTML
// target covers extraction.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.h"
#include "src/warc/warc_reader.h"
#include "whosaid/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  whosaid::fuzz::MemFile file(input);
  whosaid::ReaderOptions options;
  options.max_record_bytes = 1 << 20;  // Large enough for any fuzz input.
  auto reader = whosaid::InputReader::Open(file.path(), options);
  whosaid::fuzz::Check(reader.ok(), "an existing file opens");
  whosaid::InputRecord record;
  int records = 0;
  while ((*reader)->Next(&record)) {
    whosaid::fuzz::Check(++records <= static_cast<int>(size) + 1, "reader makes progress");
    whosaid::fuzz::Check(record.provenance.offset >= 0 && record.provenance.length >= 0,
                         "record offsets are not negative");
    if (record.kind != whosaid::InputRecord::Kind::kDocument) {
      whosaid::fuzz::Check(!record.reason.empty(), "a skipped or failed record says why");
    }
  }
  // The payload decoder alone, on the whole input as one HTTP message.
  whosaid::internal::ParseHttpResponse(input, 1 << 20);
  return 0;
}
