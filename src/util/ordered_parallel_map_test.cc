// RunOrderedParallelMap: results come out in production order whatever the
// worker count and however uneven the work, and the in-flight bound holds.
#include "src/util/ordered_parallel_map.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace whosaid::internal {
namespace {

// Produces 0..n-1; items whose number is a multiple of 7 take longer, so
// later items finish first and must wait for their turn.
std::vector<int> RunNumbers(int n, int workers, size_t max_in_flight, size_t max_bytes, int* max_seen) {
  OrderedParallelMapOptions options;
  options.workers = workers;
  options.max_in_flight = max_in_flight;
  options.max_in_flight_bytes = max_bytes;
  int next = 0;
  std::atomic<int> in_flight{0};
  std::atomic<int> peak{0};
  std::vector<int> out;
  RunOrderedParallelMap<int, std::string>(
      options,
      [&](int* item) {
        if (next == n) return false;
        *item = next++;
        int now = ++in_flight;
        for (int p = peak.load(); now > p && !peak.compare_exchange_weak(p, now);) {
        }
        return true;
      },
      [&](int& item) {
        if (item % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return std::to_string(item * 2);
      },
      [&](int& item, std::string& result) {
        EXPECT_EQ(result, std::to_string(item * 2));
        out.push_back(item);
        --in_flight;
      },
      [](const int&) { return size_t{100}; });
  *max_seen = peak.load();
  return out;
}

TEST(OrderedParallelMap, ResultsComeInProductionOrderForAnyWorkerCount) {
  for (int workers : {1, 2, 3, 8}) {
    int peak = 0;
    std::vector<int> out = RunNumbers(500, workers, 16, size_t{1} << 20, &peak);
    ASSERT_EQ(out.size(), 500u) << workers;
    for (int i = 0; i < 500; ++i) ASSERT_EQ(out[i], i) << "workers " << workers;
  }
}

TEST(OrderedParallelMap, InFlightItemsStayWithinTheWindowAndByteBound) {
  int peak = 0;
  RunNumbers(300, 4, 8, size_t{1} << 20, &peak);
  // The reader counts an item before it waits for room, so one more than
  // the window may be counted at a time.
  EXPECT_LE(peak, 9);
  RunNumbers(300, 4, 64, 250, &peak);  // Room for two 100-byte items.
  EXPECT_LE(peak, 3);
}

TEST(OrderedParallelMap, OneItemLargerThanTheByteBoundStillPasses) {
  OrderedParallelMapOptions options;
  options.workers = 2;
  options.max_in_flight_bytes = 10;
  int produced = 0, consumed = 0;
  RunOrderedParallelMap<int, int>(
      options, [&](int* item) { *item = produced; return produced++ < 5; },
      [](int& item) { return item; }, [&](int&, int&) { ++consumed; },
      [](const int&) { return size_t{1000}; });
  EXPECT_EQ(consumed, 5);
}

TEST(OrderedParallelMap, EmptyStreamReturns) {
  OrderedParallelMapOptions options;
  options.workers = 3;
  int consumed = 0;
  RunOrderedParallelMap<int, int>(
      options, [](int*) { return false; }, [](int& item) { return item; },
      [&](int&, int&) { ++consumed; }, [](const int&) { return size_t{1}; });
  EXPECT_EQ(consumed, 0);
}

}  // namespace
}  // namespace whosaid::internal
