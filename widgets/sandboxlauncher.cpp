#include "sandboxlauncher.h"

#include "redis/sandboxjob.h"

namespace cwb {

SandboxLauncher::SandboxLauncher(QObject *parent) : QObject(parent) {}

SandboxLauncher::~SandboxLauncher()
{
    // A start in progress is stopped and joined (its half-built servers stopped with it).
    delete m_job;
    m_job = nullptr;
    // Receivers may be half destroyed by now (we are usually a child of the main window).
    blockSignals(true);
    stop();
}

bool SandboxLauncher::isRunning() const
{
    return !isStarting() && m_sandbox && m_sandbox->isRunning();
}

Endpoint SandboxLauncher::endpoint() const
{
    return m_sandbox ? m_sandbox->endpoint : Endpoint();
}

void SandboxLauncher::start(Kind kind)
{
    if (isStarting())
        return;
    stop();
    SandboxRequest request;
    request.kind = kind == Kind::Single ? SandboxRequest::Kind::Single : SandboxRequest::Kind::Cluster;
    m_job = makeSandboxJob(std::move(request), this);
    connect(m_job, &jobs::JobBase::finished, this, &SandboxLauncher::onFinished);
    m_job->start();
}

void SandboxLauncher::onFinished()
{
    auto *job = static_cast<SandboxJob *>(std::exchange(m_job, nullptr));
    job->deleteLater();
    if (auto sandbox = job->releaseResult(); sandbox && sandbox->isRunning()) {
        m_sandbox = std::make_unique<StartedSandbox>(std::move(*sandbox));
        Q_EMIT started(m_sandbox->endpoint);
        return;
    }
    Q_EMIT failed(job->failureReason().isEmpty() ? tr("The sandbox did not start.") : job->failureReason());
}

void SandboxLauncher::stop()
{
    if (isStarting())
        return;
    const bool wasRunning = m_sandbox && m_sandbox->isRunning();
    // Stopping waits for the servers to exit (at most a couple of seconds per node).
    m_sandbox.reset();
    if (wasRunning)
        Q_EMIT stopped();
}

} // namespace cwb
