// The CLI's load commands end to end: real processes, real sandboxes, documented exit codes.

#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <csignal>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

class tst_CliLoad : public QObject
{
    Q_OBJECT

private slots:
    void runWithSandboxWritesJsonAndCsv()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s), csv = dir.filePath(u"out.csv"_s);
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--sandbox"_s, u"--duration"_s,
                                    u"2"_s, u"--json"_s, json, u"--csv"_s, csv},
                                   60000);
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("basic-cache-load against redis://127.0.0.1:"));
        QVERIFY(r.out.contains("throughput"));
        QVERIFY(r.out.contains("p99"));

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(doc["schema"].get<std::string>(), std::string("cache-workbench/run"));
        QCOMPARE(doc["status"].get<std::string>(), std::string("completed"));
        QVERIFY(doc["summary"]["operations"].get<uint64_t>() > 0);
        for (const char *op : {"read", "write", "delete", "invalidate"}) {
            const auto &o = doc["operations"][op];
            QVERIFY(o.contains("latencyUs"));
            for (const char *p : {"min", "mean", "p50", "p95", "p99", "p999", "max"})
                QVERIFY2(o["latencyUs"].contains(p), p);
            QVERIFY(o.contains("histogram"));
        }
        QCOMPARE(doc["series"].size(), size_t(2));
        QVERIFY(doc["server"]["usedMemoryBefore"].get<int64_t>() > 0);
        QVERIFY(doc["client"]["cpuUsPerOp"].get<double>() > 0);
        QVERIFY(doc["config"]["target"].get<std::string>().rfind("redis://127.0.0.1:", 0) == 0);

        QFile series(csv);
        QVERIFY(series.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = series.readAll().split('\n');
        QVERIFY(lines.first().startsWith("run_id,test,second,"));
        QCOMPARE(lines.size(), 4); // header, 2 seconds, empty after the last CRLF
    }

    // Ctrl+C stops a run cleanly, quickly, and it still reports and writes what it measured; the
    // exit code says it was stopped (6). tst_stopsignals does the same for SIGTERM and SIGHUP.
    void interruptStopsTheRunAndStillReports()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        const QString target = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        // The run is measuring once the server has seen its SETs (there is no progress line
        // without a terminal).
        const auto loadHasBegun = [&redis] {
            const auto info = sandboxCommand(redis, {"INFO", "commandstats"});
            return info && info->str.contains("cmdstat_set:");
        };
        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s);
        test::Child cli;
        QVERIFY(cli.start(QStringLiteral(CWB_CLI_PATH), {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                                         target, u"--warmup"_s, u"0"_s, u"--duration"_s, u"30"_s,
                                                         u"--json"_s, json}));
        QTRY_VERIFY_WITH_TIMEOUT(loadHasBegun(), 15000);
        QVERIFY(cli.running());
        QVERIFY(cli.signal(SIGINT));
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(cli.exitedNormally());
        QCOMPARE(cli.exitCode(), 6);
        QVERIFY(cli.takeOut().contains("throughput"));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        // Ended by the signal, not by its 30 s: how fast is measured in bench/timing_bench.
        QCOMPARE(doc["status"].get<std::string>(), std::string("stopped"));
        QVERIFY(doc["measuredSeconds"].get<double>() < 30);
        QVERIFY(doc["summary"]["operations"].get<uint64_t>() > 0);
    }

    void unknownPresetIsABadArgument()
    {
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"no-such-preset"_s, u"--sandbox"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--preset: unknown preset 'no-such-preset'"));
        QVERIFY(r.err.contains("basic-cache-load"));
    }

    void badConfigNamesTheField()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"bad.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"testName": "x", "duraton": 5, "operationMix": {"read": 50, "write": 20, "delete": 0, "invalidate": 0}})");
        file.close();
        const CliResult r = runCli({u"run"_s, u"--config"_s, file.fileName(), u"--sandbox"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("duraton") && r.err.contains("did you mean 'duration'"), r.err.constData());
        QVERIFY2(r.err.contains("operationMix") && r.err.contains("100"), r.err.constData());
    }

    void badFlagValuesAreBadArguments()
    {
        QCOMPARE(runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--users"_s, u"0"_s, u"--sandbox"_s}).exitCode, 2);
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, u"redis://localhost:99999"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("99999"));
        QCOMPARE(runCli({u"frobnicate"_s}).exitCode, 2);
    }

    void unreachableServerExitsThreeQuickly()
    {
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                    u"redis://127.0.0.1:1"_s, u"--duration"_s, u"1"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("cannot connect to redis://127.0.0.1:1"));
        QVERIFY(!r.out.contains("throughput")); // refused in the pre-flight: no run, no report
    }

    void missingRedisServerIsAClearError()
    {
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--sandbox"_s}, 10000, {},
                                   {u"PATH=/nonexistent"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("redis-server not found in PATH"), r.err.constData());
    }

    void passwordFromTheEnvironmentIsUsedAndNeverPrinted()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .password = u"s3cret-pass"_s);
        const QString uri = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s);
        const CliResult r = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, uri, u"--duration"_s,
                                    u"1"_s, u"--json"_s, json},
                                   30000, {}, {u"CWB_REDIS_PASSWORD=s3cret-pass"_s});
        QCOMPARE(r.exitCode, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray all = r.out + r.err + file.readAll();
        QVERIFY(!all.contains("s3cret-pass"));
        // Without it: an authentication failure, exit 3.
        const CliResult denied = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, uri});
        QCOMPARE(denied.exitCode, 3);
        QVERIFY(denied.err.contains("auth") || denied.err.contains("NOAUTH") || denied.err.contains("Authentication"));
    }

    void errorRateAboveTheLimitExitsFour()
    {
        // A full server under noeviction answers writes with OOM: a real error rate.
        SandboxRedis redis;
        CWB_START_SANDBOX(redis, .maxmemoryBytes = 2 * 1024 * 1024, .maxmemoryPolicy = u"noeviction"_s);
        const QString uri = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        QTemporaryDir dir;
        QFile file(dir.filePath(u"fill.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"testName": "fill", "duration": 2, "concurrentUsers": 4, "requestsPerSecond": 0,
                       "operationMix": {"read": 0, "write": 100, "delete": 0, "invalidate": 0},
                       "keySpace": 100000, "valueSize": {"min": 4096, "max": 4096}, "ttl": 0})");
        file.close();
        const CliResult r = runCli({u"run"_s, u"--config"_s, file.fileName(), u"--target"_s, uri, u"--max-error-rate"_s, u"1"_s}, 30000);
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.out.contains("oom"));
        QVERIFY(r.err.contains("above --max-error-rate"));
    }

    void suiteRunsEveryTest()
    {
        const CliResult r = runCli({u"suite"_s, u"basic"_s, u"--sandbox"_s, u"--duration"_s, u"1"_s}, 60000);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("suite basic: 2 tests"));
        QVERIFY(r.out.contains("basic-cache-load"));
        QVERIFY(r.out.contains("high-concurrency"));
        QVERIFY(r.out.contains("combined"));
    }

    // NOPERM on every operation is a failed run (exit 1) with its errors classed as permission
    // errors - not "completed", not connection failures.
    void runWhoseEveryOperationFailsIsFailed()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QVERIFY(sandboxCommand(redis, {"ACL", "SETUSER", "cwb-noop", "on", ">Noop-pass-1", "~*", "+@all", "-get", "-set"}));
        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s);
        const QString config = writeTempFile(dir, u"rw.json"_s, R"({"testName": "rw", "duration": 1, "concurrentUsers": 2,
            "operationMix": {"read": 50, "write": 50, "delete": 0, "invalidate": 0}})");
        const CliResult r = runCli({u"run"_s, u"--config"_s, config, u"--target"_s,
                                    u"redis://cwb-noop:@127.0.0.1:%1"_s.arg(redis.port()), u"--no-save"_s, u"--json"_s, json},
                                   60000, {}, {u"CWB_REDIS_PASSWORD=Noop-pass-1"_s});
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("status failed: every operation failed (permission "), r.out.constData());
        QVERIFY2(r.out.contains("errors by class: permission"), r.out.constData());
        QVERIFY2(!r.out.contains("connection failures"), r.out.constData());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        QCOMPARE(doc["status"].get<std::string>(), std::string("failed"));
        QCOMPARE(doc["failureKind"].get<std::string>(), std::string("permission"));
    }

    // A server that dies mid-run: the run is failed (exit 1), it does not hang, and it says so.
    void runThatLosesItsServerIsFailed()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        test::Child cli;
        QVERIFY(cli.start(QStringLiteral(CWB_CLI_PATH), {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--warmup"_s,
                                                         u"0"_s, u"--duration"_s, u"4"_s, u"--no-save"_s, u"--target"_s,
                                                         u"redis://127.0.0.1:%1"_s.arg(redis.port())}));
        QTRY_VERIFY_WITH_TIMEOUT(sandboxCommand(redis, {"INFO", "commandstats"})->str.contains("cmdstat_set:"), 15000);
        QVERIFY(redis.kill());
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY(cli.exitedNormally());
        const QByteArray out = cli.takeOut();
        const QByteArray err = cli.takeErr();
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(out.contains("status failed: lost the server"), out.constData());
        QVERIFY2(out.contains("throughput"), out.constData()); // what it measured is still reported
        QVERIFY2(err.contains("an unknown number of keys"), err.constData());
    }

    // Issue 21: a NOPERM or a failed SELECT while setting up the connection is a connection
    // failure, exit 3, as documented.
    void permissionOrSelectFailureAtSetupExitsThree()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QVERIFY(sandboxCommand(redis, {"ACL", "SETUSER", "cwb-noinfo", "on", ">Noinfo-pass-1", "~*", "+@all", "-info"}));
        const CliResult noperm = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--no-save"_s, u"--target"_s,
                                         u"redis://cwb-noinfo:@127.0.0.1:%1"_s.arg(redis.port())},
                                        30000, {}, {u"CWB_REDIS_PASSWORD=Noinfo-pass-1"_s});
        QCOMPARE(noperm.exitCode, 3);
        QVERIFY2(noperm.err.contains("NOPERM"), noperm.err.constData());
        const CliResult select = runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--no-save"_s, u"--target"_s,
                                         u"redis://127.0.0.1:%1/99"_s.arg(redis.port())});
        QCOMPARE(select.exitCode, 3);
        QVERIFY2(select.err.contains("SELECT 99"), select.err.constData());
    }

    // A user named without a password is that user or nothing: before, the run went ahead without
    // AUTH, as the server's default user, with whatever that user may do.
    void userWithoutPasswordNeverRunsAsTheDefaultUser()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        QVERIFY(sandboxCommand(redis, {"ACL", "SETUSER", "cwb-haspass", "on", ">Has-pass-1", "~*", "+@all"}));
        QVERIFY(sandboxCommand(redis, {"ACL", "SETUSER", "cwb-nopass", "on", "nopass", "~*", "+@all"}));
        const auto run = [&](const char *user) {
            return runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--no-save"_s, u"--duration"_s, u"1"_s,
                           u"--target"_s, u"redis://%1:@127.0.0.1:%2"_s.arg(QLatin1String(user)).arg(redis.port())});
        };
        const CliResult denied = run("cwb-haspass");
        QCOMPARE(denied.exitCode, 3);
        QVERIFY2(denied.err.contains("WRONGPASS") && denied.err.contains("no password was given"), denied.err.constData());
        QVERIFY(sandboxCommand(redis, {"CONFIG", "RESETSTAT"}));
        const CliResult nopass = run("cwb-nopass");
        QCOMPARE(nopass.exitCode, 0);
        // Every connection logged in as the named user: the server counted its AUTHs, and the
        // default user never ran a command (ACL LOG is not needed: default has no password here).
        const auto stats = sandboxCommand(redis, {"INFO", "COMMANDSTATS"});
        QVERIFY(stats);
        QVERIFY2(stats->str.contains("cmdstat_auth:calls="), stats->str.constData());
    }

    // NaN, infinities and out-of-range numbers are refused with the option named.
    void numericOptionsRefuseNanInfinityAndRange_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("option");
        const QStringList run{u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, u"redis://127.0.0.1:1"_s};
        QTest::newRow("max-error-rate nan") << run + QStringList{u"--max-error-rate"_s, u"nan"_s} << u"--max-error-rate"_s;
        QTest::newRow("duration inf") << run + QStringList{u"--duration"_s, u"inf"_s} << u"--duration"_s;
        QTest::newRow("metrics-port 65536") << QStringList{u"monitor"_s, u"--target"_s, u"redis://127.0.0.1:1"_s,
                                                           u"--metrics-port"_s, u"65536"_s}
                                            << u"--metrics-port"_s;
        QTest::newRow("memory-budget overflow") << QStringList{u"tune"_s, u"--target"_s, u"redis://127.0.0.1:1"_s,
                                                               u"--memory-budget"_s, u"99999999999999999999G"_s}
                                                << u"--memory-budget"_s;
        QTest::newRow("optimize step inf") << QStringList{u"optimize"_s, u"batching"_s, u"--step"_s, u"inf"_s}
                                           << u"--step"_s;
        QTest::newRow("warm effect duration nan") << QStringList{u"warm"_s, u"effect"_s, u"--duration"_s, u"nan"_s}
                                                  << u"--duration"_s;
        QTest::newRow("bench set nan") << QStringList{u"bench"_s, u"concurrent-writes"_s, u"--set"_s, u"durationSec=nan"_s}
                                       << u"--set"_s;
        QTest::newRow("runs limit -1") << QStringList{u"runs"_s, u"--limit"_s, u"-1"_s} << u"--limit"_s;
    }

    void numericOptionsRefuseNanInfinityAndRange()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, option);
        const CliResult r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(option.toUtf8()), r.err.constData());
    }

    // Issue 21: usage lines name the command, not the binary's full path.
    void usageShowsTheCommand()
    {
        for (const QStringList &args : {QStringList{u"run"_s, u"--help"_s}, QStringList{u"warm"_s, u"run"_s, u"--help"_s},
                                        QStringList{u"tune"_s, u"--help"_s}, QStringList{u"cleanup"_s, u"--help"_s}}) {
            const CliResult r = runCli(args);
            QCOMPARE(r.exitCode, 0);
            const QString usage = args.mid(0, args.size() - 1).join(u' ');
            QVERIFY2(r.out.startsWith(u"Usage: cache-workbench-cli %1 "_s.arg(usage).toUtf8()), r.out.constData());
            QVERIFY2(!r.out.contains(CWB_CLI_PATH), r.out.constData());
        }
    }

    void presetsListsTheSeven()
    {
        const CliResult r = runCli({u"presets"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *name : {"basic-cache-load", "high-concurrency", "write-heavy", "invalidation-stress",
                                 "session-management-load", "geospatial-load", "extreme-load"})
            QVERIFY2(r.out.contains(name), name);
        QVERIFY(r.out.contains("comprehensive"));
    }
};

QTEST_GUILESS_MAIN(tst_CliLoad)
#include "tst_cli_load.moc"
