// Monitoring across restarts: the samples a service stored are read back when the next one starts
// on the same store, so the trend query returns them; and the `monitor --daemon` command does the
// same, one daemon per store.

#include "testsupport.h"

#include "monitor/monitorservice.h"
#include "service/servicelock.h"
#include "store/asyncresultstore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

MonitoringConfig fastConfig()
{
    MonitoringConfig config;
    config.collectionIntervalMs = 100;
    config.alerting.enabled = false;
    return config;
}

std::vector<qint64> timestamps(const std::vector<MonitorSample> &samples)
{
    std::vector<qint64> out;
    for (const MonitorSample &s : samples)
        out.push_back(s.timestampMs);
    return out;
}

} // namespace

class MonitorDaemonTest : public QObject
{
    Q_OBJECT

    SandboxRedis m_redis;

private Q_SLOTS:
    void initTestCase() { CWB_START_SANDBOX(m_redis); }

    void restartedServiceReturnsTheEarlierSamples()
    {
        QTemporaryDir dir;
        AsyncResultStore store(dir.filePath(u"store.sqlite"_s));
        const QString node = m_redis.endpoint().address();
        std::vector<qint64> before;
        {
            MonitorService service;
            QVERIFY(service.setConfig(fastConfig()));
            service.setStore(&store);
            service.start(m_redis.endpoint());
            QTRY_VERIFY_WITH_TIMEOUT(service.history().range(node, 0, std::numeric_limits<qint64>::max()).size() >= 4,
                                     10000);
            service.stop();
            before = timestamps(service.history().range(node, 0, std::numeric_limits<qint64>::max()));
        }
        store.waitForIdle();

        MonitorService again;
        QVERIFY(again.setConfig(fastConfig()));
        QSignalSpy restored(&again, &MonitorService::historyRestored);
        again.setStore(&store);
        QCOMPARE(restored.size(), 0); // not collecting yet: the target is not known
        again.start(m_redis.endpoint());
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 5000);
        QVERIFY(restored.at(0).at(0).toInt() >= int(before.size()));
        const auto trend = timestamps(again.history().range(node, 0, before.back()));
        QCOMPARE(trend, before); // every earlier sample, in order, once
        // New samples keep arriving after them.
        QTRY_VERIFY_WITH_TIMEOUT(again.history().latest(node)->timestampMs > before.back(), 5000);
        const auto all = timestamps(again.history().range(node, 0, std::numeric_limits<qint64>::max()));
        QVERIFY(std::is_sorted(all.begin(), all.end()));
        QVERIFY(std::adjacent_find(all.begin(), all.end()) == all.end()); // no sample twice
        again.stop();
    }

    // The command: a second daemon on the same store exits 1 naming the holder; a restarted daemon
    // reads back what the first one stored.
    void daemonCommandKeepsItsHistoryAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"store.sqlite"_s);
        const QStringList args{u"monitor"_s, u"--daemon"_s, u"--interval"_s, u"100"_s, u"--db"_s, db,
                               u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(m_redis.port())};
        test::Child daemon;
        QVERIFY2(daemon.start(QStringLiteral(CWB_CLI_PATH), args), qPrintable(daemon.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(ServiceLock::holder(db, QString::fromLatin1(kMonitorServiceName)).has_value(), 10000);
        QCOMPARE(ServiceLock::holder(db, QString::fromLatin1(kMonitorServiceName))->pid, daemon.pid());

        const test::CliResult second = test::runCli(args);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(u"pid %1"_s.arg(daemon.pid()).toUtf8()), second.err.constData());

        // Let it store a few polls, then stop it as systemd does.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += daemon.takeErr()).contains("target reachable"), 10000);
        QTest::qWait(500);
        QVERIFY(daemon.signal(SIGTERM));
        QVERIFY(daemon.waitForFinished(30000));
        err += daemon.takeErr();
        QVERIFY(daemon.exitedNormally());
        QVERIFY2(daemon.exitCode() == 0, err.constData());
        QVERIFY2(err.contains("monitor daemon: monitoring redis://127.0.0.1"), err.constData());
        QVERIFY2(daemon.takeOut().isEmpty(), "a daemon prints no table");

        const test::CliResult restarted = test::runCli(args + QStringList{u"--samples"_s, u"2"_s});
        QVERIFY2(restarted.exitCode == 0, restarted.err.constData());
        const QRegularExpression readBack(u"read back (\\d+) earlier sample"_s);
        const auto match = readBack.match(QString::fromUtf8(restarted.err));
        QVERIFY2(match.hasMatch(), restarted.err.constData());
        QVERIFY2(match.captured(1).toInt() >= 2, restarted.err.constData());
    }
};

QTEST_GUILESS_MAIN(MonitorDaemonTest)
#include "tst_monitordaemon.moc"
