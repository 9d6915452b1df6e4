// Gzip members are inflated one after another with inflateReset between
// them; the member start offsets come from the compressed read position.
#include "src/input/byte_source.h"

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <memory>

namespace whosaid::internal {
namespace {
constexpr size_t kRawChunk = size_t{1} << 18;
// Compressed bytes kept behind the read position while a member is open,
// so the header scan after a corrupt member can start near its beginning.
constexpr size_t kKeepBehind = size_t{64} << 10;

// A gzip member header: magic, deflate, and no reserved flag bits.
bool IsMemberHeader(std::string_view s, size_t i) {
  return i + 4 <= s.size() && static_cast<unsigned char>(s[i]) == 0x1F &&
         static_cast<unsigned char>(s[i + 1]) == 0x8B && s[i + 2] == 0x08 &&
         (static_cast<unsigned char>(s[i + 3]) & 0xE0) == 0;
}
}  // namespace

StatusOr<ByteSource*> ByteSource::Open(const std::string& path) {
  auto* s = new ByteSource();
  if (path == "-") {
    s->file_ = stdin;
  } else {
    s->file_ = std::fopen(path.c_str(), "rb");
    if (s->file_ == nullptr) {
      int err = errno;
      delete s;
      return (err == ENOENT ? Status::NotFound : Status::IoError)(path + ": " + std::strerror(err));
    }
    s->owns_file_ = true;
  }
  s->FillRaw();
  s->gzipped_ = s->raw_.size() >= 2 && static_cast<unsigned char>(s->raw_[0]) == 0x1F &&
                static_cast<unsigned char>(s->raw_[1]) == 0x8B;
  return s;
}

ByteSource::~ByteSource() {
  if (stream_open_) inflateEnd(&zs_);
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

bool ByteSource::FillRaw() {
  if (eof_) return false;
  // With resync, keep up to kKeepBehind bytes of the open member: if it
  // turns out corrupt, inflate may have read past the next member's header
  // before noticing.
  size_t drop = raw_pos_;
  if (resync_ && stream_open_) {
    int64_t keep_from = std::max<int64_t>(member_offset_ + 1, raw_position() - static_cast<int64_t>(kKeepBehind));
    drop = static_cast<size_t>(std::clamp<int64_t>(keep_from - raw_base_, 0, static_cast<int64_t>(raw_pos_)));
  }
  if (drop > 0) {
    raw_base_ += static_cast<int64_t>(drop);
    raw_.erase(0, drop);
    raw_pos_ -= drop;
  }
  // Read into a scratch buffer and append what came. Growing raw_ by a
  // whole chunk first would zero 256 KiB per read (twice per file), which
  // cost more than reading a directory of short articles.
  static thread_local std::unique_ptr<char[]> scratch(new char[kRawChunk]);
  size_t got = std::fread(scratch.get(), 1, kRawChunk, file_);
  int err = errno;
  raw_.append(scratch.get(), got);
  if (got == 0) {
    eof_ = true;
    // A failed read (EIO, EISDIR, a vanished network file) is not the end
    // of the input: say so, or the input would read as silently truncated.
    if (std::ferror(file_) && error_.empty()) {
      error_ = "read failed at byte " + std::to_string(raw_base_ + static_cast<int64_t>(raw_.size())) + ": " +
               std::strerror(err);
    }
  }
  return got > 0;
}

int64_t ByteSource::raw_position() const { return raw_base_ + static_cast<int64_t>(raw_pos_); }

size_t ByteSource::Read(char* buf, size_t n) {
  if (gzipped_) return ReadGzip(buf, n);
  if (raw_pos_ >= raw_.size() && !FillRaw()) return 0;
  size_t take = std::min(n, raw_.size() - raw_pos_);
  std::memcpy(buf, raw_.data() + raw_pos_, take);
  raw_pos_ += take;
  position_ += static_cast<int64_t>(take);
  return take;
}

size_t ByteSource::ReadGzip(char* buf, size_t n) {
  if (!error_.empty()) return 0;
  size_t produced = 0;
  while (produced == 0) {
    if (raw_pos_ >= raw_.size() && !FillRaw()) {
      if (stream_open_ && error_.empty()) error_ = "truncated gzip member at byte " + std::to_string(member_offset_);
      return 0;
    }
    if (!stream_open_) {
      // Between members: skip zero padding some writers leave.
      while (raw_pos_ < raw_.size() && raw_[raw_pos_] == '\0') ++raw_pos_;
      if (raw_pos_ >= raw_.size()) continue;
      std::memset(&zs_, 0, sizeof zs_);
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        error_ = "zlib init failed";
        return 0;
      }
      stream_open_ = true;
      member_offset_ = raw_position();
      members_.push_back({position_, -1, member_offset_, -1});
    }
    zs_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
    zs_.avail_in = static_cast<uInt>(raw_.size() - raw_pos_);
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    int r = inflate(&zs_, Z_NO_FLUSH);
    raw_pos_ = raw_.size() - zs_.avail_in;
    produced = n - zs_.avail_out;
    if (r == Z_STREAM_END) {
      members_.back().data_end = position_ + static_cast<int64_t>(produced);
      members_.back().file_end = raw_position();
      inflateEnd(&zs_);
      stream_open_ = false;
    } else if (r != Z_OK && r != Z_BUF_ERROR) {
      std::string reason = "corrupt gzip data in member at byte " + std::to_string(member_offset_) +
                           ": " + (zs_.msg ? zs_.msg : "inflate error");
      inflateEnd(&zs_);
      stream_open_ = false;
      members_.back().data_end = position_ + static_cast<int64_t>(produced);
      if (!resync_) members_.back().file_end = raw_position();
      if (!resync_ || !SkipToNextMember(position_ + static_cast<int64_t>(produced), member_offset_ + 1, reason)) {
        error_ = std::move(reason);
        break;
      }
      // Damage recorded; hand over what this member gave, if anything,
      // and go on with the next member.
    }
  }
  position_ += static_cast<int64_t>(produced);
  return produced;
}

bool ByteSource::SkipToNextMember(int64_t data_pos, int64_t from, std::string reason) {
  int64_t begin = member_offset_;
  size_t i = static_cast<size_t>(std::clamp<int64_t>(from - raw_base_, 0, static_cast<int64_t>(raw_.size())));
  bool found = false;
  while (true) {
    for (; i + 4 <= raw_.size(); ++i) {
      if (IsMemberHeader(raw_, i)) {
        found = true;
        break;
      }
    }
    if (found) break;
    // Refill, keeping the last bytes: a header may straddle the boundary.
    raw_pos_ = i;
    int64_t at = raw_position();
    if (!FillRaw()) break;
    i = static_cast<size_t>(at - raw_base_);
  }
  if (!found) i = raw_.size();
  int64_t end = raw_base_ + static_cast<int64_t>(i);
  members_.back().file_end = end;
  raw_pos_ = i;
  if (!found) return false;
  damage_.push_back({members_.back().data_begin, data_pos, begin, end, std::move(reason)});
  ++damage_count_;
  return true;
}

void ByteSource::set_resync(bool on) {
  resync_ = on;
  if (!on && !damage_.empty() && error_.empty()) error_ = damage_.front().reason;
}

bool ByteSource::TakeDamage(Damage* out) {
  if (damage_.empty()) return false;
  *out = std::move(damage_.front());
  damage_.pop_front();
  return true;
}

const ByteSource::Member* ByteSource::FindMember(int64_t pos) const {
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->data_begin <= pos) return &*it;
  }
  return nullptr;
}

void ByteSource::ForgetMembersBefore(int64_t keep_from) {
  while (members_.size() > 1 && members_[1].data_begin <= keep_from) members_.pop_front();
}

}  // namespace whosaid::internal
