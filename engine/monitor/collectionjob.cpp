#include "collectionjob.h"

#include "infopoller.h"

#include "stats/processstats.h"

#include <QDateTime>

#include <chrono>

namespace cwb {

namespace {

// `firstPoll`: that poll only takes the CPU baseline. Measured from the meter's creation, it would
// report the monitor's own start-up (thread start, first connects) as CPU under the target and trip
// the built-in CPU rule on a quiet system; every later sample covers one collection interval.
MonitorSample workbenchSample(const QString &target, qint64 nowMs, CpuMeter &cpu, bool firstPoll)
{
    MonitorSample self;
    self.timestampMs = nowMs;
    self.target = target;
    self.node = QLatin1String(node::Workbench);
    const auto percent = cpu.poll();
    if (percent && !firstPoll)
        self.values[QLatin1String(metric::CpuPercent)] = *percent;
    const ProcessSample &process = cpu.lastSample();
    if (process.valid) {
        self.values[QLatin1String(metric::RssMb)] = double(process.rssBytes) / (1024.0 * 1024.0);
        self.values[QLatin1String(metric::Threads)] = process.threads;
    }
    return self;
}

} // namespace

CollectionJob *makeCollectionJob(Endpoint endpoint, std::shared_ptr<const std::atomic<int>> intervalMs, QObject *parent)
{
    return new CollectionJob(
        QStringLiteral("monitoring collection"),
        [endpoint = std::move(endpoint), intervalMs = std::move(intervalMs)](const CollectionJob::Context &context) {
            using Clock = std::chrono::steady_clock;
            InfoPoller::Options options;
            // A poll must end well before the next one is due, and never take longer than 2 s per node.
            options.timeoutMs = std::clamp(intervalMs->load() / 2, 200, 2000);
            options.stopToken = context.stopToken();
            InfoPoller poller(endpoint, options);
            CpuMeter cpu;
            CollectionSummary summary;
            // Polls start on a fixed grid, like a timer: a slow poll skips a slot rather than drifting.
            auto next = Clock::now();
            while (!context.stopRequested()) {
                const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
                CollectedSamples batch;
                batch.samples = poller.poll(nowMs);
                if (context.stopRequested())
                    break;
                batch.samples.push_back(workbenchSample(poller.target(), nowMs, cpu, summary.polls == 0));
                batch.reachable = poller.lastPollReachable();
                batch.error = poller.lastError();
                batch.polls = ++summary.polls;
                context.report(std::move(batch));
                const auto interval = std::chrono::milliseconds(std::max(1, intervalMs->load()));
                while (next <= Clock::now())
                    next += interval;
                context.sleepFor(std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()));
            }
            return summary;
        },
        parent);
}

} // namespace cwb
