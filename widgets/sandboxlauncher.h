#pragma once

#include "redis/endpoint.h"

#include <QObject>
#include <QString>

#include <memory>

namespace cwb {

struct StartedSandbox;
namespace jobs {
class JobBase;
}

// Owns the GUI's local sandbox (one server or one cluster at a time). Starting takes seconds
// (a cluster waits for cluster_state:ok), so it runs as a sandbox job (redis/sandboxjob.h); the
// started servers are handed over as a value once the job has finished. Destroying the launcher
// stops the sandbox, so nothing outlives the application.
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

    bool isStarting() const { return m_job != nullptr; }
    bool isRunning() const;
    // The endpoint to connect to (the first master for a cluster); valid while running.
    Endpoint endpoint() const;

Q_SIGNALS:
    void started(const cwb::Endpoint &endpoint);
    void failed(const QString &reason);
    void stopped();

private:
    void onFinished();

    jobs::JobBase *m_job = nullptr; // the SandboxJob starting one
    std::unique_ptr<StartedSandbox> m_sandbox;
};

} // namespace cwb
