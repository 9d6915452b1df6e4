#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "tools/cli.h"

namespace whosaid::cli {

Status ReadInputFile(const std::string& path, size_t max_bytes, std::string* out) {
  out->clear();
  FILE* f = stdin;
  if (path != "-") {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) {
      return (errno == ENOENT ? Status::NotFound : Status::IoError)(path + ": " + std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(path + ": is a directory");
    if (st.st_size > 0 && static_cast<size_t>(st.st_size) > max_bytes) {
      return Status::InvalidArgument(path + ": file too large (" + std::to_string(st.st_size) +
                                     " bytes, limit " + std::to_string(max_bytes) + ")");
    }
    f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) return Status::IoError(path + ": " + std::strerror(errno));
  }
  char buf[1 << 16];
  size_t n;
  Status status;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out->size() + n > max_bytes) {
      status = Status::InvalidArgument(path + ": input too large (limit " + std::to_string(max_bytes) + " bytes)");
      break;
    }
    out->append(buf, n);
  }
  if (status.ok() && std::ferror(f)) {
    status = Status::IoError(path + ": read failed at byte " + std::to_string(out->size()) + ": " + std::strerror(errno));
  }
  if (f != stdin) std::fclose(f);
  return status;
}

}  // namespace whosaid::cli
