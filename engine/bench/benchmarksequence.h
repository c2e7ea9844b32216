#pragma once

#include "benchmark.h"
#include "jobs/job.h"

#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace cwb {

// How results of a sequence run on a local sandbox name their target: the sandbox's port changes
// every time, one label keeps their trend together.
inline const QString kSandboxTargetLabel = QStringLiteral("sandbox");

// Which benchmarks to run, in which order, where and with what.
struct BenchmarkSequence
{
    QStringList names;                                   // benchmark names, run in this order
    std::map<QString, QMap<QString, double>> parameters; // overrides per benchmark name
    // The target. nullopt: the sequence starts a local sandbox redis-server of its own, runs
    // on it, labels the results kSandboxTargetLabel and stops it at the end.
    std::optional<Endpoint> endpoint;
    QString targetLabel; // how results name the target; empty = the endpoint's display URI
    QString keyPrefix = QStringLiteral("cwb:bench:"); // see BenchmarkContext::keyPrefix
    bool allowExistingKeys = false;
    bool allowEvictionSandbox = true;
};

struct BenchmarkSequenceProgress
{
    int index = 0; // of the benchmark running now, 0-based
    int total = 0;
    QString benchmark;   // its name
    double fraction = 0; // of that benchmark
    QString message;     // what it does now
    // Every benchmark finished so far, in order (shared and immutable, so copying progress stays
    // cheap). A consumer that shows or saves each result as it ends takes the ones it has not seen.
    std::vector<std::shared_ptr<const BenchmarkResult>> finished;
};

// What a sequence did, honestly: the benchmarks that ran, in order, each with its own status
// (Completed, Failed with a reason, or Cancelled for the one a stop interrupted, which is then
// the last), and the ones that never started. A cancelled benchmark's partial figures are kept
// but never counted as complete.
struct BenchmarkSequenceResult
{
    std::vector<BenchmarkResult> results;
    QStringList notRun;
    QString failure; // the sequence itself could not run (the sandbox did not start)

    QStringList completed() const;
    QString cancelled() const; // the benchmark a stop interrupted; empty when none
    bool anyFailed() const;
};

// The one sequence loop, shared by the GUI (as a job) and the CLI: runs each benchmark with
// runBenchmark() (which cleans up its keys whatever happens) until `cancel` is raised. Blocks.
// onProgress (a benchmark starts, or reports) and onResult (it ended) run on the calling thread;
// a progress value lists the results before the benchmark it reports on.
BenchmarkSequenceResult
runBenchmarkSequence(const BenchmarkSequence &sequence, const std::atomic<bool> *cancel,
                     const std::function<void(const BenchmarkSequenceProgress &)> &onProgress = {},
                     const std::function<void(const BenchmarkResult &)> &onResult = {});

// The sequence as a job: progress as above, the result as above. A stop request raises the
// benchmarks' cancel flag; the running benchmark returns promptly as Cancelled, cleans up its
// prefix, and no further one starts. A sequence that could not run fails with the reason.
using BenchmarkSequenceJob = jobs::Job<BenchmarkSequenceProgress, BenchmarkSequenceResult>;
BenchmarkSequenceJob *makeBenchmarkSequenceJob(BenchmarkSequence sequence, QObject *parent = nullptr);

} // namespace cwb
