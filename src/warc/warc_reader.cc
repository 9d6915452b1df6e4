// The reader keeps a window of decompressed bytes; record boundaries are
// located in the file through the byte source's gzip member table.
#include "src/util/ascii.h"
#include "src/warc/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

namespace whosaid::internal {
namespace {

constexpr size_t kChunk = size_t{1} << 16;
constexpr size_t kMaxLine = size_t{1} << 16;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool ParseInt(std::string_view s, int base, int64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (base == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
    else return false;
    if (v > (INT64_MAX - d) / base) return false;  // 18 hex digits overflow.
    v = v * base + d;
  }
  *out = v;
  return true;
}

// Inflates gzip or zlib/raw deflate data. Returns false when damaged or
// larger than max_bytes.
bool Inflate(std::string_view in, bool gzip, int64_t max_bytes, std::string* out) {
  z_stream zs{};
  int window = gzip ? 16 + MAX_WBITS : (in.size() > 1 && (static_cast<unsigned char>(in[0]) & 0x0F) == 8 ? MAX_WBITS : -MAX_WBITS);
  if (inflateInit2(&zs, window) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  out->clear();
  char buf[kChunk];
  int r = Z_OK;
  while (r == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    r = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (static_cast<int64_t>(out->size()) > max_bytes) { r = Z_MEM_ERROR; break; }
    if (r == Z_BUF_ERROR && zs.avail_in == 0) break;
  }
  inflateEnd(&zs);
  return r == Z_STREAM_END;
}

bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (pos < in.size()) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = in.substr(pos, eol - pos);
    size_line = size_line.substr(0, size_line.find(';'));
    int64_t n;
    if (!ParseInt(size_line, 16, &n)) return false;
    pos = eol + 1;
    if (n == 0) return true;
    if (static_cast<size_t>(n) > in.size() - pos) {
      out->append(in.substr(pos));  // Truncated last chunk: keep what is there.
      return true;
    }
    out->append(in.substr(pos, n));
    pos += n;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
  return true;
}

}  // namespace

WarcReader::WarcReader(std::unique_ptr<ByteSource> source, std::string consumed,
                       int64_t max_record_bytes)
    : source_(std::move(source)), max_record_bytes_(max_record_bytes), buf_(std::move(consumed)) {
  // One gzip member per record: a damaged member costs that record only.
  source_->set_resync(true);
}

bool WarcReader::ReportDamage(bool at_boundary, WarcRecord* record) {
  const ByteSource::Damage* next = source_->NextDamage();
  if (next == nullptr) return false;
  int64_t at = next->data_begin;
  if (at > Position() || (at == Position() && !at_boundary)) return false;
  ByteSource::Damage d;
  source_->TakeDamage(&d);
  *record = WarcRecord();
  record->offset = d.file_begin;
  record->length = d.file_end - d.file_begin;
  record->error = d.reason + "; skipped bytes " + std::to_string(d.file_begin) + "-" +
                  std::to_string(d.file_end) + " to the next gzip member";
  // Go on with the first byte of the next member. Fill() keeps the buffer
  // from any queued damage on, so that byte is still here.
  pos_ = static_cast<size_t>(d.data_pos - buf_base_);
  return true;
}

bool WarcReader::Fill() {
  const ByteSource::Damage* damage = source_->NextDamage();
  int64_t keep_from = damage == nullptr ? Position() : std::min(Position(), damage->data_pos);
  size_t drop = static_cast<size_t>(std::clamp<int64_t>(keep_from - buf_base_, 0, static_cast<int64_t>(pos_)));
  if (drop > 0 && drop >= buf_.size() / 2) {
    buf_base_ += static_cast<int64_t>(drop);
    buf_.erase(0, drop);
    pos_ -= drop;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  size_t got = source_->Read(buf_.data() + old, kChunk);
  buf_.resize(old + got);
  return got > 0;
}

void WarcReader::Consume(size_t n) { pos_ += n; }

bool WarcReader::ReadLine(std::string* line) {
  while (true) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      line->assign(buf_, pos_, nl + 1 - pos_);
      pos_ = nl + 1;
      return true;
    }
    if (buf_.size() - pos_ > kMaxLine) {  // A runaway line: take it as is.
      line->assign(buf_, pos_, kMaxLine);
      pos_ += kMaxLine;
      return true;
    }
    if (!Fill()) {
      if (pos_ >= buf_.size()) return false;
      line->assign(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
      return true;
    }
  }
}

void WarcReader::Locate(int64_t begin, int64_t end, WarcRecord* record) {
  const ByteSource::Member* first = source_->FindMember(begin);
  if (first == nullptr) {
    record->offset = begin;
    record->length = end - begin;
    return;
  }
  record->offset = first->file_begin;
  const ByteSource::Member* last = source_->FindMember(std::max(begin, end - 1));
  int64_t file_end = last->file_end >= 0 ? last->file_end : source_->raw_position();
  record->length = file_end - record->offset;
  source_->ForgetMembersBefore(end);
}

bool WarcReader::Next(WarcRecord* record) {
  if (ReportDamage(/*at_boundary=*/true, record)) return true;
  bool got = NextRecord(record);
  // A record that ends exactly where the damaged member begins is whole;
  // the damage is reported by the next call. One that holds any byte of
  // the damaged member is replaced by the report (a failed CRC taints all
  // of the member's bytes).
  if (ReportDamage(/*at_boundary=*/false, record)) return true;
  return got;
}

bool WarcReader::NextRecord(WarcRecord* record) {
  *record = WarcRecord();
  std::string line;
  // Skip blank lines between records.
  int64_t start;
  while (true) {
    start = Position();
    if (!ReadLine(&line)) {
      if (!source_->error().empty() && !reported_source_error_) {
        reported_source_error_ = true;
        record->offset = source_->member_offset();
        record->error = source_->error();
        return true;
      }
      return false;
    }
    if (!Trim(line).empty()) break;
  }
  if (line.compare(0, 5, "WARC/") != 0) {
    record->error = "corrupt WARC header: expected 'WARC/' at byte " + std::to_string(start);
    int64_t skipped_from = start;
    Resync();
    Locate(skipped_from, Position(), record);
    return true;
  }
  int64_t content_length = -1;
  while (ReadLine(&line)) {
    std::string_view l = Trim(line);
    if (l.empty()) break;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = AsciiLower(Trim(l.substr(0, colon)));
    std::string_view value = Trim(l.substr(colon + 1));
    if (name == "warc-type") record->type = AsciiLower(value);
    else if (name == "warc-target-uri") record->target_uri = std::string(value);
    else if (name == "warc-date") record->date = std::string(value);
    else if (name == "content-type") record->content_type = std::string(value);
    else if (name == "content-length" && !ParseInt(value, 10, &content_length)) content_length = -2;
  }
  if (content_length < 0) {
    record->error = "corrupt WARC header: missing or bad Content-Length";
    Resync();
    Locate(start, Position(), record);
    return true;
  }
  int64_t remaining = content_length;
  bool keep = content_length <= max_record_bytes_;
  if (keep) record->block.reserve(static_cast<size_t>(content_length));
  while (remaining > 0) {
    if (pos_ >= buf_.size() && !Fill()) break;
    size_t take = static_cast<size_t>(std::min<int64_t>(remaining, static_cast<int64_t>(buf_.size() - pos_)));
    if (keep) record->block.append(buf_, pos_, take);
    Consume(take);
    remaining -= static_cast<int64_t>(take);
  }
  if (remaining > 0) {
    record->error = "truncated WARC record: " + std::to_string(remaining) + " of " +
                    std::to_string(content_length) + " block bytes missing";
    if (!source_->error().empty()) {
      record->error += " (" + source_->error() + ")";
      reported_source_error_ = true;
    }
  } else if (!keep) {
    record->error = "record too large: " + std::to_string(content_length) + " bytes (limit " +
                    std::to_string(max_record_bytes_) + ")";
    record->block.clear();
  }
  // The two CRLFs that end a record.
  for (int i = 0; i < 2; ++i) {
    if (pos_ >= buf_.size()) Fill();
    if (pos_ < buf_.size() && buf_[pos_] == '\r') ++pos_;
    if (pos_ >= buf_.size()) Fill();
    if (pos_ < buf_.size() && buf_[pos_] == '\n') ++pos_;
  }
  Locate(start, Position(), record);
  return true;
}

// Skips to the next line that starts a WARC header.
bool WarcReader::Resync() {
  std::string line;
  while (true) {
    int64_t at = Position();
    if (!ReadLine(&line)) return false;
    if (line.compare(0, 7, "WARC/1.") == 0) {
      // Step back so Next() reads this header. Fill() only drops bytes
      // before the line being read, so `at` is still in the buffer.
      pos_ = static_cast<size_t>(at - buf_base_);
      return true;
    }
  }
}

HttpPayload ParseHttpResponse(std::string_view message, int64_t max_body_bytes) {
  HttpPayload out;
  size_t header_end = message.find("\r\n\r\n");
  size_t body_start = header_end == std::string_view::npos ? std::string_view::npos : header_end + 4;
  size_t lf = message.find("\n\n");
  if (lf != std::string_view::npos && (body_start == std::string_view::npos || lf + 2 < body_start)) {
    header_end = lf;
    body_start = lf + 2;
  }
  if (message.compare(0, 5, "HTTP/") != 0 || body_start == std::string_view::npos) {
    out.error = "bad HTTP response header";
    return out;
  }
  std::string_view head = message.substr(0, header_end);
  size_t eol = head.find('\n');
  std::string_view status_line = head.substr(0, eol);
  size_t sp = status_line.find(' ');
  int64_t status = 0;
  if (sp != std::string_view::npos) ParseInt(status_line.substr(sp + 1, 3), 10, &status);
  out.status = static_cast<int>(status);
  bool chunked = false;
  std::string encoding;
  size_t pos = eol == std::string_view::npos ? head.size() : eol + 1;
  while (pos < head.size()) {
    size_t next = head.find('\n', pos);
    if (next == std::string_view::npos) next = head.size();
    std::string_view l = Trim(head.substr(pos, next - pos));
    pos = next + 1;
    size_t colon = l.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = AsciiLower(Trim(l.substr(0, colon)));
    std::string_view value = Trim(l.substr(colon + 1));
    if (name == "content-type") out.content_type = std::string(value);
    else if (name == "transfer-encoding") chunked = AsciiLower(value).find("chunked") != std::string::npos;
    else if (name == "content-encoding") encoding = AsciiLower(value);
  }
  std::string_view body = message.substr(body_start);
  std::string dechunked;
  if (chunked && Dechunk(body, &dechunked)) body = dechunked;
  bool gz = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1F && static_cast<unsigned char>(body[1]) == 0x8B;
  if (gz || encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    std::string inflated;
    if (Inflate(body, gz || encoding != "deflate", max_body_bytes, &inflated)) {
      out.body = std::move(inflated);
      return out;
    }
    if (gz || static_cast<int64_t>(inflated.size()) > max_body_bytes) {
      out.error = "bad or oversized " + (encoding.empty() ? std::string("gzip") : encoding) + " content encoding";
      return out;
    }
    // Declared but not applied (archives often store decoded bodies).
  }
  out.body = std::string(body);
  return out;
}

}  // namespace whosaid::internal
