#pragma once

// The auto-tuner and each optimisation experiment as jobs (engine/jobs/job.h). Progress is a
// message and a fraction; results are the experiments' own values, wrapped with what a stop did
// to them. A stop request raises the experiment's cancel flag (or AutoTuner::requestStop()): the
// running step ends within about a second, every key written is still removed, and the job
// delivers what was measured until then.

#include "adaptivettl.h"
#include "autotuner.h"
#include "batching.h"
#include "compression.h"
#include "hotkeyscan.h"
#include "jobs/job.h"
#include "jobs/stepprogress.h"
#include "pooling.h"

#include <optional>

namespace cwb {

// Where an experiment writes: in a namespace of its own claimed under keyPrefix (an invalid prefix,
// or one that already holds keys unless allowExistingKeys, is refused) and removed at the end, and
// with the growth of the target's used_memory kept within memoryBudgetBytes (0 = unlimited, still
// observed).
struct ExperimentTarget
{
    Endpoint endpoint;
    QString keyPrefix = QStringLiteral("cwb:tune:");
    qint64 memoryBudgetBytes = 0;
    bool allowExistingKeys = false;
};

template <class Result> struct ExperimentOutcome
{
    Result result;
    // Peak growth of the target's used_memory over the run; nullopt for experiments that run on
    // sandboxes of their own (ttl).
    std::optional<qint64> peakUsedMemoryDelta;
    // A stop request cut it short: `result` holds only what was measured before (its own
    // `stopped` fields say where), and nothing in it is to be read as the complete answer.
    bool stopped = false;
    // On the target: the namespace it wrote in, and what its removal left (-1: the server could
    // not say); the job fails when that is not 0.
    QString keyNamespace;
    qint64 keysLeft = 0;
    // Set when it never started: the target could not be reached (a connection kind) or the
    // prefix was refused (kind None: invalid, or it already holds keys). Nothing was written.
    std::optional<RedisError> setupError;
};

// Pipeline depths against throughput (LoadRuns), then MSET/MGET batch sizes.
struct BatchingResult
{
    Sweep pipeline;
    Sweep batch;
    int recommendedPipeline = -1; // AutoTuner::recommendFromSweep(pipeline)
};

using CompressionJob = jobs::Job<jobs::StepProgress, ExperimentOutcome<CompressionResult>>;
using BatchingJob = jobs::Job<jobs::StepProgress, ExperimentOutcome<BatchingResult>>;
using PoolingJob = jobs::Job<jobs::StepProgress, ExperimentOutcome<PoolingResult>>;
using HotKeysJob = jobs::Job<jobs::StepProgress, ExperimentOutcome<HotKeyExperimentResult>>;
using TtlJob = jobs::Job<jobs::StepProgress, ExperimentOutcome<TtlResult>>;

// Each fails when the target cannot be reached or the prefix is refused at the start (the result
// then only holds setupError), when keys were left behind, and (hot keys, ttl) when the
// experiment reports an error.
CompressionJob *makeCompressionJob(ExperimentTarget target, CompressionOptions options, QObject *parent = nullptr);
BatchingJob *makeBatchingJob(ExperimentTarget target, PipelineSweepOptions pipeline, BatchSweepOptions batch,
                             QObject *parent = nullptr);
PoolingJob *makePoolingJob(ExperimentTarget target, PoolSweepOptions options, QObject *parent = nullptr);
HotKeysJob *makeHotKeysJob(ExperimentTarget target, HotKeyExperimentOptions options, QObject *parent = nullptr);
// Runs on sandboxes of its own (never the user's server): no target.
TtlJob *makeTtlJob(TtlReplayOptions options, QObject *parent = nullptr);

// A read-only look at the target's real keys (SCAN MATCH <prefix>*, paced; OBJECT FREQ under an
// LFU policy; MEMORY USAGE): writes nothing, so it claims no namespace and needs no budget. A stop
// ends it within about a second with what was sampled (`stopped`); it fails when the target
// cannot be reached or a command is refused.
struct KeyScanRequest
{
    Endpoint endpoint;
    QString prefix;               // empty: every key (still at most maxKeys)
    int maxKeys = 1000;
    int topN = 20;
    int scanCount = 100;          // COUNT per SCAN call
    int scanCallsPerSecond = 20;  // at most this many SCAN calls a second (about 2,000 keys/s)
};
using KeyScanJob = jobs::Job<jobs::StepProgress, ServerHotKeyScan>;
KeyScanJob *makeKeyScanJob(KeyScanRequest request, QObject *parent = nullptr);

// The auto-tuner, optionally followed by the hot-key experiment under the same prefix (what the
// Optimisation page runs). The tuner lives on the job's thread only; nothing outside can reach it.
struct TuningRequest
{
    Endpoint endpoint;
    TunerOptions options;
    std::optional<HotKeyExperimentOptions> hotKeys; // skipped after a stop; its own namespace
};

struct TuningOutcome
{
    TuningReport report; // status "completed", "partial", "stopped" (a stop request) or "failed"
    std::optional<HotKeyExperimentResult> hotKeys;
};

// Fails (with the report) when the tuner could not run at all (report.status "failed") or its
// cleanup left keys (report.keysLeft), or the hot-key part left keys.
using TuningJob = jobs::Job<jobs::StepProgress, TuningOutcome>;
TuningJob *makeTuningJob(TuningRequest request, QObject *parent = nullptr);

} // namespace cwb
