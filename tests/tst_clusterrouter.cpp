// The synchronous cluster-aware command path (cluster/clusterrouter.h) against a real 3 + 3
// sandbox cluster and a single sandbox server: every key lands on its slot's master, MOVED and
// ASK are followed, multi-key commands are split by slot, and a single server is passed through.

#include "testsupport.h"

#include "cluster/clusterrouter.h"
#include "cluster/commandkeys.h"
#include "cluster/keyslot.h"
#include "cluster/routedcleanup.h"

#include <QTest>

using namespace cwb;
using namespace cwb::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray nodeId(const SandboxRedis &node)
{
    const auto reply = sandboxCommand(node, {"CLUSTER", "MYID"});
    return reply ? reply->str : QByteArray();
}

// The master whose own EXISTS finds the key; a master that does not own the key's slot answers
// MOVED instead, so exactly one may answer 1.
int mastersHolding(const std::vector<SandboxRedis *> &masters, const QByteArray &key, SandboxRedis **holder = nullptr)
{
    int holding = 0;
    for (SandboxRedis *master : masters) {
        const auto reply = sandboxCommand(*master, {"EXISTS", key});
        if (reply && reply->type == RedisReply::Type::Integer && reply->integer == 1) {
            ++holding;
            if (holder)
                *holder = master;
        }
    }
    return holding;
}

// The master that serves `slot`, from the slot ranges of CLUSTER SLOTS.
SandboxRedis *ownerOf(const std::vector<SandboxRedis *> &masters, int slot)
{
    const auto ranges = sandboxCommand(*masters.front(), {"CLUSTER", "SLOTS"});
    if (!ranges)
        return nullptr;
    for (const RedisReply &range : ranges->elements) {
        if (slot < range.elements[0].integer || slot > range.elements[1].integer)
            continue;
        const long long port = range.elements[2].elements[1].integer;
        for (SandboxRedis *master : masters) {
            if (master->port() == port)
                return master;
        }
    }
    return nullptr;
}

// Moves an empty slot from one master to another the way redis-cli --cluster reshard does.
bool moveEmptySlot(int slot, SandboxRedis &from, SandboxRedis &to)
{
    const QByteArray s = QByteArray::number(slot);
    const QByteArray fromId = nodeId(from), toId = nodeId(to);
    const auto ok = [](const std::optional<RedisReply> &r) { return r && r->isOk(); };
    return ok(sandboxCommand(to, {"CLUSTER", "SETSLOT", s, "IMPORTING", fromId})) &&
           ok(sandboxCommand(from, {"CLUSTER", "SETSLOT", s, "MIGRATING", toId})) &&
           ok(sandboxCommand(to, {"CLUSTER", "SETSLOT", s, "NODE", toId})) &&
           ok(sandboxCommand(from, {"CLUSTER", "SETSLOT", s, "NODE", toId}));
}

// A key under `prefix` whose slot is served by `master` and differs from `avoid`.
QByteArray keyOn(const std::vector<SandboxRedis *> &masters, SandboxRedis *master, const QByteArray &prefix,
                 int avoid = -1)
{
    for (int i = 0; i < 100000; ++i) {
        const QByteArray key = prefix + QByteArray::number(i);
        const int slot = keySlot(key);
        if (slot != avoid && ownerOf(masters, slot) == master)
            return key;
    }
    return {};
}

} // namespace

class ClusterRouterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyPositions();
    void passesThroughOnASingleServer();
    void writesLandOnTheirSlotsMaster();
    void splitsMultiKeyCommandsBySlot();
    void seedThatIsAReplicaRoutesToMasters();
    void followsMovedAfterASlotMoved();
    void followsAskDuringAMigration();
    void cleansUpEveryMaster();

private:
    std::vector<SandboxRedis *> masters() const
    {
        const auto all = m_cluster.nodes();
        return {all.begin(), all.begin() + 3};
    }

    SandboxCluster m_cluster;
};

void ClusterRouterTest::initTestCase()
{
    CWB_START_SANDBOX(m_cluster);
    QCOMPARE(m_cluster.nodes().size(), size_t(6));
}

void ClusterRouterTest::keyPositions()
{
    QCOMPARE(routingKeyIndex({"GET", "k"}), 1);
    QCOMPARE(routingKeyIndex({"INFO", "memory"}), -1);
    QCOMPARE(routingKeyIndex({"PUBLISH", "channel", "m"}), -1);
    QCOMPARE(routingKeyIndex({"memory", "usage", "k"}), 2);
    QCOMPARE(routingKeyIndex({"MEMORY", "STATS"}), -1);
    QCOMPARE(routingKeyIndex({"XGROUP", "CREATE", "s", "g", "$"}), 2);
    QCOMPARE(routingKeyIndex({"XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s", ">"}), 7);
    QCOMPARE(routingKeyIndex({"EVAL", "return 1", "0"}), -1);
    QCOMPARE(routingKeyIndex({"EVAL", "return 1", "1", "k"}), 3);
    QCOMPARE(splittableKind({"MGET", "a", "b"}), SplittableKind::ArrayInKeyOrder);
    QCOMPARE(splittableKind({"MSET", "a", "1", "b"}), SplittableKind::None); // malformed: left to the server
    QCOMPARE(splittableKind({"UNLINK", "a"}), SplittableKind::SumOfIntegers);
}

void ClusterRouterTest::passesThroughOnASingleServer()
{
    SandboxRedis single;
    CWB_START_SANDBOX(single);
    ClusterRouter router(single.endpoint());
    QVERIFY2(router.connect(), qPrintable(router.lastError().message));
    QVERIFY(!router.isCluster());
    QCOMPARE(router.masterCount(), 1);
    const auto replies =
        router.pipeline({{"SET", "cwb:rt:a", "1"}, {"SET", "cwb:rt:b", "2"}, {"MGET", "cwb:rt:a", "cwb:rt:b"}});
    QVERIFY(replies);
    QCOMPARE(replies->at(2).elements.size(), size_t(2));
    QCOMPARE(replies->at(2).elements[1].str, QByteArray("2"));
    // Nothing to split or redirect on a single server.
    QCOMPARE(router.counters().splits, 0);
    QCOMPARE(router.endpointFor("cwb:rt:a"), single.endpoint());
    const auto wrongType = router.command({"HGET", "cwb:rt:a", "f"});
    QVERIFY(wrongType && wrongType->isError());
    QVERIFY(router.lastError().message.startsWith(u"HGET: WRONGTYPE"_s));
}

void ClusterRouterTest::writesLandOnTheirSlotsMaster()
{
    ClusterRouter router(m_cluster.seed());
    QVERIFY2(router.connect(), qPrintable(router.lastError().message));
    QVERIFY(router.isCluster());
    QCOMPARE(router.masterCount(), 3);
    std::vector<RedisCommand> sets;
    for (int i = 0; i < 600; ++i)
        sets.push_back({"SET", "cwb:rt:land:" + QByteArray::number(i), QByteArray::number(i)});
    const auto replies = router.pipeline(sets);
    QVERIFY2(replies, qPrintable(router.lastError().message));
    for (const RedisReply &r : *replies)
        QVERIFY2(r.isOk(), r.str.constData());
    QCOMPARE(router.counters().moved, 0); // the map was right from the start
    // A cluster has only database 0: asking for another is refused, not silently ignored.
    Endpoint withDb = m_cluster.seed();
    withDb.database = 1;
    ClusterRouter wrongDb(withDb);
    QVERIFY(!wrongDb.connect());
    QVERIFY2(wrongDb.lastError().message.contains(u"only database 0"_s), qPrintable(wrongDb.lastError().message));
    const auto all = masters();
    for (int i = 0; i < 600; i += 7) {
        const QByteArray key = "cwb:rt:land:" + QByteArray::number(i);
        SandboxRedis *holder = nullptr;
        QCOMPARE(mastersHolding(all, key, &holder), 1);
        QCOMPARE(holder, ownerOf(all, keySlot(key)));
    }
    // Reads come back through the same routes, in the order asked.
    const auto value = router.command({"GET", "cwb:rt:land:599"});
    QVERIFY(value);
    QCOMPARE(value->str, QByteArray("599"));
}

void ClusterRouterTest::splitsMultiKeyCommandsBySlot()
{
    ClusterRouter router(m_cluster.seed());
    QVERIFY(router.connect());
    RedisCommand mset{"MSET"}, mget{"MGET"}, exists{"EXISTS"}, del{"DEL"};
    for (int i = 0; i < 40; ++i) {
        const QByteArray key = "cwb:rt:multi:" + QByteArray::number(i);
        mset << key << "v" + QByteArray::number(i);
        mget << key;
        exists << key;
        del << key;
    }
    mget << "cwb:rt:multi:missing";
    const auto set = router.command(mset);
    QVERIFY(set && set->isOk());
    const auto got = router.command(mget);
    QVERIFY(got);
    QCOMPARE(got->elements.size(), size_t(41));
    for (int i = 0; i < 40; ++i)
        QCOMPARE(got->elements[size_t(i)].str, "v" + QByteArray::number(i)); // in key order
    QVERIFY(got->elements[40].isNil());
    QCOMPARE(router.command(exists)->integer, 40);
    QCOMPARE(router.command(del)->integer, 40);
    QCOMPARE(router.counters().splits, 4);
    // Keys of one hash tag stay one command (no CROSSSLOT, nothing split).
    const auto tagged = router.command({"MSET", "cwb:rt:{t}:a", "1", "cwb:rt:{t}:b", "2"});
    QVERIFY(tagged && tagged->isOk());
    QCOMPARE(router.counters().splits, 4);
}

void ClusterRouterTest::seedThatIsAReplicaRoutesToMasters()
{
    SandboxRedis *replica = m_cluster.nodes()[4];
    QCOMPARE(sandboxInfoField(*replica, "replication", "role"), QByteArray("slave"));
    ClusterRouter router(replica->endpoint());
    QVERIFY2(router.connect(), qPrintable(router.lastError().message));
    QCOMPARE(router.masterCount(), 3);
    std::vector<RedisCommand> sets;
    for (int i = 0; i < 90; ++i)
        sets.push_back({"SET", "cwb:rt:replica:" + QByteArray::number(i), "x"});
    const auto replies = router.pipeline(sets);
    QVERIFY(replies);
    for (const RedisReply &r : *replies)
        QVERIFY2(r.isOk(), r.str.constData());
    QCOMPARE(router.counters().moved, 0);
    for (int i = 0; i < 90; i += 9)
        QCOMPARE(mastersHolding(masters(), "cwb:rt:replica:" + QByteArray::number(i)), 1);
}

void ClusterRouterTest::followsMovedAfterASlotMoved()
{
    const auto all = masters();
    ClusterRouter router(m_cluster.seed());
    QVERIFY(router.connect()); // learns the map before the slot moves
    const QByteArray key = keyOn(all, all[0], "cwb:rt:moved:");
    QVERIFY(!key.isEmpty());
    QVERIFY(moveEmptySlot(keySlot(key), *all[0], *all[1]));

    const auto reply = router.command({"SET", key, "after-move"});
    QVERIFY2(reply && reply->isOk(), reply ? reply->str.constData() : qPrintable(router.lastError().message));
    QVERIFY(router.counters().moved >= 1);
    QVERIFY(router.counters().refreshes >= 2); // connect, then once after the MOVED
    QCOMPARE(sandboxCommand(*all[1], {"GET", key})->str, QByteArray("after-move"));
    // The next command for the slot goes straight to its new master.
    const qint64 movedBefore = router.counters().moved;
    QCOMPARE(router.command({"GET", key})->str, QByteArray("after-move"));
    QCOMPARE(router.counters().moved, movedBefore);
}

void ClusterRouterTest::followsAskDuringAMigration()
{
    const auto all = masters();
    ClusterRouter router(m_cluster.seed());
    QVERIFY(router.connect());
    const QByteArray key = keyOn(all, all[2], "cwb:rt:ask:");
    QVERIFY(!key.isEmpty());
    const QByteArray slot = QByteArray::number(keySlot(key));
    // Half-way through a migration: the source answers ASK for keys it does not hold.
    QVERIFY(sandboxCommand(*all[0], {"CLUSTER", "SETSLOT", slot, "IMPORTING", nodeId(*all[2])})->isOk());
    QVERIFY(sandboxCommand(*all[2], {"CLUSTER", "SETSLOT", slot, "MIGRATING", nodeId(*all[0])})->isOk());

    const auto reply = router.command({"SET", key, "during-migration"});
    QVERIFY2(reply && reply->isOk(), reply ? reply->str.constData() : qPrintable(router.lastError().message));
    QCOMPARE(router.counters().asked, 1);
    QCOMPARE(router.counters().moved, 0);

    // Finish the migration: the key was written on the importing node, where it now belongs.
    for (SandboxRedis *node : {all[0], all[2]})
        QVERIFY(sandboxCommand(*node, {"CLUSTER", "SETSLOT", slot, "NODE", nodeId(*all[0])})->isOk());
    SandboxRedis *holder = nullptr;
    QCOMPARE(mastersHolding(all, key, &holder), 1);
    QCOMPARE(holder, all[0]);
}

void ClusterRouterTest::cleansUpEveryMaster()
{
    ClusterRouter router(m_cluster.seed());
    QVERIFY(router.connect());
    std::vector<RedisCommand> sets;
    for (int i = 0; i < 300; ++i)
        sets.push_back({"SET", "cwb:rt:clean:" + QByteArray::number(i), "x"});
    sets.push_back({"SET", "other:keep", "x"});
    QVERIFY(router.pipeline(sets));
    const CleanupResult cleaned = unlinkKeysWithPrefix(router, u"cwb:rt:clean:"_s);
    QVERIFY2(cleaned.ok, qPrintable(cleaned.error));
    QCOMPARE(cleaned.deleted, 300);
    QCOMPARE(router.command({"EXISTS", "other:keep"})->integer, 1); // not ours: kept
}

QTEST_GUILESS_MAIN(ClusterRouterTest)
#include "tst_clusterrouter.moc"
