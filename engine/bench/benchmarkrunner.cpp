#include "benchmarkrunner.h"

#include "benchutil.h"
#include "load/keyprefix.h"
#include "load/ownedkeys.h"
#include "redis/infoparser.h"
#include "stats/processstats.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace cwb {

namespace {

// Samples server memory (INFO memory on its own connection) and the workbench's RSS until
// stopped, keeping the peaks: "peak" means the highest value seen during the run.
class MemorySampler
{
public:
    MemorySampler(const Endpoint &endpoint, BenchmarkResult &result) : m_endpoint(endpoint), m_result(result)
    {
        m_thread = std::thread([this] { loop(); });
    }
    ~MemorySampler() { stop(); }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void loop()
    {
        RedisConnection::Options options;
        options.connectTimeoutMs = 1000;
        options.commandTimeoutMs = 1000;
        options.reconnectAttempts = 1;
        options.clientName = "cwb-bench-sampler";
        RedisConnection connection(m_endpoint, options);
        const bool connected = connection.connect();
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            lock.unlock();
            sampleOnce(connected ? &connection : nullptr);
            lock.lock();
            m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_stop; });
        }
        lock.unlock();
        sampleOnce(connected ? &connection : nullptr);
    }

    void sampleOnce(RedisConnection *connection)
    {
        const ProcessSample self = sampleProcess();
        qint64 used = -1, rss = -1;
        if (connection) {
            if (const auto text = connection->info("memory")) {
                const InfoSnapshot info = parseInfo(*text);
                used = info.memory.usedMemory;
                rss = info.memory.usedMemoryRss;
            }
        }
        std::lock_guard lock(m_resultMutex);
        if (self.valid)
            m_result.client.rss.peak = std::max(m_result.client.rss.peak, self.rssBytes);
        if (used >= 0)
            m_result.server.usedMemory.peak = std::max(m_result.server.usedMemory.peak, used);
        if (rss >= 0)
            m_result.server.rss.peak = std::max(m_result.server.rss.peak, rss);
    }

    Endpoint m_endpoint;
    BenchmarkResult &m_result;
    std::mutex m_resultMutex;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

struct ServerReading
{
    bool valid = false;
    InfoSnapshot info;
};

ServerReading readServer(RedisConnection &connection)
{
    ServerReading reading;
    if (const auto text = connection.info("all")) {
        reading.info = parseInfo(*text);
        reading.valid = true;
    }
    return reading;
}

// CONFIG GET may be renamed or refused (managed services); INFO is the fallback.
std::optional<QByteArray> configValue(RedisConnection &connection, const QByteArray &name)
{
    const auto reply = connection.command({QByteArrayLiteral("CONFIG"), QByteArrayLiteral("GET"), name});
    if (!reply || reply->type != RedisReply::Type::Array || reply->elements.size() < 2)
        return std::nullopt;
    return reply->elements[1].str;
}

} // namespace

BenchmarkResult runBenchmark(Benchmark &benchmark, const BenchmarkContext &outerContext)
{
    BenchmarkResult result;
    result.benchmark = benchmark.name();
    result.title = benchmark.title();
    result.target = outerContext.targetLabel.isEmpty() ? outerContext.endpoint.displayUri() : outerContext.targetLabel;
    result.startedAt = QDateTime::currentDateTimeUtc();
    for (const auto &p : benchmark.parameters())
        result.parameters.emplace_back(p.name, benchmark.parameter(outerContext, p.name));

    if (const QString problem = keyPrefixProblem(outerContext.keyPrefix); !problem.isEmpty()) {
        bench::fail(result, QStringLiteral("keyPrefix: ") + problem);
        result.finishedAt = QDateTime::currentDateTimeUtc();
        return result;
    }
    for (const auto &p : benchmark.parameters()) {
        const double v = benchmark.parameter(outerContext, p.name);
        if (v < p.minValue || v > p.maxValue) {
            bench::fail(result, QStringLiteral("%1: %2 is outside %3..%4")
                                    .arg(p.name)
                                    .arg(v)
                                    .arg(p.minValue)
                                    .arg(p.maxValue));
            result.finishedAt = QDateTime::currentDateTimeUtc();
            return result;
        }
    }
    RedisConnection control(outerContext.endpoint, bench::benchConnectionOptions().connection);
    if (!control.connect()) {
        bench::fail(result, QStringLiteral("cannot connect: ") + control.lastError().message);
        result.finishedAt = QDateTime::currentDateTimeUtc();
        return result;
    }
    // The benchmarks write on every master of a cluster: the claim and the cleanup look at each.
    QString clusterError;
    const std::optional<ClusterSlotMap> cluster = discoverClusterSlots(control, &clusterError);
    if (!clusterError.isEmpty()) {
        bench::fail(result, clusterError);
        result.finishedAt = QDateTime::currentDateTimeUtc();
        return result;
    }
    ClaimOptions claimOptions;
    claimOptions.allowExistingKeys = outerContext.allowExistingKeys;
    const NamespaceClaim claim = claimNamespace(control, outerContext.keyPrefix, claimOptions, cluster);
    if (!claim.ok()) {
        bench::fail(result, claim.error.message);
        result.finishedAt = QDateTime::currentDateTimeUtc();
        return result;
    }
    BenchmarkContext context = outerContext;
    context.keyPrefix = claim.keyNamespace + benchmark.name() + QLatin1Char(':');
    result.keyPrefix = context.keyPrefix;
    result.keyNamespace = claim.keyNamespace;

    const ServerReading before = readServer(control);
    if (before.valid) {
        const InfoSnapshot &info = before.info;
        result.server.version = info.server.redisVersion;
        result.server.mode = info.server.redisMode;
        result.server.maxMemory = info.memory.maxMemory;
        result.server.maxMemoryPolicy = info.memory.maxMemoryPolicy;
        result.server.usedMemory.before = info.memory.usedMemory;
        result.server.usedMemory.peak = info.memory.usedMemory;
        result.server.rss.before = info.memory.usedMemoryRss;
        result.server.rss.peak = info.memory.usedMemoryRss;
        result.server.fragmentationBefore = info.memory.fragmentationRatio;
    }
    if (const auto v = configValue(control, "maxmemory"))
        result.server.maxMemory = v->toLongLong();
    if (const auto v = configValue(control, "maxmemory-policy"))
        result.server.maxMemoryPolicy = QString::fromUtf8(*v);
    if (const auto v = configValue(control, "io-threads"))
        result.server.ioThreads = v->toInt();

    const ProcessSample clientBefore = sampleProcess();
    if (clientBefore.valid) {
        result.client.rss.before = clientBefore.rssBytes;
        result.client.rss.peak = clientBefore.rssBytes;
    }

    result.status = BenchmarkStatus::Completed;
    {
        MemorySampler sampler(context.endpoint, result);
        context.report(0, benchmark.title());
        try {
            benchmark.run(context, result);
        } catch (const std::exception &e) {
            bench::fail(result, QStringLiteral("internal error: ") + QString::fromUtf8(e.what()));
        }
        sampler.stop();
    }
    if (result.status == BenchmarkStatus::Completed && context.cancelled())
        result.status = BenchmarkStatus::Cancelled;

    const ProcessSample clientAfter = sampleProcess();
    if (clientBefore.valid && clientAfter.valid) {
        result.client.rss.after = clientAfter.rssBytes;
        result.client.rss.peak = std::max(result.client.rss.peak, clientAfter.rssBytes);
        result.client.cpuUserSec = clientAfter.cpuUserSec - clientBefore.cpuUserSec;
        result.client.cpuSystemSec = clientAfter.cpuSystemSec - clientBefore.cpuSystemSec;
        if (const auto pct = CpuMeter::cpuPercent(clientBefore, clientAfter))
            result.client.cpuPercent = *pct;
    }
    const ServerReading after = readServer(control);
    if (after.valid) {
        const InfoSnapshot &info = after.info;
        result.server.usedMemory.after = info.memory.usedMemory;
        result.server.usedMemory.peak = std::max(result.server.usedMemory.peak, info.memory.usedMemory);
        result.server.rss.after = info.memory.usedMemoryRss;
        result.server.rss.peak = std::max(result.server.rss.peak, info.memory.usedMemoryRss);
        result.server.fragmentationAfter = info.memory.fragmentationRatio;
        if (before.valid) {
            result.server.cpuUserSec = info.cpu.usedCpuUser - before.info.cpu.usedCpuUser;
            result.server.cpuSystemSec = info.cpu.usedCpuSys - before.info.cpu.usedCpuSys;
        }
    }

    // Cleanup runs even after a cancel or failure: a benchmark must not leave keys behind (on a
    // cluster, on every master).
    const NamespaceCleanup cleaned = removeNamespace(context.endpoint, bench::benchConnectionOptions().connection,
                                                     claim.keyNamespace, cluster);
    result.keysCleanedUp = cleaned.deleted;
    result.keysLeft = cleaned.left;
    if (!cleaned.ok())
        result.notes.push_back(QStringLiteral("cleanup of %1 failed: %2").arg(claim.keyNamespace, cleaned.error));
    result.finishedAt = QDateTime::currentDateTimeUtc();
    // Only a finished benchmark is at 100 %: a cancelled one stays where it was cut off.
    if (result.status == BenchmarkStatus::Completed)
        context.report(1, benchmark.title());
    return result;
}

} // namespace cwb
