// The warm daemon: a due plan fires on a fake clock, missed runs are caught up within the window
// and skipped beyond it, one daemon per plans file, the file the GUI edits is read again, and the
// command stops mid-batch on SIGTERM without writing outside its prefix.

#include "testsupport.h"

#include "service/servicelock.h"
#include "service/warmservice.h"
#include "warming/warmrun.h"

#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include <csignal>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

void writePlans(const QString &path, const QByteArray &json)
{
    QSaveFile file(path); // as the Warming page saves it
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    QVERIFY(file.commit());
}

// The records the scheduler finished, in order.
struct Finished
{
    std::vector<WarmRunRecord> records;
    explicit Finished(WarmService &service)
    {
        QObject::connect(service.scheduler(), &WarmScheduler::planFinished, service.scheduler(),
                         [this](const WarmRunRecord &r) { records.push_back(r); });
    }
};

const QByteArray kHourlyConfigPlan =
    R"({"plans": [{"name": "hourly", "strategy": "config", "schedule": "0 * * * *",
                   "keyPrefix": "cwb:warm:svc:", "params": {"entries": {"flag": "on"}}}]})";

} // namespace

class WarmServiceTest : public QObject
{
    Q_OBJECT

    SandboxRedis m_redis;

    WarmServiceOptions options(const QTemporaryDir &dir) const
    {
        WarmServiceOptions o;
        o.plansPath = dir.filePath(u"warming-plans.json"_s);
        o.historyPath = dir.filePath(u"warming-history.jsonl"_s);
        o.defaultTarget = m_redis.endpoint();
        o.tickMs = 3'600'000; // the tests tick by hand
        return o;
    }

private Q_SLOTS:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }

    void firesADuePlanWithAFakeClock()
    {
        QTemporaryDir dir;
        const WarmServiceOptions o = options(dir);
        writePlans(o.plansPath, kHourlyConfigPlan);
        QDateTime now = utc("2026-03-02T09:59:30");
        WarmService service(o, [&now] { return now; });
        Finished finished(service);
        QString error;
        QCOMPARE(service.start(&error), WarmService::StartResult::Started);
        QVERIFY(service.tick().isEmpty()); // no earlier daemon: nothing to catch up, nothing due yet
        now = utc("2026-03-02T10:00:05");
        QCOMPARE(service.tick(), QStringList{u"hourly"_s});
        QTRY_COMPARE_WITH_TIMEOUT(finished.records.size(), size_t(1), 15000);
        QCOMPARE(finished.records[0].status, WarmRunStatus::Completed);
        QCOMPARE(finished.records[0].trigger, u"schedule"_s);
        QCOMPARE(test::sandboxCommand(m_redis, {"GET", "cwb:warm:svc:flag"})->str, QByteArray("on"));
        QCOMPARE(readWarmHistory(o.historyPath).size(), size_t(1));
        QVERIFY(service.tick().isEmpty()); // nothing fires twice
        // The heartbeat says how far it looked: what the next daemon catches up from.
        QCOMPARE(ServiceLock::holder(o.plansPath, QString::fromLatin1(kWarmServiceName))->heartbeat, now);
    }

    void missedRunsAreCaughtUpWithinTheWindowOnly()
    {
        QTemporaryDir dir;
        WarmServiceOptions o = options(dir);
        o.grace = std::chrono::minutes(10);
        writePlans(o.plansPath, kHourlyConfigPlan);
        QDateTime now = utc("2026-03-02T09:50:00");
        {
            WarmService earlier(o, [&now] { return now; });
            QString error;
            QCOMPARE(earlier.start(&error), WarmService::StartResult::Started);
        } // went down at 09:50
        now = utc("2026-03-02T10:05:00"); // 10:00 missed by 5 minutes: caught up once, at start
        {
            WarmService service(o, [&now] { return now; });
            Finished finished(service);
            QString error;
            QCOMPARE(service.start(&error), WarmService::StartResult::Started);
            QTRY_COMPARE_WITH_TIMEOUT(finished.records.size(), size_t(1), 15000);
            QCOMPARE(finished.records[0].trigger, u"catch-up"_s);
            QCOMPARE(finished.records[0].status, WarmRunStatus::Completed);
        }
        now = utc("2026-03-02T14:30:00"); // 11:00 to 14:00 missed, the last by 30 minutes: skipped
        WarmService later(o, [&now] { return now; });
        Finished finished(later);
        QStringList skipped;
        connect(later.scheduler(), &WarmScheduler::runsSkipped, this,
                [&](const QString &plan, int missed, const QDateTime &last) {
                    skipped << u"%1 %2 %3"_s.arg(plan).arg(missed).arg(last.toUTC().toString(Qt::ISODate));
                });
        QString error;
        QCOMPARE(later.start(&error), WarmService::StartResult::Started);
        QCOMPARE(skipped, QStringList{u"hourly 4 2026-03-02T14:00:00Z"_s});
        QVERIFY(!later.scheduler()->isBusy());
        now = utc("2026-03-02T15:00:01"); // the schedule goes on as usual
        QCOMPARE(later.tick(), QStringList{u"hourly"_s});
        QTRY_COMPARE_WITH_TIMEOUT(finished.records.size(), size_t(1), 15000);
        QCOMPARE(finished.records[0].trigger, u"schedule"_s);
    }

    void oneDaemonPerPlansFile()
    {
        QTemporaryDir dir;
        const WarmServiceOptions o = options(dir);
        WarmService first(o);
        QString error;
        QCOMPARE(first.start(&error), WarmService::StartResult::Started); // no file yet: no plans, watching
        WarmService second(o);
        QCOMPARE(second.start(&error), WarmService::StartResult::Locked);
        QVERIFY2(error.contains(u"pid %1"_s.arg(QCoreApplication::applicationPid())), qPrintable(error));
    }

    void editedPlansAreReadAgain()
    {
        QTemporaryDir dir;
        const WarmServiceOptions o = options(dir);
        WarmService service(o);
        QStringList log;
        connect(&service, &WarmService::log, this, [&](const QString &line) { log << line; });
        QString error;
        QCOMPARE(service.start(&error), WarmService::StartResult::Started);
        QVERIFY(service.scheduler()->plans().empty());
        writePlans(o.plansPath, kHourlyConfigPlan);
        service.tick();
        QCOMPARE(service.scheduler()->plans().size(), size_t(1));
        writePlans(o.plansPath, R"({"plans": [{"name": "broken", "strategy": "config", "batchSize": 0}]})");
        service.tick();
        QCOMPARE(service.scheduler()->plans().at(0).name, u"hourly"_s); // the valid plans stay
        QVERIFY2(log.last().contains(u"batchSize"_s), qPrintable(log.join(u'\n')));
    }

    // The command: SIGTERM while a caught-up plan writes ends the batch in flight, records the run
    // as cancelled, leaves every key outside the plan's prefix alone and exits 0. A second daemon
    // on the same plans exits 1 naming the first one's pid.
    void daemonCommandStopsMidBatchOnSigterm()
    {
        test::sandboxCommand(m_redis, {"SET", "app:user:1", "alice"});
        test::sandboxCommand(m_redis, {"SET", "cwb:other", "not warming's"});
        const qint64 before = test::keysMatching(m_redis.endpoint(), "*");
        QTemporaryDir dir;
        const WarmServiceOptions o = options(dir);
        writePlans(o.plansPath, R"({"plans": [{"name": "slow", "strategy": "synthetic", "schedule": "* * * * *",
            "rateLimit": 200, "batchSize": 20, "keyPrefix": "cwb:warm:d:",
            "params": {"keys": 100000, "load": {"keyPrefix": "cwb:warm:d:lt:", "keySpace": 100000}}}]})");
        { // an earlier daemon looked 90 s ago: the minute's run is due as a catch-up at start
            QString error;
            auto earlier = ServiceLock::acquire(o.plansPath, QString::fromLatin1(kWarmServiceName), {}, &error);
            QVERIFY2(earlier, qPrintable(error));
            earlier->heartbeat(QDateTime::currentDateTimeUtc().addSecs(-90));
        }
        const QStringList args{u"warm"_s,    u"daemon"_s,    u"--plans"_s, o.plansPath, u"--history"_s,
                               o.historyPath, u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(m_redis.port())};
        test::Child daemon;
        QVERIFY2(daemon.start(QStringLiteral(CWB_CLI_PATH), args), qPrintable(daemon.errorString()));
        QByteArray err;
        QElapsedTimer clock;
        clock.start();
        while (daemon.running() && test::keysMatching(m_redis.endpoint(), "cwb:warm:d:*") < 40
               && clock.elapsed() < 30000) {
            daemon.waitForFinished(50); // reads its output meanwhile
            err += daemon.takeErr();
        }
        QVERIFY2(daemon.running(), err.constData());
        QVERIFY2(err.contains("slow: started"), err.constData());

        const test::CliResult second = test::runCli(args);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(u"pid %1"_s.arg(daemon.pid()).toUtf8()), second.err.constData());

        QVERIFY(daemon.signal(SIGTERM));
        QVERIFY(daemon.waitForFinished(30000));
        err += daemon.takeErr();
        QVERIFY(daemon.exitedNormally());
        QVERIFY2(daemon.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("stopped"), err.constData());

        const auto history = readWarmHistory(o.historyPath);
        QCOMPARE(history.size(), size_t(1));
        QCOMPARE(history[0].trigger, u"catch-up"_s);
        QCOMPARE(history[0].status, WarmRunStatus::Cancelled);
        QVERIFY(history[0].keysWritten > 0 && history[0].keysWritten < 100000);
        // Everything it wrote is under its prefix; the rest is as it was.
        const qint64 all = test::keysMatching(m_redis.endpoint(), "*");
        QCOMPARE(all, test::keysMatching(m_redis.endpoint(), "cwb:warm:d:*") + before);
        QCOMPARE(test::sandboxCommand(m_redis, {"GET", "app:user:1"})->str, QByteArray("alice"));
        QCOMPARE(test::sandboxCommand(m_redis, {"GET", "cwb:other"})->str, QByteArray("not warming's"));
        QVERIFY(!ServiceLock::holder(o.plansPath, QString::fromLatin1(kWarmServiceName))); // released
    }
};

QTEST_GUILESS_MAIN(WarmServiceTest)
#include "tst_warmservice.moc"
