#pragma once

#include "infopoller.h"
#include "monitorsample.h"

#include "stats/processstats.h"

#include <QObject>

#include <memory>

class QTimer;

namespace cwb {

// The collector's half on the worker thread: a timer, the INFO poller and this process's CPU
// meter. Internal to MonitorService.
class CollectorWorker : public QObject
{
    Q_OBJECT
public:
    CollectorWorker(Endpoint endpoint, int intervalMs);
    ~CollectorWorker() override;

    void start();
    void setInterval(int intervalMs);
    void pollNow();

Q_SIGNALS:
    void collected(const std::vector<cwb::MonitorSample> &samples, bool reachable, const QString &error);

private:
    std::unique_ptr<InfoPoller> m_poller;
    CpuMeter m_cpu;
    QTimer *m_timer = nullptr;
    int m_intervalMs;
};

} // namespace cwb
