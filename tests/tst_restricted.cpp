// Every feature, run for real against what managed services impose: a server with CONFIG, KEYS,
// DEBUG, SLOWLOG, LATENCY, MEMORY, CLIENT, OBJECT and CLUSTER renamed away, and an ACL user limited
// to `~cwb:* +@read +@write +@keyspace +info +ping +scan`. Each feature either works or does
// without a command with one sentence (never a raw "ERR unknown command" or NOPERM line), with an
// honest exit code, and agrees with what `check` (redis/permissioncheck.h) said of it. The
// parameters are the smallest that still exercise each code path: this runs in CI.

#include "cluster/clusterrouter.h"
#include "optimize/hotkeyscan.h"
#include "redis/permissioncheck.h"
#include "redis/probejob.h"
#include "redis/rediserror.h"
#include "restrictedserver.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// One restricted target as each face of the workbench reaches it.
struct Target
{
    Endpoint endpoint;
    QString uri;     // for the CLI, without the password
    QStringList env; // the password, for the CLI
    PermissionReport check;
};

// The user `name` made on every node of `nodes` with `rules`, password "pw".
bool makeUser(const std::vector<SandboxRedis *> &nodes, const QByteArray &name, const QByteArray &rules)
{
    RedisCommand setuser{"ACL", "SETUSER", name, "reset", "on", ">pw"};
    for (const QByteArray &rule : rules.split(' '))
        setuser << rule;
    for (SandboxRedis *node : nodes) {
        const auto reply = sandboxCommand(*node, setuser);
        if (!reply || !reply->isOk())
            return false;
    }
    return true;
}

Target userTarget(const SandboxRedis &redis, const QByteArray &name)
{
    Target t;
    t.endpoint = redis.endpoint();
    t.endpoint.username = QString::fromUtf8(name);
    t.endpoint.password = u"pw"_s;
    t.uri = u"redis://%1:@127.0.0.1:%2"_s.arg(QString::fromUtf8(name)).arg(redis.port());
    t.env = {u"CWB_REDIS_PASSWORD=pw"_s, u"CWB_SOURCE_PASSWORD=pw"_s};
    return t;
}

const FeatureVerdict &verdict(const Target &t, const QString &feature)
{
    for (const FeatureVerdict &v : t.check.features) {
        if (v.feature.startsWith(feature))
            return v;
    }
    qWarning("check gave no verdict for %s", qPrintable(feature));
    static const FeatureVerdict none{
        .feature = {}, .level = FeatureLevel::Unavailable, .reasons = {}, .aclLine = {}, .applies = false};
    return none;
}

// A reason `check` gave for `feature` that names `command`, as the sentence features use.
bool checkSaid(const Target &t, const QString &feature, const QString &sentence)
{
    return verdict(t, feature).reasons.join(u'\n').contains(sentence);
}

// The sentence for `command` on this target: NOPERM for the ACL user, renamed on the other.
QString refusal(const Target &t, const QString &command)
{
    return t.endpoint.username.isEmpty() ? commandMissingSentence(command) : commandDeniedSentence(command);
}

// What the CLI printed, both streams: never a server's raw refusal.
QString everything(const CliResult &r)
{
    return QString::fromUtf8(r.out + r.err);
}

void verifyNoRawRefusal(const CliResult &r)
{
    const QString text = everything(r);
    QVERIFY2(!text.contains(u"unknown command"_s, Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(!text.contains(u"NOPERM"_s), qPrintable(text));
}

nlohmann::json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
}

QStringList toStrings(const nlohmann::json &array)
{
    QStringList out;
    for (const auto &s : array)
        out << QString::fromStdString(s.get<std::string>());
    return out;
}

// The ten benchmarks at their smallest (each still runs every part it has).
QStringList smallBenchmarkArgs()
{
    QStringList args{u"--no-save"_s, u"--no-eviction-sandbox"_s};
    for (const char *set : {"cache-basic-ops.operations=50",
                            "concurrent-reads.connections=2",
                            "concurrent-reads.durationSec=0.2",
                            "concurrent-reads.keySpace=100",
                            "concurrent-writes.connections=2",
                            "concurrent-writes.durationSec=0.2",
                            "concurrent-writes.keySpace=50",
                            "mixed-operations.connections=2",
                            "mixed-operations.durationSec=0.2",
                            "mixed-operations.keySpace=100",
                            "invalidation-patterns.tags=2",
                            "invalidation-patterns.keysPerTag=5",
                            "invalidation-patterns.expiringKeys=20",
                            "invalidation-patterns.expiryWindowSec=0.5",
                            "invalidation-patterns.prefixKeys=20",
                            "session-management.maxConnections=1",
                            "session-management.stepSec=0.2",
                            "geospatial-queries.points=100",
                            "geospatial-queries.queries=2",
                            "realtime-updates.messages=20",
                            "realtime-updates.maxSubscribers=1",
                            "memory-stress.fillMiB=0.1",
                            "memory-stress.samplesPerClass=2",
                            "high-concurrency-stress.minConnections=1",
                            "high-concurrency-stress.maxConnections=2",
                            "high-concurrency-stress.steps=2",
                            "high-concurrency-stress.stepSec=0.2",
                            "high-concurrency-stress.keySpace=50"})
        args << u"--set"_s << QString::fromLatin1(set);
    return args;
}

} // namespace

class tst_Restricted : public QObject
{
    Q_OBJECT

    SandboxRedis m_renamed; // the commands above renamed away; the default user has every right
    SandboxRedis m_server;  // a plain server, reached as the limited ACL user
    std::vector<Target> m_targets;

    const Target &target()
    {
        QFETCH(int, target);
        return m_targets[size_t(target)];
    }

    CliResult cli(const QStringList &args, int timeoutMs = 60000) { return cliOn(target(), args, timeoutMs); }

    static CliResult cliOn(const Target &t, const QStringList &args, int timeoutMs = 60000)
    {
        return runCli(args + QStringList{u"--target"_s, t.uri}, timeoutMs, {}, t.env);
    }

    // The rows of every test that runs against both restrictions.
    static void targets()
    {
        QTest::addColumn<int>("target");
        QTest::newRow("renamed commands") << 0;
        QTest::newRow("limited ACL user") << 1;
    }

private slots:

    void initTestCase()
    {
        CWB_START_SANDBOX(m_renamed, .extraArgs = renamedAwayArgs());
        CWB_START_SANDBOX(m_server);
        QVERIFY(makeUser({&m_server}, "cwb-limited", kLimitedAclRules));
        Target renamed;
        renamed.endpoint = m_renamed.endpoint();
        renamed.uri = u"redis://127.0.0.1:%1"_s.arg(m_renamed.port());
        m_targets.push_back(renamed);
        m_targets.push_back(userTarget(m_server, "cwb-limited"));
        for (Target &t : m_targets) {
            RedisConnection connection(t.endpoint);
            QString error;
            const auto report = checkPermissions(connection, u"cwb:"_s, &error);
            QVERIFY2(report, qPrintable(error));
            t.check = *report;
        }
    }

    void loadRun_data() { targets(); }
    void loadRun()
    {
        const Target &t = target();
        // Degraded on both: no CLIENT SETNAME on one, no MULTI for the other.
        QCOMPARE(verdict(t, u"load tests"_s).level, FeatureLevel::Degraded);
        const CliResult r = cli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s, u"--prefix"_s,
                                 u"cwb:load:"_s, u"--no-save"_s});
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("status completed"), r.out.constData());
        const QString multi = refusal(t, u"MULTI"_s);
        if (checkSaid(t, u"load tests"_s, multi)) {
            // The invalidations fail, are counted, and the report says why.
            QVERIFY2(everything(r).contains(u"warning: "_s + multi + u": every invalidate operation"_s),
                     qPrintable(everything(r)));
            QVERIFY2(r.out.contains("errors by class: permission"), r.out.constData());
        } else {
            QVERIFY2(!r.out.contains("errors by class"), r.out.constData());
            QVERIFY2(!r.out.contains("warning:"), r.out.constData());
        }
    }

    void benchmarks_data() { targets(); }
    void benchmarks()
    {
        const Target &t = target();
        QTemporaryDir dir;
        const QString json = dir.filePath(u"bench.json"_s);
        const CliResult r = cli(
            QStringList{u"bench"_s, u"--json"_s, json, u"--prefix"_s, u"cwb:bench:"_s} + smallBenchmarkArgs(), 180000);
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QCOMPARE(r.exitCode, 0);
        const nlohmann::json doc = readJson(json);
        QCOMPARE(int(doc["results"].size()), 10);
        QStringList notes;
        for (const auto &result : doc["results"]) {
            const QString name = QString::fromStdString(result["benchmark"].get<std::string>());
            QVERIFY2(result["status"] == "completed",
                     qPrintable(name + u": "_s + QString::fromStdString(result.dump())));
            QVERIFY2(!result["operations"].empty(), qPrintable(name));
            for (const QString &note : toStrings(result["notes"]))
                notes << name + u": "_s + note;
        }
        const QString all = notes.join(u'\n');
        QCOMPARE(verdict(t, u"benchmarks"_s).level, FeatureLevel::Degraded);
        for (const char *command : {"PUBLISH", "MEMORY USAGE"}) {
            const QString sentence = refusal(t, QString::fromLatin1(command));
            // What check predicted, the benchmark said: both or neither.
            QCOMPARE(all.contains(sentence), checkSaid(t, u"benchmarks"_s, sentence));
        }
        if (t.endpoint.username.isEmpty()) {
            QVERIFY2(all.contains(u"memory-stress: "_s + refusal(t, u"MEMORY USAGE"_s) +
                                  u": the memory of each key was not measured"_s),
                     qPrintable(all));
        } else {
            QVERIFY2(
                all.contains(u"realtime-updates: "_s + refusal(t, u"PUBLISH"_s) + u": the Pub/Sub part was skipped"_s),
                qPrintable(all));
        }
    }

    void optimisationExperiments_data() { targets(); }
    void optimisationExperiments()
    {
        const Target &t = target();
        const bool noMemoryUsage = checkSaid(t, u"tuning"_s, refusal(t, u"MEMORY USAGE"_s));
        QCOMPARE(noMemoryUsage, t.endpoint.username.isEmpty()); // MEMORY USAGE is in @read

        const CliResult compression = cli({u"optimize"_s, u"compression"_s, u"--sizes"_s, u"128,2048"_s});
        QVERIFY2(compression.finished, compression.err.constData());
        verifyNoRawRefusal(compression);
        if (noMemoryUsage) {
            // Nothing to weigh without MEMORY USAGE: it refuses, with the reason, and fails.
            QCOMPARE(compression.exitCode, 1);
            QVERIFY2(compression.err.contains((u"compression: "_s + refusal(t, u"MEMORY USAGE"_s) +
                                               u": the memory saving of compression cannot be measured"_s)
                                                  .toUtf8()),
                     compression.err.constData());
        } else {
            QCOMPARE(compression.exitCode, 0);
            QVERIFY2(compression.out.contains("best codec:"), compression.out.constData());
        }

        const CliResult hotkeys = cli({u"optimize"_s, u"hotkeys"_s});
        QVERIFY2(hotkeys.finished, hotkeys.err.constData());
        verifyNoRawRefusal(hotkeys);
        QCOMPARE(hotkeys.exitCode, 0);
        QCOMPARE(hotkeys.out.contains((refusal(t, u"MEMORY USAGE"_s) + u": keys are not sized"_s).toUtf8()),
                 noMemoryUsage);
        QCOMPARE(hotkeys.out.contains("  big "), !noMemoryUsage);

        for (const QStringList &args :
             {QStringList{u"batching"_s, u"--depths"_s, u"1,4"_s, u"--step"_s, u"0.2"_s},
              QStringList{u"pooling"_s, u"--pools"_s, u"1,2"_s, u"--step"_s, u"0.2"_s, u"--rps"_s, u"200"_s}}) {
            const CliResult r = cli(QStringList{u"optimize"_s} + args);
            QVERIFY2(r.finished, r.err.constData());
            verifyNoRawRefusal(r);
            QVERIFY2(r.exitCode == 0, qPrintable(args.first() + u": "_s + everything(r)));
        }
    }

    void autoTuner_data() { targets(); }
    void autoTuner()
    {
        const Target &t = target();
        const bool noMemoryUsage = checkSaid(t, u"tuning"_s, refusal(t, u"MEMORY USAGE"_s));
        QTemporaryDir dir;
        const QString json = dir.filePath(u"tune.json"_s);
        const CliResult r =
            cli({u"tune"_s, u"--budget"_s, u"8s"_s, u"--strategies"_s, u"compression"_s, u"--json"_s, json});
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QCOMPARE(r.exitCode, 0);
        const nlohmann::json report = readJson(json);
        bool recommendsCompression = false;
        for (const auto &rec : report["recommendations"])
            recommendsCompression = recommendsCompression || rec["id"] == "compression";
        // Without MEMORY USAGE there is no compression verdict, only the reason why not. (With it,
        // whether the budget let a verdict through depends on the machine: not asserted.)
        if (noMemoryUsage) {
            QVERIFY(!recommendsCompression);
            QCOMPARE(report["status"].get<std::string>(), std::string("partial"));
            QVERIFY2(
                QString::fromStdString(report["stopReason"].get<std::string>()).contains(refusal(t, u"MEMORY USAGE"_s)),
                report.dump().c_str());
        }
    }

    void warming_data() { targets(); }
    void warming()
    {
        const Target &t = target();
        QCOMPARE(verdict(t, u"cache warming"_s).level, FeatureLevel::Works);
        // The target is also the source of the copy and sessions strategies (as the same user).
        QVERIFY(sandboxCommand(t.endpoint.username.isEmpty() ? m_renamed : m_server,
                               {"HSET", "cwb:src:sess:1", "lastSeen", "100", "user", "ada"}));
        QVERIFY(sandboxCommand(t.endpoint.username.isEmpty() ? m_renamed : m_server, {"SET", "cwb:src:k", "v"}));
        QTemporaryDir dir;
        const QString keys = writeTempFile(dir, u"keys.txt"_s, "cwb:warm:k1 v1\ncwb:warm:k2\n");
        const QString rows = writeTempFile(dir, u"rows.csv"_s, "id,name\n1,ada\n2,bob\n");
        const QString trace =
            writeTempFile(dir, u"trace.txt"_s, "1 cwb:warm:a\n2 cwb:warm:b\n3 cwb:warm:a\n70 cwb:warm:c\n");
        const QString plans = writeTempFile(dir, u"plans.json"_s,
                                            uR"([
{"name":"keylist","strategy":"keylist","params":{"file":"%1"},"keyPrefix":"cwb:warm:"},
{"name":"dataset","strategy":"dataset","params":{"file":"%2","keyTemplate":"cwb:warm:user:{id}"},"keyPrefix":"cwb:warm:"},
{"name":"copy","strategy":"copy","params":{"source":"%4","pattern":"cwb:src:k*"},"keyPrefix":"cwb:src:"},
{"name":"hotkeys","strategy":"hotkeys","params":{"trace":"%3","topK":2},"keyPrefix":"cwb:warm:"},
{"name":"sessions","strategy":"sessions","params":{"source":"%4","sessionPrefix":"cwb:src:"},"keyPrefix":"cwb:src:"},
{"name":"config","strategy":"config","params":{"entries":{"cwb:warm:cfg":"1"}},"keyPrefix":"cwb:warm:"},
{"name":"synthetic","strategy":"synthetic","params":{"preset":"basic-cache-load","keys":20},"keyPrefix":"cwb:warm:syn:"},
{"name":"predictive","strategy":"predictive","params":{"trace":"%3","topK":2,"intervalSec":60},"keyPrefix":"cwb:warm:"}
])"_s.arg(keys, rows, trace, t.uri)
                                                .toUtf8());
        const CliResult r = cli({u"warm"_s, u"run"_s, plans});
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QVERIFY2(r.exitCode == 0, qPrintable(everything(r)));
        for (const char *plan :
             {"keylist", "dataset", "copy", "hotkeys", "sessions", "config", "synthetic", "predictive"})
            QVERIFY2(r.out.contains(QByteArray(QByteArray(plan) + " [")), plan);
        QCOMPARE(r.out.count("] completed:"), 8);
    }

    void monitoring_data() { targets(); }
    void monitoring()
    {
        const Target &t = target();
        QCOMPARE(verdict(t, u"monitoring"_s).level, FeatureLevel::Works);
        const CliResult r = cli({u"monitor"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"200"_s, u"--no-store"_s,
                                 u"--format"_s, u"json"_s});
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QVERIFY2(r.exitCode == 0, qPrintable(everything(r)));
        QVERIFY2(r.out.contains(QByteArray::number(t.endpoint.port)), r.out.constData());
    }

    void serverProbe_data() { targets(); }
    void serverProbe()
    {
        const Target &t = target();
        QCOMPARE(verdict(t, u"server probe"_s).level, FeatureLevel::Works);
        const ProbeResult probe = probeServer(t.endpoint, 3000);
        QVERIFY2(probe.summary, qPrintable(probe.error.message));
        QVERIFY(!probe.summary->version.isEmpty());
    }

    void keyScan_data() { targets(); }
    void keyScan()
    {
        const Target &t = target();
        SandboxRedis &server = t.endpoint.username.isEmpty() ? m_renamed : m_server;
        for (int i = 0; i < 5; ++i)
            QVERIFY(
                sandboxCommand(server, {"SET", "cwb:scan:" + QByteArray::number(i), QByteArray(10 * (i + 1), 'x')}));
        ClusterRouter router(t.endpoint);
        QVERIFY(router.connect());
        const ServerHotKeyScan scan = scanServerHotKeys(router, u"cwb:scan:"_s);
        QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
        QCOMPARE(scan.scanned, qint64(5));
        const bool noMemoryUsage = checkSaid(t, u"tuning"_s, refusal(t, u"MEMORY USAGE"_s));
        QCOMPARE(scan.sized, !noMemoryUsage);
        QCOMPARE(scan.biggest.empty(), noMemoryUsage);
        QCOMPARE(scan.note.contains(refusal(t, u"MEMORY USAGE"_s) + u": keys are not sized"_s), noMemoryUsage);
        if (!noMemoryUsage)
            QCOMPARE(scan.biggest.front().key, QByteArray("cwb:scan:4"));
    }

    void cleanupOfARun_data() { targets(); }
    void cleanupOfARun()
    {
        const Target &t = target();
        QTemporaryDir dir;
        const QString json = dir.filePath(u"run.json"_s);
        const CliResult run =
            cli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s, u"--prefix"_s, u"cwb:left:"_s,
                 u"--no-cleanup"_s, u"--no-save"_s, u"--json"_s, json});
        QCOMPARE(run.exitCode, 0);
        const nlohmann::json r = readJson(json);
        const QByteArray keyNamespace = QByteArray::fromStdString(r["keyNamespace"].get<std::string>());
        QVERIFY(keysMatching(t.endpoint, keyNamespace + "*") > 0);
        const CliResult cleanup = cli({u"cleanup"_s, u"--run"_s, QString::fromStdString(r["runId"].get<std::string>()),
                                       u"--prefix"_s, u"cwb:left:"_s});
        verifyNoRawRefusal(cleanup);
        QVERIFY2(cleanup.exitCode == 0, qPrintable(everything(cleanup)));
        QCOMPARE(keysMatching(t.endpoint, keyNamespace + "*"), qint64(0));
    }

    void clusterCommandsOnAServerThatIsNotOne_data() { targets(); }
    void clusterCommandsOnAServerThatIsNotOne()
    {
        const Target &t = target();
        QVERIFY(!verdict(t, u"cluster topology"_s).applies);
        const CliResult r = cli({u"cluster"_s, u"topology"_s});
        QVERIFY2(r.finished, r.err.constData());
        verifyNoRawRefusal(r);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(
            r.err.contains((refusal(t, u"CLUSTER NODES"_s) + u": the cluster's nodes cannot be listed"_s).toUtf8()),
            r.err.constData());
    }

    // docs/ACL.md's line for each feature (featureSpecs()), on a user of its own: the feature runs
    // in full - nothing refused, nothing left out.
    void eachDocumentedAclLineRunsItsFeature()
    {
        RedisConnection admin(m_server.endpoint());
        QString error;
        const auto full = checkPermissions(admin, u"cwb:"_s, &error);
        QVERIFY2(full, qPrintable(error));
        QTemporaryDir dir;
        int n = 0;
        for (const FeatureVerdict &documented : full->features) {
            if (!documented.applies)
                continue;
            const QByteArray name = "cwb-doc-" + QByteArray::number(++n);
            QVERIFY(makeUser({&m_server}, name, documented.aclLine.toUtf8()));
            const Target t = userTarget(m_server, name);
            const QString feature = documented.feature;
            const QString what = feature + u" with '"_s + documented.aclLine + u"': "_s;
            const auto ran = [&](const CliResult &r) {
                QVERIFY2(r.finished && r.exitCode == 0, qPrintable(what + everything(r)));
                verifyNoRawRefusal(r);
                QVERIFY2(!everything(r).contains(u"may not run"_s), qPrintable(what + everything(r)));
            };
            if (feature.startsWith(u"server probe"_s)) {
                const ProbeResult probe = probeServer(t.endpoint, 3000);
                QVERIFY2(probe.summary, qPrintable(what + probe.error.message));
            } else if (feature.startsWith(u"load tests"_s)) {
                const CliResult r = cliOn(t, {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s,
                                              u"--prefix"_s, u"cwb:doc:"_s, u"--no-save"_s});
                ran(r);
                QVERIFY2(!r.out.contains("errors by class"), qPrintable(what + QString::fromUtf8(r.out)));
            } else if (feature.startsWith(u"benchmarks"_s)) {
                const QString json = dir.filePath(u"bench-%1.json"_s.arg(n));
                ran(cliOn(t, QStringList{u"bench"_s, u"--json"_s, json} + smallBenchmarkArgs(), 180000));
                const nlohmann::json results = readJson(json); // a named document: the loop reads into it
                for (const auto &result : results["results"]) {
                    QVERIFY2(result["status"] == "completed", qPrintable(what + QString::fromStdString(result.dump())));
                    QVERIFY2(!QString::fromStdString(result["notes"].dump()).contains(u"may not run"_s),
                             qPrintable(what + QString::fromStdString(result["notes"].dump())));
                }
            } else if (feature.startsWith(u"cache warming"_s)) {
                const QString plans = writeTempFile(
                    dir, u"plans-%1.json"_s.arg(n),
                    R"([{"name":"config","strategy":"config","params":{"entries":{"cwb:doc:cfg":"1"}},"keyPrefix":"cwb:doc:"},
{"name":"synthetic","strategy":"synthetic","params":{"preset":"basic-cache-load","keys":20},"keyPrefix":"cwb:doc:syn:"}])");
                ran(cliOn(t, {u"warm"_s, u"run"_s, plans}));
            } else if (feature.startsWith(u"monitoring"_s)) {
                ran(cliOn(t, {u"monitor"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"200"_s, u"--no-store"_s}));
            } else if (feature.startsWith(u"tuning"_s)) {
                const CliResult r = cliOn(t, {u"optimize"_s, u"compression"_s, u"--sizes"_s, u"128,2048"_s});
                ran(r);
                QVERIFY2(r.out.contains("best codec:"), qPrintable(what + QString::fromUtf8(r.out)));
            } else {
                QFAIL(qPrintable(u"no run for the feature "_s + feature));
            }
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(n, 6); // the features that apply to a single server
    }

    // A managed cluster's restricted user without the CLUSTER subcommands: the load cannot be
    // routed and says so before it starts; with the documented line (plus CLUSTER SLOTS) it runs.
    void limitedUserOnACluster()
    {
        SandboxCluster cluster;
        SandboxCluster::Options options;
        options.replicasPerMaster = 0;
        CWB_START_SANDBOX(cluster, options);
        QVERIFY(makeUser(cluster.nodes(), "cwb-limited", kLimitedAclRules));
        Target t = userTarget(*cluster.nodes()[0], "cwb-limited");
        RedisConnection connection(t.endpoint);
        QString error;
        const auto report = checkPermissions(connection, u"cwb:"_s, &error);
        QVERIFY2(report, qPrintable(error));
        t.check = *report;
        QCOMPARE(verdict(t, u"load tests"_s).level, FeatureLevel::Unavailable);
        QVERIFY(checkSaid(t, u"load tests"_s, commandDeniedSentence(u"CLUSTER SLOTS"_s)));
        QCOMPARE(verdict(t, u"cluster topology"_s).level, FeatureLevel::Unavailable);

        const CliResult run =
            cliOn(t, {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s, u"--no-save"_s});
        verifyNoRawRefusal(run);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains((commandDeniedSentence(u"CLUSTER SLOTS"_s) +
                                   u": the load cannot be routed to the slots' owners without the slot map"_s)
                                      .toUtf8()),
                 run.err.constData());
        const CliResult topology = cliOn(t, {u"cluster"_s, u"topology"_s});
        verifyNoRawRefusal(topology);
        QCOMPARE(topology.exitCode, 3);
        QVERIFY2(topology.err.contains(commandDeniedSentence(u"CLUSTER NODES"_s).toUtf8()), topology.err.constData());
        // Monitoring does without the node list (check: "works with less"): the seed is watched.
        QCOMPARE(verdict(t, u"monitoring"_s).level, FeatureLevel::Degraded);
        const CliResult monitor =
            cliOn(t, {u"monitor"_s, u"--samples"_s, u"2"_s, u"--interval"_s, u"200"_s, u"--no-store"_s});
        verifyNoRawRefusal(monitor);
        QVERIFY2(monitor.exitCode == 0, qPrintable(everything(monitor)));
        QVERIFY2(monitor.out.contains(QByteArray::number(t.endpoint.port)), monitor.out.constData());

        // What docs/ACL.md says a load test against a cluster needs.
        QVERIFY(
            makeUser(cluster.nodes(), "cwb-limited", verdict(t, u"load tests"_s).aclLine.toUtf8() + " +cluster|slots"));
        const CliResult allowed =
            cliOn(t, {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--duration"_s, u"1"_s, u"--no-save"_s});
        verifyNoRawRefusal(allowed);
        QVERIFY2(allowed.exitCode == 0 && allowed.out.contains("status completed"), qPrintable(everything(allowed)));
        QVERIFY2(!allowed.out.contains("errors by class"), allowed.out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Restricted)
#include "tst_restricted.moc"
