// Tests for ClusterIndex, the writer's in-memory clustering lookups.
#include "src/store/cluster_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace whosaid::internal {
namespace {

TEST(ClusterIndex, TheFirstClusterOfAKeyStays) {
  ClusterIndex index;
  EXPECT_EQ(index.ClusterOfKey(42), 0);
  index.AddKey(42, 7);
  index.AddKey(42, 9);
  EXPECT_EQ(index.ClusterOfKey(42), 7);
  EXPECT_EQ(index.keys(), 1u);
}

TEST(ClusterIndex, FingerprintsListTheirClustersSmallestFirst) {
  ClusterIndex index;
  index.SetRepresentative(5, {1, 2, 3});
  index.SetRepresentative(3, {2, 3});
  index.SetRepresentative(9, {3});
  std::vector<int64_t> clusters;
  index.ClustersWithFingerprint(3, 16, &clusters);
  EXPECT_EQ(clusters, (std::vector<int64_t>{3, 5, 9}));
  index.ClustersWithFingerprint(3, 2, &clusters);
  EXPECT_EQ(clusters, (std::vector<int64_t>{3, 5}));
  index.ClustersWithFingerprint(4, 16, &clusters);
  EXPECT_TRUE(clusters.empty());
  EXPECT_EQ(index.RepresentativeFingerprints(5), 3u);
  EXPECT_EQ(index.RepresentativeFingerprints(4), 0u);
}

TEST(ClusterIndex, ANewRepresentativeAddsOnlyNewPairs) {
  ClusterIndex index;
  index.SetRepresentative(1, {10, 20});
  index.SetRepresentative(1, {10, 20, 30});
  EXPECT_EQ(index.fingerprints(), 3u);
  EXPECT_EQ(index.RepresentativeFingerprints(1), 3u);
  std::vector<int64_t> clusters;
  index.ClustersWithFingerprint(10, 16, &clusters);
  EXPECT_EQ(clusters, (std::vector<int64_t>{1}));
}

TEST(ClusterIndex, KeepsEveryKeyAndTheSmallestHoldersAcrossGrowth) {
  ClusterIndex index;
  for (int64_t c = 1; c <= 20000; ++c) {
    index.AddKey(static_cast<uint64_t>(c) << 40, c);  // High bits only, as minima often differ.
    index.SetRepresentative(c, {static_cast<uint64_t>(c % 100)});
  }
  for (int64_t c = 1; c <= 20000; c += 997) EXPECT_EQ(index.ClusterOfKey(static_cast<uint64_t>(c) << 40), c);
  std::vector<int64_t> clusters;
  index.ClustersWithFingerprint(7, ClusterIndex::kHoldersKept, &clusters);
  std::vector<int64_t> smallest;
  for (int64_t c = 7; smallest.size() < ClusterIndex::kHoldersKept; c += 100) smallest.push_back(c);
  EXPECT_EQ(clusters, smallest);
}

TEST(ClusterIndex, ASmallerClusterArrivingLateDisplacesTheLargestKept) {
  ClusterIndex index;
  for (int64_t c = 100; c < 200; ++c) index.SetRepresentative(c, {5});
  index.SetRepresentative(3, {5});   // An older cluster's new representative.
  index.SetRepresentative(3, {5});   // Present: not added twice.
  index.SetRepresentative(150, {5});
  std::vector<int64_t> clusters;
  index.ClustersWithFingerprint(5, ClusterIndex::kHoldersKept, &clusters);
  std::vector<int64_t> want = {3};
  for (int64_t c = 100; want.size() < ClusterIndex::kHoldersKept; ++c) want.push_back(c);
  EXPECT_EQ(clusters, want);
  EXPECT_EQ(index.fingerprints(), ClusterIndex::kHoldersKept);
}

TEST(ClusterIndex, ALoneHolderHeldInPlaceBecomesAChain) {
  // A fingerprint's first cluster is held in its slot; the second, smaller
  // or larger, turns it into a chain, and the same cluster again adds nothing.
  for (int64_t second : {2, 9}) {
    ClusterIndex index;
    index.SetRepresentative(5, {77});
    index.SetRepresentative(5, {77});
    EXPECT_EQ(index.fingerprints(), 1u);
    std::vector<int64_t> clusters;
    index.ClustersWithFingerprint(77, 16, &clusters);
    EXPECT_EQ(clusters, (std::vector<int64_t>{5}));
    index.ClustersWithFingerprint(77, 0, &clusters);
    EXPECT_TRUE(clusters.empty());
    index.SetRepresentative(second, {77});
    index.SetRepresentative(5, {77});
    index.SetRepresentative(second, {77});
    EXPECT_EQ(index.fingerprints(), 2u);
    index.ClustersWithFingerprint(77, 16, &clusters);
    EXPECT_EQ(clusters, (std::vector<int64_t>{std::min<int64_t>(5, second), std::max<int64_t>(5, second)}));
    index.SetRepresentative(1, {77});
    index.ClustersWithFingerprint(77, 2, &clusters);
    EXPECT_EQ(clusters, (std::vector<int64_t>{1, std::min<int64_t>(5, second)}));
    EXPECT_EQ(index.fingerprints(), 3u);
  }
}

TEST(ClusterIndex, AppendingGivesTheSameClustersAfterWhatIsThere) {
  ClusterIndex index;
  for (int64_t c = 40; c > 0; --c) index.SetRepresentative(c, {c % 2 ? 1u : 2u, 3u});
  for (uint64_t fp : {1u, 2u, 3u, 4u}) {
    for (size_t max : {size_t{1}, size_t{5}, ClusterIndex::kHoldersKept}) {
      std::vector<int64_t> listed, appended = {-1};
      index.ClustersWithFingerprint(fp, max, &listed);
      index.AppendClustersWithFingerprint(fp, max, &appended);
      ASSERT_FALSE(appended.empty());
      EXPECT_EQ(appended[0], -1);  // Kept.
      appended.erase(appended.begin());
      std::sort(appended.begin(), appended.end());
      EXPECT_EQ(appended, listed) << fp << " " << max;
    }
  }
}

}  // namespace
}  // namespace whosaid::internal
