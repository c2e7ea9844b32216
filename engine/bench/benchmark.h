#pragma once

#include "benchmarkresult.h"
#include "redis/endpoint.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace cwb {

// A tunable number of a benchmark, with a default short enough that all ten benchmarks
// together finish in well under three minutes on a small machine.
struct BenchmarkParameter
{
    QString name;        // "operations", "durationSec", ...
    QString description;
    double defaultValue = 0;
    double minValue = 0;
    double maxValue = 0;
};

// What a running benchmark gets from its caller.
struct BenchmarkContext
{
    Endpoint endpoint;
    // How results name the target; empty = endpoint.displayUri(). A sandbox's port changes every
    // time, so the CLI and GUI label sandbox runs "sandbox" to keep their trend together.
    QString targetLabel;
    // Everything written lives under it: the runner claims a namespace "<prefix><tag>:" for each
    // benchmark (refusing a prefix that already holds keys unless allowExistingKeys) and hands
    // the benchmark "<prefix><tag>:<name>:" here.
    QString keyPrefix = QStringLiteral("cwb:bench:");
    bool allowExistingKeys = false;
    QMap<QString, double> parameters;                 // overrides of the defaults
    // fraction in [0, 1] of this benchmark, and what it does now. Called from the running thread.
    std::function<void(double fraction, const QString &message)> progress;
    const std::atomic<bool> *cancel = nullptr;
    // The memory benchmark's eviction part starts its own local sandbox redis-server (never a
    // CONFIG SET on the target); false skips that part.
    bool allowEvictionSandbox = true;

    bool cancelled() const { return cancel && cancel->load(); }
    void report(double fraction, const QString &message) const
    {
        if (progress)
            progress(fraction, message);
    }
};

// One of the ten benchmarks. run() does the measuring only: BenchmarkRunner around it records
// server and client memory/CPU, the server's configuration, timestamps and cleans up.
class Benchmark
{
public:
    virtual ~Benchmark() = default;
    virtual QString name() const = 0;        // stable id, "cache-basic-ops"
    virtual QString title() const = 0;       // "Cache basic operations"
    virtual QString description() const = 0; // one sentence
    virtual std::vector<BenchmarkParameter> parameters() const = 0;

    // Fills operations, metrics, series, notes; sets status Failed with a reason on a failure
    // it cannot measure through. Must return promptly once context.cancelled().
    virtual void run(const BenchmarkContext &context, BenchmarkResult &result) = 0;

    // The parameter's value: the context's override or the default.
    double parameter(const BenchmarkContext &context, const QString &name) const;
};

// The ten, in their canonical order.
QStringList benchmarkNames();
std::unique_ptr<Benchmark> createBenchmark(const QString &name); // nullptr for an unknown name
std::vector<std::unique_ptr<Benchmark>> createAllBenchmarks();

} // namespace cwb
