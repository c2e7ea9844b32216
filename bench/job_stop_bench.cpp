// How long each job kind takes to end after a stop request: the "within 1 s" of issue 15,
// measured rather than asserted in a unit test. Each kind is started against local sandboxes,
// left to work until its first progress delivery plus 300 ms, then asked to stop; the figure is
// the time from requestStop() to finished() in the owner's thread (so it includes the event
// loop's delivery). `job_stop_bench [repeats]` (default 5) prints a Markdown table: median and
// worst per kind. Kinds whose stop waits on a blocking call print that bound alongside.

#include "bench/benchmarksequence.h"
#include "cluster/clusterjobs.h"
#include "load/loadjob.h"
#include "load/suitejob.h"
#include "monitor/collectionjob.h"
#include "optimize/optimizejobs.h"
#include "redis/probejob.h"
#include "redis/sandboxjob.h"
#include "warming/warmjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cwb;

namespace {

LoadTestConfig longLoad(const QString &name)
{
    LoadTestConfig c;
    c.testName = name;
    c.durationSec = 600;
    c.concurrentUsers = 8;
    c.threads = 1;
    c.keyPrefix = QStringLiteral("cwb:stopbench:");
    return c;
}

// Runs one job until its first progress plus `settleMs`, stops it; milliseconds to finished(),
// or -1 when it ended on its own first.
double stopLatencyMs(jobs::JobBase *job, int settleMs = 300)
{
    QEventLoop loop;
    QElapsedTimer clock;
    double latency = -1;
    bool asked = false;
    QObject::connect(job, &jobs::JobBase::progressAvailable, &loop, [&] {
        if (asked)
            return;
        asked = true;
        QTimer::singleShot(settleMs, &loop, [&] {
            if (job->isDone())
                return;
            clock.start();
            job->requestStop();
        });
    });
    QObject::connect(job, &jobs::JobBase::finished, &loop, [&] {
        if (clock.isValid())
            latency = double(clock.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    job->start();
    loop.exec();
    delete job;
    return latency;
}

struct Kind
{
    const char *name;
    std::function<jobs::JobBase *()> make;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    SandboxRedis redis;
    SandboxCluster cluster;
    QString error;
    if (!redis.start(&error) || !cluster.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    const Endpoint target = redis.endpoint();
    const ExperimentTarget experiment{target, QStringLiteral("cwb:stopbench:"), 0};

    const std::vector<Kind> kinds = {
        {"load run", [&] { return new LoadJob(longLoad(QStringLiteral("long")), target); }},
        {"suite",
         [&] {
             return makeSuiteJob(
                 {QStringLiteral("s"), {}, {longLoad(QStringLiteral("a")), longLoad(QStringLiteral("b"))}}, target);
         }},
        {"benchmark sequence",
         [&] {
             BenchmarkSequence s;
             s.names = {QStringLiteral("session-management"), QStringLiteral("cache-basic-ops")};
             s.endpoint = target;
             s.parameters[QStringLiteral("session-management")] = {{QStringLiteral("stepSec"), 600}};
             return makeBenchmarkSequenceJob(s);
         }},
        {"auto-tuning",
         [&] {
             TuningRequest r{target, {}, {}};
             r.options.budgetSec = 600;
             r.options.keyPrefix = experiment.keyPrefix;
             return makeTuningJob(r);
         }},
        {"compression", [&] { return makeCompressionJob(experiment, CompressionOptions{}); }},
        {"batching",
         [&] {
             PipelineSweepOptions p;
             p.stepSec = 600;
             return makeBatchingJob(experiment, p, {});
         }},
        {"pooling",
         [&] {
             PoolSweepOptions p;
             p.stepSec = 600;
             p.offeredRps = 1000;
             return makePoolingJob(experiment, p);
         }},
        {"hot keys",
         [&] {
             HotKeyExperimentOptions o;
             o.operations = 100'000'000;
             return makeHotKeysJob(experiment, o);
         }},
        {"ttl",
         [&] {
             TtlReplayOptions o;
             o.durationSec = 600;
             return makeTtlJob(o);
         }},
        {"warming",
         [&] {
             WarmingPlan plan;
             plan.name = QStringLiteral("slow");
             plan.strategy = WarmStrategy::Synthetic;
             plan.keyPrefix = experiment.keyPrefix;
             plan.params = {{"load", {{"keyPrefix", "cwb:stopbench:"}, {"keySpace", 1000000}}}};
             plan.rateLimit = 1000;
             return makeWarmJob(plan, target);
         }},
        {"cluster watch", [&] { return makeClusterWatchJob(cluster.seed()); }},
        {"monitoring collection", [&] { return makeCollectionJob(target, std::make_shared<std::atomic<int>>(1000)); }},
        {"sandbox cluster start",
         [&] {
             SandboxRequest r;
             r.kind = SandboxRequest::Kind::Cluster;
             return makeSandboxJob(r);
         }},
    };

    std::printf("| job kind | median ms | worst ms | runs |\n|---|---|---|---|\n");
    for (const Kind &kind : kinds) {
        std::vector<double> samples;
        for (int i = 0; i < repeats; ++i)
            if (const double ms = stopLatencyMs(kind.make()); ms >= 0)
                samples.push_back(ms);
        std::sort(samples.begin(), samples.end());
        if (samples.empty()) {
            std::printf("| %s | - | - | 0 (ended before the stop) |\n", kind.name);
            continue;
        }
        std::printf("| %s | %.0f | %.0f | %zu |\n", kind.name, samples[samples.size() / 2], samples.back(),
                    samples.size());
        std::fflush(stdout);
    }
    return 0;
}
