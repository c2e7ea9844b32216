#include "benchmarkfactories.h"
#include "benchutil.h"

#include "redis/infoparser.h"
#include "redis/sandboxredis.h"

namespace cwb::bench {

namespace {

constexpr int kSizeClasses[] = {64, 512, 4096, 32768};

QString sizeLabel(int bytes)
{
    return bytes >= 1024 ? QStringLiteral("%1 KiB").arg(bytes / 1024) : QStringLiteral("%1 B").arg(bytes);
}

// Fills the target to a size with mixed value sizes and measures what a key really costs
// (MEMORY USAGE per size class). Eviction is measured on a sandbox the benchmark starts itself
// with a small maxmemory: a benchmark never changes the configuration of a user's server.
class MemoryStressBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("memory-stress"); }
    QString title() const override { return QStringLiteral("Memory stress"); }
    QString description() const override
    {
        return QStringLiteral("Fill to a target size with mixed value sizes; memory and fragmentation, MEMORY USAGE per size class, eviction under maxmemory.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("fillMiB"), QStringLiteral("Data written to the target, MiB"), 16, 0.1, 65536},
                {QStringLiteral("samplesPerClass"), QStringLiteral("MEMORY USAGE samples per size class"), 50, 1, 100000},
                {QStringLiteral("evictionMaxMemoryMiB"), QStringLiteral("maxmemory of the eviction sandbox, MiB (0 = skip)"), 8, 0, 4096},
                {QStringLiteral("evictionWriteFactor"), QStringLiteral("Data written to the eviction sandbox, times its maxmemory"), 2.5, 1, 100}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        ClusterRouter connection(context.endpoint, benchConnectionOptions());
        if (!openConnection(connection, result))
            return;
        fill(context, connection, result);
        if (result.status == BenchmarkStatus::Failed || context.cancelled())
            return;
        if (!context.allowEvictionSandbox || parameter(context, QStringLiteral("evictionMaxMemoryMiB")) <= 0) {
            result.notes.push_back(QStringLiteral("eviction part skipped: not allowed"));
            return;
        }
        eviction(context, result);
    }

private:
    void fill(const BenchmarkContext &context, ClusterRouter &connection, BenchmarkResult &result)
    {
        const qint64 target = qint64(parameter(context, QStringLiteral("fillMiB")) * 1024 * 1024);
        const int samples = int(parameter(context, QStringLiteral("samplesPerClass")));
        const QByteArray base = context.keyPrefix.toUtf8() + "m:";
        std::vector<QByteArray> values;
        for (int size : kSizeClasses)
            values.push_back(valueOfSize(size, char('a' + size % 26)));
        const auto key = [&](int cls, int index) -> QByteArray {
            return base + QByteArray::number(kSizeClasses[cls]) + ':' + QByteArray::number(index);
        };
        const auto usedBefore = infoInteger(connection, "memory", QStringLiteral("memory"), QStringLiteral("used_memory"));

        BenchmarkOperation set;
        set.name = QStringLiteral("SET (fill, mixed sizes)");
        qint64 written = 0;
        int round = 0;
        const uint64_t start = nowNs();
        // Round-robin over the classes: every class gets the same number of keys.
        while (written < target && !context.cancelled()) {
            for (int cls = 0; cls < 4; ++cls) {
                if (!timedCommand(connection, {"SET", key(cls, round), values[size_t(cls)]}, set)) {
                    fail(result, QStringLiteral("SET failed: ") + connection.lastError().message);
                    return;
                }
                written += kSizeClasses[cls];
            }
            ++round;
            if ((round & 63) == 0)
                context.report(0.5 * double(written) / double(target), QStringLiteral("fill"));
        }
        set.durationSec = double(nowNs() - start) / 1e9;
        result.operations.push_back(std::move(set));
        result.metrics.push_back({QStringLiteral("bytes written"), double(written), QStringLiteral("bytes")});
        result.metrics.push_back({QStringLiteral("keys written"), double(round) * 4, QStringLiteral("keys")});
        const auto usedAfter = infoInteger(connection, "memory", QStringLiteral("memory"), QStringLiteral("used_memory"));
        if (usedBefore && usedAfter) {
            result.metrics.push_back({QStringLiteral("used_memory growth"), double(*usedAfter - *usedBefore), QStringLiteral("bytes")});
            if (written > 0)
                result.metrics.push_back({QStringLiteral("memory per payload byte"), double(*usedAfter - *usedBefore) / double(written),
                                          QStringLiteral("ratio")});
        }

        BenchmarkOperation usage;
        usage.name = QStringLiteral("MEMORY USAGE");
        const uint64_t usageStart = nowNs();
        // A managed service may rename MEMORY away, or the ACL user lack it: the fill's figures
        // above (from INFO) still stand, the per-key ones are left out with the reason.
        const QString usageRefused = unavailableSentence(connection, {"MEMORY", "USAGE", key(0, 0), "SAMPLES", "0"},
                                                         QStringLiteral("MEMORY USAGE"));
        if (!usageRefused.isEmpty())
            result.notes.push_back(usageRefused + QStringLiteral(": the memory of each key was not measured"));
        for (int cls = 0; cls < 4 && !context.cancelled() && usageRefused.isEmpty(); ++cls) {
            const int n = std::min(samples, round);
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < n; ++i) {
                RedisReply reply;
                if (timedCommand(connection, {"MEMORY", "USAGE", key(cls, i * std::max(1, round / std::max(1, n))), "SAMPLES", "0"},
                                 usage, &reply)
                    && reply.type == RedisReply::Type::Integer) {
                    sum += double(reply.integer);
                    ++counted;
                }
            }
            if (counted) {
                const double avg = sum / counted;
                result.metrics.push_back({QStringLiteral("memory per key %1").arg(sizeLabel(kSizeClasses[cls])), avg, QStringLiteral("bytes")});
                result.metrics.push_back({QStringLiteral("overhead per key %1").arg(sizeLabel(kSizeClasses[cls])),
                                          avg - kSizeClasses[cls], QStringLiteral("bytes")});
            }
        }
        usage.durationSec = double(nowNs() - usageStart) / 1e9;
        if (usage.count > 0)
            result.operations.push_back(std::move(usage));
        if (const auto text = connection.info("memory")) {
            const InfoSnapshot info = parseInfo(*text);
            result.metrics.push_back({QStringLiteral("fragmentation after fill"), info.memory.fragmentationRatio, QStringLiteral("ratio")});
        }
    }

    void eviction(const BenchmarkContext &context, BenchmarkResult &result)
    {
        const qint64 maxMemory = qint64(parameter(context, QStringLiteral("evictionMaxMemoryMiB")) * 1024 * 1024);
        const double factor = parameter(context, QStringLiteral("evictionWriteFactor"));
        context.report(0.5, QStringLiteral("eviction sandbox"));
        SandboxRedis sandbox;
        SandboxRedis::Options options;
        options.maxmemoryBytes = maxMemory;
        options.maxmemoryPolicy = QStringLiteral("allkeys-lru");
        QString error;
        if (!sandbox.start(options, &error)) {
            result.notes.push_back(QStringLiteral("eviction part skipped: ") + error);
            return;
        }
        ClusterRouter connection(sandbox.endpoint(), benchConnectionOptions());
        if (!connection.connect()) {
            result.notes.push_back(QStringLiteral("eviction part skipped: ") + connection.lastError().message);
            return;
        }
        const QByteArray value = valueOfSize(1024, 'e');
        const QByteArray base = context.keyPrefix.toUtf8() + "evict:";
        const qint64 toWrite = qint64(double(maxMemory) * factor);
        BenchmarkOperation before, during;
        before.name = QStringLiteral("SET before eviction");
        during.name = QStringLiteral("SET during eviction");
        qint64 written = 0;
        qint64 evicted = 0;
        qint64 peakUsed = 0;
        int i = 0;
        const uint64_t start = nowNs();
        uint64_t evictionStart = 0;
        while (written < toWrite && !context.cancelled()) {
            BenchmarkOperation &op = evicted > 0 ? during : before;
            if (!timedCommand(connection, {"SET", base + QByteArray::number(i), value}, op)) {
                fail(result, QStringLiteral("SET on the eviction sandbox failed: ") + connection.lastError().message);
                return;
            }
            written += value.size();
            // INFO every 256 writes: often enough to split before/during eviction, rare enough
            // not to distort the latencies measured.
            if ((++i & 255) == 0) {
                if (const auto text = connection.info("all")) {
                    const InfoSnapshot info = parseInfo(*text);
                    if (evicted == 0 && info.stats.evictedKeys > 0)
                        evictionStart = nowNs();
                    evicted = info.stats.evictedKeys;
                    peakUsed = std::max(peakUsed, info.memory.usedMemory);
                }
                context.report(0.5 + 0.5 * double(written) / double(toWrite), QStringLiteral("eviction"));
            }
        }
        const uint64_t end = nowNs();
        if (const auto text = connection.info("all")) {
            const InfoSnapshot info = parseInfo(*text);
            evicted = info.stats.evictedKeys;
            peakUsed = std::max(peakUsed, info.memory.usedMemory);
            result.metrics.push_back({QStringLiteral("eviction sandbox keys left"), double(info.keyspace.value(0).keys), QStringLiteral("keys")});
        }
        before.durationSec = double((evictionStart ? evictionStart : end) - start) / 1e9;
        during.durationSec = evictionStart ? double(end - evictionStart) / 1e9 : 0;
        result.operations.push_back(std::move(before));
        if (during.count > 0)
            result.operations.push_back(std::move(during));
        result.metrics.push_back({QStringLiteral("evicted keys"), double(evicted), QStringLiteral("keys")});
        result.metrics.push_back({QStringLiteral("eviction maxmemory"), double(maxMemory), QStringLiteral("bytes")});
        result.metrics.push_back({QStringLiteral("eviction used_memory peak"), double(peakUsed), QStringLiteral("bytes")});
        result.notes.push_back(QStringLiteral("eviction measured on a local sandbox redis-server (maxmemory %1 MiB, allkeys-lru)")
                                   .arg(double(maxMemory) / 1048576.0));
    }
};

} // namespace

std::unique_ptr<Benchmark> makeMemoryStressBenchmark()
{
    return std::make_unique<MemoryStressBenchmark>();
}

} // namespace cwb::bench
