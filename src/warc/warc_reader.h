// Reads WARC 1.0/1.1 files (plain or gzipped, one member per record or a
// single stream) record by record, with each record's byte offset and
// length in the file, and turns response/resource records into payloads:
// HTTP headers parsed, chunked transfer and gzip/deflate content encoding
// undone. Bad records are reported (offset and reason) and skipped; reading
// resynchronises at the next "WARC/" header, and after a corrupt gzip
// member at the next member, reporting the damaged byte span. Not
// thread-safe.
#ifndef WHOSAID_WARC_WARC_READER_H_
#define WHOSAID_WARC_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "src/input/byte_source.h"

namespace whosaid::internal {

struct WarcRecord {
  int64_t offset = 0;        // In the file: the record (or its gzip member).
  int64_t length = 0;
  std::string type;          // WARC-Type, lowercase.
  std::string target_uri;
  std::string date;          // WARC-Date as written.
  std::string content_type;  // WARC Content-Type header.
  std::string block;         // The record block (Content-Length bytes).
  // Set when the record could not be read: why. The other fields hold what
  // was read.
  std::string error;
};

class WarcReader {
 public:
  // Takes ownership of source. `consumed` holds bytes already read from
  // the source (format sniffing), which come first. max_record_bytes bounds
  // the block size held in memory; larger records are skipped with an error.
  WarcReader(std::unique_ptr<ByteSource> source, std::string consumed, int64_t max_record_bytes);

  // Reads the next record (possibly one with record->error set). Returns
  // false at the end of the file.
  bool Next(WarcRecord* record);

 private:
  bool NextRecord(WarcRecord* record);
  // When the source skipped a corrupt gzip member inside what has been
  // read (or, with at_boundary, right where reading stands), replaces
  // *record with a report of the damaged span, moves back to the next
  // member's first byte and returns true.
  bool ReportDamage(bool at_boundary, WarcRecord* record);
  bool Fill();
  bool ReadLine(std::string* line);
  void Consume(size_t n);
  int64_t Position() const { return buf_base_ + static_cast<int64_t>(pos_); }
  void Locate(int64_t begin, int64_t end, WarcRecord* record);
  bool Resync();

  std::unique_ptr<ByteSource> source_;
  int64_t max_record_bytes_;
  std::string buf_;
  size_t pos_ = 0;
  int64_t buf_base_ = 0;  // Decompressed position of buf_[0].
  bool reported_source_error_ = false;
};

// An HTTP response split into its parts, with the body decoded.
struct HttpPayload {
  int status = 0;
  std::string content_type;
  std::string body;
  std::string error;  // Non-empty when the message could not be decoded.
};

// Parses an HTTP/1.x response message (a WARC response block). Undoes
// chunked transfer encoding and gzip/deflate content encoding, refusing to
// inflate past max_body_bytes.
HttpPayload ParseHttpResponse(std::string_view message, int64_t max_body_bytes);

}  // namespace whosaid::internal

#endif  // WHOSAID_WARC_WARC_READER_H_
