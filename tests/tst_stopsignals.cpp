// Every long command stops cleanly on SIGTERM and SIGHUP as it does on Ctrl+C - it reports,
// saves, cleans up the keys it wrote and exits 6 - and a cleanup that cannot finish says how
// many keys were left and how to remove them (exit 7). A server that never finishes a reply
// hangs no command, and a stop signal works while one is connecting to it.
// Part of the target-safety tests (tst_targetsafety.cpp), in a program of its own for time.

#include "fakeredis.h"
#include "testsupport.h"

#include "redis/infoparser.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <functional>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

// Keys of an application that must survive whatever the workbench does.
const QList<QByteArray> kForeignKeys{"app:user:1", "app:hash", "cwbx:1"};

void seedForeignKeys(const SandboxRedis &redis)
{
    test::sandboxCommand(redis, {"SET", "app:user:1", "alice"});
    test::sandboxCommand(redis, {"HSET", "app:hash", "field", "value"});
    test::sandboxCommand(redis, {"SET", "cwbx:1", "looks like ours"});
}

qint64 calls(const SandboxRedis &redis, const QString &command)
{
    const auto info = test::sandboxCommand(redis, {"INFO", "commandstats"});
    return info ? parseInfo(info->str).commandStats.value(command).calls : 0;
}

qint64 dbsize(const SandboxRedis &redis)
{
    const auto reply = test::sandboxCommand(redis, {"DBSIZE"});
    return reply ? reply->integer : -1;
}

struct Stopped
{
    bool finished = false; // ended by itself (not killed by the test) with a normal exit
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Starts the CLI, waits until `begun()` says its work is under way, sends `signal`, and waits for
// the command to wind down (each command does so within seconds; 60 s is the give-up bound).
Stopped stopMidway(const QStringList &args, const std::function<bool(const QByteArray &)> &begun, int signal,
                   const QStringList &extraEnv = {})
{
    test::Child cli;
    Stopped stopped;
    if (!cli.start(QStringLiteral(CWB_CLI_PATH), args, extraEnv))
        return stopped;
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (cli.running() && !begun(out) && clock.elapsed() < 60000) {
        cli.waitForFinished(50); // reads its output meanwhile
        out += cli.takeOut();
    }
    cli.signal(signal);
    stopped.finished = cli.waitForFinished(60000) && cli.exitedNormally();
    stopped.exitCode = cli.exitCode();
    stopped.out = out + cli.takeOut();
    stopped.err = cli.takeErr();
    return stopped;
}

} // namespace

class tst_StopSignals : public QObject
{
    Q_OBJECT

private slots:

    void everyLongCommandStopsCleanly_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("begunWhen"); // a command the server must have seen, or "out:TEXT"
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("saysOnStdout");
        QTest::addColumn<bool>("savesARun");

        QTest::newRow("run, SIGTERM") << QStringList{u"run"_s,      u"--preset"_s, u"basic-cache-load"_s,
                                                     u"--warmup"_s, u"0"_s,        u"--duration"_s,
                                                     u"60"_s}
                                      << u"set"_s << SIGTERM << 6 << u"status stopped"_s << true;
        QTest::newRow("run, SIGHUP") << QStringList{u"run"_s,      u"--preset"_s, u"basic-cache-load"_s,
                                                    u"--warmup"_s, u"0"_s,        u"--duration"_s,
                                                    u"60"_s}
                                     << u"set"_s << SIGHUP << 6 << u"status stopped"_s << true;
        QTest::newRow("suite") << QStringList{u"suite"_s, u"basic"_s, u"--duration"_s, u"30"_s} << u"set"_s << SIGTERM
                               << 6 << u"suite basic"_s << true;
        QTest::newRow("bench") << QStringList{u"bench"_s, u"concurrent-writes"_s, u"--set"_s, u"durationSec=30"_s}
                               << u"set"_s << SIGTERM << 6 << u"cancelled"_s << false;
        QTest::newRow("tune") << QStringList{u"tune"_s, u"--budget"_s, u"120s"_s, u"--strategies"_s, u"pipeline"_s}
                              << u"get"_s << SIGTERM << 6 << u"stopped"_s << false;
        QTest::newRow("optimize") << QStringList{u"optimize"_s, u"batching"_s, u"--step"_s, u"10"_s} << u"get"_s
                                  << SIGTERM << 6 << u"stopped"_s << false;
        QTest::newRow("monitor") << QStringList{u"monitor"_s,   u"--interval"_s, u"100"_s,
                                                u"--samples"_s, u"100000"_s,     u"--no-store"_s}
                                 << u"info"_s << SIGTERM << 6 << QString() << false;
        QTest::newRow("monitor until stopped") << QStringList{u"monitor"_s, u"--interval"_s, u"100"_s, u"--no-store"_s}
                                               << u"info"_s << SIGTERM << 0 << QString() << false;
        QTest::newRow("monitor daemon") << QStringList{u"monitor"_s, u"--daemon"_s, u"--interval"_s, u"100"_s, u"--db"_s, u"DB"_s}
                                        << u"info"_s << SIGTERM << 0 << QString() << false;
        QTest::newRow("warm effect") << QStringList{u"warm"_s, u"effect"_s, u"--duration"_s, u"30"_s} << u"get"_s
                                     << SIGTERM << 6 << QString() << false;
        QTest::newRow("warm run") << QStringList{u"warm"_s, u"run"_s, u"PLAN"_s} << u"set"_s << SIGTERM << 6
                                  << u"cancelled"_s << false;
        QTest::newRow("warm schedule") << QStringList{u"warm"_s, u"schedule"_s, u"PLAN"_s, u"--for"_s, u"120"_s}
                                       << u"out:next run"_s << SIGTERM << 6 << QString() << false;
    }

    void everyLongCommandStopsCleanly()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, begunWhen);
        QFETCH(int, signal);
        QFETCH(int, exitCode);
        QFETCH(QString, saysOnStdout);
        QFETCH(bool, savesARun);

        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        seedForeignKeys(redis);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"store.sqlite"_s);
        const QString plan = test::writeTempFile(dir, u"plan.json"_s,
                                                 R"({"name": "slow", "strategy": "synthetic", "schedule": "0 3 * * *",
            "rateLimit": 200, "params": {"keys": 100000, "load": {"keyPrefix": "cwb:warm:lt:", "keySpace": 100000}}})");
        // Whole arguments only: a temporary folder's random name may contain "DB" or "PLAN".
        for (QString &arg : args) {
            if (arg == u"PLAN"_s)
                arg = plan;
            else if (arg == u"DB"_s)
                arg = db;
        }
        args << u"--target"_s << u"redis://127.0.0.1:%1"_s.arg(redis.port());
        if (args.first() == u"run"_s || args.first() == u"suite"_s || args.first() == u"bench"_s)
            args << u"--db"_s << db;

        const auto begun = [&](const QByteArray &out) {
            if (begunWhen.startsWith(u"out:"_s))
                return out.contains(begunWhen.mid(4).toUtf8());
            return calls(redis, begunWhen) > 20;
        };
        const Stopped stopped = stopMidway(args, begun, signal);
        QVERIFY2(stopped.finished, stopped.err.constData());
        QVERIFY2(stopped.exitCode == exitCode,
                 qPrintable(u"exit %1; stderr: %2"_s.arg(stopped.exitCode).arg(QString::fromUtf8(stopped.err))));
        if (!saysOnStdout.isEmpty())
            QVERIFY2(stopped.out.contains(saysOnStdout.toUtf8()), stopped.out.constData());
        QVERIFY2(!stopped.err.contains("were left on the target"), stopped.err.constData());

        // Cleaned up: only the application's keys remain (warming writes application keys by design).
        const qint64 warmed = args.first() == u"warm"_s && args[1] == u"run"_s ? calls(redis, u"set"_s) : 0;
        QVERIFY2(dbsize(redis) <= kForeignKeys.size() + warmed, qPrintable(QString::number(dbsize(redis))));
        for (const QByteArray &key : kForeignKeys)
            QCOMPARE(test::sandboxCommand(redis, {"EXISTS", key})->integer, 1);
        if (args.first() != u"warm"_s)
            QCOMPARE(dbsize(redis), qint64(kForeignKeys.size()));

        if (savesARun) {
            const auto runs = test::runCli({u"runs"_s, u"--json"_s, u"--db"_s, db});
            QVERIFY2(runs.exitCode == 0, runs.err.constData());
            const auto doc = nlohmann::json::parse(runs.out.toStdString());
            QVERIFY(!doc.empty());
            QCOMPARE(doc[0]["status"].get<std::string>(), std::string("stopped"));
        }
    }

    // A second signal ends the process at once, for a user who does not want to wait.
    void aSecondSignalEndsAtOnce()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        test::Child cli;
        QVERIFY(cli.start(QStringLiteral(CWB_CLI_PATH),
                          {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"60"_s, u"--no-save"_s,
                           u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(redis.port())}));
        QTRY_VERIFY_WITH_TIMEOUT(calls(redis, u"set"_s) > 20, 30000);
        // A paused server makes the first stop's wind-down (drain, closing INFO) take a while.
        QVERIFY(redis.pause());
        QVERIFY(cli.signal(SIGTERM));
        QTest::qWait(50);
        cli.signal(SIGTERM);
        QVERIFY(cli.waitForFinished(30000));
        redis.resume();
        QVERIFY(!cli.exitedNormally());
    }

    // A cleanup that cannot finish (an ACL user without UNLINK) says how many keys are left,
    // where, and the command that removes them - which does.
    void failedCleanupSaysHowToRemoveTheKeys()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        seedForeignKeys(redis);
        QVERIFY(test::sandboxCommand(
            redis, {"ACL", "SETUSER", "cwb-nounlink", "on", ">Nounlink-pass-1", "~*", "+@all", "-unlink"}));
        QTemporaryDir dir;
        const QString config = test::writeTempFile(dir, u"load.json"_s, R"({"testName": "writes", "duration": 1,
            "concurrentUsers": 2, "keySpace": 200, "operationMix": {"read": 20, "write": 80, "delete": 0, "invalidate": 0}})");
        const QString user = u"redis://cwb-nounlink:@127.0.0.1:%1"_s.arg(redis.port());
        const auto r = test::runCli({u"run"_s, u"--config"_s, config, u"--target"_s, user, u"--no-save"_s}, 60000, {},
                                    {u"CWB_REDIS_PASSWORD=Nounlink-pass-1"_s});
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 7);
        const QString err = QString::fromUtf8(r.err);
        const auto line = QRegularExpression(u"(\\d+) key\\(s\\) under '(cwb:([0-9a-f]{8}):)' were left on the target "
                                             "\\(cleanup failed: [^)]*NOPERM[^)]*\\); remove them with: "
                                             "(cache-workbench-cli cleanup --target \\S+ --run ([0-9a-f]{8}))"_s)
                              .match(err);
        QVERIFY2(line.hasMatch(), qPrintable(err));
        QVERIFY(!err.contains(u"Nounlink-pass-1"_s)); // the password never shows
        const qint64 left = line.captured(1).toLongLong();
        QVERIFY(left > 0);
        QCOMPARE(dbsize(redis), qint64(kForeignKeys.size()) + left);

        // The printed command, as an account that may UNLINK runs it.
        const auto cleanup = test::runCli(
            {u"cleanup"_s, u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(redis.port()), u"--run"_s, line.captured(5)});
        QVERIFY2(cleanup.exitCode == 0, cleanup.err.constData());
        QVERIFY2(cleanup.out.contains(u"removed %1 key(s) under '%2'"_s.arg(left).arg(line.captured(2)).toUtf8()),
                 cleanup.out.constData());
        QCOMPARE(dbsize(redis), qint64(kForeignKeys.size()));
    }

    // A server that streams a reply forever hangs no command: each gives up at its connect
    // timeout with exit 3, and a stop signal while it connects ends it too.
    void endlessReplyHangsNoCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("run") << QStringList{u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--no-save"_s};
        QTest::newRow("monitor") << QStringList{u"monitor"_s, u"--samples"_s, u"1"_s, u"--no-store"_s};
        QTest::newRow("bench") << QStringList{u"bench"_s, u"cache-basic-ops"_s, u"--no-save"_s};
        QTest::newRow("warm effect") << QStringList{u"warm"_s, u"effect"_s};
        QTest::newRow("tune") << QStringList{u"tune"_s, u"--budget"_s, u"10s"_s};
        QTest::newRow("cleanup") << QStringList{u"cleanup"_s, u"--run"_s, u"0123abcd"_s};
    }

    void endlessReplyHangsNoCommand()
    {
        QFETCH(QStringList, args);
        test::FakeRedis fake(test::FakeRedis::Mode::EndlessBulk);
        QVERIFY(fake.port() != 0);
        args << u"--target"_s << u"redis://127.0.0.1:%1"_s.arg(fake.port());
        const auto r = test::runCli(args, 60000);
        QVERIFY2(r.finished, "the command hung on a reply that never ends");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("timed out"), r.err.constData());

        // Ctrl+C while it is stuck in the handshake: it ends, promptly, without a hang.
        const int earlier = fake.connections();
        const Stopped stopped = stopMidway(
            args, [&](const QByteArray &) { return fake.connections() > earlier; }, SIGINT);
        QVERIFY2(stopped.finished, stopped.err.constData());
        QVERIFY2(stopped.exitCode == 3 || stopped.exitCode == 6, qPrintable(QString::number(stopped.exitCode)));
    }
};

QTEST_GUILESS_MAIN(tst_StopSignals)
#include "tst_stopsignals.moc"
