#include "cluster/clusterdiscovery.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace cwb;

namespace {

// Polls discovery until `ready` holds for the topology, or the time runs out.
std::optional<Topology> waitFor(ClusterDiscovery &discovery, int ms, const std::function<bool(const Topology &)> &ready)
{
    const QDeadlineTimer deadline(ms);
    std::optional<Topology> t;
    while (!deadline.hasExpired()) {
        t = discovery.discover();
        if (t && ready(*t))
            return t;
        QThread::msleep(200);
    }
    return t;
}

} // namespace

class TestClusterDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        CWB_START_SANDBOX(m_cluster, m_options);
    }

    void discoversThreeMastersThreeReplicas()
    {
        ClusterDiscovery discovery(m_cluster.seed());
        QString error;
        const auto t = discovery.discover(&error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY(t->source.startsWith(QStringLiteral("CLUSTER SHARDS")));
        QCOMPARE(t->nodes.size(), size_t(6));
        QCOMPARE(t->countRole(NodeRole::Master), 3);
        QCOMPARE(t->countRole(NodeRole::Replica), 3);
        QVERIFY(t->uncoveredSlots().empty());
        int slotTotal = 0;
        for (const TopologyNode *m : t->masters()) {
            slotTotal += m->slotCount();
            QCOMPARE(t->replicasOf(m->id).size(), size_t(1));
        }
        QCOMPARE(slotTotal, 16384);
        for (const TopologyNode &n : t->nodes) {
            QCOMPARE(n.health, NodeHealth::Up);
            QVERIFY(n.metrics.hasMetrics);
            QVERIFY(n.metrics.usedMemory > 0);
            QVERIFY(n.metrics.connectedClients >= 1);
            QVERIFY(n.metrics.pid > 0);
            QVERIFY(ClusterDiscovery::isOwnedSandboxProcess(n.metrics.pid));
        }
        // Ops/s from counter deltas: traffic on one master shows as a rate on that master.
        const TopologyNode *first = t->masters().front();
        auto target = m_cluster.nodes().front();
        for (int i = 0; i < 200; ++i)
            test::sandboxCommand(*target, {"PING"});
        QThread::msleep(100);
        const auto again = discovery.discover(&error);
        QVERIFY2(again, qPrintable(error));
        // Compared with the other masters (which saw only the discovery's own commands), not with
        // a fixed rate: 200 connects take longer on a busy machine.
        for (const TopologyNode *other : again->masters()) {
            if (other->id != first->id)
                QVERIFY2(again->node(first->id)->metrics.opsPerSec > other->metrics.opsPerSec,
                         qPrintable(QString::number(again->node(first->id)->metrics.opsPerSec)));
        }
    }

    void nodesParserAgreesWithShards()
    {
        ClusterDiscovery::Options nodesOnly;
        nodesOnly.method = ClusterDiscovery::Method::Nodes;
        nodesOnly.collectMetrics = false;
        ClusterDiscovery viaNodes(m_cluster.seed(), nodesOnly);
        ClusterDiscovery viaShards(m_cluster.seed());
        QString error;
        const auto a = viaNodes.discover(&error);
        QVERIFY2(a, qPrintable(error));
        const auto b = viaShards.discover(&error);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(a->source.startsWith(QStringLiteral("CLUSTER NODES")));
        QCOMPARE(a->nodes.size(), b->nodes.size());
        for (const TopologyNode &n : a->nodes) {
            const TopologyNode *m = b->node(n.id);
            QVERIFY2(m, qPrintable(n.id));
            QCOMPARE(m->role, n.role);
            QCOMPARE(m->masterId, n.masterId);
            QCOMPARE(m->address(), n.address());
            QCOMPARE(m->slotRanges, n.slotRanges);
            QCOMPARE(m->health, n.health);
        }
    }

    void refusesStandaloneAndUnreachable()
    {
        SandboxRedis single;
        CWB_START_SANDBOX(single);
        ClusterDiscovery discovery(single.endpoint());
        QString error;
        QVERIFY(!discovery.discover(&error));
        QVERIFY2(error.contains(QStringLiteral("not running in cluster mode")), qPrintable(error));

        Endpoint closed = single.endpoint();
        single.stop();
        ClusterDiscovery gone(closed);
        QVERIFY(!gone.discover(&error));
        QVERIFY(!error.isEmpty());

        TopologyNode foreign;
        foreign.host = QStringLiteral("127.0.0.1");
        foreign.port = 1;
        foreign.metrics.hasMetrics = true;
        foreign.metrics.pid = 1; // init: never ours
        QVERIFY(!ClusterDiscovery::isOwnedSandboxProcess(1));
        QVERIFY(!ClusterDiscovery::isOwnedSandboxProcess(::getpid()));
        QVERIFY(!ClusterDiscovery::killOwnedNode(foreign, &error));
        QVERIFY(error.contains(QStringLiteral("refusing")));
    }

    void manualFailoverSwapsRoles()
    {
        ClusterDiscovery discovery(m_cluster.seed());
        QString error;
        const auto t = discovery.discover(&error);
        QVERIFY2(t, qPrintable(error));
        const TopologyNode *master = t->masters().back();
        const QString masterId = master->id;
        const QString replicaId = t->replicasOf(masterId).front()->id;
        QVERIFY2(discovery.manualFailover(replicaId.left(8), &error), qPrintable(error));
        const auto after = waitFor(discovery, 10000, [&](const Topology &x) {
            const TopologyNode *r = x.node(replicaId);
            const TopologyNode *m = x.node(masterId);
            return r && m && r->isMaster() && !m->isMaster() && m->masterId == replicaId && x.uncoveredSlots().empty();
        });
        QVERIFY(after);
        QVERIFY(after->node(replicaId)->isMaster());
        QCOMPARE(after->node(masterId)->masterId, replicaId);
        QVERIFY(!discovery.manualFailover(replicaId, &error)); // now a master
        QVERIFY(error.contains(QStringLiteral("master")));
    }

    // Last: it leaves one node dead.
    void killedMasterIsReplacedByItsReplica()
    {
        ClusterDiscovery discovery(m_cluster.seed());
        QString error;
        const auto t = discovery.discover(&error);
        QVERIFY2(t, qPrintable(error));
        // A master that is not the seed, so the seed keeps answering.
        const TopologyNode *victim = nullptr;
        for (const TopologyNode *m : t->masters()) {
            if (m->port != m_cluster.seed().port)
                victim = m;
        }
        QVERIFY(victim);
        const QString victimId = victim->id;
        const QString replicaId = t->replicasOf(victimId).front()->id;
        SandboxRedis *process = nullptr;
        for (SandboxRedis *node : m_cluster.nodes()) {
            if (node->port() == victim->port)
                process = node;
        }
        QVERIFY(process);
        QCOMPARE(process->pid(), victim->metrics.pid);
        QVERIFY(process->kill());
        const auto after = waitFor(discovery, 15000, [&](const Topology &x) {
            const TopologyNode *r = x.node(replicaId);
            const TopologyNode *v = x.node(victimId);
            return r && v && r->isMaster() && v->health == NodeHealth::Failed && x.uncoveredSlots().empty();
        });
        QVERIFY(after);
        QVERIFY2(after->node(replicaId)->isMaster(), "the replica was not promoted");
        QCOMPARE(after->node(victimId)->health, NodeHealth::Failed);
        QCOMPARE(after->countRole(NodeRole::Master) - (after->node(victimId)->isMaster() ? 1 : 0), 3);
        QVERIFY(after->uncoveredSlots().empty());
    }

private:
    SandboxCluster m_cluster;
    SandboxCluster::Options m_options;
};

QTEST_GUILESS_MAIN(TestClusterDiscovery)
#include "tst_clusterdiscovery.moc"
