#pragma once

#include "redis/endpoint.h"
#include "redis/rediserror.h"
#include "redis/serversummary.h"

#include <QObject>

namespace cwb {

namespace jobs {
class JobBase;
}

// Tests a connection to a server off the GUI thread with a probe job (redis/probejob.h): connect,
// AUTH, SELECT, INFO, then a ServerSummary. The GUI thread never touches the network and never
// waits: a newer probe() discards an older one, whose result is then dropped, so a slow, stale
// answer never overwrites a fresh one.
class ServerProbe : public QObject
{
    Q_OBJECT
public:
    explicit ServerProbe(QObject *parent = nullptr);
    // Probes still running are children: they stop and are joined (each bounded by the timeout).
    ~ServerProbe() override;

    void probe(const Endpoint &endpoint);
    bool isBusy() const { return m_current != nullptr; }
    // Forgets the probe in flight; its result will be dropped.
    void cancel();

    // Why talking to `address` failed, as one sentence for the user (the connect timeout in the
    // sentence when it timed out). Shared with the other jobs that connect from the target bar.
    static QString describeFailure(const RedisError &error, const QString &address, int timeoutMs);

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void succeeded(const cwb::ServerSummary &summary);
    // `reason` is one line for the user; `details` names the error class and address.
    void failed(const QString &reason, const QString &details);

private:
    void onFinished();

    jobs::JobBase *m_current = nullptr; // the running ProbeJob
    int m_timeoutMs = 3000;
};

} // namespace cwb
