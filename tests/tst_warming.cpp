// Integration tests of the warming strategies, executor, scheduler and CLI against real
// redis-server sandboxes.

#include "testsupport.h"
#include "jobtestsupport.h"

#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"
#include "warming/warmexecutor.h"
#include "warming/warmingeffect.h"
#include "warming/warmingplan.h"
#include "warming/warmjob.h"
#include "warming/warmscheduler.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

qint64 pttl(const SandboxRedis &sandbox, const QByteArray &key)
{
    const auto reply = sandboxCommand(sandbox, {"PTTL", key});
    return reply ? reply->integer : -100;
}

QByteArray get(const SandboxRedis &sandbox, const QByteArray &key)
{
    const auto reply = sandboxCommand(sandbox, {"GET", key});
    return reply ? reply->str : QByteArray();
}

QByteArray hget(const SandboxRedis &sandbox, const QByteArray &key, const QByteArray &field)
{
    const auto reply = sandboxCommand(sandbox, {"HGET", key, field});
    return reply ? reply->str : QByteArray();
}

qint64 dbsize(const SandboxRedis &sandbox)
{
    const auto reply = sandboxCommand(sandbox, {"DBSIZE"});
    return reply ? reply->integer : -1;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return file.fileName();
}

WarmingPlan plan(const QString &name, WarmStrategy strategy, nlohmann::json params)
{
    WarmingPlan p;
    p.name = name;
    p.strategy = strategy;
    p.params = std::move(params);
    p.keyPrefix = u"cwb:warm:"_s;
    p.ttlSec = 600;
    return p;
}

QString explain(const WarmRunRecord &r)
{
    return warmRunStatusName(r.status) + u": "_s + r.stopReason + u" | "_s + r.messages.join(u"; "_s);
}

} // namespace

class WarmingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keyListWritesValuesWithTtl();
    void overwritePolicyIsThePlans();
    void datasetCsvNamesBadRows();
    void datasetJsonLinesIntoStrings();
    void datasetStopOnBadRowFailsThePlan();
    void unreadableFileFailsWithPath();
    void copyFromSourceKeepsTtl();
    void copyGetModeSkipsNonStrings();
    void hotKeysFromTrace();
    void activeSessionsMostRecentFirst();
    void configKeys();
    void syntheticMatchesLoadKeySpace();
    void syntheticPresetUnderTheDefaultPrefix();
    void warmsEveryKeyOntoItsSlotsMaster();
    void replicaTargetFailsFast();
    void skippedKeysAreCountedByReasonWhileRunning();
    void predictiveReportsPrecision();
    void memoryBudgetIsHeld();
    void rateLimitAndCancel();
    void unreachableSourceFailsOnlyThatPlan();
    void warmingRaisesHitRate();
    void cliNextValidateAndRun();

private:
    SandboxRedis m_target;
    SandboxRedis m_source;
    QTemporaryDir m_dir;
};

void WarmingTest::initTestCase()
{
    CWB_START_SANDBOX(m_target);
    CWB_START_SANDBOX(m_source);
    QVERIFY(m_dir.isValid());
}

void WarmingTest::init()
{
    // Each test starts from empty servers: every key the tests write lies under "cwb:" on the
    // target and "src:" on the source, removed the workbench's way (SCAN + UNLINK).
    RedisConnection target(m_target.endpoint());
    RedisConnection source(m_source.endpoint());
    QVERIFY(target.connect() && source.connect());
    QVERIFY(unlinkKeysWithPrefix(target, u"cwb:"_s).ok);
    QVERIFY(unlinkKeysWithPrefix(source, u"src:"_s).ok);
    QCOMPARE(dbsize(m_target), 0);
    QCOMPARE(dbsize(m_source), 0);
}

void WarmingTest::keyListWritesValuesWithTtl()
{
    const QString file = writeFile(m_dir, u"keys.txt"_s,
                                   "# comment\n"
                                   "alpha hello world\n"
                                   "cwb:warm:beta random:64\n"
                                   "\n"
                                   "gamma\n"
                                   "delta random:x\n");
    const WarmRunRecord r = WarmExecutor::run(plan(u"keys"_s, WarmStrategy::KeyList, {{"file", file.toStdString()}}),
                                              m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 3);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.messages, QStringList({u"line 6: value generator 'random:x': size must be 0 to 67108864 bytes"_s}));
    QCOMPARE(get(m_target, "cwb:warm:alpha"), QByteArray("hello world"));
    QCOMPARE(get(m_target, "cwb:warm:beta").size(), 64);
    QCOMPARE(get(m_target, "cwb:warm:gamma").size(), 32); // the default generator
    for (const char *key : {"cwb:warm:alpha", "cwb:warm:beta", "cwb:warm:gamma"}) {
        const qint64 ttl = pttl(m_target, key);
        QVERIFY2(ttl > 590000 && ttl <= 600000, key);
    }
    QCOMPARE(dbsize(m_target), 3);
    QVERIFY(r.bytesWritten > 64 + 32);
}

// Keys that exist already are handled as the plan says, and every run reports what it overwrote.
void WarmingTest::overwritePolicyIsThePlans()
{
    sandboxCommand(m_target, {"SET", "cwb:warm:alpha", "the application's value"});
    sandboxCommand(m_target, {"HSET", "cwb:warm:beta", "field", "value"});
    const QString file = writeFile(m_dir, u"overwrite.txt"_s, "alpha new\nbeta new\ngamma new\n");
    WarmingPlan p = plan(u"keys"_s, WarmStrategy::KeyList, {{"file", file.toStdString()}});
    QCOMPARE(p.overwrite, WarmOverwrite::SkipExisting); // the default touches nothing that exists

    WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 1);
    QCOMPARE(r.existingKept, 2);
    QCOMPARE(r.overwritten, 0);
    QCOMPARE(get(m_target, "cwb:warm:alpha"), QByteArray("the application's value"));
    QCOMPARE(hget(m_target, "cwb:warm:beta", "field"), QByteArray("value"));
    QVERIFY2(r.summary().contains(u"2 existing kept"_s), qPrintable(r.summary()));

    p.overwrite = WarmOverwrite::SameType; // a string over a string, never over the hash
    r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.overwritten, 2); // alpha and gamma (written by the run before) are strings
    QCOMPARE(r.existingKept, 1);
    QVERIFY(r.overwrittenKeys.contains(u"cwb:warm:alpha"_s));
    QVERIFY(!r.overwrittenKeys.contains(u"cwb:warm:beta"_s));
    QCOMPARE(get(m_target, "cwb:warm:alpha"), QByteArray("new"));
    QCOMPARE(hget(m_target, "cwb:warm:beta", "field"), QByteArray("value"));

    p.overwrite = WarmOverwrite::Always;
    r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.overwritten, 3);
    QVERIFY(r.overwrittenKeys.contains(u"cwb:warm:beta"_s));
    QCOMPARE(get(m_target, "cwb:warm:beta"), QByteArray("new"));
    QVERIFY2(r.summary().contains(u"3 existing overwritten (always)"_s), qPrintable(r.summary()));
    const auto json = warmRunRecordToJson(r);
    QCOMPARE(json["overwrite"].get<std::string>(), std::string("always"));
    QCOMPARE(warmRunRecordFromJson(json)->overwrittenKeys, r.overwrittenKeys);

    // The policy is part of the plan file and checked like every field.
    QCOMPARE(warmingPlanToJson(p)["overwrite"].get<std::string>(), std::string("always"));
    auto parsed = parseWarmingPlan(QByteArray(R"({"name": "x", "strategy": "config", "overwrite": "sometimes",
                                                  "params": {"entries": {"a": "1"}}})"));
    QVERIFY(!parsed.plan);
    QCOMPARE(parsed.errors.front().field, u"overwrite"_s);
    parsed = parseWarmingPlan(QByteArray(R"({"name": "x", "strategy": "config", "keyPrefix": "cwb:*",
                                            "params": {"entries": {"a": "1"}}})"));
    QVERIFY(!parsed.plan);
    QCOMPARE(parsed.errors.front().field, u"keyPrefix"_s);
    QVERIFY(parsed.errors.front().message.contains(u"glob"_s));
}

void WarmingTest::datasetCsvNamesBadRows()
{
    const QString file = writeFile(m_dir, u"users.csv"_s,
                                   "id,name,email\n"
                                   "1,Ada,ada@example.com\n"
                                   ",Nobody,none@example.com\n"
                                   "3,\"Doe, Jane\",jane@example.com\n"
                                   "4,Short\n"
                                   "5,\"Multi\nLine\",m@example.com\n");
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"users"_s, WarmStrategy::Dataset, {{"file", file.toStdString()}, {"keyTemplate", "user:{id}"}}),
        m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 3);
    QCOMPARE(r.skipped, 2);
    QCOMPARE(r.messages, QStringList({u"line 3, column 'id': missing value for the key template"_s,
                                      u"line 5: expected 3 columns, found 2"_s}));
    QCOMPARE(hget(m_target, "cwb:warm:user:1", "email"), QByteArray("ada@example.com"));
    QCOMPARE(hget(m_target, "cwb:warm:user:3", "name"), QByteArray("Doe, Jane"));
    QCOMPARE(hget(m_target, "cwb:warm:user:5", "name"), QByteArray("Multi\nLine"));
    QVERIFY(pttl(m_target, "cwb:warm:user:1") > 0);
}

void WarmingTest::datasetJsonLinesIntoStrings()
{
    const QString file = writeFile(m_dir, u"products.jsonl"_s,
                                   "{\"sku\": \"A1\", \"price\": 10.5}\n"
                                   "{\"sku\": \"B2\", \"price\": \n"
                                   "[1, 2]\n"
                                   "{\"sku\": \"C3\", \"price\": 3}\n");
    const WarmRunRecord r = WarmExecutor::run(plan(u"products"_s, WarmStrategy::Dataset,
                                                   {{"file", file.toStdString()},
                                                    {"keyTemplate", "cwb:warm:product:{sku}"},
                                                    {"type", "string"},
                                                    {"valueField", "price"}}),
                                              m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 2);
    QCOMPARE(r.messages.size(), 2);
    QVERIFY2(r.messages[0].startsWith(u"line 2, column 24: not valid JSON"_s), qPrintable(r.messages[0]));
    QCOMPARE(r.messages[1], u"line 3, column 1: expected a JSON object"_s);
    QCOMPARE(get(m_target, "cwb:warm:product:A1"), QByteArray("10.5"));
    QCOMPARE(get(m_target, "cwb:warm:product:C3"), QByteArray("3"));
    QVERIFY(pttl(m_target, "cwb:warm:product:C3") > 0);
}

void WarmingTest::datasetStopOnBadRowFailsThePlan()
{
    const QString file = writeFile(m_dir, u"strict.csv"_s, "id,v\n1,a\n2,b,c\n3,d\n");
    const WarmRunRecord r = WarmExecutor::run(plan(u"strict"_s, WarmStrategy::Dataset,
                                                   {{"file", file.toStdString()}, {"keyTemplate", "k:{id}"}, {"stopOnBadRow", true}}),
                                              m_target.endpoint());
    QCOMPARE(r.status, WarmRunStatus::Failed);
    QCOMPARE(r.stopReason, u"line 3: expected 2 columns, found 3"_s);
}

void WarmingTest::unreadableFileFailsWithPath()
{
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"missing"_s, WarmStrategy::KeyList, {{"file", "/nonexistent/keys.txt"}}), m_target.endpoint());
    QCOMPARE(r.status, WarmRunStatus::Failed);
    QVERIFY2(r.stopReason.startsWith(u"params.file: cannot read /nonexistent/keys.txt"_s), qPrintable(r.stopReason));
}

void WarmingTest::copyFromSourceKeepsTtl()
{
    sandboxCommand(m_source, {"SET", "src:app:1", "one", "PX", "500000"});
    sandboxCommand(m_source, {"SET", "src:app:2", "two"});
    sandboxCommand(m_source, {"HSET", "src:app:h", "f", "v"});
    sandboxCommand(m_source, {"SET", "src:other:1", "x"});
    const QString source = m_source.endpoint().displayUri();
    WarmingPlan p = plan(u"copy"_s, WarmStrategy::CopyFromSource, {{"source", source.toStdString()}, {"pattern", "src:app:*"}});
    p.batchSize = 2;
    const WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 3);
    QCOMPARE(get(m_target, "cwb:warm:src:app:1"), QByteArray("one"));
    const qint64 kept = pttl(m_target, "cwb:warm:src:app:1");
    QVERIFY2(kept > 400000 && kept <= 500000, qPrintable(QString::number(kept))); // the source's TTL
    const qint64 planTtl = pttl(m_target, "cwb:warm:src:app:2");
    QVERIFY2(planTtl > 590000 && planTtl <= 600000, qPrintable(QString::number(planTtl))); // none on the source
    QCOMPARE(hget(m_target, "cwb:warm:src:app:h", "f"), QByteArray("v"));
    QCOMPARE(dbsize(m_target), 3); // other:1 does not match
    QCOMPARE(dbsize(m_source), 4); // the source is only read
}

void WarmingTest::copyGetModeSkipsNonStrings()
{
    sandboxCommand(m_source, {"SET", "src:s", "text"});
    sandboxCommand(m_source, {"RPUSH", "src:l", "a"});
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"get"_s, WarmStrategy::CopyFromSource,
             {{"source", m_source.endpoint().displayUri().toStdString()}, {"mode", "get"}}),
        m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 1);
    QCOMPARE(r.skipped, 1);
    QVERIFY2(r.messages.value(0).startsWith(u"key 'src:l': WRONGTYPE"_s), qPrintable(r.messages.join(u"; "_s)));
    QCOMPARE(get(m_target, "cwb:warm:src:s"), QByteArray("text"));
}

void WarmingTest::hotKeysFromTrace()
{
    QByteArray trace = "# timestamp key\n";
    for (int i = 0; i < 300; ++i) {
        trace += QByteArray::number(1700000000 + i) + " product:hot\n";
        if (i % 2 == 0)
            trace += QByteArray::number(1700000000 + i) + ".5 product:warm\n";
        if (i % 3 == 0)
            trace += QByteArray::number(1700000000 + i) + ".7 product:tepid\n";
        trace += QByteArray::number(1700000000 + i) + ".9 cold:" + QByteArray::number(i) + "\n";
    }
    const QString file = writeFile(m_dir, u"trace.txt"_s, trace);
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"hot"_s, WarmStrategy::HotKeys, {{"trace", file.toStdString()}, {"topK", 3}, {"valueSize", 16}}),
        m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 3);
    QCOMPARE(r.report.at(u"hotKeys"_s), u"3"_s);
    QCOMPARE(r.report.at(u"guaranteedHotKeys"_s), u"3"_s);
    for (const char *key : {"cwb:warm:product:hot", "cwb:warm:product:warm", "cwb:warm:product:tepid"}) {
        QCOMPARE(get(m_target, key).size(), 16);
        QVERIFY(pttl(m_target, key) > 0);
    }
    QCOMPARE(dbsize(m_target), 3);

    // With a source, the hot keys' real values are copied (DUMP/RESTORE, TTL kept); a hot key
    // the source no longer has is skipped and named.
    sandboxCommand(m_source, {"SET", "src:product:hot", "real-value", "PX", "700000"});
    sandboxCommand(m_source, {"HSET", "src:product:warm", "f", "v"});
    QByteArray sourced;
    for (int i = 0; i < 50; ++i)
        sourced += QByteArray::number(1700000000 + i) + " src:product:hot\n" + QByteArray::number(1700000000 + i)
            + ".5 src:product:warm\n" + QByteArray::number(1700000000 + i) + ".6 src:product:gone\n";
    const QString sourcedFile = writeFile(m_dir, u"trace-src.txt"_s, sourced);
    const WarmRunRecord copied = WarmExecutor::run(
        plan(u"hot-src"_s, WarmStrategy::HotKeys,
             {{"trace", sourcedFile.toStdString()}, {"topK", 3}, {"source", m_source.endpoint().displayUri().toStdString()}}),
        m_target.endpoint());
    QVERIFY2(copied.status == WarmRunStatus::Completed, qPrintable(explain(copied)));
    QCOMPARE(copied.keysWritten, 2);
    QCOMPARE(copied.skipped, 1);
    QCOMPARE(copied.messages, QStringList({u"key 'src:product:gone': not on the source"_s}));
    QCOMPARE(get(m_target, "cwb:warm:src:product:hot"), QByteArray("real-value"));
    const qint64 kept = pttl(m_target, "cwb:warm:src:product:hot");
    QVERIFY2(kept > 600000 && kept <= 700000, qPrintable(QString::number(kept)));
    QCOMPARE(hget(m_target, "cwb:warm:src:product:warm", "f"), QByteArray("v"));

    // A malformed trace names the line.
    const QString bad = writeFile(m_dir, u"badtrace.txt"_s, "1 a\nnot-a-time b\n");
    const WarmRunRecord failed = WarmExecutor::run(plan(u"hot"_s, WarmStrategy::HotKeys, {{"trace", bad.toStdString()}}),
                                                   m_target.endpoint());
    QCOMPARE(failed.status, WarmRunStatus::Failed);
    QVERIFY2(failed.stopReason.endsWith(u"line 2: timestamp 'not-a-time' is not a number of seconds"_s),
             qPrintable(failed.stopReason));
}

void WarmingTest::activeSessionsMostRecentFirst()
{
    for (int i = 0; i < 10; ++i) {
        const QByteArray key = "src:sess:" + QByteArray::number(i);
        sandboxCommand(m_source, {"HSET", key, "userId", QByteArray::number(i), "createdAt", "1700000000", "lastSeen",
                                  QByteArray::number(1700000000 + i * 10), "data", "payload" + QByteArray::number(i)});
        sandboxCommand(m_source, {"EXPIRE", key, "1000"});
    }
    sandboxCommand(m_source, {"SET", "src:sess:notahash", "x"});
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"sessions"_s, WarmStrategy::Sessions,
             {{"source", m_source.endpoint().displayUri().toStdString()}, {"sessionPrefix", "src:"}, {"count", 3}}),
        m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 3);
    QCOMPARE(dbsize(m_target), 3);
    for (int i : {7, 8, 9}) {
        const QByteArray key = "cwb:warm:src:sess:" + QByteArray::number(i);
        QCOMPARE(hget(m_target, key, "data"), "payload" + QByteArray::number(i));
        QCOMPARE(hget(m_target, key, "lastSeen"), QByteArray::number(1700000000 + i * 10));
        const qint64 ttl = pttl(m_target, key);
        QVERIFY2(ttl > 900000 && ttl <= 1000000, qPrintable(QString::number(ttl))); // the session's own TTL
    }
}

void WarmingTest::configKeys()
{
    WarmingPlan p = plan(u"config"_s, WarmStrategy::Config,
                         {{"entries", {{"feature:checkout", "on"}, {"cwb:warm:limits", "{\"rps\": 100}"}}}});
    p.priority = WarmPriority::High;
    const WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(get(m_target, "cwb:warm:feature:checkout"), QByteArray("on"));
    QCOMPARE(get(m_target, "cwb:warm:limits"), QByteArray("{\"rps\": 100}"));
    QVERIFY(pttl(m_target, "cwb:warm:limits") > 0);
}

void WarmingTest::syntheticMatchesLoadKeySpace()
{
    const nlohmann::json load = {{"keyPrefix", "cwb:warm:lt:"},
                                 {"keySpace", 40},
                                 {"cacheTypes", {"string", "hash", "session", "counter", "geo"}},
                                 {"valueSize", {{"min", 10}, {"max", 20}}}};
    const WarmRunRecord r = WarmExecutor::run(plan(u"synthetic"_s, WarmStrategy::Synthetic, {{"load", load}}),
                                              m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 200);
    // 40 strings + 40 hashes + 40 sessions + 40 counters + 16 geo sets.
    QCOMPARE(dbsize(m_target), 176);
    const qsizetype size = get(m_target, "cwb:warm:lt:s:39").size();
    QVERIFY(size >= 10 && size <= 20);
    QCOMPARE(hget(m_target, "cwb:warm:lt:h:7", "email"), QByteArray("user7@example.com"));
    QCOMPARE(hget(m_target, "cwb:warm:lt:sess:3", "userId"), QByteArray("3"));
    QCOMPARE(get(m_target, "cwb:warm:lt:c:0"), QByteArray("0"));
    const auto members = sandboxCommand(m_target, {"ZCARD", "cwb:warm:lt:geo:5"});
    QVERIFY(members);
    QVERIFY(members->integer >= 2); // n = 5, 21, 37
    for (const char *key : {"cwb:warm:lt:s:0", "cwb:warm:lt:h:0", "cwb:warm:lt:sess:0", "cwb:warm:lt:c:0", "cwb:warm:lt:geo:0"})
        QVERIFY2(pttl(m_target, key) > 0, key);
}

void WarmingTest::syntheticPresetUnderTheDefaultPrefix()
{
    WarmingPlan p = plan(u"preset"_s, WarmStrategy::Synthetic, {{"preset", "basic-cache-load"}, {"keys", 5}});
    QCOMPARE(p.keyPrefix, WarmingPlan().keyPrefix); // the default, "cwb:warm:"
    const auto issues = validateWarmingPlan(p);
    QVERIFY2(issues.empty(), qPrintable(issues.empty() ? QString() : issues.front().toString()));
    const WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 10); // 5 strings and 5 hashes, the preset's cache types
    QCOMPARE(dbsize(m_target), 10);
    QVERIFY(!get(m_target, "cwb:warm:s:4").isEmpty()); // the preset's keys, under the plan's prefix
    QVERIFY(!hget(m_target, "cwb:warm:h:4", "email").isEmpty());
}

void WarmingTest::warmsEveryKeyOntoItsSlotsMaster()
{
    SandboxCluster cluster;
    CWB_START_SANDBOX(cluster);
    const auto nodes = cluster.nodes();
    const std::vector<SandboxRedis *> masters(nodes.begin(), nodes.begin() + 3);
    // Seeded at a master and at a replica (each under a prefix of its own): both route every
    // write to its slot's master. The replica-seeded run goes through the warming job, as the
    // GUI and the job benchmarks start it; the other calls the executor, as the CLI does.
    struct Seed
    {
        SandboxRedis *node;
        QByteArray prefix;
        bool asJob;
    };
    for (const auto &[seed, prefix, asJob] : {Seed{nodes[0], "cwb:warm:m:", false}, Seed{nodes[4], "cwb:warm:r:", true}}) {
        const nlohmann::json load = {{"keyPrefix", prefix.toStdString()}, {"keySpace", 300},
                                     {"cacheTypes", {"string", "hash", "session"}}};
        const WarmingPlan p = plan(u"cluster"_s, WarmStrategy::Synthetic, {{"load", load}});
        WarmRunRecord r;
        qint64 lastProgress = -1;
        if (asJob) {
            std::unique_ptr<WarmJob> job(makeWarmJob(p, seed->endpoint()));
            connect(job.get(), &jobs::JobBase::progressAvailable, this,
                    [&] { lastProgress = job->progress().keysWritten; });
            job->start();
            QVERIFY(waitForEnd(*job));
            QVERIFY(job->result());
            r = *job->result();
        } else {
            r = WarmExecutor::run(p, seed->endpoint(), nullptr,
                                  [&](const WarmProgress &w) { lastProgress = w.keysWritten; });
        }
        QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
        QCOMPARE(r.keysWritten, 900);
        QCOMPARE(r.skipped, 0);
        QVERIFY(r.skippedBy.empty());
        QCOMPARE(lastProgress, 900); // the newest progress is delivered before the end
        for (const char *type : {"s:", "h:", "sess:"}) {
            for (int i = 0; i < 300; ++i) {
                const QByteArray key = prefix + QByteArray(type) + QByteArray::number(i);
                int found = 0;
                for (SandboxRedis *master : masters) {
                    // EXISTS on a master that does not serve the slot answers MOVED, never 1.
                    const auto exists = sandboxCommand(*master, {"EXISTS", key});
                    if (exists && exists->type == RedisReply::Type::Integer && exists->integer == 1) {
                        ++found;
                        const auto slot = sandboxCommand(*master, {"CLUSTER", "KEYSLOT", key});
                        const auto count =
                            sandboxCommand(*master, {"CLUSTER", "COUNTKEYSINSLOT", QByteArray::number(slot->integer)});
                        QVERIFY(count && count->integer >= 1);
                    }
                }
                QVERIFY2(found == 1, key.constData());
            }
        }
    }
    qint64 total = 0;
    for (SandboxRedis *master : masters)
        total += dbsize(*master);
    QCOMPARE(total, 1800);
}

void WarmingTest::replicaTargetFailsFast()
{
    SandboxRedis replica;
    CWB_START_SANDBOX(replica, .extraArgs = {u"--replicaof"_s, u"127.0.0.1"_s, QString::number(m_target.port())});
    WarmingPlan p = plan(u"replica"_s, WarmStrategy::Synthetic, {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 100000}}}});
    int batches = 0;
    const WarmRunRecord r = WarmExecutor::run(p, replica.endpoint(), nullptr, [&](const WarmProgress &) { ++batches; });
    QCOMPARE(r.status, WarmRunStatus::Failed);
    QVERIFY2(r.stopReason.contains(u"is a replica of 127.0.0.1:%1"_s.arg(m_target.port())), qPrintable(r.stopReason));
    QCOMPARE(batches, 0); // nothing was tried, nothing climbs
    QCOMPARE(r.keysWritten, 0);
    QCOMPARE(r.bytesWritten, 0);
}

void WarmingTest::skippedKeysAreCountedByReasonWhileRunning()
{
    // A key of another type where a hash is to go: the write is refused and counted by reason,
    // in the progress while the run goes on and in the record and its history line.
    QVERIFY(sandboxCommand(m_target, {"RPUSH", "cwb:warm:h:3", "x"}));
    WarmingPlan p = plan(u"skips"_s, WarmStrategy::Synthetic,
                         {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 40}, {"cacheTypes", {"hash"}}}}});
    p.batchSize = 10;
    SkipCounts seenWhileRunning;
    const WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint(), nullptr, [&](const WarmProgress &w) {
        if (w.keysWritten < 40 - 1)
            seenWhileRunning = w.skippedBy;
    });
    QCOMPARE(r.skipped, 1);
    QCOMPARE(r.keysWritten, 39);
    QCOMPARE(r.skippedBy.size(), size_t(1));
    QCOMPARE(r.skippedBy.begin()->second, 1);
    QCOMPARE(seenWhileRunning, r.skippedBy); // shown before the run ended, not only after it
    QVERIFY2(r.summary().contains(skippedBreakdown(r.skippedBy)), qPrintable(r.summary()));
    const auto back = warmRunRecordFromJson(warmRunRecordToJson(r));
    QVERIFY(back);
    QCOMPARE(back->skippedBy, r.skippedBy);
}

void WarmingTest::predictiveReportsPrecision()
{
    // Popularity drifts: keys 0-9 are hot early, keys 10-19 late; the held-out last minute
    // is dominated by 10-19, which an EWMA with a high alpha predicts.
    QByteArray trace;
    for (int minute = 0; minute < 5; ++minute) {
        for (int i = 0; i < 200; ++i) {
            const int key = minute < 2 ? i % 10 : 10 + i % 10;
            trace += QByteArray::number(minute * 60 + i * 0.25, 'f', 2) + " item:" + QByteArray::number(key) + "\n";
        }
    }
    const QString file = writeFile(m_dir, u"predict.txt"_s, trace);
    const WarmRunRecord r = WarmExecutor::run(
        plan(u"predict"_s, WarmStrategy::Predictive,
             {{"trace", file.toStdString()}, {"topK", 10}, {"intervalSec", 60}, {"alpha", 0.8}}),
        m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 10);
    QCOMPARE(r.report.at(u"precisionAtK"_s), u"1.000"_s);
    QCOMPARE(r.report.at(u"precisionK"_s), u"10"_s);
    QVERIFY(get(m_target, "cwb:warm:item:15").size() == 64);
    QVERIFY(get(m_target, "cwb:warm:item:5").isEmpty());
}

void WarmingTest::memoryBudgetIsHeld()
{
    SandboxRedis small;
    CWB_START_SANDBOX(small);
    const qint64 usedBefore = sandboxInfoField(small, "memory", "used_memory").toLongLong();
    QVERIFY(usedBefore > 0);
    WarmingPlan p = plan(u"big"_s, WarmStrategy::Synthetic,
                         {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 50000}, {"valueSize", 200}}}});
    p.memoryBudget = usedBefore + 400 * 1024;
    p.batchSize = 1000;
    const WarmRunRecord r = WarmExecutor::run(p, small.endpoint());
    QCOMPARE(r.status, WarmRunStatus::MemoryLimit);
    QVERIFY2(r.stopReason.startsWith(u"stopped before passing the memory budget"_s), qPrintable(r.stopReason));
    const qint64 usedAfter = sandboxInfoField(small, "memory", "used_memory").toLongLong();
    QVERIFY2(usedAfter <= p.memoryBudget, qPrintable(u"%1 > %2"_s.arg(usedAfter).arg(p.memoryBudget)));
    // It used a fair part of the budget, not nothing: batches shrank instead of stopping early.
    QVERIFY2(r.keysWritten > 500, qPrintable(QString::number(r.keysWritten)));
    QVERIFY2(usedAfter > usedBefore + 200 * 1024, qPrintable(QString::number(usedAfter - usedBefore)));
    QVERIFY(r.usedMemoryAfter > 0 && r.usedMemoryAfter <= p.memoryBudget);

    // maxmemory alone limits too.
    SandboxRedis capped;
    CWB_START_SANDBOX(capped, .maxmemoryBytes = 4 * 1024 * 1024, .maxmemoryPolicy = u"noeviction"_s);
    WarmingPlan q = p;
    q.memoryBudget = 0;
    const WarmRunRecord c = WarmExecutor::run(q, capped.endpoint());
    QCOMPARE(c.status, WarmRunStatus::MemoryLimit);
    QVERIFY2(c.stopReason.startsWith(u"stopped before passing maxmemory"_s), qPrintable(c.stopReason));
    QCOMPARE(c.skipped, 0); // no write was refused with OOM
}

void WarmingTest::rateLimitAndCancel()
{
    WarmingPlan p = plan(u"slow"_s, WarmStrategy::Synthetic, {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 100}}}});
    p.rateLimit = 400;
    QElapsedTimer timer;
    timer.start();
    WarmRunRecord r = WarmExecutor::run(p, m_target.endpoint());
    QVERIFY2(r.status == WarmRunStatus::Completed, qPrintable(explain(r)));
    QCOMPARE(r.keysWritten, 100);
    QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed()))); // 100 keys at 400/s >= 0.25 s
    QVERIFY(r.batches >= 2);

    p.rateLimit = 100;
    p.params = {{"load", {{"keyPrefix", "cwb:warm:"}, {"keySpace", 100000}}}};
    p.overwrite = WarmOverwrite::Always; // the first 100 keys exist now: write them again, counted
    // Cancelled after the first batch (an event, not a sleep): the run honours it during the
    // rate limit's wait instead of writing on. Its latency is measured in bench/timing_bench.
    std::atomic<bool> cancel{false};
    r = WarmExecutor::run(p, m_target.endpoint(), &cancel, [&](const WarmProgress &) { cancel = true; });
    QCOMPARE(r.status, WarmRunStatus::Cancelled);
    QCOMPARE(r.batches, 1);
    QVERIFY(r.keysWritten > 0 && r.keysWritten <= 10); // one batch: a tenth of a second at 100 keys/s
}

void WarmingTest::unreachableSourceFailsOnlyThatPlan()
{
    WarmScheduler scheduler;
    scheduler.setDefaultTarget(m_target.endpoint());
    WarmingPlan copy = plan(u"copy-down"_s, WarmStrategy::CopyFromSource, {{"source", "redis://127.0.0.1:1"}});
    copy.priority = WarmPriority::High;
    WarmingPlan config = plan(u"config"_s, WarmStrategy::Config, {{"entries", {{"a", "1"}}}});
    config.priority = WarmPriority::Low;
    scheduler.setPlans({copy, config});
    QVERIFY(scheduler.runNow(u"config"_s));
    QVERIFY(scheduler.runNow(u"copy-down"_s));
    QVERIFY(scheduler.waitForIdle(15000));
    const auto history = scheduler.history();
    QCOMPARE(history.size(), size_t(2));
    const auto failed = std::find_if(history.begin(), history.end(), [](const WarmRunRecord &r) { return r.planName == u"copy-down"_s; });
    const auto ok = std::find_if(history.begin(), history.end(), [](const WarmRunRecord &r) { return r.planName == u"config"_s; });
    QCOMPARE(failed->status, WarmRunStatus::Failed);
    QVERIFY2(failed->stopReason.startsWith(u"source redis://127.0.0.1:1 unreachable"_s), qPrintable(failed->stopReason));
    QCOMPARE(ok->status, WarmRunStatus::Completed);
    QCOMPARE(get(m_target, "cwb:warm:a"), QByteArray("1"));
}

void WarmingTest::warmingRaisesHitRate()
{
    WarmingEffectOptions options;
    options.keySpace = 2000;
    options.durationSec = 1.5;
    options.users = 4;
    const WarmingEffectResult result = measureWarmingEffect(m_target.endpoint(), options);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY2(result.cold.total().count > 1000, qPrintable(result.summary()));
    QVERIFY2(result.warm.total().count > 1000, qPrintable(result.summary()));
    QVERIFY2(result.coldHitRate() < 0.01, qPrintable(result.summary()));
    QVERIFY2(result.warmHitRate() > 0.99, qPrintable(result.summary()));
    QCOMPARE(result.warming.keysWritten, 2000);
    QCOMPARE(dbsize(m_target), 0); // the measurement cleans up after itself
}

void WarmingTest::cliNextValidateAndRun()
{
    CliResult next = runCli({u"warm"_s, u"next"_s, u"0 0 32 * *"_s});
    QCOMPARE(next.exitCode, 2);
    QVERIFY2(next.err.contains("day-of-month: 32 is out of range 1-31"), next.err.constData());
    next = runCli({u"warm"_s, u"next"_s, u"*/15 * * * *"_s, u"--count"_s, u"3"_s, u"--utc"_s});
    QCOMPARE(next.exitCode, 0);
    QCOMPARE(next.out.count('\n'), 3);
    for (const QByteArray &line : next.out.trimmed().split('\n')) {
        const QDateTime t = QDateTime::fromString(QString::fromUtf8(line.split(' ').first()), Qt::ISODate);
        QVERIFY2(t.isValid() && t.offsetFromUtc() == 0 && t.time().minute() % 15 == 0, line.constData());
    }

    const QString bad = writeFile(m_dir, u"bad-plan.json"_s,
                                  R"({"name": "x", "strategy": "keylist", "batchSize": 0, "schedule": "61 * * * *"})");
    const CliResult validate = runCli({u"warm"_s, u"validate"_s, bad});
    QCOMPARE(validate.exitCode, 2);
    QVERIFY2(validate.err.contains("schedule: minute: 61 is out of range 0-59"), validate.err.constData());
    QVERIFY2(validate.err.contains("batchSize: 0 is out of range 1-100000"), validate.err.constData());
    QVERIFY2(validate.err.contains("params.file: is required"), validate.err.constData());

    const QString good = writeFile(m_dir, u"good-plan.json"_s,
                                   R"({"plans": [{"name": "cfg", "strategy": "config", "priority": "high",
                                        "params": {"entries": {"greeting": "hi"}}}]})");
    const CliResult ok = runCli({u"warm"_s, u"validate"_s, good});
    QCOMPARE(ok.exitCode, 0);
    const CliResult run = runCli({u"warm"_s, u"run"_s, good, u"--target"_s, m_target.endpoint().displayUri()}, 30000,
                                 {}, {u"HOME="_s + m_dir.path(), u"XDG_DATA_HOME="_s + m_dir.path()});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("cfg [config] completed: 1 keys"), run.out.constData());
    QCOMPARE(get(m_target, "cwb:warm:greeting"), QByteArray("hi"));

    const CliResult strategies = runCli({u"warm"_s, u"strategies"_s});
    QCOMPARE(strategies.exitCode, 0);
    for (const char *name : {"keylist", "dataset", "copy", "hotkeys", "sessions", "config", "synthetic", "predictive"})
        QVERIFY2(strategies.out.contains(QByteArray(QByteArray("\n") + name + "\n")) || strategies.out.startsWith(name), name);
}

QTEST_GUILESS_MAIN(WarmingTest)
#include "tst_warming.moc"
