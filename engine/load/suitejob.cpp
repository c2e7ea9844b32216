#include "suitejob.h"

#include "loadrun.h"

namespace cwb {

int SuiteResult::completedRuns() const
{
    return int(
        std::count_if(runs.begin(), runs.end(), [](const RunResult &r) { return r.status == RunStatus::Completed; }));
}

SuiteJob *makeSuiteJob(TestSuite suite, Endpoint endpoint, QObject *parent)
{
    return makeSuiteJob(std::move(suite), std::move(endpoint), LoadRunOptions{}, parent);
}

SuiteJob *makeSuiteJob(TestSuite suite, Endpoint endpoint, LoadRunOptions options, QObject *parent)
{
    return new SuiteJob(
        QStringLiteral("suite %1").arg(suite.name),
        [suite = std::move(suite), endpoint = std::move(endpoint), options](const SuiteJob::Context &context) {
            SuiteResult result;
            result.suiteName = suite.name;
            result.planned = int(suite.tests.size());
            SuiteProgress progress;
            progress.suiteName = suite.name;
            progress.total = result.planned;
            for (size_t i = 0; i < suite.tests.size() && !context.stopRequested(); ++i) {
                const LoadTestConfig &test = suite.tests[i];
                progress.index = int(i);
                progress.testName = test.testName;
                LoadRun run(test, endpoint, options);
                RunResult ran;
                {
                    const std::stop_callback forward(context.stopToken(), [&run] { run.requestStop(); });
                    ran = run.execute([&](const RunSnapshot &snapshot) {
                        progress.current = snapshot;
                        context.report(progress);
                    });
                }
                // The last snapshot's seconds were reported with it already.
                progress.current.newSeconds.clear();
                progress.finished.push_back(std::make_shared<const RunResult>(ran));
                context.report(progress);
                result.runs.push_back(std::move(ran));
                if (result.runs.back().status == RunStatus::Failed) {
                    context.fail(QStringLiteral("%1: %2").arg(test.testName, result.runs.back().failureReason));
                    break;
                }
            }
            return result;
        },
        parent);
}

} // namespace cwb
