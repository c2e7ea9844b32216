#pragma once

// Driving jobs (engine/jobs/job.h) from a test: wait for a state of their progress, stop them,
// wait for the end. Every wait processes events (deliveries are queued) and is bounded generously:
// tests assert on events, never on how fast they came.

#include "jobs/job.h"

#include <QElapsedTimer>
#include <QSignalSpy>

namespace cwb::test {

// Waits until the progress delivered so far satisfies `reached`. False when the job finished or
// the bound passed first.
template <class J, class Predicate> bool waitForProgress(J &job, Predicate reached, int timeoutMs = 120000)
{
    QSignalSpy progress(&job, &jobs::JobBase::progressAvailable);
    QElapsedTimer clock;
    clock.start();
    while (!reached(job.progress())) {
        if (job.isDone() || clock.elapsed() > timeoutMs)
            return false;
        progress.wait(100);
    }
    return true;
}

// Waits for finished() (at once when it came already).
inline bool waitForEnd(jobs::JobBase &job, int timeoutMs = 120000)
{
    QSignalSpy finished(&job, &jobs::JobBase::finished);
    return job.isDone() || finished.wait(timeoutMs);
}

// Requests a stop and waits for finished().
inline bool stopAndWait(jobs::JobBase &job, int timeoutMs = 60000)
{
    job.requestStop();
    return waitForEnd(job, timeoutMs);
}

} // namespace cwb::test
