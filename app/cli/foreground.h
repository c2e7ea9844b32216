#pragma once

// How the CLI runs long work: as a job (engine/jobs) on its own thread, while the main thread runs
// an event loop that prints progress and turns stop signals into the job's stop request.
//
// SIGINT, SIGTERM and SIGHUP all mean "stop": the first one asks the foreground job to stop, and
// the job still delivers its partial result, so the command reports, saves and cleans up as it
// would at the end. A second signal ends the process at once (the default action of that signal),
// for a user who does not want to wait.

#include "jobs/job.h"

#include <functional>

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

} // namespace cwb::cli
