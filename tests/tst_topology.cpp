#include "cluster/clusterparsers.h"
#include "cluster/topology.h"
#include "cluster/topologysimulator.h"

#include <QTest>

using namespace cwb;

class TestTopology : public QObject
{
    Q_OBJECT

private slots:
    void makeClusterCoversAllSlots()
    {
        const Topology t = TopologySimulator::makeCluster(3, 2);
        QCOMPARE(t.nodes.size(), size_t(9));
        QCOMPARE(t.countRole(NodeRole::Master), 3);
        QVERIFY(t.uncoveredSlots().empty());
        QCOMPARE(t.masters().front()->slotRanges.front(), (SlotRange{0, 5460}));
        QCOMPARE(t.replicasOf(QStringLiteral("node-2")).size(), size_t(2));
        QCOMPARE(t.slotOwner(16383)->id, QStringLiteral("node-3"));
    }

    void failedMasterIsReplacedByMostUpToDateReplica()
    {
        TopologySimulator sim(TopologySimulator::makeCluster(3, 2));
        sim.setReplicaLag(QStringLiteral("node-1-r1"), 50000); // r2 is ahead: it must win
        sim.advance(1000);
        QVERIFY(sim.failNode(QStringLiteral("node-1")));
        QVERIFY(!sim.failNode(QStringLiteral("node-1")));
        sim.advance(400);
        QCOMPARE(sim.topology().node(QStringLiteral("node-1"))->health, NodeHealth::Up);
        sim.advance(200); // 600 ms silent
        QCOMPARE(sim.topology().node(QStringLiteral("node-1"))->health, NodeHealth::Suspected);
        sim.advance(1400); // 2000 ms silent
        QCOMPARE(sim.topology().node(QStringLiteral("node-1"))->health, NodeHealth::Failed);
        QVERIFY(sim.topology().node(QStringLiteral("node-1"))->isMaster()); // election pending
        QCOMPARE(sim.topology().uncoveredSlots().size(), size_t(0));
        sim.advance(500);
        const Topology &t = sim.topology();
        const TopologyNode *promoted = t.node(QStringLiteral("node-1-r2"));
        QVERIFY(promoted->isMaster());
        QCOMPARE(promoted->slotRanges.front(), (SlotRange{0, 5460}));
        QCOMPARE(t.node(QStringLiteral("node-1-r1"))->masterId, QStringLiteral("node-1-r2"));
        QCOMPARE(t.node(QStringLiteral("node-1"))->masterId, QStringLiteral("node-1-r2"));
        QVERIFY(!t.node(QStringLiteral("node-1"))->isMaster());
        QVERIFY(t.uncoveredSlots().empty());
        QCOMPARE(t.countRole(NodeRole::Master), 3);
        bool logged = false;
        for (const auto &event : sim.events())
            logged |= event.text.contains(QStringLiteral("node-1-r2 promoted"));
        QVERIFY(logged);
        // The old master returns as a replica of its successor.
        QVERIFY(sim.recoverNode(QStringLiteral("node-1")));
        sim.advance(300);
        QCOMPARE(sim.topology().node(QStringLiteral("node-1"))->health, NodeHealth::Up);
        QVERIFY(!sim.topology().node(QStringLiteral("node-1"))->isMaster());
    }

    void masterWithoutReplicaKeepsSlotsDown()
    {
        TopologySimulator sim(TopologySimulator::makeCluster(2, 0));
        sim.failNode(QStringLiteral("node-2"));
        sim.advance(5000);
        QCOMPARE(sim.topology().node(QStringLiteral("node-2"))->health, NodeHealth::Failed);
        QVERIFY(sim.topology().node(QStringLiteral("node-2"))->isMaster());
        QVERIFY(sim.routeRead(QStringLiteral("node-2"), TopologySimulator::ReadPolicy::RoundRobin).isEmpty());
    }

    void readBalancing()
    {
        TopologySimulator sim(TopologySimulator::makeCluster(1, 3));
        QStringList seen;
        for (int i = 0; i < 6; ++i)
            seen << sim.routeRead(QStringLiteral("node-1"), TopologySimulator::ReadPolicy::RoundRobin);
        QCOMPARE(seen.mid(0, 3), seen.mid(3, 3));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 3);
        QVERIFY(!seen.contains(QStringLiteral("node-1")));
        sim.failNode(QStringLiteral("node-1-r2"));
        sim.advance(600);
        for (int i = 0; i < 10; ++i)
            QVERIFY(sim.routeRead(QStringLiteral("node-1"), TopologySimulator::ReadPolicy::LeastLoaded) != QStringLiteral("node-1-r2"));
        // Least-loaded evens out the counts: r1 and r3 started at 2 reads each.
        QMap<QString, int> counts;
        for (int i = 0; i < 100; ++i)
            ++counts[sim.routeRead(QStringLiteral("node-1"), TopologySimulator::ReadPolicy::LeastLoaded)];
        QVERIFY(qAbs(counts.value(QStringLiteral("node-1-r1")) - counts.value(QStringLiteral("node-1-r3"))) <= 1);
        sim.advance(1000);
        QVERIFY(sim.topology().node(QStringLiteral("node-1-r1"))->metrics.opsPerSec > 0);
    }

    void rebalanceSpreadsSlotsToNewMaster()
    {
        TopologySimulator sim(TopologySimulator::makeCluster(3, 0));
        const QString added = sim.addMaster();
        QCOMPARE(sim.topology().node(added)->slotCount(), 0);
        const auto plan = sim.rebalance();
        QVERIFY(!plan.empty());
        qint64 moved = 0;
        for (const PlanStep &step : plan) {
            QCOMPARE(step.to, added);
            moved += step.units;
        }
        QCOMPARE(moved, qint64(4096));
        for (const TopologyNode *m : sim.topology().masters())
            QCOMPARE(m->slotCount(), 4096);
        QVERIFY(sim.topology().uncoveredSlots().empty());
    }

    void ratesFromCounterDeltas()
    {
        Topology a = TopologySimulator::makeCluster(1, 0);
        a.nodes[0].metrics.totalCommands = 1000;
        a.nodes[0].metrics.sampledAtMs = 10000;
        Topology b = a;
        b.nodes[0].metrics.totalCommands = 3000;
        b.nodes[0].metrics.sampledAtMs = 12000;
        computeRates(a, b);
        QCOMPARE(b.nodes[0].metrics.opsPerSec, 1000.0);
        Topology restarted = b;
        restarted.nodes[0].metrics.totalCommands = 5;
        restarted.nodes[0].metrics.sampledAtMs = 13000;
        restarted.nodes[0].metrics.opsPerSec = 0;
        computeRates(b, restarted);
        QCOMPARE(restarted.nodes[0].metrics.opsPerSec, 0.0);
    }

    void parseClusterNodesText()
    {
        const QByteArray text =
            "07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004,host-4 slave e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected\n"
            "67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@31002 master - 0 1426238316232 2 connected 5461-10922\n"
            "292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003 master,fail? - 0 1426238318243 3 connected 10923-16383 [10923->-67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1]\n"
            "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001 myself,master - 0 0 1 connected 0-5460\n"
            "6ec23923021cf3ffec47632106199cb7f496ce01 127.0.0.1:30005@31005 slave,fail 67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 0 1426238316232 5 disconnected\n"
            "824fe116063bc5fcf9f4ffd895bc17aee7731ac3 ::1:30006@31006 slave 292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 0 1426238317741 6 connected\n";
        QString error;
        const auto t = parseClusterNodes(text, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->nodes.size(), size_t(6));
        QCOMPARE(t->countRole(NodeRole::Master), 3);
        QVERIFY(t->uncoveredSlots().empty());
        const TopologyNode *suspect = t->find(QStringLiteral("292f8b"));
        QVERIFY(suspect);
        QCOMPARE(suspect->health, NodeHealth::Suspected);
        QCOMPARE(suspect->slotRanges.size(), size_t(1)); // the migrating marker is skipped
        QCOMPARE(t->find(QStringLiteral("6ec239"))->health, NodeHealth::Failed);
        QCOMPARE(t->find(QStringLiteral("07c37d"))->port, 30004);
        QCOMPARE(t->find(QStringLiteral("07c37d"))->masterId, QStringLiteral("e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca"));
        QCOMPARE(t->find(QStringLiteral("824fe1"))->host, QStringLiteral("::1"));
        QCOMPARE(t->slotOwner(0)->port, 30001);

        QVERIFY(!parseClusterNodes("abc 127.0.0.1:1@2 master\n", &error));
        QVERIFY(error.contains(QStringLiteral("line 1")));
        QVERIFY(!parseClusterNodes("abc 127.0.0.1:x@2 master - 0 0 1 connected\n", &error));
        QVERIFY(error.contains(QStringLiteral("address")));
        QVERIFY(!parseClusterNodes("abc 127.0.0.1:1@2 master - 0 0 1 connected 5-99999\n", &error));
        QVERIFY(error.contains(QStringLiteral("slot")));
        QVERIFY(!parseClusterNodes("", &error));
    }

    void parseClusterShardsReply()
    {
        auto str = [](const char *s) { return RedisReply{RedisReply::Type::String, QByteArray(s), 0, {}}; };
        auto num = [](long long v) { return RedisReply{RedisReply::Type::Integer, {}, v, {}}; };
        auto arr = [](std::vector<RedisReply> e) { return RedisReply{RedisReply::Type::Array, {}, 0, std::move(e)}; };
        auto node = [&](const char *id, int port, const char *role, long long offset, const char *health) {
            return arr({str("id"), str(id), str("port"), num(port), str("ip"), str("127.0.0.1"), str("endpoint"),
                        str("127.0.0.1"), str("role"), str(role), str("replication-offset"), num(offset), str("health"),
                        str(health)});
        };
        const RedisReply reply = arr({
            arr({str("slots"), arr({num(0), num(8191)}), str("nodes"),
                 arr({node("aaa", 7001, "master", 100, "online"), node("bbb", 7002, "replica", 90, "online")})}),
            arr({str("slots"), arr({num(8192), num(16383)}), str("nodes"),
                 arr({node("ccc", 7003, "master", 50, "failed"), node("ddd", 7004, "master", 60, "online")})}),
        });
        QString error;
        const auto t = parseClusterShards(reply, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->nodes.size(), size_t(4));
        QCOMPARE(t->node(QStringLiteral("bbb"))->masterId, QStringLiteral("aaa"));
        QCOMPARE(t->node(QStringLiteral("bbb"))->metrics.replicationOffset, qint64(90));
        // The healthy master of a shard serves its slots; the failed one keeps none.
        QCOMPARE(t->slotOwner(9000)->id, QStringLiteral("ddd"));
        QVERIFY(t->node(QStringLiteral("ccc"))->slotRanges.empty());
        QCOMPARE(t->node(QStringLiteral("ccc"))->health, NodeHealth::Failed);
        QVERIFY(t->uncoveredSlots().empty());

        QVERIFY(!parseClusterShards(str("nope"), &error));
        QVERIFY(!parseClusterShards(arr({arr({str("slots"), arr({num(5)}), str("nodes"), arr({})})}), &error));
        QVERIFY(error.contains(QStringLiteral("odd")));
        QVERIFY(!parseClusterShards(arr({arr({str("slots"), arr({num(5), num(20000)}), str("nodes"), arr({})})}), &error));
        QVERIFY(!parseClusterShards(RedisReply{RedisReply::Type::Error, "ERR unknown", 0, {}}, &error));
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
