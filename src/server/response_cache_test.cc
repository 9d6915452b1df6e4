// Tests for the response cache: hits, invalidation when the index changes,
// and its bounds.
#include "src/server/response_cache.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace whosaid::internal {
namespace {

class ResponseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = "whosaid_cache_test_";
    name += std::to_string(getpid());
    path_ = (std::filesystem::temp_directory_path() / name).string();
    Write(path_, "v1");
  }
  void TearDown() override {
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
  }
  static void Write(const std::string& path, const std::string& data) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
  }
  static HttpResponse Body(std::string body) {
    HttpResponse r;
    r.body = std::move(body);
    return r;
  }
  std::string path_;
};

TEST_F(ResponseCacheTest, ReturnsWhatWasPutUntilTheIndexChanges) {
  ResponseCache cache(path_, 10, 1 << 20);
  EXPECT_EQ(cache.Find("/api/quotes?"), nullptr);
  cache.Put("/api/quotes?", Body("one"));
  ASSERT_NE(cache.Find("/api/quotes?"), nullptr);
  EXPECT_EQ(cache.Find("/api/quotes?")->body, "one");
  Write(path_ + "-wal", "a write");  // A writer appends to the WAL.
  EXPECT_EQ(cache.Find("/api/quotes?"), nullptr);
  cache.Put("/api/quotes?", Body("two"));
  Write(path_, "v2 longer");  // A checkpoint rewrites the database.
  EXPECT_EQ(cache.Find("/api/quotes?"), nullptr);
}

TEST_F(ResponseCacheTest, StaysWithinItsBounds) {
  ResponseCache cache(path_, 3, 800);
  cache.Find("");
  for (int i = 0; i < 10; ++i) cache.Put(std::to_string(i), Body("x"));
  EXPECT_LE(cache.size(), 3u);
  cache.Put("big", Body(std::string(200, 'b')));  // Over max_bytes / 8.
  EXPECT_EQ(cache.Find("big"), nullptr);
}

}  // namespace
}  // namespace whosaid::internal
