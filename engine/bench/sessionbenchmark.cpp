#include "benchmarkfactories.h"
#include "benchutil.h"

#include <thread>

namespace cwb::bench {

namespace {

enum SessionOp { Create, Touch, Read, Destroy, SessionOpCount };

struct SessionWorkerStats
{
    std::array<BenchmarkOperation, SessionOpCount> ops;
    uint64_t sessions = 0; // complete lifecycles
    QString error;
};

// Web sessions: create (HSET + EXPIRE), read (HGETALL), touch (sliding EXPIRE), destroy (DEL).
// Connections double per step; the headline is the best session rate whose p99 stays under
// the target, the figure capacity planning needs.
class SessionBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("session-management"); }
    QString title() const override { return QStringLiteral("Session management"); }
    QString description() const override
    {
        return QStringLiteral("Create (HSET + EXPIRE), touch, read (HGETALL) and destroy sessions; sessions per second at a fixed p99.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("maxConnections"), QStringLiteral("Connections of the last step (doubling from 1)"), 8, 1, 1024},
                {QStringLiteral("stepSec"), QStringLiteral("Seconds per step"), 1, 0.2, 3600},
                {QStringLiteral("p99TargetMs"), QStringLiteral("p99 a step must stay under"), 5, 0.01, 10000},
                {QStringLiteral("ttlSec"), QStringLiteral("Session TTL"), 1800, 1, 86400}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int maxConnections = int(parameter(context, QStringLiteral("maxConnections")));
        const double stepSec = parameter(context, QStringLiteral("stepSec"));
        const double targetUs = parameter(context, QStringLiteral("p99TargetMs")) * 1000;
        std::vector<int> steps;
        for (int c = 1; c < maxConnections; c *= 2)
            steps.push_back(c);
        steps.push_back(maxConnections);

        std::array<BenchmarkOperation, SessionOpCount> totals;
        const char *names[] = {"create (HSET+EXPIRE)", "touch (EXPIRE)", "read (HGETALL)", "destroy (DEL)"};
        for (int i = 0; i < SessionOpCount; ++i)
            totals[size_t(i)].name = QString::fromLatin1(names[i]);
        BenchmarkSeries rate{QStringLiteral("sessions/s by connections"), QStringLiteral("connections"), QStringLiteral("sessions/s"), {}};
        BenchmarkSeries p99{QStringLiteral("p99 by connections"), QStringLiteral("connections"), QStringLiteral("µs"), {}};
        double bestRate = 0;
        double totalSec = 0;
        uint64_t totalSessions = 0;

        for (size_t s = 0; s < steps.size() && !context.cancelled(); ++s) {
            context.report(double(s) / double(steps.size()), QStringLiteral("%1 connections").arg(steps[s]));
            std::vector<SessionWorkerStats> stats(static_cast<size_t>(steps[s]));
            std::vector<std::thread> threads;
            const uint64_t start = nowNs();
            const uint64_t end = start + uint64_t(stepSec * 1e9);
            for (int w = 0; w < steps[s]; ++w) {
                threads.emplace_back([&, w] {
                    worker(context, int(s) * 10000 + w, end, stats[size_t(w)]);
                });
            }
            for (auto &t : threads)
                t.join();
            const double seconds = double(nowNs() - start) / 1e9;
            totalSec += seconds;
            LatencyHistogram stepLatency;
            uint64_t sessions = 0;
            for (const auto &ws : stats) {
                if (!ws.error.isEmpty()) {
                    fail(result, ws.error);
                    return;
                }
                sessions += ws.sessions;
                for (int i = 0; i < SessionOpCount; ++i) {
                    const auto &o = ws.ops[size_t(i)];
                    auto &t = totals[size_t(i)];
                    t.count += o.count;
                    t.errors += o.errors;
                    t.latency.merge(o.latency);
                    stepLatency.merge(o.latency);
                }
            }
            totalSessions += sessions;
            const double sessionsPerSec = seconds > 0 ? double(sessions) / seconds : 0;
            const double stepP99 = double(stepLatency.percentileNs(99)) / 1000;
            rate.points.emplace_back(steps[s], sessionsPerSec);
            p99.points.emplace_back(steps[s], stepP99);
            if (stepP99 <= targetUs)
                bestRate = std::max(bestRate, sessionsPerSec);
        }
        for (auto &t : totals) {
            t.durationSec = totalSec;
            result.operations.push_back(std::move(t));
        }
        result.series.push_back(std::move(rate));
        result.series.push_back(std::move(p99));
        result.metrics.push_back({QStringLiteral("sessions/s at p99 target"), bestRate, QStringLiteral("sessions/s")});
        result.metrics.push_back({QStringLiteral("p99 target"), targetUs / 1000, QStringLiteral("ms")});
        result.metrics.push_back({QStringLiteral("sessions completed"), double(totalSessions), QStringLiteral("sessions")});
    }

private:
    void worker(const BenchmarkContext &context, int id, uint64_t end, SessionWorkerStats &stats)
    {
        ClusterRouter connection(context.endpoint, benchConnectionOptions());
        if (!connection.connect()) {
            stats.error = QStringLiteral("cannot connect: ") + connection.lastError().message;
            return;
        }
        const QByteArray ttl = QByteArray::number(int(parameter(context, QStringLiteral("ttlSec"))));
        const QByteArray base = context.keyPrefix.toUtf8() + "sess:" + QByteArray::number(id) + ':';
        const QByteArray data = valueOfSize(200, char(id));
        for (uint64_t n = 0; nowNs() < end && !context.cancelled(); ++n) {
            const QByteArray key = base + QByteArray::number(n);
            const QByteArray now = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
            timedPipeline(connection,
                          {{"HSET", key, "userId", QByteArray::number(n), "createdAt", now, "lastSeen", now, "data", data},
                           {"EXPIRE", key, ttl}},
                          stats.ops[Create]);
            timedCommand(connection, {"HGETALL", key}, stats.ops[Read]);
            timedCommand(connection, {"EXPIRE", key, ttl}, stats.ops[Touch]);
            timedCommand(connection, {"HGETALL", key}, stats.ops[Read]);
            if (timedCommand(connection, {"DEL", key}, stats.ops[Destroy]))
                ++stats.sessions;
        }
    }
};

} // namespace

std::unique_ptr<Benchmark> makeSessionBenchmark()
{
    return std::make_unique<SessionBenchmark>();
}

} // namespace cwb::bench
