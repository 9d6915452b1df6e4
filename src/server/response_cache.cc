// Response cache invalidated by the index files' identity, size and mtime.
#include "src/server/response_cache.h"

#include <sys/stat.h>

namespace whosaid::internal {

ResponseCache::ResponseCache(std::string db_path, size_t max_entries, size_t max_bytes)
    : db_path_(std::move(db_path)), max_entries_(max_entries), max_bytes_(max_bytes) {}

std::string ResponseCache::Stamp() const {
  std::string stamp;
  for (const std::string& path : {db_path_, db_path_ + "-wal"}) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      stamp += "-;";
      continue;
    }
    stamp += std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
             std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ";";
  }
  return stamp;
}

const HttpResponse* ResponseCache::Find(const std::string& key) {
  std::string now = Stamp();
  if (now != stamp_) {
    entries_.clear();
    bytes_ = 0;
    stamp_ = std::move(now);
    return nullptr;
  }
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

void ResponseCache::Put(const std::string& key, const HttpResponse& response) {
  size_t cost = key.size() + response.body.size();
  if (cost > max_bytes_ / 8) return;
  if (entries_.size() >= max_entries_ || bytes_ + cost > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  if (entries_.emplace(key, response).second) bytes_ += cost;
}

}  // namespace whosaid::internal
