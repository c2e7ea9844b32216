#include "collectorworker.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace cwb {

CollectorWorker::CollectorWorker(Endpoint endpoint, int intervalMs) : m_intervalMs(intervalMs)
{
    InfoPoller::Options options;
    // A poll must end well before the next one is due, and never take longer than 2 s.
    options.timeoutMs = std::clamp(intervalMs / 2, 200, 2000);
    m_poller = std::make_unique<InfoPoller>(std::move(endpoint), options);
}

CollectorWorker::~CollectorWorker() = default;

void CollectorWorker::start()
{
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &CollectorWorker::pollNow);
    m_timer->start(m_intervalMs);
    pollNow();
}

void CollectorWorker::setInterval(int intervalMs)
{
    m_intervalMs = intervalMs;
    if (m_timer)
        m_timer->setInterval(intervalMs);
}

void CollectorWorker::pollNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<MonitorSample> samples = m_poller->poll(now);

    MonitorSample self;
    self.timestampMs = now;
    self.target = m_poller->target();
    self.node = QLatin1String(node::Workbench);
    if (const auto cpu = m_cpu.poll())
        self.values[QLatin1String(metric::CpuPercent)] = *cpu;
    const ProcessSample &process = m_cpu.lastSample();
    if (process.valid) {
        self.values[QLatin1String(metric::RssMb)] = double(process.rssBytes) / (1024.0 * 1024.0);
        self.values[QLatin1String(metric::Threads)] = process.threads;
    }
    samples.push_back(self);
    Q_EMIT collected(samples, m_poller->lastPollReachable(), m_poller->lastError());
}

} // namespace cwb
