// A per-worker cache of rendered responses, keyed by request target and
// dropped whole whenever the index file (or its WAL) changes on disk, so a
// reader never sees an answer older than the index. Bounded in entries and
// bytes. Not thread-safe: each worker owns one.
#ifndef WHOSAID_SERVER_RESPONSE_CACHE_H_
#define WHOSAID_SERVER_RESPONSE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "src/server/http.h"

namespace whosaid::internal {

class ResponseCache {
 public:
  // Watches db_path and db_path + "-wal". max_entries and max_bytes bound
  // what is kept; past either, the cache starts again empty.
  ResponseCache(std::string db_path, size_t max_entries, size_t max_bytes);

  // Returns the cached response for key, or nullptr. First drops everything
  // when the index files changed since the last call.
  const HttpResponse* Find(const std::string& key);
  // Keeps response for key. Responses larger than max_bytes / 8 are not kept.
  void Put(const std::string& key, const HttpResponse& response);
  size_t size() const { return entries_.size(); }

 private:
  std::string Stamp() const;
  std::string db_path_;
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::string stamp_;
  std::unordered_map<std::string, HttpResponse> entries_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_RESPONSE_CACHE_H_
