#include "benchmark.h"

#include "benchmarkfactories.h"

namespace cwb {

double Benchmark::parameter(const BenchmarkContext &context, const QString &name) const
{
    const auto it = context.parameters.constFind(name);
    if (it != context.parameters.constEnd())
        return it.value();
    for (const auto &p : parameters()) {
        if (p.name == name)
            return p.defaultValue;
    }
    return 0;
}

namespace {

using Factory = std::unique_ptr<Benchmark> (*)();

const std::vector<std::pair<const char *, Factory>> &factories()
{
    static const std::vector<std::pair<const char *, Factory>> list{
        {"cache-basic-ops", bench::makeBasicOpsBenchmark},
        {"concurrent-reads", bench::makeConcurrentReadsBenchmark},
        {"concurrent-writes", bench::makeConcurrentWritesBenchmark},
        {"mixed-operations", bench::makeMixedOperationsBenchmark},
        {"invalidation-patterns", bench::makeInvalidationBenchmark},
        {"session-management", bench::makeSessionBenchmark},
        {"geospatial-queries", bench::makeGeospatialBenchmark},
        {"realtime-updates", bench::makeRealtimeBenchmark},
        {"memory-stress", bench::makeMemoryStressBenchmark},
        {"high-concurrency-stress", bench::makeHighConcurrencyBenchmark},
    };
    return list;
}

} // namespace

QStringList benchmarkNames()
{
    QStringList names;
    for (const auto &[name, factory] : factories())
        names << QString::fromLatin1(name);
    return names;
}

std::unique_ptr<Benchmark> createBenchmark(const QString &name)
{
    for (const auto &[id, factory] : factories()) {
        if (name == QLatin1String(id))
            return factory();
    }
    return nullptr;
}

std::vector<std::unique_ptr<Benchmark>> createAllBenchmarks()
{
    std::vector<std::unique_ptr<Benchmark>> all;
    for (const auto &[id, factory] : factories())
        all.push_back(factory());
    return all;
}

} // namespace cwb
