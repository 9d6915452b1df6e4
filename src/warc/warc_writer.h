// Writes WARC 1.1 records, optionally as one gzip member each (the layout
// of CC-NEWS files). Used by tests and benchmarks to build WARC inputs from
// pages; stateless and thread-safe.
#ifndef WHOSAID_WARC_WARC_WRITER_H_
#define WHOSAID_WARC_WARC_WRITER_H_

#include <string>
#include <string_view>

namespace whosaid::internal {

struct WarcRecordSpec {
  std::string type = "response";  // WARC-Type.
  std::string target_uri;
  std::string date = "2024-01-01T00:00:00Z";
  std::string content_type = "application/http; msgtype=response";
  std::string block;              // The record block, written as is.
};

// Appends one record to *out; with gzip, as its own gzip member.
void AppendWarcRecord(const WarcRecordSpec& spec, bool gzip, std::string* out);

// Returns an HTTP/1.1 200 response block carrying body. With chunked, the
// body is sent in chunks; with gzip_body, gzip-encoded.
std::string MakeHttpResponse(std::string_view body, std::string_view content_type, bool chunked,
                             bool gzip_body);

// Returns data as one gzip member.
std::string GzipMember(std::string_view data);

}  // namespace whosaid::internal

#endif  // WHOSAID_WARC_WARC_WRITER_H_
