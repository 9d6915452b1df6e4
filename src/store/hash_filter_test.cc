// Tests for the Bloom filter the indexer uses to skip cluster index probes.
#include "src/store/hash_filter.h"

#include <gtest/gtest.h>

namespace whosaid::internal {
namespace {

TEST(HashFilter, NeverForgetsAnAddedHash) {
  HashFilter filter(1000);
  for (uint64_t h = 0; h < 5000; ++h) filter.Add(h * 0x9E3779B97F4A7C15ull);  // Past its size, too.
  for (uint64_t h = 0; h < 5000; ++h) EXPECT_TRUE(filter.MayContain(h * 0x9E3779B97F4A7C15ull));
  EXPECT_TRUE(filter.Overfull());
}

TEST(HashFilter, RejectsMostHashesNeverAdded) {
  HashFilter filter(10000);
  for (uint64_t h = 0; h < 10000; ++h) filter.Add(h);  // Small, clustered values, as winnowing yields.
  int false_positives = 0;
  for (uint64_t h = 10000; h < 110000; ++h) false_positives += filter.MayContain(h);
  EXPECT_LT(false_positives, 1000);
  EXPECT_FALSE(filter.Overfull());
}

}  // namespace
}  // namespace whosaid::internal
