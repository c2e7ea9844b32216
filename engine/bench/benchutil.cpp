#include "benchutil.h"

#include "load/loadrun.h"
#include "redis/infoparser.h"
#include "redis/rediserror.h"

#include <atomic>
#include <thread>

namespace cwb::bench {

bool timedCommand(ClusterRouter &connection, const RedisCommand &command, BenchmarkOperation &op, RedisReply *reply)
{
    const uint64_t start = nowNs();
    auto r = connection.command(command);
    const uint64_t elapsed = nowNs() - start;
    ++op.count;
    if (!r || r->isError()) {
        ++op.errors;
        return false;
    }
    op.latency.record(elapsed);
    if (reply)
        *reply = std::move(*r);
    return true;
}

QString unavailableSentence(ClusterRouter &connection, const RedisCommand &probe, const QString &name)
{
    const auto reply = connection.command(probe);
    return reply && reply->isError() ? unavailableCommandSentence(name, QString::fromUtf8(reply->str)) : QString();
}

bool timedPipeline(ClusterRouter &connection, const std::vector<RedisCommand> &commands, BenchmarkOperation &op)
{
    const uint64_t start = nowNs();
    auto replies = connection.pipeline(commands);
    const uint64_t elapsed = nowNs() - start;
    ++op.count;
    bool ok = replies.has_value();
    if (ok) {
        for (const auto &r : *replies)
            ok = ok && !r.isError();
    }
    if (!ok) {
        ++op.errors;
        return false;
    }
    op.latency.record(elapsed);
    return true;
}

ClusterRouter::Options benchConnectionOptions()
{
    ClusterRouter::Options options;
    options.connection.connectTimeoutMs = 3000;
    options.connection.commandTimeoutMs = 5000;
    options.connection.clientName = "cwb-bench";
    return options;
}

bool openConnection(ClusterRouter &connection, BenchmarkResult &result)
{
    if (connection.connect())
        return true;
    fail(result, QStringLiteral("cannot connect: ") + connection.lastError().message);
    return false;
}

QByteArray valueOfSize(int size, char salt)
{
    QByteArray value(size, Qt::Uninitialized);
    // A cheap varying pattern: not compressible by accident of being all one byte.
    uint32_t x = 2463534242u ^ uint32_t(uint8_t(salt));
    for (int i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        value[i] = char('a' + x % 26);
    }
    return value;
}

bool prefillStrings(ClusterRouter &connection, const QString &prefix, int64_t count, int valueSize,
                    const BenchmarkContext &context, QString *error)
{
    const QByteArray value = valueOfSize(valueSize);
    const QByteArray keyBase = prefix.toUtf8() + "s:";
    constexpr int64_t kBatch = 500;
    for (int64_t first = 0; first < count; first += kBatch) {
        if (context.cancelled())
            return false;
        std::vector<RedisCommand> batch;
        const int64_t last = std::min(count, first + kBatch);
        batch.reserve(size_t(last - first));
        for (int64_t i = first; i < last; ++i)
            batch.push_back({QByteArrayLiteral("SET"), keyBase + QByteArray::number(i), value});
        auto replies = connection.pipeline(batch);
        if (!replies) {
            *error = QStringLiteral("pre-fill failed: ") + connection.lastError().message;
            return false;
        }
        for (const auto &r : *replies) {
            if (r.isError()) {
                *error = QStringLiteral("pre-fill failed: ") + QString::fromUtf8(r.str);
                return false;
            }
        }
    }
    return true;
}

LoadTestConfig loadConfigFor(const BenchmarkContext &context, const QString &prefix, double durationSec, int users)
{
    LoadTestConfig config;
    config.testName = QStringLiteral("benchmark");
    config.target = context.endpoint.displayUri();
    config.keyPrefix = prefix;
    config.durationSec = durationSec;
    config.concurrentUsers = users;
    config.requestsPerSecond = 0;
    config.warmupSec = 0;
    config.cleanup = false;
    config.threads = 0;
    config.requestTimeoutMs = 2000;
    return config;
}

RunResult runLoad(const LoadTestConfig &config, const BenchmarkContext &context,
                  const std::function<void(double)> &onFraction)
{
    // The benchmark's prefix lies in the namespace the runner claimed and cleans up.
    LoadRun run(config, context.endpoint, LoadRun::Options{.insideCallerNamespace = true});
    // LoadRun has its own stop flag; a small watcher forwards the benchmark's cancel flag.
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done.load()) {
            if (context.cancelled()) {
                run.requestStop();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    RunResult result = run.execute([&](const RunSnapshot &snapshot) {
        if (onFraction)
            onFraction(snapshot.progress());
    });
    done.store(true);
    watcher.join();
    return result;
}

BenchmarkOperation operationFrom(const QString &name, const OpCounters &counters, double seconds)
{
    BenchmarkOperation op;
    op.name = name;
    op.count = counters.count;
    op.errors = counters.errors;
    op.durationSec = seconds;
    op.latency = counters.latency;
    return op;
}

std::optional<qint64> infoInteger(ClusterRouter &connection, const QByteArray &section, const QString &sectionKey,
                                  const QString &field)
{
    const auto texts = connection.infoOfMasters(section);
    if (!texts)
        return std::nullopt;
    qint64 sum = 0;
    for (const QByteArray &text : *texts) {
        const InfoSnapshot info = parseInfo(text);
        bool ok = false;
        sum += info.value(sectionKey, field).toLongLong(&ok);
        if (!info.has(sectionKey, field) || !ok)
            return std::nullopt;
    }
    return sum;
}

void fail(BenchmarkResult &result, const QString &reason)
{
    if (result.status == BenchmarkStatus::Failed && !result.failureReason.isEmpty())
        return;
    result.status = BenchmarkStatus::Failed;
    result.failureReason = reason;
}

} // namespace cwb::bench
