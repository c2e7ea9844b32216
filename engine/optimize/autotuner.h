#pragma once

#include "adaptivettl.h"
#include "compression.h"
#include "loadconfigpatch.h"
#include "pooling.h"
#include "redis/endpoint.h"
#include "redis/rediserror.h"
#include "sweep.h"

#include <QDateTime>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <vector>

namespace cwb {

struct TunerOptions
{
    double budgetSec = 60;                    // wall-clock budget for everything, cleanup included
    qint64 memoryBudgetBytes = 64 << 20;      // growth of the target's used_memory allowed; 0 = unlimited
    QString keyPrefix = QStringLiteral("cwb:tune:");
    bool allowExistingKeys = false;           // write beside keys already under keyPrefix (never touched)
    bool batching = true;
    bool pooling = true;
    bool compression = true;
    bool ttl = true;
    int repeats = 2;                          // per sweep step, for the spread
};

// One recommendation, with the measurement behind it.
struct Recommendation
{
    QString id;          // "pipeline", "pool", "compression", "ttl", "connection-reuse"
    QString title;       // one line for lists
    QString value;       // the recommended setting ("16", "zstd from 512 B", "adaptive 0.5-8 s")
    QString baseline;    // what it was compared with ("1", "no compression", "fixed 2 s")
    QString metric;      // what the gain is in ("throughput", "memory", "hit rate")
    // Relative change of the metric, signed as the metric moves (throughput up: positive; memory
    // usage down: negative), so the headline and the evidence agree (hit rate: percentage points).
    double gainPercent = 0;
    double spreadPercent = 0; // the noise of that figure (half range of repeats or paired differences)
    bool withinNoise = false; // the spreads overlap: no measurable difference
    QString confidence;       // "high", "low (within noise)", "single run"
    QString evidence;         // the numbers, in words
    LoadConfigPatch patch;    // what it changes in a load test (may be empty)
};

struct TuningReport
{
    QString target;           // display URI, never a password
    QDateTime startedAt;
    QDateTime finishedAt;
    TunerOptions options;
    QString status = QStringLiteral("failed"); // completed, partial, stopped, failed
    QStringList notes;        // why steps were skipped or stopped (time or memory budget)
    QString stopReason;
    RedisErrorKind failureKind = RedisErrorKind::None; // status failed: None = the prefix was refused
    qint64 usedMemoryBaseline = -1;
    qint64 usedMemoryPeakDelta = 0;
    qint64 usedMemoryFinalDelta = 0;
    QString keyNamespace;     // "<keyPrefix><tag>:": every key the experiments wrote
    qint64 keysCleanedUp = 0;
    qint64 keysLeft = 0;      // keys still under keyNamespace after the cleanup; -1: unknown
    bool memoryBudgetHit = false;

    bool hasPipeline = false, hasPooling = false, hasCompression = false, hasTtl = false;
    Sweep pipeline;
    PoolingResult pooling;
    CompressionResult compression;
    TtlResult ttl;
    std::vector<Recommendation> recommendations;
    LoadConfigPatch patch;    // all recommendations' patches merged

    double elapsedSec() const { return startedAt.msecsTo(finishedAt) / 1000.0; }
};

// The auto-tuner: short, bounded experiments against the target within a time and memory
// budget, then recommendations that each cite the measurement they come from.
//
// Memory: the growth of used_memory over its value at the start may not pass the budget. Each
// step's writes are estimated first and skipped when they would not fit; while a load runs a
// watcher stops it at 90% of the budget. Every key is written in a namespace of this session
// under options.keyPrefix (claimExperimentNamespace: a prefix that already holds keys is refused
// unless allowExistingKeys) and that namespace is removed at the end, whatever happened.
// Time: each experiment gets a share of the budget; steps are sized from what is left.
class AutoTuner
{
public:
    using Progress = std::function<void(const QString &message, double fraction)>;

    AutoTuner(Endpoint endpoint, TunerOptions options);
    TuningReport run(const Progress &progress = {});
    void requestStop() { m_stop.store(true); }

    // The smallest depth whose mean throughput is within 10% of the best mean, or whose
    // repeats overlap the best's: "one of the measured best". -1 for an empty sweep.
    static int recommendFromSweep(const Sweep &sweep, double tolerance = 0.10);

private:
    Endpoint m_endpoint;
    TunerOptions m_options;
    std::atomic<bool> m_stop{false};
};

// What the compression experiment's result recommends for json-like values: a codec from a
// size on, with the memory usage change at the largest measured size, or "off".
Recommendation compressionRecommendation(const CompressionResult &result);

// Schema "cache-workbench/tuning", version 1.
nlohmann::json tuningReportToJson(const TuningReport &report);

} // namespace cwb
