// HashFilter: a Bloom filter over 64-bit hashes. The indexer keeps one over
// the cluster keys and fingerprints already stored, so the common case (a
// quotation never seen before) skips its index probes. Not thread-safe.
#ifndef WHOSAID_STORE_HASH_FILTER_H_
#define WHOSAID_STORE_HASH_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace whosaid::internal {

class HashFilter {
 public:
  // Sizes the filter for `expected` hashes at 16 bits each (about 0.2%
  // false positives when full; more past that, never false negatives).
  explicit HashFilter(size_t expected);

  void Add(uint64_t hash);
  // Returns false only when hash was never added.
  bool MayContain(uint64_t hash) const;
  // Returns true once more hashes were added than the filter was sized for.
  bool Overfull() const { return added_ > expected_; }

 private:
  std::vector<uint64_t> bits_;
  uint64_t mask_ = 0;  // Bit count minus one; the count is a power of two.
  size_t expected_ = 0;
  size_t added_ = 0;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_HASH_FILTER_H_
