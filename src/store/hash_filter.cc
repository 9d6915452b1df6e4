// HashFilter: three probes derived from one remixed hash. Inputs are
// remixed because winnowed fingerprints are minima, so their low values are
// over-represented.
#include "src/store/hash_filter.h"

namespace whosaid::internal {
namespace {

constexpr int kProbes = 3;

uint64_t Remix(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7FB5D329728EA185ull;
  x ^= x >> 27;
  x *= 0x81DADEF4BC2DD44Dull;
  x ^= x >> 33;
  return x;
}

}  // namespace

HashFilter::HashFilter(size_t expected) : expected_(expected) {
  uint64_t bits = 1 << 16;
  while (bits < uint64_t{expected} * 16) bits <<= 1;
  bits_.assign(bits / 64, 0);
  mask_ = bits - 1;
}

void HashFilter::Add(uint64_t hash) {
  uint64_t h = Remix(hash);
  uint64_t step = (h >> 32) | 1;
  for (int i = 0; i < kProbes; ++i, h += step) bits_[(h & mask_) >> 6] |= uint64_t{1} << (h & 63);
  ++added_;
}

bool HashFilter::MayContain(uint64_t hash) const {
  uint64_t h = Remix(hash);
  uint64_t step = (h >> 32) | 1;
  for (int i = 0; i < kProbes; ++i, h += step) {
    if ((bits_[(h & mask_) >> 6] & (uint64_t{1} << (h & 63))) == 0) return false;
  }
  return true;
}

}  // namespace whosaid::internal
