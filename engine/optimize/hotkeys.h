#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cwb {

// One entry of a top-K answer.
//
// `count` is the space-saving estimate: it never underestimates the true count and
// overestimates it by at most `error` (so the true count lies in [count - error, count]).
// `error` itself is bounded by N / capacity, N = totalObserved().
struct HotKey
{
    std::string key;
    uint64_t count = 0;     // estimated weight, >= true weight
    uint64_t error = 0;     // maximum overestimate of `count`
    // True when the key certainly belongs to the answer: its guaranteed weight (count - error)
    // exceeds the estimated weight of the first key NOT in the answer (the (k+1)-th counter,
    // or the weight any unmonitored key could have). Then no key left out can be heavier.
    bool guaranteed = false;
    double share = 0;       // count / totalObserved(), 0..1 (an upper bound of the real share)

    uint64_t lowerBound() const { return count - error; }
};

// Client-side hot-key detector: the space-saving algorithm (Metwally, Agrawal, El Abbadi,
// "Efficient Computation of Frequent and Top-k Elements in Data Streams", 2005).
//
// It keeps at most `capacity` counters. A key already monitored has its counter increased; a new
// key takes a free counter, or replaces the key with the smallest counter and inherits that
// counter's value as its error. Hence, with N the total observed weight:
//   - count(key) >= true(key) and count(key) - true(key) <= error(key) <= min counter <= N / capacity;
//   - every key whose true weight exceeds N / capacity is monitored (no heavy hitter is missed).
// Memory is O(capacity); observe() is O(log capacity) (an indexed min-heap), so it can watch
// every request the workbench sends. Not thread-safe: one tracker per thread, or lock around it.
class HotKeyTracker
{
public:
    explicit HotKeyTracker(size_t capacity);

    void observe(std::string_view key, uint64_t weight = 1);
    // The k heaviest monitored keys, heaviest first (ties by key, for stable output).
    std::vector<HotKey> top(size_t k) const;
    uint64_t totalObserved() const { return m_total; }
    // The estimated count of one key: its counter when monitored, else 0 (its true count is
    // then at most unmonitoredBound()). O(1).
    uint64_t countOf(std::string_view key) const;

    size_t capacity() const { return m_capacity; }
    size_t monitored() const { return m_heap.size(); }
    // The documented worst-case overestimate for any key right now: floor(N / capacity).
    uint64_t errorBound() const { return m_capacity ? m_total / m_capacity : m_total; }
    // The most an unmonitored key can weigh: the smallest counter when all are in use, else 0.
    uint64_t unmonitoredBound() const;
    void clear();

private:
    struct Counter
    {
        std::string key;
        uint64_t count = 0;
        uint64_t error = 0;
    };
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    void siftDown(size_t pos);
    void swapNodes(size_t a, size_t b);

    size_t m_capacity;
    uint64_t m_total = 0;
    std::vector<Counter> m_heap; // min-heap on count
    std::unordered_map<std::string, size_t, Hash, std::equal_to<>> m_index; // key -> heap slot
};

} // namespace cwb
