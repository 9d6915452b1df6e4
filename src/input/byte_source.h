// A sequential byte source over a file or stdin that transparently inflates
// gzip (any number of members, as WARC.gz and CC-NEWS files use) and keeps
// the compressed offset where the current member began, so records can be
// located in the original file. With resync on, a damaged member is skipped:
// reading goes on at the next gzip member header (1f 8b 08) and the damaged
// span is recorded as a Damage. Not thread-safe; one per input.
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
  // stream or a failed read ends the data, and error() then says where and
  // why, unless resync is on (a damaged gzip member is then skipped).
  size_t Read(char* buf, size_t n);

  // With resync, a corrupt gzip member does not end the data: the bytes it
  // gave are followed by those of the next member found by scanning for a
  // gzip header, and the damage is queued (see TakeDamage). A member cut
  // short by the end of the file still ends the data. Default: off.
  // Turning it off after damage was queued ends the data with that damage
  // as error().
  void set_resync(bool on);

  // A corrupt gzip member that was skipped.
  struct Damage {
    int64_t data_begin;  // Decompressed position of the damaged member's first byte.
    int64_t data_pos;    // Decompressed position where the next member's bytes begin.
    int64_t file_begin;  // The damaged bytes in the file: from the member's start
    int64_t file_end;    // to the next member header (or the end of the file).
    std::string reason;
  };
  // Removes and returns the oldest queued damage, if any.
  bool TakeDamage(Damage* out);
  // The oldest queued damage, or nullptr.
  const Damage* NextDamage() const { return damage_.empty() ? nullptr : &damage_.front(); }
  // Counts the damaged spans skipped so far.
  int64_t damage_count() const { return damage_count_; }

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
  // After a corrupt member whose data ended at decompressed data_pos: finds
  // the next member header at or after file offset `from`, moves the read
  // position there and queues the damage. Returns false when no header is
  // left (the data then ends).
  bool SkipToNextMember(int64_t data_pos, int64_t from, std::string reason);

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
  bool resync_ = false;
  std::deque<Damage> damage_;
  int64_t damage_count_ = 0;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_INPUT_BYTE_SOURCE_H_
