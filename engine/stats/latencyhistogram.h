#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <nlohmann/json_fwd.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace cwb {

// A log-linear (HDR-style) histogram of latencies in nanoseconds.
//
// Values from 1 µs to 2^37 ns (~137 s) are kept with at most 1% relative error on any
// percentile (each power-of-two range is split into kSubBuckets linear buckets); smaller
// values are recorded exactly in the first range, larger ones are clamped to the top and
// counted in clampedCount(). record() is O(1) and never allocates: all buckets are allocated
// in the constructor. Histograms merge by adding counts, so per-worker, per-interval
// histograms combine into exact totals (percentiles of merged data, not averages of them).
class LatencyHistogram
{
public:
    static constexpr int kSubBucketBits = 7;              // 128 sub-buckets: <= 0.78% bucket width
    static constexpr int kSubBuckets = 1 << kSubBucketBits;
    static constexpr uint64_t kMaxTrackableNs = (uint64_t(1) << 37) - 1;

    LatencyHistogram();

    void record(uint64_t nanos) { recordN(nanos, 1); }
    void recordN(uint64_t nanos, uint64_t count);
    void merge(const LatencyHistogram &other);
    void reset();

    bool isEmpty() const { return m_count == 0; }
    uint64_t count() const { return m_count; }
    uint64_t clampedCount() const { return m_clamped; }
    uint64_t minNs() const;  // exact; 0 when empty
    uint64_t maxNs() const;  // exact; 0 when empty
    double meanNs() const;   // exact (sum / count); 0 when empty
    // Value at percentile p in [0, 100]: the smallest recorded bucket value such that at
    // least p% of the values are <= it, reported as the bucket's midpoint and clamped to
    // [min, max]. 0 when empty.
    uint64_t percentileNs(double p) const;

    // Compact binary form (version byte + varint-encoded sparse counts) and its inverse.
    QByteArray toBytes() const;
    static std::optional<LatencyHistogram> fromBytes(QByteArrayView bytes);
    // JSON form: {"v":1,"count":..,"min":..,"max":..,"sum":..,"buckets":[[index,count],...]}.
    nlohmann::json toJson() const;
    static std::optional<LatencyHistogram> fromJson(const nlohmann::json &json);

    // Bucket access for views that draw the distribution (percentile spectrum).
    int bucketCount() const { return int(m_counts.size()); }
    uint64_t bucketCountAt(int index) const { return m_counts[size_t(index)]; }
    uint64_t bucketLowNs(int index) const;
    uint64_t bucketHighNs(int index) const; // exclusive

    bool operator==(const LatencyHistogram &other) const;

private:
    static int bucketIndex(uint64_t nanos)
    {
        // Values below 2 * kSubBuckets get one bucket each (shift 0); above that, every
        // power-of-two range [2^k, 2^(k+1)) is cut into kSubBuckets buckets of width
        // 2^(k - kSubBucketBits). OR-ing in the low bits folds the exact range into the same
        // formula, so there is no branch.
        const int shift = std::bit_width(nanos | uint64_t(2 * kSubBuckets - 1)) - (kSubBucketBits + 1);
        return shift * kSubBuckets + int(nanos >> shift);
    }

    std::vector<uint64_t> m_counts;
    uint64_t m_count = 0;
    uint64_t m_clamped = 0;
    uint64_t m_min = UINT64_MAX;
    uint64_t m_max = 0;
    long double m_sum = 0; // exact enough for means over 10^12 samples of <= 2^37 ns
};

// Inline: workers call this on every request, from other translation units.
inline void LatencyHistogram::recordN(uint64_t nanos, uint64_t count)
{
    if (nanos > kMaxTrackableNs) [[unlikely]] {
        nanos = kMaxTrackableNs;
        m_clamped += count;
    }
    m_counts[size_t(bucketIndex(nanos))] += count;
    m_count += count;
    m_sum += static_cast<long double>(nanos) * static_cast<long double>(count);
    // count == 0 must not move min/max: a no-op record stays a no-op.
    if (count != 0) [[likely]] {
        m_min = std::min(m_min, nanos);
        m_max = std::max(m_max, nanos);
    }
}

} // namespace cwb
