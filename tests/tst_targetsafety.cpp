// Never harm the target: everything the workbench runs against a server leaves keys outside
// its prefix exactly as they were, and never sends FLUSHDB, FLUSHALL or KEYS.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include "load/loadrun.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QTest>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

// Keys a user's application might have: every type, some with names close to our prefix.
const QList<QByteArray> kForeignKeys{"app:user:1", "app:hash", "app:list", "app:set", "app:zset", "app:stream",
                                     "cwb",        "cwbx:1",   "CWB:1",    "cwb*:1",  "cwb\\:1",  "xcwb:1"};

void seedForeignKeys(RedisConnection &c)
{
    c.command({"SET", "app:user:1", "alice"});
    c.command({"HSET", "app:hash", "field", "value"});
    c.command({"RPUSH", "app:list", "a", "b", "c"});
    c.command({"SADD", "app:set", "x", "y"});
    c.command({"ZADD", "app:zset", "1", "one", "2", "two"});
    c.command({"XADD", "app:stream", "*", "event", "signup"});
    for (const QByteArray &key : {QByteArray("cwb"), QByteArray("cwbx:1"), QByteArray("CWB:1"), QByteArray("cwb*:1"),
                                  QByteArray("cwb\\:1"), QByteArray("xcwb:1")})
        c.command({"SET", key, "looks like ours but is not"});
    c.command({"EXPIRE", "app:user:1", "100000"});
}

// A fingerprint of every foreign key: its serialised value.
QMap<QByteArray, QByteArray> fingerprint(RedisConnection &c)
{
    QMap<QByteArray, QByteArray> dump;
    for (const QByteArray &key : kForeignKeys) {
        const auto reply = c.command({"DUMP", key});
        dump[key] = reply ? reply->str : QByteArray("<no reply>");
    }
    return dump;
}

} // namespace

class tst_TargetSafety : public QObject
{
    Q_OBJECT

private slots:
    void everyPresetLeavesForeignKeysAlone()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection c(redis.endpoint());
        QVERIFY(c.connect());
        seedForeignKeys(c);
        const auto before = fingerprint(c);
        QCOMPARE(before.size(), kForeignKeys.size());

        for (const QString &name : presetNames()) {
            LoadTestConfig config = *presetByName(name);
            config.durationSec = 0.5;
            config.requestsPerSecond = std::min(config.requestsPerSecond, 2000.0);
            const RunResult r = LoadRun(config, redis.endpoint()).execute();
            QVERIFY2(r.status == RunStatus::Completed, qPrintable(name + u": "_s + r.failureReason));
            QVERIFY2(r.keysCleanedUp >= 0, qPrintable(name));
        }

        QCOMPARE(fingerprint(c), before);
        const auto ttl = c.command({"TTL", "app:user:1"});
        QVERIFY(ttl && ttl->integer > 99000); // its expiry untouched too
        const auto info = c.info("commandstats");
        QVERIFY(info);
        const InfoSnapshot stats = parseInfo(*info);
        for (const char *forbidden : {"flushdb", "flushall", "keys"})
            QVERIFY2(!stats.commandStats.contains(QString::fromLatin1(forbidden)), forbidden);
        // The presets did run: the server saw their commands.
        QVERIFY(stats.commandStats.value(u"get"_s).calls > 0);
        QVERIFY(stats.commandStats.value(u"geosearch"_s).calls > 0);
        QVERIFY(stats.commandStats.value(u"unlink"_s).calls > 0);
    }

    void everyBenchmarkLeavesForeignKeysAlone()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection c(redis.endpoint());
        QVERIFY(c.connect());
        seedForeignKeys(c);
        const auto before = fingerprint(c);

        // All ten, through the CLI as a user runs them, against this server.
        const auto result = test::runCli({u"bench"_s, u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(redis.port()),
                                          u"--no-save"_s},
                                         180000);
        QVERIFY2(result.finished && result.exitCode == 0, result.err.constData());

        QCOMPARE(fingerprint(c), before);
        const auto info = c.info("commandstats");
        QVERIFY(info);
        const InfoSnapshot stats = parseInfo(*info);
        for (const char *forbidden : {"flushdb", "flushall", "keys"})
            QVERIFY2(!stats.commandStats.contains(QString::fromLatin1(forbidden)), forbidden);
        QVERIFY(stats.commandStats.value(u"xadd"_s).calls > 0); // the benchmarks did run here
        QVERIFY(stats.commandStats.value(u"geoadd"_s).calls > 0);
        // Only the foreign keys remain: every benchmark cleaned up its own prefix.
        QCOMPARE(c.command({"DBSIZE"})->integer, qint64(kForeignKeys.size()));
    }

    void everyWarmingStrategyLeavesForeignKeysAlone()
    {
        SandboxRedis target, source;
        CWB_START_SANDBOX(target);
        CWB_START_SANDBOX(source);
        RedisConnection c(target.endpoint());
        QVERIFY(c.connect());
        seedForeignKeys(c);
        const auto before = fingerprint(c);
        // The source holds a few values and sessions, as an application would.
        RedisConnection src(source.endpoint());
        QVERIFY(src.connect());
        for (int i = 0; i < 20; ++i) {
            src.command({"SET", "app:item:" + QByteArray::number(i), "v"});
            src.command({"HSET", "cwb:sess:" + QByteArray::number(i), "userId", QByteArray::number(i), "lastSeen",
                         QByteArray::number(1700000000 + i), "data", "x"});
        }

        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return f.fileName();
        };
        const QString keys = write(u"keys.txt"_s, "app:user:1 overwritten?\nplain:key random:16\n");
        const QString rows = write(u"rows.csv"_s, "id,name\n1,alice\n2,bob\n");
        QByteArray trace;
        for (int i = 0; i < 300; ++i)
            trace += QByteArray::number(1700000000 + i) + " app:item:" + QByteArray::number(i % 7) + "\n";
        const QString traceFile = write(u"trace.txt"_s, trace);
        const QString sourceUri = u"redis://127.0.0.1:%1"_s.arg(source.port());
        const QByteArray plans = QStringLiteral(R"({"plans": [
            {"name": "list", "strategy": "keylist", "params": {"file": "%1"}},
            {"name": "rows", "strategy": "dataset", "params": {"file": "%2", "keyTemplate": "user:{id}"}},
            {"name": "copy", "strategy": "copy", "params": {"source": "%3", "pattern": "app:*"}},
            {"name": "hot", "strategy": "hotkeys", "params": {"trace": "%4", "topK": 5}},
            {"name": "sessions", "strategy": "sessions", "params": {"source": "%3", "count": 10}},
            {"name": "config", "strategy": "config", "params": {"entries": {"app:user:1": "config value"}}, "priority": "high"},
            {"name": "synthetic", "strategy": "synthetic", "params": {"load": {"testName": "warm", "keyPrefix": "cwb:warm:lt:", "keySpace": 100}, "keys": 50}},
            {"name": "predictive", "strategy": "predictive", "params": {"trace": "%4", "topK": 5, "intervalSec": 60}}
        ]})").arg(keys, rows, sourceUri, traceFile).toUtf8();
        const QString planFile = write(u"plans.json"_s, plans);

        const auto result = test::runCli({u"warm"_s, u"run"_s, planFile, u"--target"_s,
                                          u"redis://127.0.0.1:%1"_s.arg(target.port())},
                                         120000);
        QVERIFY2(result.finished && result.exitCode == 0, QByteArray(result.out + result.err).constData());

        // Keys named like the application's ("app:user:1") were written under the plan's prefix,
        // never over the application's own keys.
        QCOMPARE(fingerprint(c), before);
        QVERIFY(c.command({"EXISTS", "cwb:warm:app:user:1"})->integer == 1);
        const auto info = c.info("commandstats");
        QVERIFY(info);
        const InfoSnapshot stats = parseInfo(*info);
        for (const char *forbidden : {"flushdb", "flushall", "keys"})
            QVERIFY2(!stats.commandStats.contains(QString::fromLatin1(forbidden)), forbidden);
        // The source was only read.
        QCOMPARE(src.command({"DBSIZE"})->integer, qint64(40));
    }
};

QTEST_GUILESS_MAIN(tst_TargetSafety)
#include "tst_targetsafety.moc"
