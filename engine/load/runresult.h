#pragma once

#include "loadconfig.h"
#include "runstats.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace cwb {

// One second of a run's measurement window.
struct SecondSample
{
    double t = 0;               // seconds since the measurement started, at the end of this second
    double durationSec = 1;     // 1, or less for a final partial second
    uint64_t ops = 0;           // completed operations, failed ones included
    uint64_t errors = 0;        // failed operations
    uint64_t connectErrors = 0; // failed connection attempts
    std::array<uint64_t, kOpTypeCount> opsByType{};
    uint64_t hits = 0;
    uint64_t misses = 0;
    double p50Us = 0;
    double p95Us = 0;
    double p99Us = 0;
    double maxUs = 0;
    double clientCpuPercent = -1;  // -1 when not measured
    qint64 clientRssBytes = -1;
    qint64 serverUsedMemory = -1;  // -1 when the server did not answer INFO in time
    double serverCpuPercent = -1;
    int connectedUsers = 0;

    double opsPerSec() const { return durationSec > 0 ? double(ops - errors) / durationSec : 0; }
    double errorRate() const { return ops ? double(errors) / double(ops) : 0; }
};

// The server as seen before, during and after a run.
struct ServerObservation
{
    QString version;
    QString mode;
    QString role;
    qint64 maxMemory = 0;
    QString maxMemoryPolicy;
    int ioThreads = 0;
    qint64 usedMemoryBefore = -1;
    qint64 usedMemoryAfter = -1;
    qint64 usedMemoryPeak = -1;  // highest used_memory sampled during the run
    double cpuSeconds = -1;      // used_cpu_sys + used_cpu_user over the measurement window
    qint64 keyspaceHits = -1;    // deltas over the run, as the server counted them
    qint64 keyspaceMisses = -1;
    qint64 expiredKeys = -1;
    qint64 evictedKeys = -1;
};

// The workbench's own process over the measurement window.
struct ClientObservation
{
    double cpuUserSec = 0;
    double cpuSystemSec = 0;
    qint64 rssBefore = 0;
    qint64 rssPeak = 0;
    qint64 rssAfter = 0;
    int workerThreads = 0;
};

enum class RunStatus { Completed, Stopped, Failed };
QString runStatusName(RunStatus status); // "completed", "stopped", "failed"

// One agent's line in a distributed run's breakdown (issue 18, see distrib/).
struct AgentSummary
{
    QString agent;
    QString state; // "starting", "running", "finished", "lost" or "refused"
    RunStatus status = RunStatus::Failed;
    bool lost = false; // it stopped answering mid-run; what it delivered until then is counted
    int users = 0;
    uint64_t operations = 0;
    uint64_t errors = 0;
    double throughput = 0;
    double p99Us = 0;
    QString failureReason;
};

struct RunResult
{
    QString runId;
    LoadTestConfig config;
    QString target; // display URI: never a password
    QDateTime startedAt;
    QDateTime finishedAt;
    RunStatus status = RunStatus::Failed;
    QString failureReason;
    RedisErrorKind failureKind = RedisErrorKind::None;

    double measuredSec = 0; // length of the measurement window (warm-up excluded)
    StatsBlock totals;
    std::vector<SecondSample> series;
    ServerObservation server;
    ClientObservation client;
    // Where this run's keys live ("<keyPrefix><tag>:", see load/keyprefix.h): the only keys it
    // wrote, and the only ones its cleanup and invalidations remove.
    QString keyNamespace;
    qint64 keysCleanedUp = -1; // -1: cleanup off or not reached
    qint64 keysLeft = 0;       // keys still under keyNamespace at the end; -1: the server could not say
    QString cleanupNote;       // why keys were left (cleanup off, failed or skipped); empty otherwise
    bool cluster = false;      // the target was a Redis Cluster (totals.nodes has per-node figures)
    bool tls = false;          // the connections spoke TLS
    bool tlsInsecure = false;  // ... without verifying the server's certificate (--insecure)
    // What the reader must know to read the figures, one sentence each ("the ACL user may not run
    // MULTI: the invalidate operations fail ..."). The insecure-TLS warning is not among them.
    QStringList warnings;
    // A distributed run: what each agent ran and measured (empty for a run on one machine).
    std::vector<AgentSummary> agents;

    OpCounters total() const { return totals.total(); }
    double throughput() const; // successful operations per second
    double errorRate() const;  // failed / all operations, 0..1
    double hitRate() const;    // hits / (hits + misses), 0..1; -1 without reads
    // Client CPU time (user + system) per completed operation, in microseconds.
    double clientCpuUsPerOp() const;
};

// `result` ended as Failed, of `kind`, for `reason`, now: how a run that could not run ends.
RunResult failedRun(RunResult result, RedisErrorKind kind, const QString &reason);

// The sentence every report and result view shows for a run whose TLS server was not verified
// (empty otherwise): its figures may come from anyone on the path.
QString insecureTlsWarning(const RunResult &result);

// The run's JSON document (schema "cache-workbench/run", version 1): every metric, per-op
// percentiles and the serialised histograms. Never contains a password.
nlohmann::json runResultToJson(const RunResult &result);
std::optional<RunResult> runResultFromJson(const nlohmann::json &json, QString *error = nullptr);

} // namespace cwb
