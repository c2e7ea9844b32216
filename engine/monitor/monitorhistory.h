#pragma once

#include "monitorsample.h"

#include <deque>
#include <vector>

namespace cwb {

// The live view's memory: the most recent samples of every node, oldest first, bounded by a
// count (a full day at 1 s for a few nodes) so a long session cannot grow without limit.
class MonitorHistory
{
public:
    explicit MonitorHistory(size_t capacity = 400000) : m_capacity(capacity) {}

    // Appends a new sample; one of the same node and instant as a sample here is dropped.
    void append(const MonitorSample &sample);
    void append(const std::vector<MonitorSample> &samples);
    // Adds samples read back from the store (oldest first) where they belong in time, skipping
    // those already here (same time and node). Returns how many were added.
    size_t merge(const std::vector<MonitorSample> &samples);
    void clear() { m_samples.clear(); }
    size_t size() const { return m_samples.size(); }
    size_t capacity() const { return m_capacity; }

    // Samples of one node (empty = every node) with fromMs <= t <= toMs, oldest first.
    std::vector<MonitorSample> range(const QString &node, qint64 fromMs, qint64 toMs) const;
    // The newest sample of a node; nullptr when there is none.
    const MonitorSample *latest(const QString &node) const;
    // The newest sample of every node, in first-seen order.
    std::vector<MonitorSample> latestPerNode() const;
    QStringList nodes() const;
    // Drops samples older than cutoffMs (the retention period).
    void purgeOlderThan(qint64 cutoffMs);

private:
    size_t m_capacity;
    std::deque<MonitorSample> m_samples;
};

} // namespace cwb
