#include "benchmarkfactories.h"
#include "benchutil.h"

namespace cwb::bench {

namespace {

// GET, SET, DEL, EXISTS and EXPIRE, each measured on its own over one connection: the
// round-trip cost of each command without queueing effects of concurrency.
class BasicOpsBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("cache-basic-ops"); }
    QString title() const override { return QStringLiteral("Cache basic operations"); }
    QString description() const override
    {
        return QStringLiteral("GET, SET, DEL, EXISTS and EXPIRE, each measured separately over one connection.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("operations"), QStringLiteral("Operations per command"), 2000, 10, 10000000},
                {QStringLiteral("valueSize"), QStringLiteral("Value size in bytes"), 100, 1, 16 * 1024 * 1024}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        const int n = int(parameter(context, QStringLiteral("operations")));
        const QByteArray value = valueOfSize(int(parameter(context, QStringLiteral("valueSize"))));
        ClusterRouter connection(context.endpoint, benchConnectionOptions());
        if (!openConnection(connection, result))
            return;
        const QByteArray base = context.keyPrefix.toUtf8() + "k:";
        const auto key = [&](int i) -> QByteArray { return base + QByteArray::number(i); };

        // SET first so GET, EXISTS and EXPIRE find their keys; DEL last removes them.
        struct Step
        {
            const char *name;
            std::function<RedisCommand(int)> command;
        };
        const std::vector<Step> steps{
            {"SET", [&](int i) { return RedisCommand{"SET", key(i), value}; }},
            {"GET", [&](int i) { return RedisCommand{"GET", key(i)}; }},
            {"EXISTS", [&](int i) { return RedisCommand{"EXISTS", key(i)}; }},
            {"EXPIRE", [&](int i) { return RedisCommand{"EXPIRE", key(i), "300"}; }},
            {"DEL", [&](int i) { return RedisCommand{"DEL", key(i)}; }},
        };
        uint64_t hits = 0;
        for (size_t s = 0; s < steps.size(); ++s) {
            BenchmarkOperation op;
            op.name = QString::fromLatin1(steps[s].name);
            const uint64_t start = nowNs();
            for (int i = 0; i < n; ++i) {
                if ((i & 127) == 0) {
                    if (context.cancelled())
                        return;
                    context.report((double(s) + double(i) / n) / double(steps.size()), op.name);
                }
                RedisReply reply;
                if (timedCommand(connection, steps[s].command(i), op, &reply) && s == 1 && !reply.isNil())
                    ++hits;
            }
            op.durationSec = double(nowNs() - start) / 1e9;
            if (op.errors == op.count)
                fail(result, op.name + QStringLiteral(" failed: ") + connection.lastError().message);
            result.operations.push_back(std::move(op));
        }
        result.metrics.push_back({QStringLiteral("GET hit rate"), n > 0 ? 100.0 * double(hits) / n : 0, QStringLiteral("%")});
    }
};

} // namespace

std::unique_ptr<Benchmark> makeBasicOpsBenchmark()
{
    return std::make_unique<BasicOpsBenchmark>();
}

} // namespace cwb::bench
