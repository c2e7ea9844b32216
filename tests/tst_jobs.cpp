// The job model: ordering of deliveries, coalesced progress, stop, failure, the launcher.

#include "jobs/inbox.h"
#include "jobs/job.h"
#include "jobs/joblauncher.h"
#include "jobs/stopflag.h"

#include <QSignalSpy>
#include <QTest>

#include <QPointer>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>

using namespace cwb::jobs;

namespace {

struct Partial
{
    int steps = 0;
    bool stopped = false;
};

// Steps until stopped (or until `limit`), reporting each step.
Job<int, Partial> *countingJob(int limit, QObject *parent)
{
    return new Job<int, Partial>(
        QStringLiteral("counting"),
        [limit](const JobContext<int> &context) {
            Partial partial;
            while (partial.steps < limit && !context.stopRequested()) {
                ++partial.steps;
                context.report(partial.steps);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            partial.stopped = context.stopRequested();
            return partial;
        },
        parent);
}

// Progress that carries deltas: each report holds the items new since the previous one.
struct Items
{
    std::vector<int> fresh;
    void foldEarlier(Items &&earlier)
    {
        earlier.fresh.insert(earlier.fresh.end(), fresh.begin(), fresh.end());
        fresh = std::move(earlier.fresh);
    }
};

struct Owned
{
    std::unique_ptr<int> value;
};

} // namespace

class JobsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void succeedsWithOrderedDeliveries()
    {
        QObject owner;
        auto *job = countingJob(20, &owner);
        QStringList order;
        connect(job, &JobBase::started, this, [&] { order << QStringLiteral("started"); });
        connect(job, &JobBase::progressAvailable, this, [&] {
            if (order.isEmpty() || order.last() != QLatin1String("progress"))
                order << QStringLiteral("progress");
        });
        connect(job, &JobBase::resultAvailable, this, [&] { order << QStringLiteral("result"); });
        connect(job, &JobBase::failed, this, [&] { order << QStringLiteral("failed"); });
        QSignalSpy finished(job, &JobBase::finished);
        QVERIFY(job->start());
        QVERIFY(!job->start()); // a job runs once
        QCOMPARE(job->state(), JobState::Running);
        QVERIFY(finished.wait(10000));
        QCOMPARE(order, (QStringList{QStringLiteral("started"), QStringLiteral("progress"), QStringLiteral("result")}));
        QCOMPARE(job->state(), JobState::Succeeded);
        QVERIFY(job->result().has_value());
        QCOMPARE(job->result()->steps, 20);
        QCOMPARE(job->progress(), 20); // the newest value always arrives
        QCOMPARE(finished.count(), 1);
    }

    void progressIsCoalesced()
    {
        constexpr int kReports = 200000;
        Job<int, int> job(QStringLiteral("flood"), [](const JobContext<int> &context) {
            for (int i = 1; i <= kReports; ++i)
                context.report(i);
            return kReports;
        });
        QSignalSpy progress(&job, &JobBase::progressAvailable);
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(progress.count() >= 1);
        QVERIFY2(progress.count() < kReports / 10, qPrintable(QString::number(progress.count())));
        QCOMPARE(job.progress(), kReports);
    }

    void stopEndsWithPartialResult()
    {
        auto *job = countingJob(1000000, this);
        QSignalSpy progress(job, &JobBase::progressAvailable);
        QSignalSpy finished(job, &JobBase::finished);
        job->start();
        QVERIFY(progress.wait(10000));
        job->requestStop();
        QVERIFY(job->stopRequested());
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->state(), JobState::Stopped);
        QVERIFY(job->result().has_value());
        QVERIFY(job->result()->stopped);
        QVERIFY(job->result()->steps > 0 && job->result()->steps < 1000000);
        delete job;
    }

    void failWithPartialResultThenFailed()
    {
        Job<int, int> job(QStringLiteral("partial failure"), [](const JobContext<int> &context) {
            context.report(1);
            context.fail(QStringLiteral("server went away"));
            context.fail(QStringLiteral("a later reason does not replace the first"));
            return 7;
        });
        QStringList order;
        connect(&job, &JobBase::resultAvailable, this, [&] { order << QStringLiteral("result"); });
        connect(&job, &JobBase::failed, this, [&](const QString &reason) { order << reason; });
        connect(&job, &JobBase::finished, this, [&] { order << QStringLiteral("finished"); });
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(order, (QStringList{QStringLiteral("result"), QStringLiteral("server went away"),
                                     QStringLiteral("finished")}));
        QCOMPARE(job.state(), JobState::Failed);
        QCOMPARE(*job.result(), 7);
    }

    void throwingFailsWithoutResult()
    {
        Job<int, int> failure(QStringLiteral("throws"), [](const JobContext<int> &) -> int {
            throw JobFailure(QStringLiteral("no such file"));
        });
        Job<int, int> crash(QStringLiteral("throws std"), [](const JobContext<int> &) -> int {
            throw std::runtime_error("bad_alloc-like");
        });
        QSignalSpy failed1(&failure, &JobBase::failed);
        QSignalSpy failed2(&crash, &JobBase::failed);
        QSignalSpy done1(&failure, &JobBase::finished);
        QSignalSpy done2(&crash, &JobBase::finished);
        failure.start();
        crash.start();
        QVERIFY(done1.wait(10000));
        QVERIFY(done2.count() == 1 || done2.wait(10000));
        QCOMPARE(failed1.at(0).at(0).toString(), QStringLiteral("no such file"));
        QCOMPARE(failed2.at(0).at(0).toString(), QStringLiteral("bad_alloc-like"));
        QVERIFY(!failure.result().has_value());
        QCOMPARE(crash.state(), JobState::Failed);
    }

    // Deleting a running job stops and joins it; nothing is delivered to the dead object.
    void deletingRunningJobStopsIt()
    {
        std::atomic<bool> bodyEnded{false};
        auto *job = new Job<int, int>(QStringLiteral("deleted"), [&](const JobContext<int> &context) {
            while (!context.stopRequested())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            bodyEnded = true;
            return 0;
        });
        job->start();
        delete job;
        QVERIFY(bodyEnded.load());
        QCoreApplication::processEvents(); // queued deliveries to the dead job are dropped
    }

    void stopCallbackReachesBlockingWork()
    {
        // The pattern for engines with their own stop flag (LoadRun, AutoTuner).
        Job<int, int> job(QStringLiteral("callback"), [](const JobContext<int> &context) {
            std::atomic<bool> engineStop{false};
            const std::stop_callback forward(context.stopToken(), [&] { engineStop = true; });
            while (!engineStop)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 1;
        });
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        job.requestStop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), JobState::Stopped);
    }

    // Coalescing never loses the deltas of a progress type that folds.
    void foldedProgressKeepsEveryDelta()
    {
        constexpr int kReports = 100000;
        Job<Items, int> job(QStringLiteral("deltas"), [](const JobContext<Items> &context) {
            for (int i = 1; i <= kReports; ++i)
                context.report(Items{{i}});
            return kReports;
        });
        std::vector<int> seen;
        int deliveries = 0;
        connect(&job, &JobBase::progressAvailable, this, [&] {
            ++deliveries;
            seen.insert(seen.end(), job.progress().fresh.begin(), job.progress().fresh.end());
        });
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(int(seen.size()), kReports);
        for (int i = 0; i < kReports; ++i)
            QCOMPARE(seen[size_t(i)], i + 1);
        QVERIFY2(deliveries < kReports, qPrintable(QString::number(deliveries))); // and still coalesced
    }

    // A stop requested before start() is seen by the body at once.
    void stopBeforeStartIsHonoured()
    {
        std::atomic<int> steps{0};
        Job<int, int> job(QStringLiteral("early stop"), [&](const JobContext<int> &context) {
            while (!context.stopRequested() && steps < 1000000)
                ++steps;
            return steps.load();
        });
        job.requestStop();
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), JobState::Stopped);
        QCOMPARE(*job.result(), 0);
    }

    void sleepForWakesOnStop()
    {
        Job<int, bool> job(QStringLiteral("sleeper"), [](const JobContext<int> &context) {
            context.report(1);
            return context.sleepFor(std::chrono::hours(1)); // false: woken by the stop
        });
        QSignalSpy progress(&job, &JobBase::progressAvailable);
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(progress.wait(10000));
        job.requestStop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), JobState::Stopped);
        QCOMPARE(*job.result(), false);
    }

    void stopFlagFollowsTheToken()
    {
        std::stop_source source;
        {
            const StopFlag flag(source.get_token());
            QVERIFY(!flag.isSet());
            source.request_stop();
            QVERIFY(flag.isSet() && flag.get()->load());
        }
        const StopFlag late(source.get_token()); // stopped before it existed
        QVERIFY(late.isSet());
    }

    // A result that owns something is moved out, not copied.
    void releaseResultMovesOwnership()
    {
        Job<int, Owned> job(QStringLiteral("owner"),
                            [](const JobContext<int> &) { return Owned{std::make_unique<int>(42)}; });
        QSignalSpy finished(&job, &JobBase::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(job.result() && job.result()->value);
        std::optional<Owned> taken = job.releaseResult();
        QVERIFY(taken && taken->value);
        QCOMPARE(*taken->value, 42);
        QVERIFY(!job.result());
    }

    // discard(): the owner never waits, hears nothing more, and the job deletes itself once its
    // body has returned; a launcher stops counting it.
    void discardDoesNotWaitAndSilences()
    {
        JobLauncher launcher;
        std::atomic<bool> release{false};
        auto *job = new Job<int, int>(QStringLiteral("slow to stop"), [&](const JobContext<int> &context) {
            context.report(1);
            while (!release) // ignores its stop for a while, like a blocking network call
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            context.report(2);
            return context.stopRequested() ? 1 : 0;
        });
        int heard = 0;
        connect(job, &JobBase::resultAvailable, this, [&] { ++heard; });
        connect(job, &JobBase::finished, this, [&] { ++heard; });
        QSignalSpy progress(job, &JobBase::progressAvailable);
        QVERIFY(launcher.launch(job));
        QVERIFY(progress.wait(10000));
        const QPointer<JobBase> alive(job);
        job->discard(); // returns at once although the body is still busy
        QVERIFY(alive);
        QVERIFY(job->stopRequested());
        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(!alive, 10000);
        QCOMPARE(heard, 0);
        QCOMPARE(progress.count(), 1);
        QCOMPARE(launcher.runningCount(), 0);

        auto *idle = new Job<int, int>(QStringLiteral("never started"), [](const JobContext<int> &) { return 0; });
        const QPointer<JobBase> idleAlive(idle);
        idle->discard();
        QTRY_VERIFY_WITH_TIMEOUT(!idleAlive, 10000);
    }

    // Tasks posted from another thread run in the inbox's thread, in order; postAndWait() waits.
    void inboxRunsTasksInItsThreadInOrder()
    {
        Inbox inbox;
        std::vector<int> order; // touched by the tasks only, read here once the poster is done
        bool allHere = true;
        std::atomic<bool> posted{false};
        std::thread poster([&] {
            for (int i = 0; i < 100; ++i)
                inbox.post([&, i] {
                    order.push_back(i);
                    allHere = allHere && QThread::currentThread() == thread();
                });
            inbox.postAndWait([] {}); // returns once the main thread has run everything before it
            posted = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(posted.load(), 10000);
        poster.join();
        QCOMPARE(int(order.size()), 100);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(order[size_t(i)], i);
        QVERIFY(allHere);
    }

    // A task that deletes its inbox ends the batch: the tasks after it do not run.
    void inboxDeletedByATaskStopsThere()
    {
        auto *inbox = new Inbox;
        int ran = 0;
        inbox->post([&] { ++ran; });
        inbox->post([&, inbox] {
            ++ran;
            delete inbox;
        });
        inbox->post([&] { ++ran; });
        QTRY_COMPARE(ran, 2);
        QCoreApplication::processEvents();
        QCOMPARE(ran, 2);
    }

    void launcherTracksAndStopsJobs()
    {
        JobLauncher launcher;
        QSignalSpy changed(&launcher, &JobLauncher::runningChanged);
        auto *a = countingJob(1000000, this);
        auto *b = countingJob(1000000, this);
        QVERIFY(launcher.launch(a));
        QVERIFY(launcher.launch(b));
        QVERIFY(!launcher.launch(a));
        QCOMPARE(launcher.runningCount(), 2);
        QSignalSpy finishedA(a, &JobBase::finished);
        QSignalSpy finishedB(b, &JobBase::finished);
        launcher.stopAll();
        QVERIFY(finishedA.count() == 1 || finishedA.wait(10000));
        QVERIFY(finishedB.count() == 1 || finishedB.wait(10000));
        QCOMPARE(launcher.runningCount(), 0);
        QCOMPARE(changed.last().at(0).toInt(), 0);
        QCOMPARE(a->state(), JobState::Stopped);
        delete a;
        delete b;
    }
};

QTEST_GUILESS_MAIN(JobsTest)
#include "tst_jobs.moc"
