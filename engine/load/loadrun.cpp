#include "loadrun.h"

#include "cluster/clusterslots.h"
#include "connecttarget.h"
#include "loadworker.h"
#include "ownedkeys.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"
#include "redis/tlscontext.h"
#include "serversampler.h"
#include "stats/processstats.h"

#include <QUuid>

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <thread>

namespace cwb {

namespace {

constexpr int64_t kSecondNs = 1'000'000'000;
constexpr int64_t kTickNs = kSecondNs / LoadRun::kSnapshotHz;
constexpr int64_t kConnectWaitNs = 5 * kSecondNs;
// An open-loop worker paces this many requests a second with a small share of a core.
constexpr double kOpenLoopRatePerThread = 10'000;

double toUs(uint64_t ns)
{
    return double(ns) / 1000.0;
}

// A run that ran its load but measured nothing but failures is no result: it is Failed.
void markFailedLoad(RunResult &result, int connectedAtEnd)
{
    const OpCounters all = result.total();
    if (all.count > 0 && all.successes() == 0) {
        result.status = RunStatus::Failed;
        result.failureKind = dominantErrorKind(all.errorsByKind, RedisErrorKind::ServerError);
        result.failureReason = QStringLiteral("every operation failed (%1)").arg(describeErrorCounts(all.errorsByKind));
        return;
    }
    const bool lastSecondFailed = !result.series.empty() && result.series.back().ops == result.series.back().errors;
    if (connectedAtEnd == 0 && lastSecondFailed && (all.errors > 0 || result.totals.connectErrorCount() > 0)) {
        result.status = RunStatus::Failed;
        result.failureKind = dominantErrorKind(result.totals.connectErrors, RedisErrorKind::ConnectionLost);
        result.failureReason = QStringLiteral("lost the server: no virtual user was connected at the end and the last "
                                              "second had no successful operation (connection errors: %1)")
                                   .arg(describeErrorCounts(result.totals.connectErrors));
    }
}

// A managed service's restricted ACL user (or a server with MULTI renamed away) still runs the
// load, but its invalidations (MULTI/EXEC) fail: the result says why, beside the errors it counts.
QStringList restrictedCommandWarnings(RedisConnection &control, const LoadTestConfig &config)
{
    QStringList warnings;
    if (config.operationMix[size_t(OpType::Invalidate)] == 0)
        return warnings;
    const auto multi = control.command({"MULTI"});
    if (!multi)
        return warnings;
    if (!multi->isError()) {
        // A DISCARD refused would leave the connection queueing everything after it: start afresh.
        if (const auto discard = control.command({"DISCARD"}); !discard || discard->isError()) {
            control.disconnect();
            control.connect();
        }
        return warnings;
    }
    const QString refused = unavailableCommandSentence(QStringLiteral("MULTI"), QString::fromUtf8(multi->str));
    if (!refused.isEmpty())
        warnings << refused +
                        QStringLiteral(": every invalidate operation (MULTI/EXEC) fails and is counted as an error");
    return warnings;
}

void sleepUntil(int64_t monotonicNs)
{
    const int64_t now = LoadWorker::nowNs();
    if (monotonicNs > now)
        std::this_thread::sleep_for(std::chrono::nanoseconds(monotonicNs - now));
}

} // namespace

LoadRun::LoadRun(LoadTestConfig config, Endpoint endpoint, Options options)
    : m_config(std::move(config))
    , m_endpoint(std::move(endpoint))
    , m_options(options)
    , m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

LoadRun::~LoadRun() = default;

RunResult LoadRun::execute(const SnapshotCallback &onSnapshot)
{
    RunResult result;
    result.runId = m_runId;
    result.config = m_config;
    result.target = m_endpoint.displayUri();
    result.tls = m_endpoint.tls.enabled;
    result.tlsInsecure = m_endpoint.tls.enabled && m_endpoint.tls.insecure;
    result.config.target = result.target;
    result.startedAt = QDateTime::currentDateTimeUtc();

    RunSnapshot snapshot;
    snapshot.runId = m_runId;
    snapshot.testName = m_config.testName;
    snapshot.totalUsers = m_config.concurrentUsers;
    snapshot.plannedSec = m_config.warmupSec + m_config.durationSec;
    const auto publish = [&] {
        if (onSnapshot)
            onSnapshot(snapshot);
        snapshot.newSeconds.clear();
    };
    publish();

    if (const auto issues = validateLoadTestConfig(m_config); !issues.empty()) {
        snapshot.phase = RunPhase::Failed;
        publish();
        return failedRun(result, RedisErrorKind::None, QStringLiteral("invalid configuration: ") + issues.front().toString());
    }

    // Pre-flight on a control connection: a wrong address or password fails here, clearly,
    // before any load. The same INFO gives the "before" picture of the server.
    QString error;
    const auto target = ConnectTarget::resolve(m_endpoint, &error);
    if (!target) {
        snapshot.phase = RunPhase::Failed;
        publish();
        return failedRun(result, RedisErrorKind::Unresolved, error);
    }
    RedisConnection::Options controlOptions;
    controlOptions.connectTimeoutMs = std::clamp(m_config.requestTimeoutMs, 500, 5000);
    controlOptions.commandTimeoutMs = std::clamp(m_config.requestTimeoutMs * 2, 1000, 5000);
    controlOptions.clientName = "cwb-control";
    RedisConnection control(m_endpoint, controlOptions);
    std::optional<QByteArray> infoText;
    if (!control.connect() || !(infoText = control.info())) {
        snapshot.phase = RunPhase::Failed;
        publish();
        return failedRun(result, control.lastError().kind,
                      QStringLiteral("cannot connect to %1: %2").arg(result.target, control.lastError().message));
    }
    const InfoSnapshot before = parseInfo(*infoText);
    // One TLS context for the run's every connection: the files are read once, here, and a
    // problem with them has already failed the control connection above with its sentence.
    std::shared_ptr<const TlsContext> tls;
    if (m_endpoint.tls.enabled) {
        TlsOptions tlsOptions = m_endpoint.tls;
        applyTlsPassphraseFromEnvironment(tlsOptions);
        tls = TlsContext::obtain(tlsOptions, &error);
        if (!tls) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, RedisErrorKind::Tls, QStringLiteral("cannot use TLS for %1: %2").arg(result.target, error));
        }
    }
    // Against a Redis Cluster, users route by slot: learn who owns what before starting.
    std::optional<ClusterSlotMap> cluster;
    if (before.server.redisMode == QLatin1String("cluster") || before.cluster.clusterEnabled) {
        const auto slotsReply = control.command({"CLUSTER", "SLOTS"});
        QString slotError;
        if (slotsReply && !slotsReply->isError())
            cluster = ClusterSlotMap::fromClusterSlots(*slotsReply, &slotError);
        const QString refused =
            slotsReply && slotsReply->isError()
                ? unavailableCommandSentence(QStringLiteral("CLUSTER SLOTS"), QString::fromUtf8(slotsReply->str))
                : QString();
        if (!refused.isEmpty()) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, classifyErrorReply(QString::fromUtf8(slotsReply->str)),
                          QStringLiteral("%1 is a Redis Cluster node, but %2: the load cannot be routed to the "
                                         "slots' owners without the slot map")
                              .arg(result.target, refused));
        }
        if (!cluster || cluster->assignedSlots() == 0) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, RedisErrorKind::ServerError,
                          QStringLiteral("%1 is a Redis Cluster node, but its slot map could not be read: %2")
                              .arg(result.target, slotError.isEmpty() ? control.lastError().message : slotError));
        }
        if (m_endpoint.database != 0) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, RedisErrorKind::None,
                          QStringLiteral("a Redis Cluster has only database 0; remove /%1 from the target")
                              .arg(m_endpoint.database));
        }
    }
    if (!cluster && m_config.readFromReplicas) {
        // Silently measuring the master alone would mislabel the result: refuse instead.
        snapshot.phase = RunPhase::Failed;
        publish();
        return failedRun(result, RedisErrorKind::None,
                      QStringLiteral("readFromReplicas: %1 is not a Redis Cluster node; replica reads need a cluster "
                                     "target (to load one replica alone, make it the target and turn this off)")
                          .arg(result.target));
    }
    result.warnings = restrictedCommandWarnings(control, m_config);
    // The keys of this run: a namespace of its own under the prefix (see ownedkeys.h).
    LoadTestConfig workerConfig = m_config;
    if (m_options.insideCallerNamespace) {
        result.keyNamespace = m_config.keyPrefix;
    } else {
        ClaimOptions claimOptions;
        claimOptions.runId = m_runId;
        claimOptions.allowExistingKeys = m_options.allowExistingKeys;
        const NamespaceClaim claim = claimNamespace(control, m_config.keyPrefix, claimOptions, cluster);
        if (!claim.ok()) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, claim.error.kind, claim.error.message);
        }
        result.keyNamespace = claim.keyNamespace;
        workerConfig.keyPrefix = claim.keyNamespace;
    }

    result.server.version = before.server.redisVersion;
    result.server.mode = before.server.redisMode;
    result.server.role = before.replication.role == QLatin1String("slave") ? QStringLiteral("replica")
                                                                            : before.replication.role;
    result.server.maxMemory = before.memory.maxMemory;
    result.server.maxMemoryPolicy = before.memory.maxMemoryPolicy;
    result.server.ioThreads = before.value(QStringLiteral("server"), QStringLiteral("io_threads_active")).toInt();
    result.server.usedMemoryBefore = before.memory.usedMemory;

    // Each virtual user holds a socket (one per master on a cluster, and one per replica when
    // reading from replicas): raise the soft limit on open files up to the hard one when
    // needed, or say plainly why the run cannot have them.
    const size_t nodesPerUser = cluster
        ? cluster->owningNodes().size() + (m_config.readFromReplicas ? cluster->replicaNodes().size() : 0)
        : 1;
    const rlim_t needed = rlim_t(m_config.concurrentUsers) * rlim_t(nodesPerUser) + 64;
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < needed) {
        files.rlim_cur = std::min(needed, files.rlim_max);
        setrlimit(RLIMIT_NOFILE, &files);
        getrlimit(RLIMIT_NOFILE, &files);
        if (files.rlim_cur < needed) {
            snapshot.phase = RunPhase::Failed;
            publish();
            return failedRun(result, RedisErrorKind::None,
                          QStringLiteral("concurrentUsers: %1 connections need %2 open files, but this process may "
                                         "open only %3 (raise ulimit -n)")
                              .arg(m_config.concurrentUsers)
                              .arg(qulonglong(needed))
                              .arg(qulonglong(files.rlim_cur)));
        }
    }

    // Workers: users spread evenly over a few threads, each with one event loop. By default one
    // per core, less one when the server runs on this machine: a worker preempting it costs
    // the server more than the worker adds. An open loop takes only as many as its rate needs,
    // since every worker wakes for its own share of the schedule and fewer, fuller wake-ups
    // cost less per request.
    const int hardware = int(std::max(1u, std::thread::hardware_concurrency()));
    int defaultThreads = target->isLocal() ? std::max(1, hardware - 1) : hardware;
    if (m_config.isOpenLoop())
        defaultThreads = std::min(defaultThreads, int(std::ceil(m_config.requestsPerSecond / kOpenLoopRatePerThread)));
    const int threadCount =
        std::clamp(m_config.threads > 0 ? m_config.threads : defaultThreads, 1, m_config.concurrentUsers);
    auto values = std::make_shared<const ValuePool>(m_config.valueSizeMax, m_config.seed);
    std::atomic<int64_t> startNs{0};
    std::vector<std::unique_ptr<LoadWorker>> workers;
    int firstUser = 0;
    for (int w = 0; w < threadCount; ++w) {
        LoadWorker::Settings settings;
        settings.config = workerConfig;
        settings.endpoint = m_endpoint;
        settings.target = *target;
        settings.cluster = cluster;
        settings.values = values;
        settings.firstUser = firstUser;
        settings.userCount = m_config.concurrentUsers / threadCount + (w < m_config.concurrentUsers % threadCount ? 1 : 0);
        settings.totalUsers = m_config.concurrentUsers;
        settings.startNs = &startNs;
        settings.tls = tls;
        firstUser += settings.userCount;
        workers.push_back(std::make_unique<LoadWorker>(std::move(settings)));
    }
    result.client.workerThreads = threadCount;

    const ProcessSample clientBefore0 = sampleProcess();
    std::vector<std::thread> threads;
    threads.reserve(workers.size());
    for (auto &worker : workers)
        threads.emplace_back([w = worker.get()] { w->run(); });
    ServerSampler sampler(m_endpoint, std::clamp(m_config.requestTimeoutMs, 200, 900));
    sampler.start();

    const auto connectedUsers = [&] {
        int n = 0;
        for (auto &w : workers)
            n += w->connectedUsers();
        return n;
    };
    const auto stopWorkers = [&] {
        for (auto &w : workers)
            w->requestStop();
        for (auto &t : threads)
            t.join();
        threads.clear();
    };

    // Wait for the users to connect, so the clock starts with the load, not with connects.
    const int64_t connectDeadline = LoadWorker::nowNs() + kConnectWaitNs;
    while (connectedUsers() < m_config.concurrentUsers && LoadWorker::nowNs() < connectDeadline && !stopRequested()) {
        snapshot.connectedUsers = connectedUsers();
        publish();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (connectedUsers() == 0 && stopRequested()) {
        // Stopped before anyone connected: nothing was measured, and nothing failed either.
        stopWorkers();
        sampler.stop();
        snapshot.phase = RunPhase::Stopping;
        publish();
        result.status = RunStatus::Stopped;
        result.finishedAt = QDateTime::currentDateTimeUtc();
        return result;
    }
    if (connectedUsers() == 0) {
        StatsBlock failures;
        for (auto &w : workers)
            w->collect(failures);
        stopWorkers();
        sampler.stop();
        const RedisErrorKind kind = dominantErrorKind(failures.connectErrors, RedisErrorKind::Refused);
        QString why;
        for (auto &w : workers)
            why = why.isEmpty() ? w->firstConnectFailure() : why;
        snapshot.phase = RunPhase::Failed;
        publish();
        return failedRun(result, kind,
                      QStringLiteral("no virtual user could connect to %1 (%2)%3")
                          .arg(result.target, errorKindName(kind), why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }

    const int64_t loadStart = LoadWorker::nowNs() + kTickNs / 10;
    const int64_t warmupTicks = std::llround(m_config.warmupSec * kSnapshotHz);
    const int64_t measureTicks = std::max<int64_t>(1, std::llround(m_config.durationSec * kSnapshotHz));
    const int64_t measureStart = loadStart + warmupTicks * kTickNs;
    startNs.store(loadStart, std::memory_order_release);

    StatsBlock interval, second;
    auto totalLatency = std::make_shared<LatencyHistogram>();
    ProcessSample clientBefore = clientBefore0;
    ProcessSample clientLastSecond = clientBefore0;
    std::optional<ServerSample> serverAtStart;
    std::optional<ServerSample> serverLastSecond;
    qint64 rssPeak = clientBefore0.rssBytes;
    int ticksInSecond = 0;
    int64_t tick = 0;
    bool measuring = false;
    int64_t measuredNs = 0;
    int64_t lastTickNs = 0;

    // `connected`: the users connected at the second's end (for the last one, before the stop).
    const auto closeSecond = [&](int64_t nowNs, double durationSec, int connected) {
        SecondSample s;
        s.t = double(nowNs - measureStart) / double(kSecondNs);
        s.durationSec = durationSec;
        const OpCounters all = second.total();
        s.ops = all.count;
        s.errors = all.errors;
        s.connectErrors = second.connectErrorCount();
        for (int i = 0; i < kOpTypeCount; ++i)
            s.opsByType[size_t(i)] = second.ops[size_t(i)].count;
        s.hits = all.hits;
        s.misses = all.misses;
        s.p50Us = toUs(all.latency.percentileNs(50));
        s.p95Us = toUs(all.latency.percentileNs(95));
        s.p99Us = toUs(all.latency.percentileNs(99));
        s.maxUs = toUs(all.latency.maxNs());
        const ProcessSample client = sampleProcess();
        if (const auto cpu = CpuMeter::cpuPercent(clientLastSecond, client))
            s.clientCpuPercent = *cpu;
        s.clientRssBytes = client.rssBytes;
        rssPeak = std::max(rssPeak, client.rssBytes);
        clientLastSecond = client;
        const auto server = sampler.latest();
        if (server && (!serverLastSecond || server->monotonicNs != serverLastSecond->monotonicNs)) {
            s.serverUsedMemory = server->usedMemory;
            if (serverLastSecond && server->monotonicNs > serverLastSecond->monotonicNs) {
                s.serverCpuPercent = 100.0 * (server->cpuSeconds - serverLastSecond->cpuSeconds)
                    / (double(server->monotonicNs - serverLastSecond->monotonicNs) / double(kSecondNs));
            }
            serverLastSecond = server;
        }
        s.connectedUsers = connected;
        result.series.push_back(s);
        snapshot.newSeconds.push_back(s);
        if (m_options.onSecond)
            m_options.onSecond(s, second);
        second.reset();
    };

    RunStatus status = RunStatus::Completed;
    for (;;) {
        ++tick;
        const int64_t tickAt = loadStart + tick * kTickNs;
        sleepUntil(tickAt);
        const int64_t now = LoadWorker::nowNs();
        const bool stopping = stopRequested();

        interval.reset();
        for (auto &w : workers)
            w->collect(interval);
        const OpCounters intervalAll = interval.total();
        snapshot.intervalOpsPerSec = double(intervalAll.successes()) * kSnapshotHz;
        snapshot.intervalErrorsPerSec = double(intervalAll.errors) * kSnapshotHz;
        snapshot.intervalP99Us = toUs(intervalAll.latency.percentileNs(99));
        snapshot.connectedUsers = connectedUsers();
        snapshot.elapsedSec = double(now - loadStart) / double(kSecondNs);

        if (tick <= warmupTicks) {
            snapshot.phase = RunPhase::WarmingUp; // warm-up data is shown live but not kept
        } else {
            if (!measuring) {
                measuring = true;
                clientBefore = sampleProcess();
                clientLastSecond = clientBefore;
                serverAtStart = sampler.latest();
                serverLastSecond = serverAtStart;
            }
            snapshot.phase = RunPhase::Running;
            result.totals.merge(interval);
            second.merge(interval);
            totalLatency->merge(intervalAll.latency);
            measuredNs = now - measureStart;
            lastTickNs = now;
            // The run's last second stays open until the stop's drain is in it (below), so the
            // seconds add up to the totals.
            if (++ticksInSecond == kSnapshotHz && !(tick >= warmupTicks + measureTicks || stopping)) {
                ticksInSecond = 0;
                closeSecond(now, 1.0, connectedUsers());
            }
        }
        snapshot.measuredSec = double(std::max<int64_t>(0, measuredNs)) / double(kSecondNs);
        for (int i = 0; i < kOpTypeCount; ++i)
            snapshot.ops[size_t(i)] = LatencySummary::from(result.totals.ops[size_t(i)]);
        snapshot.total = LatencySummary::from(result.totals.total());
        snapshot.connectErrors = result.totals.connectErrorCount();
        snapshot.totalLatency = std::make_shared<const LatencyHistogram>(*totalLatency);

        const bool done = tick >= warmupTicks + measureTicks;
        if (done || stopping) {
            if (stopping && !done)
                status = RunStatus::Stopped;
            snapshot.phase = RunPhase::Stopping;
            publish();
            break;
        }
        publish();
    }

    // Stop: workers drain for at most 200 ms; what completes then still counts if measuring, in
    // the totals and in the last second.
    const int connectedAtEnd = connectedUsers();
    stopWorkers();
    StatsBlock tail;
    for (auto &w : workers)
        w->collect(tail);
    if (measuring) {
        result.totals.merge(tail);
        second.merge(tail);
        if (ticksInSecond > 0)
            closeSecond(lastTickNs, double(ticksInSecond) / kSnapshotHz, connectedAtEnd);
    }
    result.measuredSec = double(std::max<int64_t>(0, measuredNs)) / double(kSecondNs);

    const ProcessSample clientAfter = sampleProcess();
    result.client.cpuUserSec = clientAfter.cpuUserSec - clientBefore.cpuUserSec;
    result.client.cpuSystemSec = clientAfter.cpuSystemSec - clientBefore.cpuSystemSec;
    result.client.rssBefore = clientBefore0.rssBytes;
    result.client.rssAfter = clientAfter.rssBytes;
    result.client.rssPeak = std::max(rssPeak, clientAfter.rssBytes);

    // The closing INFO and the cleanup talk to the server, so a stopped or dead server must
    // not hold up the end of the run: skip them when the sampler has not heard from it for
    // a while, and give them a short timeout when the user asked to stop.
    const auto lastSample = sampler.latest();
    const bool serverResponsive = lastSample && LoadWorker::nowNs() - lastSample->monotonicNs < 3 * kSecondNs;
    sampler.stop();
    result.server.usedMemoryPeak = sampler.peakUsedMemory();
    RedisConnection::Options closingOptions = controlOptions;
    if (stopRequested()) {
        closingOptions.connectTimeoutMs = closingOptions.commandTimeoutMs = 250;
        closingOptions.reconnectAttempts = 0;
    }
    RedisConnection closing(m_endpoint, closingOptions);
    std::optional<QByteArray> afterText;
    if (serverResponsive && closing.connect())
        afterText = closing.info();
    if (afterText) {
        const auto &text = afterText;
        const InfoSnapshot after = parseInfo(*text);
        const ServerSample end = ServerSample::from(after, LoadWorker::nowNs());
        result.server.usedMemoryAfter = end.usedMemory;
        result.server.usedMemoryPeak = std::max(result.server.usedMemoryPeak, end.usedMemory);
        const ServerSample start = serverAtStart.value_or(ServerSample::from(before, 0));
        result.server.cpuSeconds = end.cpuSeconds - start.cpuSeconds;
        result.server.keyspaceHits = end.keyspaceHits - start.keyspaceHits;
        result.server.keyspaceMisses = end.keyspaceMisses - start.keyspaceMisses;
        result.server.expiredKeys = end.expiredKeys - start.expiredKeys;
        result.server.evictedKeys = end.evictedKeys - start.evictedKeys;
    }

    // A cluster's masters may have changed during the run (a failover promoted a replica, the
    // old master is gone): clean up and count on the masters it has now.
    if (cluster && afterText) {
        QString slotError;
        if (auto current = discoverClusterSlots(closing, &slotError); current && current->assignedSlots() > 0)
            cluster = std::move(current);
    }
    // The namespace is removed unless the user keeps it, and whatever stays behind is counted
    // for the report. Inside a caller's namespace, keeping the keys is the caller's business.
    if (!m_config.cleanup) {
        if (!m_options.insideCallerNamespace) {
            result.keysLeft = afterText ? countNamespaceKeys(m_endpoint, closingOptions, result.keyNamespace, cluster) : -1;
            result.cleanupNote = QStringLiteral("cleanup is off");
        }
    } else if (!afterText) {
        result.keysLeft = -1;
        result.cleanupNote = QStringLiteral("cleanup skipped: the server did not answer at the end of the run");
    } else {
        const NamespaceCleanup cleaned = removeNamespace(m_endpoint, closingOptions, result.keyNamespace, cluster);
        result.keysCleanedUp = cleaned.deleted;
        result.keysLeft = cleaned.left;
        if (!cleaned.ok())
            result.cleanupNote = QStringLiteral("cleanup failed: ") + cleaned.error;
    }
    result.cluster = cluster.has_value();

    result.status = status;
    markFailedLoad(result, connectedAtEnd);
    result.finishedAt = QDateTime::currentDateTimeUtc();
    snapshot.phase = RunPhase::Finished;
    publish();
    return result;
}

} // namespace cwb
