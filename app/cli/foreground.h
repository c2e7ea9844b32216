#pragma once

// How the CLI runs long work: as a job (engine/jobs) on its own thread, while the main thread runs
// an event loop that prints progress and turns stop signals into the job's stop request.
//
// SIGINT, SIGTERM and SIGHUP all mean "stop": the first one asks the foreground job to stop, and
// the job still delivers its partial result, so the command reports, saves and cleans up as it
// would at the end. A second signal ends the process at once (the default action of that signal),
// for a user who does not want to wait.

#include "jobs/job.h"
#include "jobs/stopflag.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace cwb::cli {

class StopSignals
{
public:
    // Once, early in main(): installs the handlers for the whole process.
    static void install();
    // 0, or the first stop signal received (SIGINT, SIGTERM, SIGHUP).
    static int received();
    // A command that runs several jobs in sequence checks this between them.
    static bool stopRequested() { return received() != 0; }
};

// Starts the job (unless started already) and returns when it has finished, with every delivery
// (progress, result, failed, finished) made on this thread. onProgress runs on each progress
// delivery. A stop signal that arrived before the call stops the job at once.
void runInForeground(jobs::JobBase &job, const std::function<void()> &onProgress = {});

// For work that is not one job (monitoring, the daemons): calls onStop once, from this thread's
// event loop, when the first stop signal arrives (from the next loop pass when one came already).
// Watching ends when the returned object is deleted.
std::unique_ptr<QObject> onStopSignal(std::function<void()> onStop);

// Engine calls that take a cancel flag and have no job kind of their own (a namespace removal,
// the warming-effect measurement) run as a one-off job in the foreground: `body` gets the flag a
// stop signal raises and a function that reports a progress line (printed on this thread).
template <class Result>
Result runCancellable(const QString &name,
                      const std::function<Result(const std::atomic<bool> *cancel,
                                                 const std::function<void(QString)> &report)> &body,
                      const std::function<void(const QString &)> &onProgress = {})
{
    using OneOff = jobs::Job<QString, Result>;
    OneOff job(name, [&body](const typename OneOff::Context &context) {
        const jobs::StopFlag stop(context.stopToken());
        return body(stop.get(), [&context](QString line) { context.report(std::move(line)); });
    });
    runInForeground(job, [&] {
        if (onProgress)
            onProgress(job.progress());
    });
    return job.result().value_or(Result{});
}

} // namespace cwb::cli
