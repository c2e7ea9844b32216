#pragma once

#include "loadconfig.h"
#include "redis/rediserror.h"
#include "stats/latencyhistogram.h"

#include <QString>

#include <array>
#include <cstdint>
#include <map>

namespace cwb {

// Counters of one operation type. `count` includes failed operations; the latency histogram
// holds successful operations only, so an error's instant failure does not flatter latency.
struct OpCounters
{
    uint64_t count = 0;
    uint64_t errors = 0;
    std::array<uint64_t, kRedisErrorKindCount> errorsByKind{};
    uint64_t hits = 0;   // reads only
    uint64_t misses = 0; // reads only
    LatencyHistogram latency;

    uint64_t successes() const { return count - errors; }
    void merge(const OpCounters &other);
    void reset();
};

// Everything a worker records between two collections; also the shape of interval, per-second
// and whole-run totals, which are merges of these.
struct StatsBlock
{
    std::array<OpCounters, kOpTypeCount> ops;
    // Failed connection attempts (closed loop has no scheduled operation to charge them to).
    std::array<uint64_t, kRedisErrorKindCount> connectErrors{};
    uint64_t reconnects = 0;
    uint64_t bytesSent = 0;
    uint64_t bytesReceived = 0;
    uint64_t movedRedirects = 0; // cluster: MOVED replies followed
    uint64_t askRedirects = 0;   // cluster: ASK replies followed
    // Cluster: operations by the node ("host:port") that served their first command.
    std::map<QString, OpCounters> nodes;

    OpCounters &op(OpType type) { return ops[size_t(type)]; }
    const OpCounters &op(OpType type) const { return ops[size_t(type)]; }
    OpCounters total() const; // all operation types merged
    uint64_t connectErrorCount() const;
    void merge(const StatsBlock &other);
    void reset();
};

using ErrorCounts = std::array<uint64_t, kRedisErrorKindCount>;
// "permission 12, timeout 3": the non-zero counts by kind, for one line of text.
QString describeErrorCounts(const ErrorCounts &errors);
// The kind with the most errors; `fallback` when there are none.
RedisErrorKind dominantErrorKind(const ErrorCounts &errors, RedisErrorKind fallback);

} // namespace cwb
