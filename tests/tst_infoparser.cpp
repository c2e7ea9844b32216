#include "redis/infoparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using cwb::InfoSnapshot;
using cwb::parseInfo;

namespace {

QByteArray readFixture(const char *name)
{
    QFile file(QStringLiteral(CWB_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestInfoParser : public QObject
{
    Q_OBJECT

private slots:
    void masterFixture();
    void replicaFixture();
    void lfLineEndingsAndNoHeader();
    void multipleReplicasInOrder();
    void oddValues();
    void emptyInput();
    void garbageDoesNotCrash();
    void truncatedFixtureDoesNotCrash();
};

void TestInfoParser::masterFixture()
{
    const QByteArray text = readFixture("info-redis7.txt");
    QVERIFY2(!text.isEmpty(), "fixture info-redis7.txt missing");
    const InfoSnapshot s = parseInfo(text);

    for (const char *section : {"server", "clients", "memory", "persistence", "stats", "replication", "cpu",
                                "modules", "commandstats", "errorstats", "latencystats", "cluster", "keyspace"})
        QVERIFY2(s.hasSection(QString::fromLatin1(section)), section);
    QCOMPARE(s.sections.size(), 13);

    QCOMPARE(s.server.redisVersion, QStringLiteral("7.0.15"));
    QCOMPARE(s.server.redisMode, QStringLiteral("standalone"));
    QCOMPARE(s.server.os, QStringLiteral("Linux 6.18.44-fc-v669 x86_64"));
    QCOMPARE(s.server.processId, 6035);
    QCOMPARE(s.server.tcpPort, 46391);
    QCOMPARE(s.server.uptimeSeconds, 10);
    QCOMPARE(s.server.ioThreadsActive, 0);
    // Raw values are exact, including a value with a colon and an empty one.
    QCOMPARE(s.value(QStringLiteral("server"), QStringLiteral("executable")), QStringLiteral("/tmp/redisfix/redis-server"));
    QVERIFY(s.has(QStringLiteral("server"), QStringLiteral("config_file")));
    QCOMPARE(s.value(QStringLiteral("server"), QStringLiteral("config_file")), QString());
    QVERIFY(!s.has(QStringLiteral("server"), QStringLiteral("no_such_key")));

    QCOMPARE(s.clients.connectedClients, 1);
    QCOMPARE(s.clients.blockedClients, 0);
    QCOMPARE(s.clients.maxClients, 10000);

    QCOMPARE(s.memory.usedMemory, 1159624);
    QCOMPARE(s.memory.usedMemoryRss, 12500992);
    QCOMPARE(s.memory.usedMemoryPeak, 1159624);
    QCOMPARE(s.memory.maxMemory, 0);
    QCOMPARE(s.memory.maxMemoryPolicy, QStringLiteral("noeviction"));
    QCOMPARE(s.memory.fragmentationRatio, 11.17);

    QCOMPARE(s.stats.totalConnectionsReceived, 35);
    QCOMPARE(s.stats.totalCommandsProcessed, 44);
    QCOMPARE(s.stats.instantaneousOpsPerSec, 2);
    QCOMPARE(s.stats.totalNetInputBytes, 1513);
    QCOMPARE(s.stats.totalNetOutputBytes, 910);
    QCOMPARE(s.stats.rejectedConnections, 0);
    QCOMPARE(s.stats.expiredKeys, 0);
    QCOMPARE(s.stats.evictedKeys, 0);
    QCOMPARE(s.stats.keyspaceHits, 3);
    QCOMPARE(s.stats.keyspaceMisses, 3);

    QCOMPARE(s.cpu.usedCpuSys, 0.025628);
    QCOMPARE(s.cpu.usedCpuUser, 0.012053);

    QCOMPARE(s.commandStats.size(), 8);
    const auto get = s.commandStats.value(QStringLiteral("get"));
    QCOMPARE(get.calls, 6);
    QCOMPARE(get.usec, 22);
    QCOMPARE(get.usecPerCall, 3.67);
    QCOMPARE(get.rejectedCalls, 0);
    QCOMPARE(get.failedCalls, 0);
    QCOMPARE(s.commandStats.value(QStringLiteral("set")).calls, 24);
    QCOMPARE(s.commandStats.value(QStringLiteral("incr")).failedCalls, 1);

    QCOMPARE(s.errorStats.value(QStringLiteral("ERR")), 1);

    QCOMPARE(s.latencyStats.size(), 8);
    const auto lat = s.latencyStats.value(QStringLiteral("get"));
    QCOMPARE(lat.p50, std::optional<double>(3.007));
    QCOMPARE(lat.p99, std::optional<double>(5.023));
    QCOMPARE(lat.p999, std::optional<double>(5.023));
    QCOMPARE(lat.all.size(), 3);
    QCOMPARE(s.latencyStats.value(QStringLiteral("psync")).p50, std::optional<double>(33.023));

    QCOMPARE(s.keyspace.size(), 2);
    QCOMPARE(s.keyspace.value(0).keys, 23);
    QCOMPARE(s.keyspace.value(0).expires, 1);
    QCOMPARE(s.keyspace.value(0).avgTtlMs, 993149);
    QCOMPARE(s.keyspace.value(1).keys, 2);
    QCOMPARE(s.keyspace.value(1).expires, 1);
    QCOMPARE(s.keyspace.value(1).avgTtlMs, 493199);

    QCOMPARE(s.replication.role, QStringLiteral("master"));
    QCOMPARE(s.replication.connectedSlaves, 1);
    QCOMPARE(s.replication.masterReplOffset, 103);
    QCOMPARE(s.replication.replicas.size(), size_t(1));
    const auto &r = s.replication.replicas.front();
    QCOMPARE(r.ip, QStringLiteral("127.0.0.1"));
    QCOMPARE(r.port, 46392);
    QCOMPARE(r.state, QStringLiteral("online"));
    QCOMPARE(r.offset, 103);
    QCOMPARE(r.lag, 0);
    QVERIFY(s.replication.masterHost.isEmpty());

    QCOMPARE(s.cluster.clusterEnabled, false);
}

void TestInfoParser::replicaFixture()
{
    const QByteArray text = readFixture("info-redis7-replica.txt");
    QVERIFY2(!text.isEmpty(), "fixture info-redis7-replica.txt missing");
    const InfoSnapshot s = parseInfo(text);
    QCOMPARE(s.server.tcpPort, 46392);
    QCOMPARE(s.server.processId, 6074);
    QCOMPARE(s.replication.role, QStringLiteral("slave"));
    QCOMPARE(s.replication.masterHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(s.replication.masterPort, 46391);
    QCOMPARE(s.replication.masterLinkStatus, QStringLiteral("up"));
    QCOMPARE(s.replication.slaveReplOffset, 103);
    QCOMPARE(s.replication.masterReplOffset, 103);
    QCOMPARE(s.replication.connectedSlaves, 0);
    // slave_repl_offset, slave_priority ... are not replicas.
    QVERIFY(s.replication.replicas.empty());
    QCOMPARE(s.keyspace.value(0).keys, 23);
    QCOMPARE(s.keyspace.value(0).avgTtlMs, 0);
    QCOMPARE(s.commandStats.value(QStringLiteral("info")).usecPerCall, 19.0);
    QVERIFY(s.hasSection(QStringLiteral("errorstats")));
    QVERIFY(s.errorStats.isEmpty());
}

void TestInfoParser::lfLineEndingsAndNoHeader()
{
    const InfoSnapshot s = parseInfo("loose:1\n# Memory\nused_memory:42\nmaxmemory:1048576\n"
                                     "maxmemory_policy:allkeys-lru\n# Cluster\ncluster_enabled:1");
    QCOMPARE(s.value(QString(), QStringLiteral("loose")), QStringLiteral("1"));
    QCOMPARE(s.memory.usedMemory, 42);
    QCOMPARE(s.memory.maxMemory, 1048576);
    QCOMPARE(s.memory.maxMemoryPolicy, QStringLiteral("allkeys-lru"));
    QCOMPARE(s.cluster.clusterEnabled, true); // last line without a newline still counts
}

void TestInfoParser::multipleReplicasInOrder()
{
    QByteArray text = "# Replication\r\nrole:master\r\nconnected_slaves:12\r\n";
    for (int i = 11; i >= 0; --i)
        text += "slave" + QByteArray::number(i) + ":ip=10.0.0." + QByteArray::number(i)
            + ",port=" + QByteArray::number(7000 + i) + ",state=online,offset=" + QByteArray::number(100 * i) + ",lag=1\r\n";
    const InfoSnapshot s = parseInfo(text);
    QCOMPARE(s.replication.replicas.size(), size_t(12));
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(s.replication.replicas[size_t(i)].port, 7000 + i);
        QCOMPARE(s.replication.replicas[size_t(i)].offset, 100 * i);
    }
}

void TestInfoParser::oddValues()
{
    const InfoSnapshot s = parseInfo("# Stats\r\nkeyspace_hits:notanumber\r\nkeyspace_misses:\r\n:novalue\r\nnocolon\r\n"
                                     "# Commandstats\r\ncmdstat_:calls=1\r\ncmdstat_x:calls=,usec=zz,=3,junk\r\n"
                                     "cmdstat_client|setname:calls=2,usec=4,usec_per_call=2.00\r\n"
                                     "# Keyspace\r\ndbx:keys=1\r\ndb-1:keys=1\r\ndb9:keys=5,expires=0,avg_ttl=0,subexpiry=0\r\n"
                                     "# Latencystats\r\nlatency_percentiles_usec_get:p50=bad,p99.99=7\r\n");
    QCOMPARE(s.stats.keyspaceHits, 0);
    QCOMPARE(s.stats.keyspaceMisses, 0);
    QCOMPARE(s.commandStats.size(), 2);
    QCOMPARE(s.commandStats.value(QStringLiteral("x")).calls, 0);
    QCOMPARE(s.commandStats.value(QStringLiteral("client|setname")).calls, 2);
    QCOMPARE(s.keyspace.size(), 1);
    QCOMPARE(s.keyspace.value(9).keys, 5);
    const auto lat = s.latencyStats.value(QStringLiteral("get"));
    QVERIFY(!lat.p50);
    QCOMPARE(lat.all.value(QStringLiteral("p99.99")), 7.0);
}

void TestInfoParser::emptyInput()
{
    const InfoSnapshot s = parseInfo(QByteArrayView());
    QVERIFY(s.sections.isEmpty());
    QVERIFY(s.server.redisVersion.isEmpty());
    QVERIFY(s.keyspace.isEmpty());
    QVERIFY(parseInfo("\r\n\r\n#\r\n").sections.contains(QString()));
}

void TestInfoParser::garbageDoesNotCrash()
{
    // Deterministic seed so a failure can be reproduced.
    QRandomGenerator rng(20261128);
    const QByteArray alphabet = "#:=,\r\n abcdslave0db1cmdstat_latency_percentiles_usec_p99.9\xff\x00";
    int parsed = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray junk(int(rng.bounded(400)), Qt::Uninitialized);
        for (char &c : junk)
            c = round % 2 ? char(rng.bounded(256)) : alphabet.at(int(rng.bounded(int(alphabet.size()))));
        const InfoSnapshot s = parseInfo(junk);
        parsed += s.sections.size() >= 0 ? 1 : 0;
    }
    QCOMPARE(parsed, 2000);
}

void TestInfoParser::truncatedFixtureDoesNotCrash()
{
    const QByteArray text = readFixture("info-redis7.txt");
    QVERIFY(!text.isEmpty());
    const InfoSnapshot full = parseInfo(text);
    for (qsizetype n = 0; n <= text.size(); n += 7) {
        const InfoSnapshot s = parseInfo(QByteArrayView(text).first(n));
        QVERIFY(s.sections.size() <= full.sections.size());
    }
    // Cut in the middle of the keyspace line: db1 is lost, db0 stays intact.
    const qsizetype cut = text.indexOf("db1:");
    QVERIFY(cut > 0);
    const InfoSnapshot partial = parseInfo(QByteArrayView(text).first(cut + 2));
    QCOMPARE(partial.keyspace.size(), 1);
    QCOMPARE(partial.keyspace.value(0).keys, 23);
}

QTEST_GUILESS_MAIN(TestInfoParser)
#include "tst_infoparser.moc"
