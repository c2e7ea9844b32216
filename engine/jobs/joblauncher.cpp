#include "joblauncher.h"

namespace cwb::jobs {

JobLauncher::JobLauncher(QObject *parent) : QObject(parent) {}

JobLauncher::~JobLauncher() = default;

bool JobLauncher::launch(JobBase *job)
{
    if (!job || !job->start())
        return false;
    m_jobs.append(job);
    connect(job, &JobBase::finished, this, [this, job] {
        m_jobs.removeIf([job](const QPointer<JobBase> &p) { return !p || p == job; });
        Q_EMIT jobFinished(job);
        Q_EMIT runningChanged(runningCount());
    });
    // A job deleted while running (its page closed) must not stay counted.
    connect(job, &QObject::destroyed, this, [this] {
        m_jobs.removeIf([](const QPointer<JobBase> &p) { return !p; });
        Q_EMIT runningChanged(runningCount());
    });
    Q_EMIT runningChanged(runningCount());
    return true;
}

QList<JobBase *> JobLauncher::running() const
{
    QList<JobBase *> jobs;
    for (const QPointer<JobBase> &job : m_jobs)
        if (job && job->isRunning())
            jobs.append(job.data());
    return jobs;
}

void JobLauncher::stopAll()
{
    for (JobBase *job : running())
        job->requestStop();
}

} // namespace cwb::jobs
