#include "loadrunner.h"

#include "jobs/joblauncher.h"

namespace cwb {

LoadRunner::LoadRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<cwb::RunSnapshot>();
    qRegisterMetaType<cwb::RunResult>();
}

LoadRunner::~LoadRunner()
{
    delete m_job; // stops the run and joins its thread
}

bool LoadRunner::start(const LoadTestConfig &config, const Endpoint &endpoint)
{
    if (m_job)
        return false;
    auto *job = new LoadJob(config, endpoint, this);
    return start(job, job->runId());
}

bool LoadRunner::start(RunJob *job, const QString &runId)
{
    if (m_job) {
        delete job;
        return false;
    }
    job->setParent(this);
    m_job = job;
    m_runId = runId;
    m_latest = RunSnapshot{};
    connect(m_job, &jobs::JobBase::progressAvailable, this, [this] {
        m_latest = m_job->progress();
        Q_EMIT snapshotAvailable(m_latest);
    });
    connect(m_job, &jobs::JobBase::finished, this, &LoadRunner::onFinished);
    Q_EMIT started(runId);
    if (m_launcher)
        m_launcher->launch(m_job);
    else
        m_job->start();
    return true;
}

void LoadRunner::stop()
{
    if (m_job)
        m_job->requestStop();
}

void LoadRunner::onFinished()
{
    RunJob *job = std::exchange(m_job, nullptr);
    job->deleteLater();
    RunResult result;
    if (job->result()) {
        result = *job->result();
    } else { // the body threw (out of memory): no result, only a reason
        result.runId = m_runId;
        result.status = RunStatus::Failed;
        result.failureReason = job->failureReason();
    }
    if (result.status == RunStatus::Failed)
        Q_EMIT runFailed(result.failureReason, result);
    else
        Q_EMIT runFinished(result);
}

} // namespace cwb
