#include "runstats.h"

#include <QStringList>

namespace cwb {

void OpCounters::merge(const OpCounters &other)
{
    count += other.count;
    errors += other.errors;
    for (size_t i = 0; i < errorsByKind.size(); ++i)
        errorsByKind[i] += other.errorsByKind[i];
    hits += other.hits;
    misses += other.misses;
    latency.merge(other.latency);
}

void OpCounters::reset()
{
    count = errors = hits = misses = 0;
    errorsByKind.fill(0);
    latency.reset();
}

OpCounters StatsBlock::total() const
{
    OpCounters sum;
    for (const auto &o : ops)
        sum.merge(o);
    return sum;
}

uint64_t StatsBlock::connectErrorCount() const
{
    uint64_t n = 0;
    for (auto e : connectErrors)
        n += e;
    return n;
}

void StatsBlock::merge(const StatsBlock &other)
{
    for (size_t i = 0; i < ops.size(); ++i)
        ops[i].merge(other.ops[i]);
    for (size_t i = 0; i < connectErrors.size(); ++i)
        connectErrors[i] += other.connectErrors[i];
    reconnects += other.reconnects;
    bytesSent += other.bytesSent;
    bytesReceived += other.bytesReceived;
    movedRedirects += other.movedRedirects;
    askRedirects += other.askRedirects;
    for (const auto &[address, counters] : other.nodes)
        nodes[address].merge(counters);
}

void StatsBlock::reset()
{
    for (auto &o : ops)
        o.reset();
    connectErrors.fill(0);
    reconnects = bytesSent = bytesReceived = movedRedirects = askRedirects = 0;
    nodes.clear();
}

QString describeErrorCounts(const ErrorCounts &errors)
{
    QStringList parts;
    for (int k = 1; k < kRedisErrorKindCount; ++k) {
        if (errors[size_t(k)])
            parts << QStringLiteral("%1 %2").arg(errorKindName(RedisErrorKind(k))).arg(errors[size_t(k)]);
    }
    return parts.join(QStringLiteral(", "));
}

RedisErrorKind dominantErrorKind(const ErrorCounts &errors, RedisErrorKind fallback)
{
    RedisErrorKind kind = fallback;
    for (int k = 1; k < kRedisErrorKindCount; ++k) {
        if (errors[size_t(k)] > errors[size_t(kind)])
            kind = RedisErrorKind(k);
    }
    return kind;
}

} // namespace cwb
