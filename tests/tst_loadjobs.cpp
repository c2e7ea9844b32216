// Load runs and suites as jobs, against a real sandbox: stopped mid-way, each ends with a partial,
// honest result; a failing run or test fails the job with its reason.

#include "jobtestsupport.h"
#include "testsupport.h"

#include "load/loadjob.h"
#include "load/loadrunner.h"
#include "load/suitejob.h"

#include <QTest>

using namespace cwb;

namespace {

LoadTestConfig longConfig(const QString &name, double seconds)
{
    LoadTestConfig c;
    c.testName = name;
    c.durationSec = seconds;
    c.concurrentUsers = 4;
    c.requestsPerSecond = 0;
    c.operationMix = {70, 20, 5, 5};
    c.cacheTypes = {CacheType::String};
    c.keySpace = 1000;
    c.valueSizeMin = 16;
    c.valueSizeMax = 64;
    c.threads = 1;
    c.requestTimeoutMs = 1000;
    c.keyPrefix = QStringLiteral("cwb:jobs:");
    return c;
}

bool measuring(const RunSnapshot &s)
{
    return s.phase == RunPhase::Running && s.measuredSec >= 1.0;
}

} // namespace

class LoadJobsTest : public QObject
{
    Q_OBJECT

private:
    SandboxRedis m_redis;

private Q_SLOTS:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }

    void stoppedRunDeliversWhatItMeasured()
    {
        LoadJob job(longConfig(QStringLiteral("long"), 120), m_redis.endpoint());
        QVERIFY(!job.runId().isEmpty());
        std::vector<SecondSample> appended; // what a chart would show, delivery by delivery
        connect(&job, &jobs::JobBase::progressAvailable, this, [&] {
            QCOMPARE(job.progress().runId, job.runId());
            const auto &fresh = job.progress().newSeconds;
            appended.insert(appended.end(), fresh.begin(), fresh.end());
        });
        QSignalSpy failed(&job, &jobs::JobBase::failed);
        job.start();
        QVERIFY(test::waitForProgress(job, measuring));
        QVERIFY(test::stopAndWait(job));

        QCOMPARE(job.state(), jobs::JobState::Stopped);
        QCOMPARE(failed.count(), 0);
        QVERIFY(job.result().has_value());
        const RunResult &result = *job.result();
        QCOMPARE(result.runId, job.runId());
        QCOMPARE(result.status, RunStatus::Stopped);
        QVERIFY(result.measuredSec >= 1.0 && result.measuredSec < 120);
        QVERIFY(result.total().count > 0);
        // Every second a consumer appended is in the result, in order: none lost to coalescing.
        QVERIFY(!appended.empty());
        QVERIFY(appended.size() <= result.series.size());
        for (size_t i = 0; i < appended.size(); ++i)
            QCOMPARE(appended[i].t, result.series[i].t);
        QCOMPARE(test::keysMatching(m_redis.endpoint(), "cwb:jobs:*"), 0); // cleaned up after a stop too
    }

    void unreachableTargetFailsWithTheResult()
    {
        Endpoint nowhere = m_redis.endpoint();
        nowhere.port = 1; // nothing listens there
        LoadJob job(longConfig(QStringLiteral("nowhere"), 5), nowhere);
        QSignalSpy failed(&job, &jobs::JobBase::failed);
        job.start();
        QVERIFY(test::waitForEnd(job));
        QCOMPARE(job.state(), jobs::JobState::Failed);
        QCOMPARE(failed.count(), 1);
        QVERIFY(job.result().has_value());
        QCOMPARE(job.result()->status, RunStatus::Failed);
        QCOMPARE(failed.at(0).at(0).toString(), job.result()->failureReason);
    }

    // A stop that comes before any user connected is a stop, not "could not connect".
    void stopBeforeUsersConnectIsNotAFailure()
    {
        LoadJob job(longConfig(QStringLiteral("early"), 120), m_redis.endpoint());
        QSignalSpy failed(&job, &jobs::JobBase::failed);
        job.start();
        QVERIFY(test::stopAndWait(job));
        QCOMPARE(job.state(), jobs::JobState::Stopped);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(job.result()->status, RunStatus::Stopped);
        QVERIFY(job.result()->failureReason.isEmpty());
    }

    // The GUI's LoadRunner is a face of LoadJob: same stop, same result.
    void loadRunnerStopsThroughTheJob()
    {
        LoadRunner runner;
        QSignalSpy started(&runner, &LoadRunner::started);
        QSignalSpy finished(&runner, &LoadRunner::runFinished);
        QVERIFY(runner.start(longConfig(QStringLiteral("runner"), 120), m_redis.endpoint()));
        QVERIFY(!runner.start(longConfig(QStringLiteral("second"), 1), m_redis.endpoint()));
        QCOMPARE(started.count(), 1);
        QSignalSpy snapshots(&runner, &LoadRunner::snapshotAvailable);
        QVERIFY(snapshots.wait(30000));
        runner.stop();
        QVERIFY(finished.wait(60000));
        QVERIFY(!runner.isRunning());
        const auto result = finished.at(0).at(0).value<RunResult>();
        QCOMPARE(result.runId, started.at(0).at(0).toString());
        QCOMPARE(result.status, RunStatus::Stopped);
    }

    void stoppedSuiteSaysWhatRanAndWhatDidNot()
    {
        TestSuite suite;
        suite.name = QStringLiteral("three");
        suite.tests = {longConfig(QStringLiteral("short"), 1), longConfig(QStringLiteral("long"), 120),
                       longConfig(QStringLiteral("never"), 120)};
        std::unique_ptr<SuiteJob> job(makeSuiteJob(suite, m_redis.endpoint()));
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const SuiteProgress &p) {
            return p.index == 1 && p.finished.size() == 1 && measuring(p.current);
        }));
        QCOMPARE(job->progress().finished.front()->status, RunStatus::Completed);
        QVERIFY(test::stopAndWait(*job));

        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const SuiteResult &result = *job->result();
        QCOMPARE(result.planned, 3);
        QCOMPARE(int(result.runs.size()), 2);
        QCOMPARE(result.runs[0].status, RunStatus::Completed);
        QCOMPARE(result.runs[1].status, RunStatus::Stopped);
        QCOMPARE(result.runs[1].config.testName, QStringLiteral("long"));
        QCOMPARE(result.completedRuns(), 1);
        QVERIFY(result.endedEarly());
        QCOMPARE(job->progress().finished.size(), size_t(2));
    }

    void failedTestEndsTheSuite()
    {
        LoadTestConfig broken = longConfig(QStringLiteral("broken"), 1);
        broken.concurrentUsers = 0; // refused by validation when it runs
        TestSuite suite;
        suite.name = QStringLiteral("with a broken test");
        suite.tests = {longConfig(QStringLiteral("fine"), 1), broken, longConfig(QStringLiteral("after"), 1)};
        std::unique_ptr<SuiteJob> job(makeSuiteJob(suite, m_redis.endpoint()));
        QSignalSpy failed(job.get(), &jobs::JobBase::failed);
        job->start();
        QVERIFY(test::waitForEnd(*job));
        QCOMPARE(job->state(), jobs::JobState::Failed);
        QVERIFY2(failed.at(0).at(0).toString().startsWith(QStringLiteral("broken: ")),
                 qPrintable(failed.at(0).at(0).toString()));
        const SuiteResult &result = *job->result();
        QCOMPARE(int(result.runs.size()), 2);
        QCOMPARE(result.runs[0].status, RunStatus::Completed);
        QCOMPARE(result.runs[1].status, RunStatus::Failed);
        QVERIFY(result.endedEarly());
    }
};

QTEST_GUILESS_MAIN(LoadJobsTest)
#include "tst_loadjobs.moc"
