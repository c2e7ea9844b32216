#pragma once

#include "redis/endpoint.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace cwb {

class SandboxCluster;
class SandboxRedis;

// Owns the GUI's local sandbox (one server or one cluster at a time). Starting takes seconds
// (a cluster waits for cluster_state:ok), so it runs on a worker thread; the sandbox object
// is handed to that thread and only touched here again once the thread has finished.
// Destroying the launcher stops the sandbox, so nothing outlives the application.
class SandboxLauncher : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Single, Cluster };
    Q_ENUM(Kind)

    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    // Stops a running sandbox first. Ignored while a start is in progress.
    void start(Kind kind);
    void stop();

    bool isStarting() const;
    bool isRunning() const;
    // The endpoint to connect to (the first master for a cluster); valid while running.
    Endpoint endpoint() const { return m_endpoint; }

Q_SIGNALS:
    void started(const cwb::Endpoint &endpoint);
    void failed(const QString &reason);
    void stopped();

private:
    void onThreadFinished();

    std::unique_ptr<SandboxRedis> m_single;
    std::unique_ptr<SandboxCluster> m_cluster;
    QThread *m_thread = nullptr;
    Endpoint m_endpoint;
    QString m_error;
    bool m_ok = false;
};

} // namespace cwb
