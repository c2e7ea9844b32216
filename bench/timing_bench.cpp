// How long the bounded waits and stops really take, against the budgets the architecture
// promises (docs/PERFORMANCE.md, "Stops and timeouts"). The unit tests assert that these things
// happen (a stop ends the run, a timeout is classified as one); how fast they happen depends on
// the machine, so it is measured here, on demand, and never asserted in a test.
//
//   timing_bench [repeats]        (default 5; each line: median and worst of the repeats)
//
// Every server is a sandbox on loopback, started and stopped by this program.

#include "load/loadrun.h"
#include "optimize/autotuner.h"
#include "redis/redisconnection.h"
#include "redis/sandboxredis.h"
#include "warming/warmexecutor.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

using namespace cwb;

namespace {

// One measurement in milliseconds, or a negative value when the scenario could not run.
using Scenario = std::function<double()>;

void report(const char *name, double budgetMs, const std::vector<double> &samples)
{
    std::vector<double> ok;
    for (double s : samples) {
        if (s >= 0)
            ok.push_back(s);
    }
    if (ok.empty()) {
        std::printf("%-44s  could not run\n", name);
        return;
    }
    std::sort(ok.begin(), ok.end());
    const double median = ok[ok.size() / 2], worst = ok.back();
    std::printf("%-44s  median %7.1f ms  worst %7.1f ms  budget %6.0f ms  %s\n", name, median, worst, budgetMs,
                worst <= budgetMs ? "ok" : "OVER");
}

void run(const char *name, double budgetMs, int repeats, const Scenario &scenario)
{
    std::vector<double> samples;
    for (int i = 0; i < repeats; ++i)
        samples.push_back(scenario());
    report(name, budgetMs, samples);
}

LoadTestConfig longRun()
{
    LoadTestConfig c;
    c.testName = QStringLiteral("timing");
    c.durationSec = 60;
    c.concurrentUsers = 4;
    c.threads = 2;
    c.keySpace = 1000;
    c.requestTimeoutMs = 1000;
    c.cacheTypes = {CacheType::String};
    return c;
}

// requestStop() -> execute() returns, once the run has measured something; with `pause`, the
// server is stopped (SIGSTOP) first, so the stop cannot wait for replies.
double loadRunStop(bool pause)
{
    SandboxRedis redis;
    if (!redis.start())
        return -1;
    LoadRun loadRun(longRun(), redis.endpoint());
    QElapsedTimer sinceStop;
    std::atomic<bool> asked{false};
    const RunResult r = loadRun.execute([&](const RunSnapshot &s) {
        if (s.phase == RunPhase::Running && s.total.count > 1000 && !asked.exchange(true)) {
            if (pause)
                redis.pause();
            sinceStop.start();
            loadRun.requestStop();
        }
    });
    const double ms = double(sinceStop.nsecsElapsed()) / 1e6;
    redis.resume();
    return r.status == RunStatus::Stopped ? ms : -1;
}

// A command against a paused server with a 300 ms command timeout.
double commandTimeout()
{
    SandboxRedis redis;
    if (!redis.start())
        return -1;
    RedisConnection::Options options;
    options.commandTimeoutMs = 300;
    RedisConnection c(redis.endpoint(), options);
    if (!c.connect() || !redis.pause())
        return -1;
    QElapsedTimer timer;
    timer.start();
    const bool failed = !c.command({"PING"});
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    redis.resume();
    return failed && c.lastError().kind == RedisErrorKind::Timeout ? ms : -1;
}

// Connecting to a loopback port nobody listens on.
double refusedConnect()
{
    SandboxRedis redis;
    if (!redis.start())
        return -1;
    const Endpoint endpoint = redis.endpoint();
    redis.stop();
    RedisConnection c(endpoint);
    QElapsedTimer timer;
    timer.start();
    const bool refused = !c.connect() && c.lastError().kind == RedisErrorKind::Refused;
    return refused ? double(timer.nsecsElapsed()) / 1e6 : -1;
}

// A rate-limited warming run cancelled after its first batch: cancel -> run() returns.
double warmingCancel()
{
    SandboxRedis redis;
    if (!redis.start())
        return -1;
    WarmingPlan plan;
    plan.name = QStringLiteral("timing");
    plan.strategy = WarmStrategy::Synthetic;
    plan.params = {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 100000}}}};
    plan.rateLimit = 100;
    std::atomic<bool> cancel{false};
    QElapsedTimer sinceCancel;
    const WarmRunRecord r = WarmExecutor::run(plan, redis.endpoint(), &cancel, [&](const WarmProgress &) {
        if (!cancel.exchange(true))
            sinceCancel.start();
    });
    return r.status == WarmRunStatus::Cancelled ? double(sinceCancel.nsecsElapsed()) / 1e6 : -1;
}

// The auto-tuner with a 5 s budget: how long until it returns (cleanup included).
double tunerWithFiveSecondBudget()
{
    SandboxRedis redis;
    if (!redis.start())
        return -1;
    TunerOptions o;
    o.budgetSec = 5;
    o.pooling = o.compression = o.ttl = false;
    QElapsedTimer timer;
    timer.start();
    const TuningReport report = AutoTuner(redis.endpoint(), o).run();
    if (report.status == QLatin1String("failed")) {
        std::fprintf(stderr, "tuner failed: %s\n", qPrintable(report.stopReason));
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

// SandboxRedis::stop() of a paused server.
double pausedSandboxStop()
{
    SandboxRedis redis;
    if (!redis.start() || !redis.pause())
        return -1;
    QElapsedTimer timer;
    timer.start();
    redis.stop();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int repeats = std::max(1, QCoreApplication::arguments().value(1, QStringLiteral("5")).toInt());
    std::printf("timing_bench: %d repeat(s) per line, %u hardware threads\n", repeats,
                std::thread::hardware_concurrency());
    run("LoadRun stop while running", 1000, repeats, [] { return loadRunStop(false); });
    run("LoadRun stop while the server is paused", 1000, repeats, [] { return loadRunStop(true); });
    run("command timeout 300 ms, paused server", 600, repeats, commandTimeout);
    run("connect to a closed port (refused)", 200, repeats, refusedConnect);
    run("warming cancel during its rate limit", 100, repeats, warmingCancel);
    run("auto-tuner with a 5 s budget, in all", 6500, repeats, tunerWithFiveSecondBudget);
    run("stop a paused sandbox server", 1500, repeats, pausedSandboxStop);
    return 0;
}
