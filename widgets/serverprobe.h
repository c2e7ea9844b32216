#pragma once

#include "redis/endpoint.h"
#include "redis/serversummary.h"

#include <QObject>

#include <vector>

class QThread;

namespace cwb {

// Tests a connection to a server off the GUI thread: connect, AUTH, SELECT, INFO, then a
// ServerSummary. The GUI thread never touches the network; results come back as values
// through queued calls. A newer probe() supersedes an older one whose result is then dropped,
// so a slow, stale answer never overwrites a fresh one.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(QObject *parent = nullptr);
    // Waits for running probes: every call is bounded by the connection timeouts.
    ~ServerProbe() override;

    void probe(const Endpoint &endpoint);
    bool isBusy() const { return m_busy; }
    // Forgets the probe in flight; its result will be dropped.
    void cancel();

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void succeeded(const cwb::ServerSummary &summary);
    // `reason` is one line for the user; `details` names the error class and address.
    void failed(const QString &reason, const QString &details);

private:
    void reapFinishedThreads();

    std::vector<QThread *> m_threads;
    quint64 m_generation = 0;
    bool m_busy = false;
    int m_timeoutMs = 3000;
};

} // namespace cwb
