#pragma once

#include "jobs/job.h"
#include "loadconfig.h"
#include "loadrun.h"
#include "redis/endpoint.h"
#include "runsnapshot.h"

#include <memory>
#include <vector>

namespace cwb {

// Where a running suite is: which test, its live snapshot, and the tests finished so far.
struct SuiteProgress
{
    QString suiteName;
    int index = 0; // the test running now, 0-based
    int total = 0;
    QString testName;
    RunSnapshot current;
    // Every test finished so far, in order (shared and immutable, so copying progress stays
    // cheap). A consumer that saves or shows each run as it ends takes the ones it has not seen.
    std::vector<std::shared_ptr<const RunResult>> finished;

    void foldEarlier(SuiteProgress &&earlier) { current.foldEarlier(std::move(earlier.current)); }
};

// What a suite did. The runs are in order; when the suite ended early the last one says why
// (status Stopped after a stop request, Failed with the reason), and the tests after it are not
// in the list: `planned - runs.size()` of them never ran.
struct SuiteResult
{
    QString suiteName;
    int planned = 0;
    std::vector<RunResult> runs;

    int completedRuns() const;
    bool endedEarly() const
    {
        return int(runs.size()) < planned || (!runs.empty() && runs.back().status != RunStatus::Completed);
    }
};

// A suite as a job: its tests run one after another against one endpoint (the configurations
// as given: merge any overrides first). A stop request stops the running test (it still
// delivers what it measured) and starts no further test. A failed test ends the suite (an
// unreachable server would fail every later test the same way): the job then delivers the
// partial result and failed("<test name>: <reason>"). Each test runs with `options` (existing
// keys allowed or not).
using SuiteJob = jobs::Job<SuiteProgress, SuiteResult>;
SuiteJob *makeSuiteJob(TestSuite suite, Endpoint endpoint, QObject *parent = nullptr);
SuiteJob *makeSuiteJob(TestSuite suite, Endpoint endpoint, LoadRunOptions options, QObject *parent = nullptr);

} // namespace cwb
