#include "benchmarkfactories.h"
#include "benchutil.h"

#include <cmath>

namespace cwb::bench {

namespace {

// Ramps the number of connections geometrically and finds the knee: the first step whose p99
// passes the threshold. Each step is one closed-loop load engine run.
class HighConcurrencyBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("high-concurrency-stress"); }
    QString title() const override { return QStringLiteral("High-concurrency stress"); }
    QString description() const override
    {
        return QStringLiteral("Ramp connections (10 to 1000) and find the knee where p99 passes a threshold; throughput and p99 per step.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("minConnections"), QStringLiteral("Connections of the first step"), 10, 1, 100000},
                {QStringLiteral("maxConnections"), QStringLiteral("Connections of the last step"), 1000, 1, 100000},
                {QStringLiteral("steps"), QStringLiteral("Number of steps (geometric)"), 6, 1, 100},
                {QStringLiteral("stepSec"), QStringLiteral("Measured seconds per step"), 1, 0.2, 3600},
                {QStringLiteral("p99ThresholdMs"), QStringLiteral("p99 that marks the knee"), 5, 0.01, 100000},
                {QStringLiteral("keySpace"), QStringLiteral("Pre-filled keys"), 10000, 10, 100000000}};
    }

    static std::vector<int> stepConnections(int from, int to, int steps)
    {
        std::vector<int> out;
        for (int i = 0; i < steps; ++i) {
            const double f = steps == 1 ? 1.0 : double(i) / double(steps - 1);
            const int c = int(std::lround(double(from) * std::pow(double(to) / double(from), f)));
            if (out.empty() || c > out.back())
                out.push_back(c);
        }
        return out;
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int from = int(parameter(context, QStringLiteral("minConnections")));
        const int to = int(parameter(context, QStringLiteral("maxConnections")));
        if (to < from) {
            fail(result, QStringLiteral("maxConnections: must be >= minConnections"));
            return;
        }
        const double thresholdUs = parameter(context, QStringLiteral("p99ThresholdMs")) * 1000;
        const int64_t keys = int64_t(parameter(context, QStringLiteral("keySpace")));
        {
            ClusterRouter connection(context.endpoint, benchConnectionOptions());
            if (!openConnection(connection, result))
                return;
            QString error;
            if (!prefillStrings(connection, context.keyPrefix, keys, 100, context, &error)) {
                if (!context.cancelled())
                    fail(result, error);
                return;
            }
        }
        const std::vector<int> steps = stepConnections(from, to, int(parameter(context, QStringLiteral("steps"))));
        BenchmarkSeries throughput{QStringLiteral("throughput by connections"), QStringLiteral("connections"), QStringLiteral("ops/s"), {}};
        BenchmarkSeries p99{QStringLiteral("p99 by connections"), QStringLiteral("connections"), QStringLiteral("µs"), {}};
        BenchmarkOperation all;
        all.name = QStringLiteral("GET+SET (all steps)");
        int knee = 0;
        double best = 0;
        int bestAt = 0;
        for (size_t s = 0; s < steps.size(); ++s) {
            LoadTestConfig config = loadConfigFor(context, context.keyPrefix, parameter(context, QStringLiteral("stepSec")), steps[s]);
            config.operationMix = {80, 20, 0, 0};
            config.keySpace = keys;
            config.valueSizeMin = config.valueSizeMax = 100;
            config.seed = s + 1;
            const QString label = QStringLiteral("%1 connections").arg(steps[s]);
            const RunResult run = runLoad(config, context, [&](double f) {
                context.report((double(s) + f) / double(steps.size()), label);
            });
            if (run.status == RunStatus::Failed) {
                fail(result, label + QStringLiteral(": ") + run.failureReason);
                return;
            }
            if (run.status != RunStatus::Completed)
                return; // cancelled
            const OpCounters total = run.total();
            BenchmarkOperation step = operationFrom(label, total, run.measuredSec);
            all.count += step.count;
            all.errors += step.errors;
            all.durationSec += step.durationSec;
            all.latency.merge(step.latency);
            const double stepP99 = double(total.latency.percentileNs(99)) / 1000;
            throughput.points.emplace_back(steps[s], run.throughput());
            p99.points.emplace_back(steps[s], stepP99);
            if (run.throughput() > best) {
                best = run.throughput();
                bestAt = steps[s];
            }
            if (knee == 0 && stepP99 > thresholdUs)
                knee = steps[s];
            result.operations.push_back(std::move(step));
        }
        const size_t stepsCompleted = p99.points.size();
        result.operations.insert(result.operations.begin(), std::move(all));
        result.series.push_back(std::move(throughput));
        result.series.push_back(std::move(p99));
        result.metrics.push_back({QStringLiteral("knee point"), double(knee), QStringLiteral("connections")});
        result.metrics.push_back({QStringLiteral("p99 threshold"), thresholdUs / 1000, QStringLiteral("ms")});
        result.metrics.push_back({QStringLiteral("max throughput"), best, QStringLiteral("ops/s")});
        result.metrics.push_back({QStringLiteral("connections at max throughput"), double(bestAt), QStringLiteral("connections")});
        result.metrics.push_back({QStringLiteral("steps completed"), double(stepsCompleted), QStringLiteral("steps")});
        if (knee == 0)
            result.notes.push_back(QStringLiteral("p99 stayed under %1 ms up to %2 connections (knee point 0 = not reached)")
                                       .arg(thresholdUs / 1000)
                                       .arg(steps.back()));
    }
};

} // namespace

std::unique_ptr<Benchmark> makeHighConcurrencyBenchmark()
{
    return std::make_unique<HighConcurrencyBenchmark>();
}

} // namespace cwb::bench
