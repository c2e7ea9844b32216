// Never harm the target: everything the workbench runs against a server leaves keys outside
// its prefix exactly as they were, and never sends FLUSHDB, FLUSHALL or KEYS.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include "load/loadrun.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"

#include <QTest>

#include <atomic>
#include <thread>

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

// Keys of every type that already live under the workbench's default prefix "cwb:", named as
// the load engine names its own keys (so a run that did not keep to its namespace would
// overwrite or delete them).
const QList<QByteArray> kKeysUnderPrefix{"cwb:s:1",   "cwb:h:1",    "cwb:sess:1", "cwb:geo:1", "cwb:c:1",
                                         "cwb:tag:1", "cwb:list:1", "cwb:zset:1", "cwb:stream:1", "cwb:hll:1"};

void seedKeysUnderPrefix(RedisConnection &c)
{
    c.command({"SET", "cwb:s:1", "an application's value"});
    c.command({"HSET", "cwb:h:1", "field", "value"});
    c.command({"HSET", "cwb:sess:1", "userId", "7"});
    c.command({"GEOADD", "cwb:geo:1", "13.4", "52.5", "m1"});
    c.command({"INCRBY", "cwb:c:1", "41"});
    c.command({"SADD", "cwb:tag:1", "cwb:s:1", "app:user:1"});
    c.command({"RPUSH", "cwb:list:1", "a", "b"});
    c.command({"ZADD", "cwb:zset:1", "1", "one"});
    c.command({"XADD", "cwb:stream:1", "*", "event", "x"});
    c.command({"PFADD", "cwb:hll:1", "a", "b", "c"});
}

QMap<QByteArray, QByteArray> fingerprintOf(RedisConnection &c, const QList<QByteArray> &keys)
{
    QMap<QByteArray, QByteArray> dump;
    for (const QByteArray &key : keys) {
        const auto reply = c.command({"DUMP", key});
        dump[key] = reply && !reply->isNil() ? reply->str : QByteArray("<missing>");
    }
    return dump;
}

// The tag sets a running load test registers its keys in, wherever its namespace is.
QList<QByteArray> tagSets(RedisConnection &c)
{
    QList<QByteArray> sets;
    QByteArray cursor = "0";
    do {
        const auto reply = c.command({"SCAN", cursor, "MATCH", "cwb:*tag:*", "COUNT", "1000"});
        if (!reply || reply->elements.size() != 2)
            break;
        cursor = reply->elements[0].str;
        for (const RedisReply &key : reply->elements[1].elements)
            sets << key.str;
    } while (cursor != "0");
    return sets;
}

} // namespace

class tst_TargetSafety : public QObject
{
    Q_OBJECT

private slots:
    // Invalidation deletes what a tag set lists: names somebody else put into the run's own tag
    // sets - other keys, keys under the prefix, geo members of other sets - are never removed.
    void foreignNamesInTheToolsOwnTagSetsSurvive()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection c(redis.endpoint());
        QVERIFY(c.connect());
        seedForeignKeys(c);
        c.command({"GEOADD", "app:places", "13.4", "52.5", "home"});
        const QList<QByteArray> watched = kForeignKeys + QList<QByteArray>{"app:places"};
        const auto before = fingerprintOf(c, watched);

        LoadTestConfig config = *presetByName(QStringLiteral("invalidation-stress"));
        config.durationSec = 3;
        config.tagCount = 2;
        config.cacheTypes = {CacheType::String, CacheType::Geo};
        config.keyPrefix = QStringLiteral("cwb:");
        config.requestsPerSecond = 3000;
        RunResult result;
        std::atomic<bool> done{false};
        std::thread runner([&] {
            result = LoadRun(config, redis.endpoint()).execute();
            done.store(true);
        });
        // While it runs, slip foreign names into every tag set it made.
        RedisConnection injector(redis.endpoint());
        QVERIFY(injector.connect());
        int injections = 0;
        while (!done.load()) {
            for (const QByteArray &set : tagSets(injector)) {
                injector.command({"SADD", set, "app:user:1", "app:hash", "cwb", "xcwb:1", "app:places\nhome",
                                  "cwb:geo:3\nm3"});
                ++injections;
            }
            QThread::msleep(5);
        }
        runner.join();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QVERIFY(result.totals.op(OpType::Invalidate).count > 0);
        QVERIFY(injections > 10);
        // Every foreign name that was in a set when it was invalidated is still here.
        QCOMPARE(fingerprintOf(c, watched), before);
        QVERIFY(c.command({"ZSCORE", "app:places", "home"})->type != RedisReply::Type::Nil);
    }

    // A prefix that already holds keys (of every type) is refused; allowed explicitly, the run
    // writes beside them in its own namespace and leaves every one of them as it was.
    void keysAlreadyUnderThePrefixAreRefusedOrKept()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection c(redis.endpoint());
        QVERIFY(c.connect());
        seedKeysUnderPrefix(c);
        const auto before = fingerprintOf(c, kKeysUnderPrefix);
        for (const QByteArray &key : kKeysUnderPrefix)
            QVERIFY2(before.value(key) != "<missing>", key.constData());

        LoadTestConfig config = *presetByName(QStringLiteral("basic-cache-load"));
        config.durationSec = 1;
        config.cacheTypes = {CacheType::String, CacheType::Hash, CacheType::Session, CacheType::Geo, CacheType::Counter};
        config.operationMix = {40, 40, 10, 10};
        config.keySpace = 4; // the same small numbers as the keys above: "cwb:s:1", "cwb:geo:1", ...
        config.requestsPerSecond = 2000;
        const RunResult refused = LoadRun(config, redis.endpoint()).execute();
        QCOMPARE(refused.status, RunStatus::Failed);
        QCOMPARE(refused.failureKind, RedisErrorKind::None);
        QVERIFY2(refused.failureReason.contains(QStringLiteral("already holds keys")), qPrintable(refused.failureReason));
        QVERIFY(refused.failureReason.contains(QStringLiteral("cwb:")));
        QCOMPARE(fingerprintOf(c, kKeysUnderPrefix), before);

        LoadRun::Options allow;
        allow.allowExistingKeys = true;
        const RunResult allowed = LoadRun(config, redis.endpoint(), allow).execute();
        QVERIFY2(allowed.status == RunStatus::Completed, qPrintable(allowed.failureReason));
        QVERIFY(allowed.total().count > 100);
        QVERIFY(allowed.keyNamespace.startsWith(QStringLiteral("cwb:")) && allowed.keyNamespace.size() == 13);
        QVERIFY(allowed.keysCleanedUp > 0);
        QCOMPARE(allowed.keysLeft, qint64(0));
        QCOMPARE(fingerprintOf(c, kKeysUnderPrefix), before);
        QCOMPARE(c.command({"DBSIZE"})->integer, qint64(kKeysUnderPrefix.size())); // and nothing of ours is left
    }

    // Every command that writes keys refuses a prefix that already holds keys, and every one
    // refuses glob characters (tune once took '*' and deleted keys named '*' and '*foo').
    void everyCommandRefusesAnOccupiedOrGlobPrefix()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        RedisConnection c(redis.endpoint());
        QVERIFY(c.connect());
        c.command({"SET", "user:1", "alice"});
        c.command({"SET", "*", "star"});
        c.command({"SET", "*foo", "starfoo"});
        const QList<QByteArray> keys{"user:1", "*", "*foo"};
        const auto before = fingerprintOf(c, keys);
        const QString target = u"redis://127.0.0.1:%1"_s.arg(redis.port());
        const QList<QStringList> occupied{
            {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s, u"--no-save"_s, u"--prefix"_s, u"user:"_s},
            {u"suite"_s, u"basic"_s, u"--duration"_s, u"1"_s, u"--no-save"_s, u"--prefix"_s, u"user:"_s},
            {u"bench"_s, u"cache-basic-ops"_s, u"--no-save"_s, u"--prefix"_s, u"user:"_s},
            {u"tune"_s, u"--budget"_s, u"10s"_s, u"--strategies"_s, u"pipeline"_s, u"--prefix"_s, u"user:"_s},
            {u"optimize"_s, u"compression"_s, u"--sizes"_s, u"128"_s, u"--prefix"_s, u"user:"_s},
        };
        for (const QStringList &args : occupied) {
            const auto r = test::runCli(args + QStringList{u"--target"_s, target}, 60000);
            QVERIFY2(r.finished, qPrintable(args.join(u' ')));
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(u' ') + u": "_s + QString::number(r.exitCode) + QString::fromUtf8(r.err)));
            QVERIFY2(QString::fromUtf8(r.out + r.err).contains(u"already holds keys"_s), qPrintable(args.join(u' ')));
        }
        for (const QString &command : {u"run"_s, u"bench"_s, u"tune"_s, u"optimize"_s, u"cleanup"_s}) {
            QStringList args{command};
            if (command == u"run"_s)
                args << u"--preset"_s << u"basic-cache-load"_s << u"--no-save"_s;
            if (command == u"bench"_s)
                args << u"cache-basic-ops"_s << u"--no-save"_s;
            if (command == u"optimize"_s)
                args << u"compression"_s;
            if (command == u"cleanup"_s)
                args << u"--run"_s << u"0123abcd"_s;
            const auto r = test::runCli(args + QStringList{u"--prefix"_s, u"*"_s, u"--target"_s, target}, 60000);
            QVERIFY2(r.finished, qPrintable(command));
            QVERIFY2(r.exitCode == 2, qPrintable(command + u": "_s + QString::number(r.exitCode)));
            QVERIFY2(r.err.contains("glob character") || r.out.contains("glob character"),
                     qPrintable(command + u": "_s + QString::fromUtf8(r.err)));
        }
        QCOMPARE(fingerprintOf(c, keys), before);
        QCOMPARE(c.command({"DBSIZE"})->integer, qint64(keys.size()));
    }

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

        // All ten, through the CLI as a user runs them, against this server; at their smallest
        // sizes (every code path that writes still runs), so the test takes 15 s instead of 30.
        QStringList args{u"bench"_s, u"--target"_s, u"redis://127.0.0.1:%1"_s.arg(redis.port()), u"--no-save"_s};
        for (const char *smaller : {"concurrent-reads.durationSec=1", "mixed-operations.durationSec=1",
                                    "session-management.maxConnections=2", "invalidation-patterns.expiryWindowSec=1",
                                    "memory-stress.fillMiB=2", "memory-stress.evictionMaxMemoryMiB=2",
                                    "high-concurrency-stress.maxConnections=40", "high-concurrency-stress.steps=2",
                                    "geospatial-queries.points=2000", "realtime-updates.maxSubscribers=2"})
            args << u"--set"_s << QString::fromLatin1(smaller);
        const auto result = test::runCli(args, 180000);
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
