#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <set>

using namespace cwb;

namespace {

bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

class TestSandboxCluster : public QObject
{
    Q_OBJECT

private slots:
    void threeMastersThreeReplicas()
    {
        QElapsedTimer timer;
        timer.start();
        std::vector<qint64> pids;
        std::vector<QString> dirs;
        {
            SandboxCluster cluster;
            SandboxCluster::Options options;
            options.password = QStringLiteral("cluster-pw");
            CWB_START_SANDBOX(cluster, options);
            qInfo("cluster ready after %lld ms", static_cast<long long>(timer.elapsed()));

            const std::vector<SandboxRedis *> nodes = cluster.nodes();
            QCOMPARE(nodes.size(), size_t(6));
            QCOMPARE(cluster.seed().port, nodes.front()->port());
            QCOMPARE(cluster.seed().password, QStringLiteral("cluster-pw"));
            std::set<quint16> ports;
            for (SandboxRedis *node : nodes) {
                QVERIFY(node->isRunning());
                QVERIFY(node->port() + 10000 <= 65535);
                ports.insert(node->port());
                pids.push_back(node->pid());
                dirs.push_back(node->workDir());
                const QByteArray state = infoField(test::sandboxCommand(*node, {"CLUSTER", "INFO"}).value_or(RedisReply{}).str,
                                                   "cluster_state");
                QCOMPARE(state, QByteArray("ok"));
            }
            QCOMPARE(ports.size(), size_t(6));

            // Every node must agree on the slot map: three contiguous ranges covering all
            // 16384 slots, each served by one master (first) and one replica.
            for (SandboxRedis *node : nodes) {
                QString error;
                const auto slotMap = test::sandboxCommand(*node, {"CLUSTER", "SLOTS"}, &error);
                QVERIFY2(slotMap && slotMap->type == RedisReply::Type::Array, qPrintable(error));
                QCOMPARE(slotMap->elements.size(), size_t(3));
                std::vector<std::pair<long long, long long>> ranges;
                std::set<quint16> masters;
                for (const RedisReply &range : slotMap->elements) {
                    QCOMPARE(range.elements.size(), size_t(4)); // start, end, master, one replica
                    ranges.emplace_back(range.elements[0].integer, range.elements[1].integer);
                    const quint16 master = quint16(range.elements[2].elements.at(1).integer);
                    const quint16 replica = quint16(range.elements[3].elements.at(1).integer);
                    QVERIFY(master != replica);
                    QVERIFY(ports.count(master) && ports.count(replica));
                    masters.insert(master);
                }
                QCOMPARE(masters.size(), size_t(3));
                std::sort(ranges.begin(), ranges.end());
                QCOMPARE(ranges.front().first, 0LL);
                QCOMPARE(ranges.back().second, 16383LL);
                for (size_t i = 1; i < ranges.size(); ++i)
                    QCOMPARE(ranges[i].first, ranges[i - 1].second + 1);
            }

            // Masters come first, in slot order, and carry a connected replica; replicas follow.
            for (size_t i = 0; i < 3; ++i) {
                QCOMPARE(test::sandboxInfoField(*nodes[i], "replication", "role"), QByteArray("master"));
                QCOMPARE(test::sandboxInfoField(*nodes[i], "replication", "connected_slaves"), QByteArray("1"));
                QCOMPARE(test::sandboxInfoField(*nodes[i + 3], "replication", "role"), QByteArray("slave"));
                QCOMPARE(test::sandboxInfoField(*nodes[i + 3], "replication", "master_port"),
                         QByteArray::number(nodes[i]->port()));
            }
            const auto shards = test::sandboxCommand(*nodes[0], {"CLUSTER", "SHARDS"});
            QVERIFY(shards && shards->elements.size() == 3);

            // A write through the owning master reaches its replica.
            SandboxClient client;
            QVERIFY(client.connect(nodes[0]->port(), options.password));
            const auto owner = client.command({"CLUSTER", "KEYSLOT", "sandbox-key"});
            QVERIFY(owner);
            const long long slot = owner->integer;
            const size_t masterIndex = size_t(slot * 3 / 16384);
            QCOMPARE(test::sandboxCommand(*nodes[masterIndex], {"SET", "sandbox-key", "v"})->str, QByteArray("OK"));
            QVERIFY(test::sandboxCommand(*nodes[(masterIndex + 1) % 3], {"GET", "sandbox-key"})->str.startsWith("MOVED"));
            // Replication is asynchronous: poll the replica (READONLY lets it serve the read).
            const auto readFromReplica = [&] {
                SandboxClient replica;
                if (!replica.connect(nodes[masterIndex + 3]->port(), options.password) || !replica.command({"READONLY"}))
                    return QByteArray();
                return replica.command({"GET", "sandbox-key"}).value_or(RedisReply{}).str;
            };
            QTRY_COMPARE_WITH_TIMEOUT(readFromReplica(), QByteArray("v"), 5000);
        }
        for (qint64 pid : pids)
            QVERIFY2(processGone(pid), qPrintable(QString::number(pid)));
        for (const QString &dir : dirs)
            QVERIFY(!QFileInfo::exists(dir));
        qInfo("whole test took %lld ms", static_cast<long long>(timer.elapsed()));
    }

    void singleMasterNoReplicasStop()
    {
        SandboxCluster cluster;
        SandboxCluster::Options options;
        options.masters = 1;
        options.replicasPerMaster = 0;
        CWB_START_SANDBOX(cluster, options);
        QCOMPARE(cluster.nodes().size(), size_t(1));
        const qint64 pid = cluster.nodes().front()->pid();
        const auto slotMap = test::sandboxCommand(*cluster.nodes().front(), {"CLUSTER", "SLOTS"});
        QVERIFY(slotMap && slotMap->elements.size() == 1);
        QCOMPARE(slotMap->elements[0].elements[0].integer, 0LL);
        QCOMPARE(slotMap->elements[0].elements[1].integer, 16383LL);
        cluster.stop();
        QVERIFY(cluster.nodes().empty());
        QCOMPARE(cluster.seed().port, quint16(0));
        QVERIFY(processGone(pid));
    }

    void invalidOptions()
    {
        SandboxCluster cluster;
        QString error;
        SandboxCluster::Options options;
        options.masters = 0;
        QVERIFY(!cluster.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("masters")), qPrintable(error));
        options.masters = 2;
        options.replicasPerMaster = -1;
        QVERIFY(!cluster.start(options, &error));
        QVERIFY2(error.contains(QStringLiteral("replicasPerMaster")), qPrintable(error));
        QVERIFY(cluster.nodes().empty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxCluster)
#include "tst_sandboxcluster.moc"
