// Handshake time for 1,000 connections (issue 17), measured with the load engine's own connect
// accounting: LoadWorker opens every virtual user's link at once (non-blocking connect, TLS
// handshake inside its epoll loop, then AUTH/SELECT as a run does) and counts a user as connected
// when its link is ready. The figure is the time from the workers' start until every user is
// connected, as a run's pre-load wait sees it; nothing is sent (the start time is never set).
//
//   cwb_tls_connect_bench URI [--users N] [--threads T] [--repeat R]
//
// URI as the CLI takes it, TLS options as query items: rediss://127.0.0.1:6380?tls-ca=/path/ca.crt.
// --threads 0 (default) splits the users as a run against a local server does (one thread per
// core, one less for the server). Prints one line per repeat and the median, in milliseconds,
// with the process's CPU time per connection. bench/tls_handshake_bench.sh drives it.

#include "load/connecttarget.h"
#include "load/loadconfig.h"
#include "load/loadworker.h"
#include "load/runstats.h"
#include "load/workload.h"
#include "redis/endpoint.h"
#include "redis/tlscontext.h"
#include "stats/processstats.h"

#include <QCoreApplication>
#include <QStringList>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

using namespace cwb;

namespace {

struct Outcome
{
    double connectMs = -1; // -1: not every user connected
    double cpuMsPerConnection = 0;
    QString failure;
};

double cpuSeconds()
{
    const ProcessSample s = sampleProcess();
    return s.cpuUserSec + s.cpuSystemSec;
}

Outcome connectAll(const Endpoint &endpoint, const ConnectTarget &target, const std::shared_ptr<const TlsContext> &tls,
                   int users, int threads)
{
    LoadTestConfig config;
    config.testName = QStringLiteral("tls-connect-bench");
    config.concurrentUsers = users;
    config.requestTimeoutMs = 10000; // a handshake queued behind 999 others is not a failure
    const std::atomic<int64_t> never{0};
    auto values = std::make_shared<const ValuePool>(config.valueSizeMax, config.seed);
    std::vector<std::unique_ptr<LoadWorker>> workers;
    int first = 0;
    for (int w = 0; w < threads; ++w) {
        LoadWorker::Settings s;
        s.config = config;
        s.endpoint = endpoint;
        s.target = target;
        s.tls = tls;
        s.values = values;
        s.firstUser = first;
        s.userCount = users / threads + (w < users % threads ? 1 : 0);
        s.totalUsers = users;
        s.startNs = &never;
        first += s.userCount;
        workers.push_back(std::make_unique<LoadWorker>(std::move(s)));
    }
    Outcome out;
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> running;
    for (auto &w : workers)
        running.emplace_back([&w] { w->run(); });
    const auto deadline = t0 + std::chrono::seconds(60);
    for (;;) {
        int connected = 0;
        for (auto &w : workers)
            connected += w->connectedUsers();
        const auto now = std::chrono::steady_clock::now();
        if (connected == users) {
            out.connectMs = std::chrono::duration<double, std::milli>(now - t0).count();
            break;
        }
        if (now > deadline) {
            for (auto &w : workers)
                out.failure = out.failure.isEmpty() ? w->firstConnectFailure() : out.failure;
            out.failure =
                QStringLiteral("%1 of %2 connected after 60 s: %3").arg(connected).arg(users).arg(out.failure);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    out.cpuMsPerConnection = (cpuSeconds() - cpu0) * 1000.0 / users;
    for (auto &w : workers)
        w->requestStop();
    for (auto &t : running)
        t.join();
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: cwb_tls_connect_bench URI [--users N] [--threads T] [--repeat R]\n");
        return 2;
    }
    QString error;
    const auto endpoint = parseEndpoint(args.takeFirst(), &error);
    if (!endpoint) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    int users = 1000, threads = 0, repeat = 5;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const int value = args[i + 1].toInt();
        if (args[i] == QLatin1String("--users"))
            users = value;
        else if (args[i] == QLatin1String("--threads"))
            threads = value;
        else if (args[i] == QLatin1String("--repeat"))
            repeat = value;
    }
    if (threads <= 0) // as LoadRun picks for a local server
        threads = std::max(1, int(std::thread::hardware_concurrency()) - 1);
    threads = std::clamp(threads, 1, users);
    // A socket per user, as LoadRun arranges: the soft limit on open files up to the hard one.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < rlim_t(users) + 64) {
        files.rlim_cur = std::min(rlim_t(users) + 64, files.rlim_max);
        setrlimit(RLIMIT_NOFILE, &files);
    }

    const auto target = ConnectTarget::resolve(*endpoint, &error);
    if (!target) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 3;
    }
    std::shared_ptr<const TlsContext> tls;
    if (endpoint->tls.enabled && !(tls = TlsContext::obtain(endpoint->tls, &error))) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 3;
    }
    std::vector<double> times;
    for (int r = 0; r < repeat; ++r) {
        const Outcome o = connectAll(*endpoint, *target, tls, users, threads);
        if (o.connectMs < 0) {
            std::fprintf(stderr, "%s\n", qPrintable(o.failure));
            return 1;
        }
        std::printf("run %d: %d connections in %.1f ms (%d worker threads), client CPU %.3f ms per connection\n", r + 1,
                    users, o.connectMs, threads, o.cpuMsPerConnection);
        times.push_back(o.connectMs);
    }
    std::sort(times.begin(), times.end());
    std::printf("median %.1f ms (min %.1f, max %.1f)\n", times[times.size() / 2], times.front(), times.back());
    return 0;
}
