// The auto-tuner and each optimisation experiment as jobs, against real sandboxes: stopped
// mid-way, each delivers what it measured, marked as stopped, and leaves no key behind.

#include "jobtestsupport.h"
#include "testsupport.h"

#include "optimize/optimizejobs.h"

#include <QTest>

using namespace cwb;

namespace {

const QString kPrefix = QStringLiteral("cwb:jobs:tune:");

bool started(const jobs::StepProgress &p)
{
    return !p.message.isEmpty();
}

template <class J> void stopMidway(J &job)
{
    job.start();
    QVERIFY(test::waitForProgress(job, started));
    QVERIFY(test::stopAndWait(job));
    QCOMPARE(job.state(), jobs::JobState::Stopped);
    QVERIFY(job.result().has_value());
    QVERIFY(job.result()->stopped);
    QCOMPARE(job.result()->keysLeft, 0);
}

} // namespace

class OptimizeJobsTest : public QObject
{
    Q_OBJECT

private:
    SandboxRedis m_redis;

    ExperimentTarget target() const { return {m_redis.endpoint(), kPrefix, 0}; }
    void verifyNoKeysLeft() { QCOMPARE(test::keysMatching(m_redis.endpoint(), "cwb:jobs:*"), 0); }

private Q_SLOTS:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }

    void compressionStopped()
    {
        CompressionOptions options;
        options.sizes = {128, 256, 512, 1024, 2048, 4096};
        options.getsPerCell = 3000;
        std::unique_ptr<CompressionJob> job(makeCompressionJob(target(), options));
        stopMidway(*job);
        const CompressionResult &r = job->result()->result;
        QVERIFY(r.stopped);
        QVERIFY(job->result()->keyNamespace.startsWith(kPrefix));
        QVERIFY(r.cells.size() < options.kinds.size() * options.sizes.size() * (options.codecs.size() + 1));
        QVERIFY(job->result()->peakUsedMemoryDelta.has_value());
        verifyNoKeysLeft();
    }

    void batchingStopped()
    {
        PipelineSweepOptions pipeline;
        pipeline.depths = {1, 2, 4};
        pipeline.stepSec = 600;
        std::unique_ptr<BatchingJob> job(makeBatchingJob(target(), pipeline, BatchSweepOptions{}));
        stopMidway(*job);
        const BatchingResult &r = job->result()->result;
        QVERIFY(r.pipeline.stopped);
        QCOMPARE(r.pipeline.points.size(), size_t(0)); // the cut step is not kept as a measurement
        QVERIFY(r.batch.points.empty());               // and the batch sweep never started
        verifyNoKeysLeft();
    }

    void poolingStopped()
    {
        PoolSweepOptions options;
        options.poolSizes = {1, 2, 4};
        options.offeredRps = 500;
        options.stepSec = 600;
        std::unique_ptr<PoolingJob> job(makePoolingJob(target(), options));
        stopMidway(*job);
        const PoolingResult &r = job->result()->result;
        QVERIFY(r.sweep.stopped);
        QVERIFY(r.sweep.points.empty());
        QCOMPARE(r.recommendedPool, 0); // nothing recommended from a cut sweep
        verifyNoKeysLeft();
    }

    void hotKeysStopped()
    {
        HotKeyExperimentOptions options;
        options.operations = 50'000'000;
        std::unique_ptr<HotKeysJob> job(makeHotKeysJob(target(), options));
        stopMidway(*job);
        const HotKeyExperimentResult &r = job->result()->result;
        QVERIFY(r.totalObserved < uint64_t(options.operations));
        verifyNoKeysLeft();
    }

    void ttlStopped()
    {
        TtlReplayOptions options;
        options.durationSec = 600;
        std::unique_ptr<TtlJob> job(makeTtlJob(options));
        stopMidway(*job);
        const TtlResult &r = job->result()->result;
        QVERIFY(r.stopped);
        QVERIFY(r.policies.size() < 2);
        QVERIFY(r.bestIndex < 0 || r.policies.size() == 1);
        QVERIFY(!job->result()->peakUsedMemoryDelta.has_value()); // never touched the target
    }

    void tuningStopped()
    {
        TuningRequest request;
        request.endpoint = m_redis.endpoint();
        request.options.budgetSec = 600;
        request.options.keyPrefix = kPrefix;
        request.hotKeys = HotKeyExperimentOptions{};
        std::unique_ptr<TuningJob> job(makeTuningJob(request));
        job->start();
        QVERIFY(test::waitForProgress(*job, started));
        QVERIFY(test::stopAndWait(*job));
        QCOMPARE(job->state(), jobs::JobState::Stopped);
        const TuningOutcome &outcome = *job->result();
        QCOMPARE(outcome.report.status, QStringLiteral("stopped"));
        QVERIFY(!outcome.hotKeys.has_value()); // skipped after the stop
        verifyNoKeysLeft();
    }

    void unreachableTargetFails()
    {
        Endpoint nowhere = m_redis.endpoint();
        nowhere.port = 1;
        std::unique_ptr<CompressionJob> experiment(makeCompressionJob({nowhere, kPrefix, 0}, CompressionOptions{}));
        experiment->start();
        QVERIFY(test::waitForEnd(*experiment));
        QCOMPARE(experiment->state(), jobs::JobState::Failed);
        QVERIFY(experiment->result()->setupError.has_value()); // it never started, and says why
        QVERIFY(experiment->result()->setupError->kind != RedisErrorKind::None);
        QVERIFY(experiment->result()->keyNamespace.isEmpty());
        QVERIFY(experiment->failureReason().contains(QStringLiteral("cannot connect")));

        TuningRequest request;
        request.endpoint = nowhere;
        std::unique_ptr<TuningJob> tuning(makeTuningJob(request));
        tuning->start();
        QVERIFY(test::waitForEnd(*tuning));
        QCOMPARE(tuning->state(), jobs::JobState::Failed);
        QCOMPARE(tuning->result()->report.status, QStringLiteral("failed"));

        std::unique_ptr<CompressionJob> noPrefix(makeCompressionJob({m_redis.endpoint(), QString(), 0}, {}));
        noPrefix->start();
        QVERIFY(test::waitForEnd(*noPrefix));
        QVERIFY2(noPrefix->failureReason().startsWith(QStringLiteral("key prefix")),
                 qPrintable(noPrefix->failureReason()));
        QCOMPARE(noPrefix->result()->setupError->kind, RedisErrorKind::None); // an input problem, not the server
    }

    // A prefix that already holds keys someone else wrote is refused before anything is written.
    void occupiedPrefixIsRefused()
    {
        QVERIFY(test::sandboxCommand(m_redis, {"SET", "cwb:jobs:busy:theirs", "1"}));
        std::unique_ptr<CompressionJob> job(
            makeCompressionJob({m_redis.endpoint(), QStringLiteral("cwb:jobs:busy:"), 0}, CompressionOptions{}));
        job->start();
        QVERIFY(test::waitForEnd(*job));
        QCOMPARE(job->state(), jobs::JobState::Failed);
        QVERIFY2(job->failureReason().contains(QStringLiteral("already holds keys")), qPrintable(job->failureReason()));
        QCOMPARE(test::keysMatching(m_redis.endpoint(), "cwb:jobs:busy:*"), 1); // theirs, untouched
        QVERIFY(test::sandboxCommand(m_redis, {"DEL", "cwb:jobs:busy:theirs"}));
    }
};

QTEST_GUILESS_MAIN(OptimizeJobsTest)
#include "tst_optimizejobs.moc"
