// A sequential byte source over a file or stdin that transparently inflates
// gzip (any number of members, as WARC.gz and CC-NEWS files use) and keeps
// the compressed offset where the current member began, so records can be
// located in the original file. Not thread-safe; one per input.
#ifndef WHOSAID_INPUT_BYTE_SOURCE_H_
#define WHOSAID_INPUT_BYTE_SOURCE_H_

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid::internal {

class ByteSource {
 public:
  // Opens path ("-" for stdin). Peeks at the first bytes to decide whether
  // to inflate. Returns NotFound/IoError naming the path.
  static StatusOr<ByteSource*> Open(const std::string& path);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Reads up to n bytes into buf; returns 0 at the end. A damaged gzip
  // stream or a failed read ends the data; error() then says where and why.
  size_t Read(char* buf, size_t n);

  bool gzipped() const { return gzipped_; }
  // Offset in the file of the gzip member being read (0 when not gzipped).
  int64_t member_offset() const { return member_offset_; }
  // Offset in the file of the next byte the source will consume (compressed
  // position for gzip, else the plain position).
  int64_t raw_position() const;
  // Decompressed bytes delivered so far.
  int64_t position() const { return position_; }
  // Where a gzip member sits: its decompressed range and its bytes in the
  // file. Ends are -1 while the member is still being read.
  struct Member {
    int64_t data_begin, data_end, file_begin, file_end;
  };
  // Returns the member holding decompressed position pos, or nullptr (not
  // gzipped, or forgotten). Members before `keep_from` may be forgotten.
  const Member* FindMember(int64_t pos) const;
  void ForgetMembersBefore(int64_t keep_from);

  // Non-empty after a damaged or truncated gzip stream, or a failed read.
  const std::string& error() const { return error_; }

 private:
  ByteSource() = default;
  bool FillRaw();
  size_t ReadGzip(char* buf, size_t n);

  FILE* file_ = nullptr;
  bool owns_file_ = false;
  bool gzipped_ = false;
  bool eof_ = false;
  bool stream_open_ = false;
  z_stream zs_{};
  std::string raw_;          // Compressed (or plain) bytes read ahead.
  size_t raw_pos_ = 0;
  int64_t raw_base_ = 0;     // File offset of raw_[0].
  int64_t member_offset_ = 0;
  int64_t position_ = 0;
  std::deque<Member> members_;
  std::string error_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INPUT_BYTE_SOURCE_H_
