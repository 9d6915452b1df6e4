// An ordered parallel map over a stream: one reader thread produces items,
// N worker threads transform them, and the calling thread consumes the
// results strictly in production order. Reading overlaps transforming, and
// memory stays bounded whatever the stream's length, because at most
// max_in_flight items (and, beyond the first, max_in_flight_bytes of them)
// are between being produced and being consumed. Each callback runs on one
// thread at a time: produce on the reader, consume on the caller; transform
// runs concurrently on the workers and must be thread-safe.
//
// Example:
//   OrderedParallelMapOptions options;
//   options.workers = 4;
//   RunOrderedParallelMap<Record, Outcome>(
//       options,
//       [&](Record* r) { return reader.Next(r); },        // false at the end
//       [&](Record& r) { return Extract(r); },            // any order
//       [&](Record& r, Outcome& o) { Write(r, o); },      // input order
//       [](const Record& r) { return r.data.size(); });   // bytes held
#ifndef WHOSAID_UTIL_ORDERED_PARALLEL_MAP_H_
#define WHOSAID_UTIL_ORDERED_PARALLEL_MAP_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace whosaid::internal {

struct OrderedParallelMapOptions {
  // Threads running transform. With 1 (the default) or less, everything
  // runs on the calling thread, one item at a time, with no extra threads.
  int workers = 1;
  // Items produced but not yet consumed, at most. Also the reorder window:
  // a slow item holds back at most this many finished ones. Default 64.
  size_t max_in_flight = 64;
  // Bytes (as reported by the size callback) of those items, at most; one
  // item is always admitted, however large. Default 256 MiB.
  size_t max_in_flight_bytes = size_t{256} << 20;
};

// Calls produce(&in) until it returns false, transform(in) on each item
// produced, and consume(in, out) on each in the order produced; size(in)
// gives an item's bytes for the memory bound. Returns when every produced
// item has been consumed. The callbacks must not throw.
template <typename In, typename Out>
void RunOrderedParallelMap(const OrderedParallelMapOptions& options,
                           const std::function<bool(In*)>& produce,
                           const std::function<Out(In&)>& transform,
                           const std::function<void(In&, Out&)>& consume,
                           const std::function<size_t(const In&)>& size) {
  if (options.workers <= 1) {
    In in{};
    while (produce(&in)) {
      Out out = transform(in);
      consume(in, out);
      in = In{};
    }
    return;
  }
  const size_t window = std::max<size_t>(1, options.max_in_flight);
  struct Slot {
    In in{};
    std::optional<Out> out;
    size_t bytes = 0;
  };
  std::mutex mu;
  std::condition_variable can_produce, can_work, can_consume;
  std::vector<Slot> ring(window);   // Item seq lives in ring[seq % window].
  std::deque<uint64_t> pending;     // Produced, not yet taken by a worker.
  uint64_t produced = 0, consumed = 0;
  size_t bytes_in_flight = 0;
  bool done_producing = false;

  std::thread reader([&] {
    for (;;) {
      In in{};
      if (!produce(&in)) break;
      size_t bytes = size(in);
      std::unique_lock<std::mutex> lock(mu);
      can_produce.wait(lock, [&] {
        uint64_t in_flight = produced - consumed;
        return in_flight == 0 || (in_flight < window && bytes_in_flight + bytes <= options.max_in_flight_bytes);
      });
      Slot& slot = ring[produced % window];
      slot.in = std::move(in);
      slot.out.reset();
      slot.bytes = bytes;
      bytes_in_flight += bytes;
      pending.push_back(produced++);
      can_work.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu);
    done_producing = true;
    can_work.notify_all();
    can_consume.notify_all();
  });

  auto work = [&] {
    for (;;) {
      uint64_t seq;
      {
        std::unique_lock<std::mutex> lock(mu);
        can_work.wait(lock, [&] { return !pending.empty() || done_producing; });
        if (pending.empty()) return;
        seq = pending.front();
        pending.pop_front();
      }
      // The slot is this worker's alone until it publishes out: the reader
      // does not reuse it before it is consumed, nor the consumer read it
      // before out is set.
      Slot& slot = ring[seq % window];
      Out out = transform(slot.in);
      std::lock_guard<std::mutex> lock(mu);
      slot.out.emplace(std::move(out));
      if (seq == consumed) can_consume.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < options.workers; ++i) workers.emplace_back(work);

  for (;;) {
    std::unique_lock<std::mutex> lock(mu);
    can_consume.wait(lock, [&] {
      return (consumed < produced && ring[consumed % window].out.has_value()) ||
             (done_producing && consumed == produced);
    });
    if (consumed == produced) break;
    Slot& slot = ring[consumed % window];
    lock.unlock();
    consume(slot.in, *slot.out);
    slot.in = In{};
    slot.out.reset();
    lock.lock();
    bytes_in_flight -= slot.bytes;
    ++consumed;
    can_produce.notify_one();
  }
  reader.join();
  for (std::thread& t : workers) t.join();
}

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_ORDERED_PARALLEL_MAP_H_
