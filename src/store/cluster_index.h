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
  // Per fingerprint, the clusters with the smallest ids that are kept:
  // clustering consults only these (a stock phrase shared by thousands of
  // clusters would otherwise make every lookup walk all of them).
  static constexpr size_t kHoldersKept = 16;

  // Returns the cluster recorded for a normalised-text hash, or 0.
  int64_t ClusterOfKey(uint64_t key) const;
  // Records key -> cluster unless key has one already (the first quote with
  // a text decides). REQUIRES: cluster > 0.
  void AddKey(uint64_t key, int64_t cluster);

  // Sets *clusters to the clusters whose representative has fingerprint fp,
  // ascending, at most max of them (the smallest ids). REQUIRES: max <=
  // kHoldersKept.
  void ClustersWithFingerprint(uint64_t fp, size_t max, std::vector<int64_t>* clusters) const;
  // Appends the same clusters to *clusters, in no particular order.
  void AppendClustersWithFingerprint(uint64_t fp, size_t max, std::vector<int64_t>* clusters) const;
  // Records the fingerprints of cluster's (new) representative; pairs
  // already present are not added twice. REQUIRES: cluster > 0.
  void SetRepresentative(int64_t cluster, const std::vector<uint64_t>& fingerprints);
  // Returns the fingerprint count of cluster's representative (0 if none).
  uint32_t RepresentativeFingerprints(int64_t cluster) const;

  size_t keys() const { return keys_.count; }
  // Returns the number of (fingerprint, cluster) pairs kept.
  size_t fingerprints() const { return pairs_; }

 private:
  // A slot with value 0 is empty (cluster ids and chain links start at 1).
  struct Slot {
    uint64_t key = 0;
    int64_t value = 0;
  };
  // Linear probing over unique keys.
  struct Table {
    std::vector<Slot> slots;
    size_t count = 0;
    // Returns the slot holding key, or nullptr.
    Slot* Find(uint64_t key);
    const Slot* Find(uint64_t key) const;
    // REQUIRES: key is not present; value != 0.
    void Insert(uint64_t key, int64_t value);

   private:
    size_t Home(uint64_t key) const;
    void Grow();
  };
  // Adds cluster to the chain of pairs headed by chain, keeping it sorted
  // and at most kHoldersKept long.
  void AddHolder(int64_t cluster, Slot* chain);
  // A chain's slot value packs 1 + the index of its head pair with the
  // chain's length (at most kHoldersKept) in the low 5 bits. A chain of
  // length 1 (most fingerprints) holds its cluster id in place of the index
  // and no pair in holders_: one memory access fewer per lookup.
  static_assert(kHoldersKept < 32);
  static int64_t ChainValue(size_t head, size_t length) { return static_cast<int64_t>(head << 5 | length); }
  static size_t ChainHead(const Slot& s) { return static_cast<size_t>(s.value) >> 5; }
  static size_t ChainLength(const Slot& s) { return static_cast<size_t>(s.value) & 31; }
  // One (fingerprint, cluster) pair, chained from its fingerprint's slot
  // in descending cluster order.
  struct Holder {
    int64_t cluster;
    size_t next;  // 1 + index in holders_ of the next pair, 0 at the end.
  };

  Table keys_;
  Table fingerprint_chains_;  // Fingerprint -> ChainValue of its pairs.
  std::vector<Holder> holders_;
  size_t pairs_ = 0;
  std::vector<uint32_t> rep_fingerprints_;  // By cluster id.
};

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_CLUSTER_INDEX_H_
