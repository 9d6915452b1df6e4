// ClusterIndex: open-addressing tables for the writer's clustering lookups;
// each fingerprint heads a chain of the smallest clusters that have it,
// largest id first.
#include "src/store/cluster_index.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace whosaid::internal {

size_t ClusterIndex::Table::Home(uint64_t key) const {
  // Fingerprints are minima of hashes, so their high bits lean to zero;
  // a multiplicative hash spreads them before the top bits pick the slot.
  int shift = 64 - std::countr_zero(slots.size());
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
}

void ClusterIndex::Table::Grow() {
  std::vector<Slot> old = std::move(slots);
  slots.assign(old.empty() ? 1024 : old.size() * 2, Slot());
  count = 0;
  for (const Slot& s : old) {
    if (s.value != 0) Insert(s.key, s.value);
  }
}

void ClusterIndex::Table::Insert(uint64_t key, int64_t value) {
  if ((count + 1) * 2 > slots.size()) Grow();
  size_t mask = slots.size() - 1;
  size_t i = Home(key);
  while (slots[i].value != 0) i = (i + 1) & mask;
  slots[i] = Slot{key, value};
  ++count;
}

const ClusterIndex::Slot* ClusterIndex::Table::Find(uint64_t key) const {
  if (slots.empty()) return nullptr;
  size_t mask = slots.size() - 1;
  for (size_t i = Home(key); slots[i].value != 0; i = (i + 1) & mask) {
    if (slots[i].key == key) return &slots[i];
  }
  return nullptr;
}

ClusterIndex::Slot* ClusterIndex::Table::Find(uint64_t key) {
  return const_cast<Slot*>(static_cast<const Table*>(this)->Find(key));
}

int64_t ClusterIndex::ClusterOfKey(uint64_t key) const {
  const Slot* slot = keys_.Find(key);
  return slot != nullptr ? slot->value : 0;
}

void ClusterIndex::AddKey(uint64_t key, int64_t cluster) {
  if (keys_.Find(key) == nullptr) keys_.Insert(key, cluster);
}

void ClusterIndex::ClustersWithFingerprint(uint64_t fp, size_t max, std::vector<int64_t>* clusters) const {
  clusters->clear();
  const Slot* slot = fingerprint_chains_.Find(fp);
  if (slot == nullptr) return;
  if (ChainLength(*slot) == 1) {
    if (max > 0) clusters->push_back(static_cast<int64_t>(ChainHead(*slot)));
    return;
  }
  for (size_t link = ChainHead(*slot); link != 0; link = holders_[link - 1].next) {
    clusters->push_back(holders_[link - 1].cluster);
  }
  // The chain runs from the largest id down.
  std::reverse(clusters->begin(), clusters->end());
  if (clusters->size() > max) clusters->resize(max);
}

void ClusterIndex::AppendClustersWithFingerprint(uint64_t fp, size_t max, std::vector<int64_t>* clusters) const {
  const Slot* slot = fingerprint_chains_.Find(fp);
  if (slot == nullptr) return;
  if (ChainLength(*slot) == 1) {
    if (max > 0) clusters->push_back(static_cast<int64_t>(ChainHead(*slot)));
    return;
  }
  // The chain runs from the largest id down, so its last `max` are the
  // smallest.
  size_t skip = ChainLength(*slot) > max ? ChainLength(*slot) - max : 0;
  for (size_t link = ChainHead(*slot); link != 0; link = holders_[link - 1].next) {
    if (skip > 0) {
      --skip;
      continue;
    }
    clusters->push_back(holders_[link - 1].cluster);
  }
}

void ClusterIndex::SetRepresentative(int64_t cluster, const std::vector<uint64_t>& fingerprints) {
  size_t c = static_cast<size_t>(cluster);
  if (rep_fingerprints_.size() <= c) rep_fingerprints_.resize(std::max(c + 1, rep_fingerprints_.size() * 2));
  rep_fingerprints_[c] = static_cast<uint32_t>(fingerprints.size());
  for (uint64_t fp : fingerprints) {
    Slot* slot = fingerprint_chains_.Find(fp);
    if (slot == nullptr) {
      fingerprint_chains_.Insert(fp, ChainValue(c, 1));  // The cluster in place.
      ++pairs_;
      continue;
    }
    AddHolder(cluster, slot);
  }
}

void ClusterIndex::AddHolder(int64_t cluster, Slot* chain) {
  size_t head = ChainHead(*chain);
  size_t length = ChainLength(*chain);
  if (length == 1) {
    // The one cluster held in place becomes a chain of two pairs.
    int64_t other = static_cast<int64_t>(head);
    if (other == cluster) return;
    holders_.push_back(Holder{std::min(cluster, other), 0});
    holders_.push_back(Holder{std::max(cluster, other), holders_.size()});
    chain->value = ChainValue(holders_.size(), 2);
    ++pairs_;
    return;
  }
  int64_t largest = holders_[head - 1].cluster;
  if (cluster > largest) {
    // The common case, a new cluster: O(1) either way.
    if (length == kHoldersKept) return;  // Never among the smallest.
    holders_.push_back(Holder{cluster, head});
    chain->value = ChainValue(holders_.size(), length + 1);
    ++pairs_;
    return;
  }
  // An older cluster's new representative: rebuild the short chain.
  size_t nodes[kHoldersKept + 1];
  size_t n = 0;
  for (size_t link = head; link != 0; link = holders_[link - 1].next) {
    if (holders_[link - 1].cluster == cluster) return;  // Present already.
    nodes[n++] = link;
  }
  size_t fresh;
  if (n == kHoldersKept) {
    fresh = nodes[0];  // The largest makes room.
    std::copy(nodes + 1, nodes + n, nodes);
    --n;
  } else {
    holders_.push_back(Holder{0, 0});
    fresh = holders_.size();
    ++pairs_;
  }
  holders_[fresh - 1].cluster = cluster;
  size_t at = n;  // nodes is descending; insert before the first smaller id.
  while (at > 0 && holders_[nodes[at - 1] - 1].cluster < cluster) {
    nodes[at] = nodes[at - 1];
    --at;
  }
  nodes[at] = fresh;
  ++n;
  for (size_t i = 0; i < n; ++i) holders_[nodes[i] - 1].next = i + 1 < n ? nodes[i + 1] : 0;
  chain->value = ChainValue(nodes[0], n);
}

uint32_t ClusterIndex::RepresentativeFingerprints(int64_t cluster) const {
  size_t c = static_cast<size_t>(cluster);
  return c < rep_fingerprints_.size() ? rep_fingerprints_[c] : 0;
}

}  // namespace whosaid::internal
