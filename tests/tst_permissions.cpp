// Managed-service restrictions against real redis-server processes: commands renamed away
// (rename-command X "") and an ACL user limited to a key pattern and a few categories. The
// permission check (redis/permissioncheck.h, `cache-workbench-cli check`) must say which
// features work, and each ACL line docs/ACL.md gives must be enough for its feature.

#include "redis/permissioncheck.h"
#include "restrictedserver.h"
#include "testsupport.h"

#include <QTest>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

const FeatureVerdict *verdictFor(const PermissionReport &report, const QString &feature)
{
    for (const FeatureVerdict &verdict : report.features) {
        if (verdict.feature.startsWith(feature))
            return &verdict;
    }
    return nullptr;
}

CommandAccess accessOf(const PermissionReport &report, const QString &command)
{
    for (const CommandProbe &probe : report.commands) {
        if (probe.name == command)
            return probe.access;
    }
    return CommandAccess::Failed;
}

QString describe(const PermissionReport &report)
{
    QStringList lines;
    for (const FeatureVerdict &v : report.features)
        lines << v.feature + u": "_s + featureLevelName(v.level) + u" "_s + v.reasons.join(u"; "_s);
    return lines.join(u'\n');
}

// A user made with `rules` (an ACL SETUSER line after the name), password "pw".
Endpoint userEndpoint(const SandboxRedis &redis, const QByteArray &name, const QByteArray &rules)
{
    RedisCommand setuser{"ACL", "SETUSER", name, "on", ">pw"};
    for (const QByteArray &rule : rules.split(' '))
        setuser << rule;
    const auto reply = sandboxCommand(redis, setuser);
    if (!reply || !reply->isOk())
        qWarning() << "ACL SETUSER failed:" << (reply ? reply->str : QByteArray("no reply"));
    Endpoint endpoint = redis.endpoint();
    endpoint.username = QString::fromUtf8(name);
    endpoint.password = u"pw"_s;
    return endpoint;
}

std::optional<PermissionReport> check(const Endpoint &endpoint, QString *error)
{
    RedisConnection connection(endpoint);
    return checkPermissions(connection, u"cwb:"_s, error);
}

} // namespace

class tst_Permissions : public QObject
{
    Q_OBJECT

private slots:
    void renamedCommands();
    void limitedAclUser();
    void eachDocumentedAclLineIsEnough();
    void checkLeavesNoKeys();
    void replicaRefusesWrites();
    void cliCheck();
};

void tst_Permissions::renamedCommands()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .extraArgs = renamedAwayArgs());
    QString error;
    const auto report = check(redis.endpoint(), &error);
    QVERIFY2(report, qPrintable(error));
    for (const char *command : {"CONFIG GET", "MEMORY USAGE", "OBJECT FREQ", "SLOWLOG", "LATENCY", "DEBUG",
                                "CLIENT KILL", "CLIENT SETNAME", "CLUSTER FAILOVER", "CLUSTER NODES"})
        QCOMPARE(commandAccessName(accessOf(*report, QString::fromLatin1(command))),
                 commandAccessName(CommandAccess::Missing));
    QCOMPARE(accessOf(*report, u"SET"_s), CommandAccess::Allowed);
    QCOMPARE(accessOf(*report, u"INFO"_s), CommandAccess::Allowed);

    const FeatureVerdict *bench = verdictFor(*report, u"benchmarks"_s);
    QVERIFY(bench);
    QCOMPARE(bench->level, FeatureLevel::Degraded);
    QVERIFY2(bench->reasons.join(u' ').contains(u"MEMORY USAGE is renamed or disabled on this server: the memory "
                                                u"benchmark cannot measure the memory of each key"_s),
             qPrintable(describe(*report)));
    QCOMPARE(verdictFor(*report, u"monitoring"_s)->level, FeatureLevel::Works);
    QCOMPARE(verdictFor(*report, u"cache warming"_s)->level, FeatureLevel::Works);
    QCOMPARE(verdictFor(*report, u"server probe"_s)->level, FeatureLevel::Works);
    // Not a cluster: the cluster features do not apply, whatever CLUSTER's fate.
    QVERIFY(!verdictFor(*report, u"cluster failover"_s)->applies);

    // The connection itself does without CLIENT SETNAME (it only names us in CLIENT LIST).
    RedisConnection::Options options;
    options.clientName = "cwb-control";
    RedisConnection named(redis.endpoint(), options);
    QVERIFY2(named.connect(), qPrintable(named.lastError().message));
    QVERIFY(named.command({"PING"}));
}

void tst_Permissions::limitedAclUser()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    const Endpoint limited = userEndpoint(redis, "cwb-limited", kLimitedAclRules);
    QString error;
    const auto report = check(limited, &error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->user, u"cwb-limited"_s);
    for (const char *command : {"CONFIG GET", "MULTI", "PUBLISH", "CLIENT SETNAME", "READONLY", "CLUSTER NODES"})
        QCOMPARE(commandAccessName(accessOf(*report, QString::fromLatin1(command))),
                 commandAccessName(CommandAccess::Denied));
    // MEMORY USAGE and OBJECT FREQ are in @read.
    for (const char *command : {"SET", "GET", "SCAN", "UNLINK", "DUMP", "RESTORE", "XADD", "INFO", "MEMORY USAGE",
                                "OBJECT FREQ"})
        QCOMPARE(commandAccessName(accessOf(*report, QString::fromLatin1(command))),
                 commandAccessName(CommandAccess::Allowed));

    const FeatureVerdict *load = verdictFor(*report, u"load tests"_s);
    QCOMPARE(load->level, FeatureLevel::Degraded);
    QVERIFY2(load->reasons.contains(u"the ACL user may not run MULTI: operations that use MULTI/EXEC fail"_s),
             qPrintable(describe(*report)));
    QCOMPARE(verdictFor(*report, u"cache warming"_s)->level, FeatureLevel::Works);
    QCOMPARE(verdictFor(*report, u"monitoring"_s)->level, FeatureLevel::Works);
    QVERIFY2(verdictFor(*report, u"benchmarks"_s)->reasons.contains(
                 u"the ACL user may not run PUBLISH: the pub/sub benchmark cannot run"_s),
             qPrintable(describe(*report)));

    // Outside its key pattern the same user is refused: the check's prefix decides.
    RedisConnection connection(limited);
    const auto other = checkPermissions(connection, u"app:"_s, &error);
    QVERIFY2(other, qPrintable(error));
    QCOMPARE(accessOf(*other, u"SET"_s), CommandAccess::Denied);
    QCOMPARE(verdictFor(*other, u"cache warming"_s)->level, FeatureLevel::Unavailable);
}

void tst_Permissions::eachDocumentedAclLineIsEnough()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    QString error;
    const auto full = check(redis.endpoint(), &error);
    QVERIFY2(full, qPrintable(error));
    int n = 0;
    for (const FeatureVerdict &documented : full->features) {
        if (!documented.applies)
            continue;
        const QByteArray user = "cwb-feature-" + QByteArray::number(++n);
        const auto report = check(userEndpoint(redis, user, documented.aclLine.toUtf8()), &error);
        QVERIFY2(report, qPrintable(error));
        const FeatureVerdict *verdict = verdictFor(*report, documented.feature);
        QVERIFY(verdict);
        QVERIFY2(verdict->level == FeatureLevel::Works,
                 qPrintable(documented.feature + u" with '"_s + documented.aclLine + u"': "_s
                            + verdict->reasons.join(u"; "_s)));
    }
    QVERIFY(n >= 6);
}

void tst_Permissions::checkLeavesNoKeys()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    QVERIFY(sandboxCommand(redis, {"SET", "cwb:someone-else", "theirs"}));
    QString error;
    QVERIFY2(check(redis.endpoint(), &error), qPrintable(error));
    QCOMPARE(sandboxCommand(redis, {"DBSIZE"})->integer, 1);
    QCOMPARE(sandboxCommand(redis, {"GET", "cwb:someone-else"})->str, QByteArray("theirs"));
}

void tst_Permissions::replicaRefusesWrites()
{
    SandboxRedis master;
    CWB_START_SANDBOX(master);
    SandboxRedis replica;
    CWB_START_SANDBOX(replica, .extraArgs = {u"--replicaof"_s, u"127.0.0.1"_s, QString::number(master.port())});
    QString error;
    const auto report = check(replica.endpoint(), &error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(accessOf(*report, u"SET"_s), CommandAccess::Failed);
    QCOMPARE(accessOf(*report, u"GET"_s), CommandAccess::Allowed);
    const FeatureVerdict *warming = verdictFor(*report, u"cache warming"_s);
    QCOMPARE(warming->level, FeatureLevel::Unavailable);
    QVERIFY2(warming->reasons.join(u' ').contains(u"SET failed: READONLY"_s), qPrintable(describe(*report)));
    QCOMPARE(verdictFor(*report, u"monitoring"_s)->level, FeatureLevel::Works);
}

void tst_Permissions::cliCheck()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis, .extraArgs = renamedAwayArgs());
    userEndpoint(redis, "cwb-limited", kLimitedAclRules);
    const QString uri = u"redis://cwb-limited:@127.0.0.1:%1"_s.arg(redis.port());
    const CliResult result = runCli({u"check"_s, u"--target"_s, uri}, 30000, {}, {u"CWB_REDIS_PASSWORD=pw"_s});
    QVERIFY2(result.finished, result.err.constData());
    QCOMPARE(result.exitCode, 1); // some features run with less
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(u"user cwb-limited"_s), qPrintable(out));
    QVERIFY2(out.contains(u"CONFIG GET         missing (renamed or disabled)"_s), qPrintable(out));
    QVERIFY2(out.contains(u"MULTI              denied (ACL)"_s), qPrintable(out));
    QVERIFY2(out.contains(u"to enable it: ACL SETUSER cwb-limited ~cwb:* +@read"_s), qPrintable(out));
    QVERIFY(!out.contains(u":pw"_s));

    const CliResult unreachable = runCli({u"check"_s, u"--target"_s, u"redis://127.0.0.1:1"_s});
    QCOMPARE(unreachable.exitCode, 3);
}

QTEST_GUILESS_MAIN(tst_Permissions)
#include "tst_permissions.moc"
