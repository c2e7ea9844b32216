#include "benchmarkfactories.h"
#include "benchutil.h"

#include "cluster/routedcleanup.h"

namespace cwb::bench {

namespace {

// Three ways caches drop data: by tag set, by TTL while reads go on, and by key prefix.
class InvalidationBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("invalidation-patterns"); }
    QString title() const override { return QStringLiteral("Invalidation patterns"); }
    QString description() const override
    {
        return QStringLiteral("Tag-set invalidation, TTL expiry under reads, and prefix invalidation by SCAN + UNLINK.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("tags"), QStringLiteral("Tag sets"), 50, 1, 100000},
                {QStringLiteral("keysPerTag"), QStringLiteral("Keys in each tag set"), 40, 1, 100000},
                {QStringLiteral("expiringKeys"), QStringLiteral("Keys written with a TTL"), 2000, 10, 10000000},
                {QStringLiteral("expiryWindowSec"), QStringLiteral("Seconds of reads while keys expire"), 2, 0.5, 3600},
                {QStringLiteral("prefixKeys"), QStringLiteral("Keys removed by prefix"), 5000, 10, 100000000}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        ClusterRouter connection(context.endpoint, benchConnectionOptions());
        if (!openConnection(connection, result))
            return;
        if (!tagInvalidation(context, connection, result) || context.cancelled())
            return;
        if (!ttlExpiry(context, connection, result) || context.cancelled())
            return;
        prefixInvalidation(context, connection, result);
    }

private:
    bool pipelineOk(ClusterRouter &connection, const std::vector<RedisCommand> &batch, BenchmarkResult &result)
    {
        auto replies = connection.pipeline(batch);
        if (!replies) {
            fail(result, QStringLiteral("write failed: ") + connection.lastError().message);
            return false;
        }
        for (const auto &r : *replies) {
            if (r.isError()) {
                fail(result, QStringLiteral("write failed: ") + QString::fromUtf8(r.str));
                return false;
            }
        }
        return true;
    }

    bool tagInvalidation(const BenchmarkContext &context, ClusterRouter &connection, BenchmarkResult &result)
    {
        const int tags = int(parameter(context, QStringLiteral("tags")));
        const int perTag = int(parameter(context, QStringLiteral("keysPerTag")));
        const QByteArray prefix = context.keyPrefix.toUtf8();
        const QByteArray value = valueOfSize(64);
        context.report(0.0, QStringLiteral("tag sets"));
        for (int t = 0; t < tags; ++t) {
            std::vector<RedisCommand> batch;
            const QByteArray tag = prefix + "tag:" + QByteArray::number(t);
            for (int k = 0; k < perTag; ++k) {
                const QByteArray key = prefix + "t:" + QByteArray::number(t) + ':' + QByteArray::number(k);
                batch.push_back({"SET", key, value});
                batch.push_back({"SADD", tag, key});
            }
            if (!pipelineOk(connection, batch, result))
                return false;
        }
        BenchmarkOperation op;
        op.name = QStringLiteral("tag invalidation (%1 keys)").arg(perTag);
        uint64_t removed = 0;
        const uint64_t start = nowNs();
        for (int t = 0; t < tags && !context.cancelled(); ++t) {
            const QByteArray tag = prefix + "tag:" + QByteArray::number(t);
            const uint64_t opStart = nowNs();
            ++op.count;
            auto members = connection.command({"SMEMBERS", tag});
            if (!members || members->type != RedisReply::Type::Array) {
                ++op.errors;
                continue;
            }
            RedisCommand unlink{"UNLINK"};
            for (const auto &m : members->elements)
                unlink.append(m.str);
            unlink.append(tag);
            auto gone = connection.command(unlink);
            if (!gone || gone->isError()) {
                ++op.errors;
                continue;
            }
            op.latency.record(nowNs() - opStart);
            removed += uint64_t(std::max<long long>(0, gone->integer - 1));
            context.report(0.3 * (t + 1) / tags, QStringLiteral("tag invalidation"));
        }
        op.durationSec = double(nowNs() - start) / 1e9;
        result.operations.push_back(std::move(op));
        result.metrics.push_back({QStringLiteral("keys invalidated by tag"), double(removed), QStringLiteral("keys")});
        return true;
    }

    bool ttlExpiry(const BenchmarkContext &context, ClusterRouter &connection, BenchmarkResult &result)
    {
        const int keys = int(parameter(context, QStringLiteral("expiringKeys")));
        const double window = parameter(context, QStringLiteral("expiryWindowSec"));
        const QByteArray prefix = context.keyPrefix.toUtf8() + "e:";
        const QByteArray value = valueOfSize(64);
        // TTLs spread over 15%..75% of the window: the hit rate starts at 100% and falls to 0.
        const qint64 windowMs = qint64(window * 1000);
        const auto expiredBefore = infoInteger(connection, "stats", QStringLiteral("stats"), QStringLiteral("expired_keys"));
        std::vector<RedisCommand> batch;
        for (int i = 0; i < keys; ++i) {
            const qint64 ttl = windowMs * 15 / 100 + (windowMs * 60 / 100) * i / keys;
            batch.push_back({"SET", prefix + QByteArray::number(i), value, "PX", QByteArray::number(std::max<qint64>(1, ttl))});
            if (batch.size() == 500 || i + 1 == keys) {
                if (!pipelineOk(connection, batch, result))
                    return false;
                batch.clear();
            }
        }
        BenchmarkOperation op;
        op.name = QStringLiteral("GET during expiry");
        BenchmarkSeries hitRate{QStringLiteral("hit rate during TTL expiry"), QStringLiteral("s"), QStringLiteral("%"), {}};
        const uint64_t start = nowNs();
        const uint64_t end = start + uint64_t(window * 1e9);
        const uint64_t slice = 200'000'000; // 200 ms windows
        uint64_t sliceEnd = start + slice;
        uint64_t hits = 0, reads = 0;
        int i = 0;
        while (!context.cancelled()) {
            const uint64_t now = nowNs();
            if (now >= sliceEnd) {
                hitRate.points.emplace_back(double(sliceEnd - start) / 1e9, reads ? 100.0 * double(hits) / double(reads) : 0.0);
                hits = reads = 0;
                sliceEnd += slice;
                context.report(0.3 + 0.4 * std::min(1.0, double(now - start) / double(end - start)),
                               QStringLiteral("TTL expiry"));
                if (now >= end)
                    break;
            }
            RedisReply reply;
            if (timedCommand(connection, {"GET", prefix + QByteArray::number(i)}, op, &reply)) {
                ++reads;
                if (!reply.isNil())
                    ++hits;
            }
            i = (i + 1) % keys;
        }
        op.durationSec = double(nowNs() - start) / 1e9;
        result.operations.push_back(std::move(op));
        if (!hitRate.points.empty()) {
            result.metrics.push_back({QStringLiteral("hit rate at start"), hitRate.points.front().second, QStringLiteral("%")});
            result.metrics.push_back({QStringLiteral("hit rate at end"), hitRate.points.back().second, QStringLiteral("%")});
        }
        result.series.push_back(std::move(hitRate));
        const auto expiredAfter = infoInteger(connection, "stats", QStringLiteral("stats"), QStringLiteral("expired_keys"));
        if (expiredBefore && expiredAfter)
            result.metrics.push_back({QStringLiteral("expired keys"), double(*expiredAfter - *expiredBefore), QStringLiteral("keys")});
        return true;
    }

    void prefixInvalidation(const BenchmarkContext &context, ClusterRouter &connection, BenchmarkResult &result)
    {
        const int keys = int(parameter(context, QStringLiteral("prefixKeys")));
        const QString prefix = context.keyPrefix + QStringLiteral("p:");
        const QByteArray prefixBytes = prefix.toUtf8();
        const QByteArray value = valueOfSize(64);
        context.report(0.7, QStringLiteral("prefix invalidation"));
        std::vector<RedisCommand> batch;
        for (int i = 0; i < keys; ++i) {
            batch.push_back({"SET", prefixBytes + QByteArray::number(i), value});
            if (batch.size() == 500 || i + 1 == keys) {
                if (context.cancelled() || !pipelineOk(connection, batch, result))
                    return;
                batch.clear();
            }
        }
        const uint64_t start = nowNs();
        const CleanupResult cleaned = unlinkKeysWithPrefix(connection, prefix, context.cancel);
        const double seconds = double(nowNs() - start) / 1e9;
        if (!cleaned.ok) {
            fail(result, QStringLiteral("prefix invalidation failed: ") + cleaned.error);
            return;
        }
        result.metrics.push_back({QStringLiteral("prefix invalidation time"), seconds * 1000, QStringLiteral("ms")});
        result.metrics.push_back({QStringLiteral("prefix keys invalidated"), double(cleaned.deleted), QStringLiteral("keys")});
        result.metrics.push_back({QStringLiteral("prefix invalidation rate"), seconds > 0 ? double(cleaned.deleted) / seconds : 0,
                                  QStringLiteral("keys/s")});
    }
};

} // namespace

std::unique_ptr<Benchmark> makeInvalidationBenchmark()
{
    return std::make_unique<InvalidationBenchmark>();
}

} // namespace cwb::bench
