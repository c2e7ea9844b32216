#include "latencyhistogram.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cwb {

namespace {

constexpr uint8_t kFormatVersion = 1;
// Index of the bucket that holds kMaxTrackableNs, plus one.
constexpr int kBucketCount = (std::bit_width(LatencyHistogram::kMaxTrackableNs) - LatencyHistogram::kSubBucketBits)
        * LatencyHistogram::kSubBuckets
    + LatencyHistogram::kSubBuckets;
constexpr long double kTwoPow64 = 18446744073709551616.0L;

void putVarint(QByteArray &out, uint64_t value)
{
    while (value >= 0x80) {
        out.append(char(uint8_t(value) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

// Reads bytes as untrusted input: every read is bounds-checked and only the canonical
// (shortest) encoding is accepted, so that an accepted buffer re-encodes to itself.
class Reader
{
public:
    explicit Reader(QByteArrayView bytes) : m_bytes(bytes) {}

    bool atEnd() const { return m_pos == m_bytes.size(); }
    qsizetype remaining() const { return m_bytes.size() - m_pos; }

    bool byte(uint8_t &out)
    {
        if (m_pos >= m_bytes.size())
            return false;
        out = uint8_t(m_bytes[m_pos++]);
        return true;
    }

    bool varint(uint64_t &out)
    {
        out = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = 0;
            if (!byte(b))
                return false;
            const uint64_t bits = b & 0x7f;
            if (shift == 63 && bits > 1)
                return false; // more than 64 bits
            out |= bits << shift;
            if (!(b & 0x80))
                return shift == 0 || b != 0; // a trailing zero byte is a non-canonical encoding
        }
        return false;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

uint64_t bucketMidpoint(uint64_t low, uint64_t high)
{
    return low + (high - low) / 2;
}

bool jsonUnsigned(const nlohmann::json &json, const char *key, uint64_t &out)
{
    const auto it = json.find(key);
    if (it == json.end())
        return false;
    if (it->is_number_unsigned()) {
        out = it->get<uint64_t>();
        return true;
    }
    if (it->is_number_integer() && it->get<int64_t>() >= 0) {
        out = uint64_t(it->get<int64_t>());
        return true;
    }
    return false;
}

} // namespace

LatencyHistogram::LatencyHistogram()
    : m_counts(size_t(kBucketCount), 0)
{
    static_assert(kBucketCount == 3968);
}

// Every non-empty bucket lies between the buckets of min and max (record() and merge() keep it
// so, and both deserialisers check it), so merge, reset and percentiles touch only that range:
// the collector merges and resets many histograms ten times a second.
void LatencyHistogram::merge(const LatencyHistogram &other)
{
    if (other.m_count == 0)
        return;
    for (int i = bucketIndex(other.m_min), last = bucketIndex(other.m_max); i <= last; ++i)
        m_counts[size_t(i)] += other.m_counts[size_t(i)];
    m_count += other.m_count;
    m_clamped += other.m_clamped;
    m_sum += other.m_sum;
    m_min = std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
}

void LatencyHistogram::reset()
{
    if (m_count != 0)
        std::fill(m_counts.begin() + bucketIndex(m_min), m_counts.begin() + bucketIndex(m_max) + 1, 0);
    m_count = 0;
    m_clamped = 0;
    m_min = UINT64_MAX;
    m_max = 0;
    m_sum = 0;
}

uint64_t LatencyHistogram::minNs() const
{
    return m_count == 0 ? 0 : m_min;
}

uint64_t LatencyHistogram::maxNs() const
{
    return m_count == 0 ? 0 : m_max;
}

double LatencyHistogram::meanNs() const
{
    return m_count == 0 ? 0.0 : double(m_sum / static_cast<long double>(m_count));
}

uint64_t LatencyHistogram::percentileNs(double p) const
{
    if (m_count == 0 || std::isnan(p))
        return 0;
    if (p <= 0)
        return m_min;
    if (p >= 100)
        return m_max;
    // The rank (1-based) of the value at p: ceil(p% of count), at least 1.
    const long double exactRank = static_cast<long double>(p) / 100.0L * static_cast<long double>(m_count);
    uint64_t rank = uint64_t(std::ceil(exactRank));
    rank = std::clamp<uint64_t>(rank, 1, m_count);
    uint64_t seen = 0;
    for (int i = bucketIndex(m_min); i < kBucketCount; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank)
            return std::clamp(bucketMidpoint(bucketLowNs(i), bucketHighNs(i)), m_min, m_max);
    }
    return m_max; // unreachable while counts and m_count agree
}

uint64_t LatencyHistogram::bucketLowNs(int index) const
{
    if (index < 2 * kSubBuckets)
        return uint64_t(index);
    const int shift = index / kSubBuckets - 1;
    return uint64_t(index - shift * kSubBuckets) << shift;
}

uint64_t LatencyHistogram::bucketHighNs(int index) const
{
    if (index < 2 * kSubBuckets)
        return uint64_t(index) + 1;
    const int shift = index / kSubBuckets - 1;
    return uint64_t(index - shift * kSubBuckets + 1) << shift;
}

bool LatencyHistogram::operator==(const LatencyHistogram &other) const
{
    return m_count == other.m_count && m_clamped == other.m_clamped && minNs() == other.minNs()
        && maxNs() == other.maxNs() && m_sum == other.m_sum && m_counts == other.m_counts;
}

// Layout: version, count, clamped, min, max, sum (high and low 64 bits), number of non-empty
// buckets, then per bucket the gap to the previous index and the count; all varints.
QByteArray LatencyHistogram::toBytes() const
{
    QByteArray out;
    out.append(char(kFormatVersion));
    putVarint(out, m_count);
    putVarint(out, m_clamped);
    putVarint(out, minNs());
    putVarint(out, maxNs());
    const long double high = std::floor(m_sum / kTwoPow64);
    putVarint(out, uint64_t(high));
    putVarint(out, uint64_t(m_sum - high * kTwoPow64));
    uint64_t used = 0;
    for (uint64_t c : m_counts)
        used += c != 0;
    putVarint(out, used);
    int previous = -1;
    for (int i = 0; i < kBucketCount; ++i) {
        if (m_counts[size_t(i)] == 0)
            continue;
        putVarint(out, uint64_t(i - previous - 1));
        putVarint(out, m_counts[size_t(i)]);
        previous = i;
    }
    return out;
}

std::optional<LatencyHistogram> LatencyHistogram::fromBytes(QByteArrayView bytes)
{
    Reader in(bytes);
    uint8_t version = 0;
    uint64_t count = 0, clamped = 0, min = 0, max = 0, sumHigh = 0, sumLow = 0, used = 0;
    if (!in.byte(version) || version != kFormatVersion || !in.varint(count) || !in.varint(clamped)
        || !in.varint(min) || !in.varint(max) || !in.varint(sumHigh) || !in.varint(sumLow) || !in.varint(used))
        return std::nullopt;
    // Each bucket entry takes at least two bytes: this bounds `used` before any work.
    if (used > uint64_t(kBucketCount) || used > uint64_t(in.remaining() / 2))
        return std::nullopt;

    LatencyHistogram h;
    uint64_t total = 0;
    int index = -1;
    int first = -1;
    for (uint64_t n = 0; n < used; ++n) {
        uint64_t gap = 0, c = 0;
        if (!in.varint(gap) || !in.varint(c) || c == 0 || gap >= uint64_t(kBucketCount))
            return std::nullopt;
        index += int(gap) + 1;
        if (index >= kBucketCount || total + c < total)
            return std::nullopt;
        total += c;
        h.m_counts[size_t(index)] = c;
        if (first < 0)
            first = index;
    }
    if (!in.atEnd() || total != count || clamped > count)
        return std::nullopt;

    const long double sum = static_cast<long double>(sumHigh) * kTwoPow64 + static_cast<long double>(sumLow);
    if (count == 0) {
        if (min != 0 || max != 0 || sum != 0)
            return std::nullopt;
        return h;
    }
    // min and max must lie in the first and last non-empty buckets, and the mean between them.
    if (min > max || max > kMaxTrackableNs || bucketIndex(min) != first || bucketIndex(max) != index
        || sum < static_cast<long double>(min) * count || sum > static_cast<long double>(max) * count)
        return std::nullopt;
    // Clamped values were recorded as kMaxTrackableNs, so they sit in the top bucket.
    if (clamped > 0 && (max != kMaxTrackableNs || clamped > h.m_counts.back()))
        return std::nullopt;
    h.m_count = count;
    h.m_clamped = clamped;
    h.m_min = min;
    h.m_max = max;
    h.m_sum = sum;
    return h;
}

nlohmann::json LatencyHistogram::toJson() const
{
    nlohmann::json buckets = nlohmann::json::array();
    for (int i = 0; i < kBucketCount; ++i) {
        if (m_counts[size_t(i)] != 0)
            buckets.push_back({i, m_counts[size_t(i)]});
    }
    nlohmann::json json{{"v", 1}, {"count", m_count}, {"clamped", m_clamped}, {"min", minNs()}, {"max", maxNs()}};
    if (m_sum <= static_cast<long double>(UINT64_MAX))
        json["sum"] = uint64_t(m_sum);
    else
        json["sum"] = double(m_sum); // beyond 2^64 ns the sum is no longer exact anyway
    json["buckets"] = std::move(buckets);
    return json;
}

std::optional<LatencyHistogram> LatencyHistogram::fromJson(const nlohmann::json &json)
{
    if (!json.is_object())
        return std::nullopt;
    uint64_t version = 0, count = 0, clamped = 0, min = 0, max = 0;
    if (!jsonUnsigned(json, "v", version) || version != 1 || !jsonUnsigned(json, "count", count)
        || !jsonUnsigned(json, "min", min) || !jsonUnsigned(json, "max", max))
        return std::nullopt;
    if (json.contains("clamped") && !jsonUnsigned(json, "clamped", clamped))
        return std::nullopt;
    const auto sumIt = json.find("sum");
    if (sumIt == json.end() || !sumIt->is_number())
        return std::nullopt;
    long double sum = 0;
    if (sumIt->is_number_unsigned())
        sum = static_cast<long double>(sumIt->get<uint64_t>());
    else if (sumIt->is_number_integer())
        sum = static_cast<long double>(sumIt->get<int64_t>());
    else
        sum = static_cast<long double>(sumIt->get<double>());
    const auto bucketsIt = json.find("buckets");
    if (bucketsIt == json.end() || !bucketsIt->is_array())
        return std::nullopt;

    // Rebuild through the binary form's checks so that both forms accept exactly the same data.
    LatencyHistogram h;
    uint64_t total = 0;
    int previous = -1;
    for (const auto &entry : *bucketsIt) {
        if (!entry.is_array() || entry.size() != 2 || !entry[0].is_number_integer() || !entry[1].is_number_integer())
            return std::nullopt;
        // A negative number arrives as a signed integer; anything that could wrap is refused.
        if (!entry[0].is_number_unsigned() && entry[0].get<int64_t>() < 0)
            return std::nullopt;
        if (!entry[1].is_number_unsigned() && entry[1].get<int64_t>() <= 0)
            return std::nullopt;
        const uint64_t rawIndex = entry[0].get<uint64_t>();
        const uint64_t c = entry[1].get<uint64_t>();
        if (rawIndex >= uint64_t(kBucketCount) || int64_t(rawIndex) <= previous || c == 0 || total + c < total)
            return std::nullopt;
        const int64_t index = int64_t(rawIndex);
        total += c;
        h.m_counts[size_t(index)] = c;
        previous = int(index);
    }
    if (total != count || clamped > count || !std::isfinite(double(sum)) || sum < 0)
        return std::nullopt;
    if (count == 0) {
        if (min != 0 || max != 0 || sum != 0)
            return std::nullopt;
        return h;
    }
    int first = 0;
    while (h.m_counts[size_t(first)] == 0)
        ++first;
    if (min > max || max > kMaxTrackableNs || bucketIndex(min) != first || bucketIndex(max) != previous
        || sum < static_cast<long double>(min) * count || sum > static_cast<long double>(max) * count)
        return std::nullopt;
    // Clamped values were recorded as kMaxTrackableNs, so they sit in the top bucket.
    if (clamped > 0 && (max != kMaxTrackableNs || clamped > h.m_counts.back()))
        return std::nullopt;
    h.m_count = count;
    h.m_clamped = clamped;
    h.m_min = min;
    h.m_max = max;
    h.m_sum = sum;
    return h;
}

} // namespace cwb
