#include "benchmarkfactories.h"
#include "benchutil.h"

namespace cwb::bench {

namespace {

// Shared by the three load-engine benchmarks: one LoadRun, its failure mapped onto the result.
bool runStep(const LoadTestConfig &config, const BenchmarkContext &context, BenchmarkResult &result,
             double fractionFrom, double fractionTo, const QString &label, RunResult *out)
{
    *out = runLoad(config, context, [&](double f) {
        context.report(fractionFrom + (fractionTo - fractionFrom) * f, label);
    });
    if (out->status == RunStatus::Failed) {
        fail(result, label + QStringLiteral(": ") + out->failureReason);
        return false;
    }
    return out->status == RunStatus::Completed;
}

bool prefill(const BenchmarkContext &context, BenchmarkResult &result, int64_t keys, int valueSize)
{
    ClusterRouter connection(context.endpoint, benchConnectionOptions());
    if (!openConnection(connection, result))
        return false;
    context.report(0, QStringLiteral("pre-fill"));
    QString error;
    if (!prefillStrings(connection, context.keyPrefix, keys, valueSize, context, &error)) {
        if (!context.cancelled())
            fail(result, error);
        return false;
    }
    return true;
}

class ConcurrentReadsBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("concurrent-reads"); }
    QString title() const override { return QStringLiteral("Concurrent reads"); }
    QString description() const override
    {
        return QStringLiteral("Many connections reading a pre-filled key space, uniform and Zipfian.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("connections"), QStringLiteral("Concurrent connections"), 32, 1, 10000},
                {QStringLiteral("durationSec"), QStringLiteral("Seconds per distribution"), 2, 0.2, 3600},
                {QStringLiteral("keySpace"), QStringLiteral("Pre-filled keys"), 10000, 10, 100000000},
                {QStringLiteral("valueSize"), QStringLiteral("Value size in bytes"), 100, 1, 1024 * 1024}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int64_t keys = int64_t(parameter(context, QStringLiteral("keySpace")));
        if (!prefill(context, result, keys, int(parameter(context, QStringLiteral("valueSize")))))
            return;
        const std::pair<KeyDistribution, QString> runs[] = {{KeyDistribution::Uniform, QStringLiteral("uniform")},
                                                            {KeyDistribution::Zipfian, QStringLiteral("zipfian")}};
        for (int i = 0; i < 2; ++i) {
            LoadTestConfig config = loadConfigFor(context, context.keyPrefix,
                                                  parameter(context, QStringLiteral("durationSec")),
                                                  int(parameter(context, QStringLiteral("connections"))));
            config.operationMix = {100, 0, 0, 0};
            config.keySpace = keys;
            config.keyDistribution = runs[i].first;
            config.seed = uint64_t(i + 1);
            RunResult run;
            const QString label = QStringLiteral("GET ") + runs[i].second;
            if (!runStep(config, context, result, 0.1 + 0.45 * i, 0.55 + 0.45 * i, label, &run))
                return;
            result.operations.push_back(operationFrom(label, run.totals.op(OpType::Read), run.measuredSec));
            result.metrics.push_back({QStringLiteral("hit rate ") + runs[i].second, 100.0 * std::max(0.0, run.hitRate()),
                                      QStringLiteral("%")});
        }
    }
};

class ConcurrentWritesBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("concurrent-writes"); }
    QString title() const override { return QStringLiteral("Concurrent writes"); }
    QString description() const override
    {
        return QStringLiteral("Many connections writing SET with TTL, value sizes from 32 B to 64 KiB.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("connections"), QStringLiteral("Concurrent connections"), 16, 1, 10000},
                {QStringLiteral("durationSec"), QStringLiteral("Seconds per value size"), 1, 0.2, 3600},
                {QStringLiteral("keySpace"), QStringLiteral("Distinct keys written"), 1000, 10, 100000000},
                {QStringLiteral("ttlSec"), QStringLiteral("TTL of every write"), 60, 1, 86400}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int sizes[] = {32, 1024, 16 * 1024, 64 * 1024};
        const QString labels[] = {QStringLiteral("SET 32 B"), QStringLiteral("SET 1 KiB"), QStringLiteral("SET 16 KiB"),
                                  QStringLiteral("SET 64 KiB")};
        BenchmarkSeries throughput{QStringLiteral("throughput by value size"), QStringLiteral("bytes"),
                                   QStringLiteral("ops/s"), {}};
        BenchmarkSeries bandwidth{QStringLiteral("bandwidth by value size"), QStringLiteral("bytes"), QStringLiteral("MB/s"), {}};
        for (int i = 0; i < 4; ++i) {
            LoadTestConfig config = loadConfigFor(context, context.keyPrefix,
                                                  parameter(context, QStringLiteral("durationSec")),
                                                  int(parameter(context, QStringLiteral("connections"))));
            config.operationMix = {0, 100, 0, 0};
            config.keySpace = int64_t(parameter(context, QStringLiteral("keySpace")));
            config.valueSizeMin = config.valueSizeMax = sizes[i];
            config.ttlSec = int(parameter(context, QStringLiteral("ttlSec")));
            config.seed = uint64_t(i + 1);
            RunResult run;
            if (!runStep(config, context, result, i / 4.0, (i + 1) / 4.0, labels[i], &run))
                return;
            BenchmarkOperation op = operationFrom(labels[i], run.totals.op(OpType::Write), run.measuredSec);
            throughput.points.emplace_back(sizes[i], op.throughput());
            bandwidth.points.emplace_back(sizes[i], op.throughput() * sizes[i] / 1e6);
            result.operations.push_back(std::move(op));
        }
        result.series.push_back(std::move(throughput));
        result.series.push_back(std::move(bandwidth));
    }
};

class MixedOperationsBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("mixed-operations"); }
    QString title() const override { return QStringLiteral("Mixed operations"); }
    QString description() const override
    {
        return QStringLiteral("A read/write/delete mix with a configurable ratio, reporting each operation.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("readPercent"), QStringLiteral("Share of GET"), 70, 0, 100},
                {QStringLiteral("writePercent"), QStringLiteral("Share of SET"), 25, 0, 100},
                {QStringLiteral("deletePercent"), QStringLiteral("Share of DEL"), 5, 0, 100},
                {QStringLiteral("connections"), QStringLiteral("Concurrent connections"), 24, 1, 10000},
                {QStringLiteral("durationSec"), QStringLiteral("Measured seconds"), 3, 0.2, 3600},
                {QStringLiteral("keySpace"), QStringLiteral("Pre-filled keys"), 10000, 10, 100000000},
                {QStringLiteral("valueSize"), QStringLiteral("Value size in bytes"), 256, 1, 1024 * 1024}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int read = int(parameter(context, QStringLiteral("readPercent")));
        const int write = int(parameter(context, QStringLiteral("writePercent")));
        const int del = int(parameter(context, QStringLiteral("deletePercent")));
        if (read + write + del != 100) {
            fail(result, QStringLiteral("readPercent + writePercent + deletePercent: must sum to 100"));
            return;
        }
        const int64_t keys = int64_t(parameter(context, QStringLiteral("keySpace")));
        const int valueSize = int(parameter(context, QStringLiteral("valueSize")));
        if (!prefill(context, result, keys, valueSize))
            return;
        LoadTestConfig config = loadConfigFor(context, context.keyPrefix, parameter(context, QStringLiteral("durationSec")),
                                              int(parameter(context, QStringLiteral("connections"))));
        config.operationMix = {read, write, del, 0};
        config.keySpace = keys;
        config.valueSizeMin = config.valueSizeMax = valueSize;
        RunResult run;
        if (!runStep(config, context, result, 0.1, 1.0, QStringLiteral("mix"), &run))
            return;
        const std::pair<OpType, QString> ops[] = {{OpType::Read, QStringLiteral("GET")},
                                                  {OpType::Write, QStringLiteral("SET")},
                                                  {OpType::Delete, QStringLiteral("DEL")}};
        for (const auto &[type, label] : ops) {
            if (run.totals.op(type).count > 0)
                result.operations.push_back(operationFrom(label, run.totals.op(type), run.measuredSec));
        }
        result.metrics.push_back({QStringLiteral("total throughput"), run.throughput(), QStringLiteral("ops/s")});
        result.metrics.push_back({QStringLiteral("hit rate"), 100.0 * std::max(0.0, run.hitRate()), QStringLiteral("%")});
    }
};

} // namespace

std::unique_ptr<Benchmark> makeConcurrentReadsBenchmark()
{
    return std::make_unique<ConcurrentReadsBenchmark>();
}

std::unique_ptr<Benchmark> makeConcurrentWritesBenchmark()
{
    return std::make_unique<ConcurrentWritesBenchmark>();
}

std::unique_ptr<Benchmark> makeMixedOperationsBenchmark()
{
    return std::make_unique<MixedOperationsBenchmark>();
}

} // namespace cwb::bench
