// ClusterIndex: the lookups a writer needs to cluster quotes (normalised
// text hash -> cluster, winnowed fingerprint -> clusters), held in memory in
// open-addressing tables. They are derived data: the writer rebuilds them
// from the quotes and clusters tables rather than storing them. Not
// thread-safe.
#ifndef WHOSAID_STORE_CLUSTER_INDEX_H_
#define WHOSAID_STORE_CLUSTER_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace whosaid::internal {

class ClusterIndex {
 public:
  // Returns the cluster recorded for a normalised-text hash, or 0.
  int64_t ClusterOfKey(uint64_t key) const;
  // Records key -> cluster unless key has one already (the first quote with
  // a text decides). REQUIRES: cluster > 0.
  void AddKey(uint64_t key, int64_t cluster);

  // Sets *clusters to the clusters whose representative has fingerprint fp,
  // ascending, at most max of them (the smallest ids).
  void ClustersWithFingerprint(uint64_t fp, size_t max, std::vector<int64_t>* clusters) const;
  // Records the fingerprints of cluster's (new) representative; pairs
  // already present are not added twice. REQUIRES: cluster > 0.
  void SetRepresentative(int64_t cluster, const std::vector<uint64_t>& fingerprints);
  // Returns the fingerprint count of cluster's representative (0 if none).
  uint32_t RepresentativeFingerprints(int64_t cluster) const;

  size_t keys() const { return keys_.count; }
  size_t fingerprints() const { return fingerprints_.count; }

 private:
  // A slot with value 0 is empty; cluster ids start at 1.
  struct Slot {
    uint64_t key = 0;
    int64_t value = 0;
  };
  // Linear probing; a key may occur in several slots (a multimap).
  struct Table {
    std::vector<Slot> slots;
    size_t count = 0;
    size_t Home(uint64_t key) const;
    void Insert(uint64_t key, int64_t value);
    void Grow();
  };

  Table keys_;
  Table fingerprints_;
  std::vector<uint32_t> rep_fingerprints_;  // By cluster id.
};

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_CLUSTER_INDEX_H_
