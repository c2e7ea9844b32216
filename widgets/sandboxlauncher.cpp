#include "sandboxlauncher.h"

#include "redis/sandboxcluster.h"
#include "redis/sandboxredis.h"

#include <QThread>

namespace cwb {

SandboxLauncher::SandboxLauncher(QObject *parent) : QObject(parent) {}

SandboxLauncher::~SandboxLauncher()
{
    // The worker uses m_single/m_cluster: let it finish (start() is bounded by its timeout)
    // before the sandbox is stopped and freed.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    // Receivers may be half destroyed by now (we are usually a child of the main window).
    blockSignals(true);
    stop();
}

bool SandboxLauncher::isStarting() const
{
    return m_thread != nullptr;
}

bool SandboxLauncher::isRunning() const
{
    return !isStarting() && (m_single || m_cluster);
}

void SandboxLauncher::start(Kind kind)
{
    if (isStarting())
        return;
    stop();
    m_ok = false;
    m_error.clear();

    if (kind == Kind::Single) {
        m_single = std::make_unique<SandboxRedis>();
        SandboxRedis *sandbox = m_single.get();
        m_thread = QThread::create([this, sandbox] {
            m_ok = sandbox->start(&m_error);
            if (m_ok)
                m_endpoint = sandbox->endpoint();
        });
    } else {
        m_cluster = std::make_unique<SandboxCluster>();
        SandboxCluster *cluster = m_cluster.get();
        m_thread = QThread::create([this, cluster] {
            m_ok = cluster->start(&m_error);
            if (m_ok)
                m_endpoint = cluster->seed();
        });
    }
    // m_ok, m_error and m_endpoint are written by the worker only, and read here only after
    // QThread::finished, which orders the accesses.
    connect(m_thread, &QThread::finished, this, &SandboxLauncher::onThreadFinished);
    m_thread->start();
}

void SandboxLauncher::onThreadFinished()
{
    delete m_thread;
    m_thread = nullptr;
    if (m_ok) {
        Q_EMIT started(m_endpoint);
        return;
    }
    m_single.reset();
    m_cluster.reset();
    Q_EMIT failed(m_error.isEmpty() ? tr("The sandbox did not start.") : m_error);
}

void SandboxLauncher::stop()
{
    if (isStarting())
        return;
    const bool wasRunning = m_single || m_cluster;
    // Stopping waits for the servers to exit (at most a couple of seconds per node).
    if (m_single)
        m_single->stop();
    if (m_cluster)
        m_cluster->stop();
    m_single.reset();
    m_cluster.reset();
    m_endpoint = Endpoint();
    if (wasRunning)
        Q_EMIT stopped();
}

} // namespace cwb
