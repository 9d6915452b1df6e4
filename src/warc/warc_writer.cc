// WARC writing with zlib's gzip wrapper.
#include "src/warc/warc_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>

namespace whosaid::internal {

std::string GzipMember(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

void AppendWarcRecord(const WarcRecordSpec& spec, bool gzip, std::string* out) {
  std::string rec = "WARC/1.1\r\nWARC-Type: " + spec.type + "\r\n";
  if (!spec.target_uri.empty()) rec += "WARC-Target-URI: " + spec.target_uri + "\r\n";
  rec += "WARC-Date: " + spec.date + "\r\n";
  rec += "WARC-Record-ID: <urn:whosaid:" + std::to_string(out->size()) + ">\r\n";
  rec += "Content-Type: " + spec.content_type + "\r\n";
  rec += "Content-Length: " + std::to_string(spec.block.size()) + "\r\n\r\n";
  rec += spec.block;
  rec += "\r\n\r\n";
  if (gzip) out->append(GzipMember(rec)); else out->append(rec);
}

std::string MakeHttpResponse(std::string_view body, std::string_view content_type, bool chunked,
                             bool gzip_body) {
  std::string payload = gzip_body ? GzipMember(body) : std::string(body);
  std::string msg = "HTTP/1.1 200 OK\r\nContent-Type: ";
  msg.append(content_type);
  msg += "\r\n";
  if (gzip_body) msg += "Content-Encoding: gzip\r\n";
  if (chunked) {
    msg += "Transfer-Encoding: chunked\r\n\r\n";
    constexpr size_t kChunk = 1000;
    char size_buf[32];
    for (size_t i = 0; i < payload.size(); i += kChunk) {
      size_t n = std::min(kChunk, payload.size() - i);
      std::snprintf(size_buf, sizeof size_buf, "%zx\r\n", n);
      msg += size_buf;
      msg.append(payload, i, n);
      msg += "\r\n";
    }
    msg += "0\r\n\r\n";
  } else {
    msg += "Content-Length: " + std::to_string(payload.size()) + "\r\n\r\n";
    msg += payload;
  }
  return msg;
}

}  // namespace whosaid::internal
