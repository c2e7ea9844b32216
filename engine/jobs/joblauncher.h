#pragma once

#include "job.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace cwb::jobs {

// Starts jobs and knows which are running, so a window can ask before quitting, stop them all,
// and show what is busy. Pages get one through their constructor; a test can pass a subclass
// that records or refuses launches. It does not own the jobs (their parents do).
class JobLauncher : public QObject
{
    Q_OBJECT

public:
    explicit JobLauncher(QObject *parent = nullptr);
    ~JobLauncher() override;

    // Starts the job and tracks it until finished(). False when it could not start (it ran already).
    virtual bool launch(JobBase *job);

    QList<JobBase *> running() const;
    int runningCount() const { return int(running().size()); }
    // Asks every running job to stop; each still delivers its (partial) result and finished().
    void stopAll();

Q_SIGNALS:
    void runningChanged(int count);
    void jobFinished(cwb::jobs::JobBase *job);

private:
    QList<QPointer<JobBase>> m_jobs;
};

} // namespace cwb::jobs
