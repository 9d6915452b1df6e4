// Reading news as it was collected: HTML pages (optionally gzipped), WARC
// archives (.warc, .warc.gz), JSON Lines from crawlers or from whosaid
// itself, and plain text, each detected by content. A reader yields one
// record per document with its provenance; records that cannot be used are
// yielded too, marked skipped or failed with the reason, so callers can
// count and report them. One reader per input; readers are not thread-safe,
// but ExtractRecord is.
//
// Example:
//   auto reader = whosaid::InputReader::Open("news.warc.gz", {});
//   if (!reader.ok()) { ... reader.status().message() ... }
//   whosaid::InputRecord record;
//   while ((*reader)->Next(&record)) {
//     if (record.kind != whosaid::InputRecord::Kind::kDocument) continue;
//     auto article = whosaid::ExtractRecord(record, {});
//   }
#ifndef WHOSAID_READER_H_
#define WHOSAID_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "whosaid/article.h"
#include "whosaid/pipeline.h"
#include "whosaid/status.h"

namespace whosaid {

struct InputRecord {
  enum class Kind {
    kDocument,  // data holds a document to extract.
    kSkipped,   // Valid input of a kind whosaid does not extract (a WARC
                // request record, an image payload); reason says which.
    kFailed,    // Damaged input (truncated gzip, corrupt header); reason.
  };
  Kind kind = Kind::kDocument;
  // What data is: "html", "text" or "jsonl" (one JSON line).
  std::string payload_format;
  std::string data;
  std::string content_type;  // HTTP Content-Type of a WARC payload.
  // file, offset, length, format of the container ("html", "text", "warc",
  // "jsonl"), and for WARC the target URI and date.
  Provenance provenance;
  std::string reason;        // Why skipped or failed; "" for documents.
};

struct ReaderOptions {
  // Records (pages, WARC blocks, JSON lines) larger than this are skipped
  // and reported, never held in memory. Default: 100 MiB.
  int64_t max_record_bytes = int64_t{100} << 20;
};

class InputReader {
 public:
  virtual ~InputReader() = default;

  // Opens path ("-" for stdin) and detects its format from its content:
  // gzip is inflated, then "WARC/" means WARC, a JSON object per line means
  // JSON Lines (a single object over several lines is one JSON record), an
  // HTML start means HTML, anything else plain text.
  // Returns NotFound or IoError naming the path.
  static StatusOr<std::unique_ptr<InputReader>> Open(const std::string& path,
                                                     const ReaderOptions& options);

  // Reads the next record into *record. Returns false at the end of input.
  virtual bool Next(InputRecord* record) = 0;

  // The detected container format: "html", "text", "warc", "jsonl", or
  // "json" (one JSON object spread over lines, read as one record).
  virtual const std::string& format() const = 0;
};

// Expands paths into the files to read: directories recursively, in sorted
// order; files and "-" as given. Returns NotFound for a missing path.
Status ListInputFiles(const std::vector<std::string>& paths, std::vector<std::string>* files);

// Turns a document record into an Article: HTML is extracted, text cleaned,
// a JSON line read as a news-please record (maintext or text, title,
// date_publish, url, source_domain) or a whosaid record (text, title, date,
// url, publisher, authors), whose text is taken as the body. Provenance is
// copied from the record. REQUIRES: record.kind == kDocument.
StatusOr<Article> ExtractRecord(const InputRecord& record, const ExtractOptions& options);

}  // namespace whosaid

#endif  // WHOSAID_READER_H_
