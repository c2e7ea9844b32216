// The benchmark sequence as a job against a real sandbox: stopped mid-way it says which benchmarks
// completed, which one the stop interrupted and which never ran, with none shown as complete that
// was not, and every benchmark's keys removed.

#include "jobtestsupport.h"
#include "testsupport.h"

#include "bench/benchmarksequence.h"

#include <QTest>

using namespace cwb;

class BenchJobsTest : public QObject
{
    Q_OBJECT

private:
    SandboxRedis m_redis;

private Q_SLOTS:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }

    void stoppedSequenceIsPartialAndHonest()
    {
        BenchmarkSequence sequence;
        sequence.names = {QStringLiteral("cache-basic-ops"), QStringLiteral("session-management"),
                          QStringLiteral("geospatial-queries")};
        sequence.endpoint = m_redis.endpoint();
        sequence.parameters[QStringLiteral("cache-basic-ops")] = {{QStringLiteral("operations"), 200}};
        // Long enough that the stop surely lands inside it.
        sequence.parameters[QStringLiteral("session-management")] = {{QStringLiteral("stepSec"), 600},
                                                                     {QStringLiteral("maxConnections"), 2}};
        std::unique_ptr<BenchmarkSequenceJob> job(makeBenchmarkSequenceJob(sequence));
        job->start();
        QVERIFY(test::waitForProgress(*job, [](const BenchmarkSequenceProgress &p) {
            return p.index == 1 && p.finished.size() == 1 && !p.message.isEmpty();
        }));
        QCOMPARE(job->progress().total, 3);
        QCOMPARE(job->progress().benchmark, QStringLiteral("session-management"));
        QVERIFY(test::stopAndWait(*job));

        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const BenchmarkSequenceResult &result = *job->result();
        QCOMPARE(int(result.results.size()), 2);
        QCOMPARE(result.results[0].benchmark, QStringLiteral("cache-basic-ops"));
        QCOMPARE(result.results[0].status, BenchmarkStatus::Completed);
        QCOMPARE(result.results[1].benchmark, QStringLiteral("session-management"));
        QCOMPARE(result.results[1].status, BenchmarkStatus::Cancelled);
        QCOMPARE(result.completed(), QStringList{QStringLiteral("cache-basic-ops")});
        QCOMPARE(result.cancelled(), QStringLiteral("session-management"));
        QCOMPARE(result.notRun, QStringList{QStringLiteral("geospatial-queries")});
        QVERIFY(!result.anyFailed());
        QVERIFY(result.results[1].keysCleanedUp >= 0); // cleanup ran after the stop
        QCOMPARE(test::keysMatching(m_redis.endpoint(), "cwb:bench:*"), 0);
    }

    // The realtime benchmark's stream consumer reports errors across threads (the race fixed in
    // issue 15): run it to the end so ThreadSanitizer sees both sides.
    void realtimeRunsToTheEnd()
    {
        BenchmarkSequence sequence;
        sequence.names = {QStringLiteral("realtime-updates")};
        sequence.endpoint = m_redis.endpoint();
        sequence.parameters[QStringLiteral("realtime-updates")] = {{QStringLiteral("messages"), 300},
                                                                   {QStringLiteral("maxSubscribers"), 2}};
        std::unique_ptr<BenchmarkSequenceJob> job(makeBenchmarkSequenceJob(sequence));
        job->start();
        QVERIFY(test::waitForEnd(*job));
        QCOMPARE(job->state(), jobs::JobState::Succeeded);
        const BenchmarkResult &r = job->result()->results.at(0);
        QVERIFY2(r.status == BenchmarkStatus::Completed, qPrintable(r.failureReason));
        QCOMPARE(*r.metric(QStringLiteral("stream messages lost")), 0.0);
    }

    // Without an endpoint the sequence runs on a sandbox of its own, labelled so trends group.
    void ownSandboxAndUnknownNames()
    {
        BenchmarkSequence sequence;
        sequence.names = {QStringLiteral("cache-basic-ops"), QStringLiteral("no-such-benchmark")};
        sequence.parameters[QStringLiteral("cache-basic-ops")] = {{QStringLiteral("operations"), 50}};
        std::unique_ptr<BenchmarkSequenceJob> job(makeBenchmarkSequenceJob(sequence));
        job->start();
        QVERIFY(test::waitForEnd(*job));
        const BenchmarkSequenceResult &result = *job->result();
        QCOMPARE(int(result.results.size()), 2);
        QCOMPARE(result.results[0].status, BenchmarkStatus::Completed);
        QCOMPARE(result.results[0].target, kSandboxTargetLabel);
        QCOMPARE(result.results[1].status, BenchmarkStatus::Failed);
        QVERIFY(result.anyFailed());
    }
};

QTEST_GUILESS_MAIN(BenchJobsTest)
#include "tst_benchjobs.moc"
