#include "cluster/hash64.h"
#include "cluster/keyset.h"
#include "cluster/keyslot.h"
#include "cluster/shardingsimulation.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

ShardingSimulation makeSimulation(ShardingStrategy strategy, int nodes, qint64 keys, int vnodes = 160,
                                  KeySet::Distribution distribution = KeySet::Distribution::Uniform,
                                  int probes = ShardMap::Options::kDefaultProbes)
{
    KeySet::SyntheticOptions keyOptions;
    keyOptions.count = keys;
    keyOptions.distribution = distribution;
    ShardingSimulation::Options options;
    options.map.strategy = strategy;
    options.map.vnodesPerNode = vnodes;
    options.map.probes = probes;
    options.nodes = nodes;
    ShardingSimulation simulation;
    QString error;
    if (!simulation.reset(options, KeySet::synthetic(keyOptions), &error))
        qFatal("simulation reset failed: %s", qPrintable(error));
    return simulation;
}

} // namespace

class TestSharding : public QObject
{
    Q_OBJECT

private slots:
    void crc16Vectors()
    {
        QCOMPARE(crc16Xmodem("123456789"), uint16_t(0x31C3));
        QCOMPARE(crc16Xmodem(""), uint16_t(0));
        QCOMPARE(crc16Xmodem("A"), uint16_t(0x58E5));
    }

    void redisKeySlotExamples()
    {
        // Values as `CLUSTER KEYSLOT` returns them on Redis 7.
        QCOMPARE(keySlot("foo"), 12182);
        QCOMPARE(keySlot("bar"), 5061);
        QCOMPARE(keySlot("hello"), 866);
        QCOMPARE(keySlot("{user1000}.following"), keySlot("{user1000}.followers"));
        QCOMPARE(keySlot("{user1000}.following"), keySlot("user1000"));
        QVERIFY(keySlot("user1000.following") != keySlot("user1000.followers"));
    }

    void hashTagRules()
    {
        QCOMPARE(hashTag("{user1000}.following").toByteArray(), QByteArray("user1000"));
        QCOMPARE(hashTag("foo{}{bar}").toByteArray(), QByteArray("foo{}{bar}")); // empty tag: whole key
        QCOMPARE(keySlot("foo{}{bar}"), int(crc16Xmodem("foo{}{bar}") & 16383));
        QCOMPARE(hashTag("foo{{bar}}zap").toByteArray(), QByteArray("{bar"));
        QCOMPARE(keySlot("foo{{bar}}zap"), keySlot("{bar"));
        QCOMPARE(hashTag("foo{bar}{zap}").toByteArray(), QByteArray("bar")); // first tag only
        QCOMPARE(hashTag("foo{bar").toByteArray(), QByteArray("foo{bar"));   // unclosed
        QCOMPARE(hashTag("foo}bar{").toByteArray(), QByteArray("foo}bar{")); // '}' before '{'
        QCOMPARE(hashTag("{}").toByteArray(), QByteArray("{}"));
        QCOMPARE(hashTag("").toByteArray(), QByteArray(""));
    }

    void hashIsStableAndSpreads()
    {
        // Pinned so a change of the hash (which would silently change every simulation) fails.
        QCOMPARE(hash64("cwb:user:1"), hash64(QByteArray("cwb:user:1")));
        QVERIFY(hash64("cwb:user:1") != hash64("cwb:user:2"));
        // Top bits spread for keys that differ only in the last digit.
        std::set<uint64_t> topBytes;
        for (int i = 0; i < 256; ++i)
            topBytes.insert(hash64(QByteArray(QByteArray("cwb:user:") + QByteArray::number(i))) >> 56);
        QVERIFY2(topBytes.size() > 140, qPrintable(QString::number(topBytes.size())));
    }

    void consistentBalanceMillionKeys()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 1000000);
        QCOMPARE(sim.options().map.probes, ShardMap::Options::kDefaultProbes);
        const DistributionStats &stats = sim.stats();
        QCOMPARE(stats.totalKeys, qint64(1000000));
        qint64 sum = 0;
        for (const NodeShare &share : stats.nodes)
            sum += share.keys;
        QCOMPARE(sum, qint64(1000000));
        qInfo("consistent 10x160, %d probes: max/mean %.4f, stddev %.2f %%, assign %.1f ms",
              ShardMap::Options::kDefaultProbes, stats.maxOverMean, stats.relativeStddev * 100,
              double(sim.lastAssignNs()) / 1e6);
        // The target for exactly this setup.
        QVERIFY2(stats.maxOverMean <= 1.10, qPrintable(QString::number(stats.maxOverMean)));
        QVERIFY(stats.maxOverMean > 1.0); // still a random ring, never perfect
        QVERIFY(stats.minOverMean < 1.0);

        // The classic single-probe ring on the same keys: each node's share has a relative
        // standard deviation of about 1/sqrt(vnodes) (7.9 % at 160), so the busiest of 10
        // nodes sits near +1.5 sigma and misses 1.10. Pinned so the comparison stays honest.
        ShardingSimulation classic = makeSimulation(ShardingStrategy::Consistent, 10, 1000000, 160,
                                                    KeySet::Distribution::Uniform, 1);
        qInfo("classic ring 10x160: max/mean %.4f", classic.stats().maxOverMean);
        QVERIFY2(classic.stats().maxOverMean > 1.10, qPrintable(QString::number(classic.stats().maxOverMean)));
        QVERIFY(classic.stats().relativeStddev > 2 * stats.relativeStddev);
    }

    void multiProbeBalanceIsNotOneLuckyRing()
    {
        // The ring depends on the node names: several name sets, each must meet 1.10.
        KeySet keys = KeySet::synthetic({.count = 200000});
        for (const QString &prefix : {u"node-"_s, u"shard-"_s, u"redis-"_s, u"10.0.0."_s, u"cache"_s}) {
            ShardingSimulation::Options options;
            options.nodes = 10;
            options.nodePrefix = prefix;
            ShardingSimulation sim;
            QVERIFY(sim.reset(options, keys));
            QVERIFY2(sim.stats().maxOverMean <= 1.10,
                     qPrintable(prefix + u": "_s + QString::number(sim.stats().maxOverMean)));
            const auto added = sim.addNode();
            QVERIFY(added);
            QVERIFY2(added->ratioToIdeal <= 1.1, qPrintable(prefix + u": "_s + QString::number(added->ratioToIdeal)));
        }
    }

    void singleProbeIsTheClassicRing()
    {
        // A reference ring built here, independently: ring points hash64("<node>#<v>"), a key
        // belongs to the first point at or after its hash, wrapping around.
        KeySet keys = KeySet::synthetic({.count = 50000});
        std::vector<std::pair<uint64_t, int32_t>> ring;
        for (int n = 0; n < 10; ++n) {
            for (int v = 0; v < 160; ++v)
                ring.emplace_back(hash64(QByteArray("node-" + QByteArray::number(n + 1) + '#' + QByteArray::number(v))), n);
        }
        std::sort(ring.begin(), ring.end());
        ShardMap::Options options;
        options.probes = 1;
        std::vector<ShardNode> nodes;
        for (int n = 1; n <= 10; ++n)
            nodes.push_back({u"node-"_s + QString::number(n), 1.0});
        auto map = ShardMap::create(options, nodes, keys);
        QVERIFY(map);
        std::vector<int32_t> owners;
        map->assign(keys, owners);
        for (qint64 k = 0; k < keys.size(); ++k) {
            auto it = std::lower_bound(ring.begin(), ring.end(), std::pair<uint64_t, int32_t>{keys.hash(k), INT32_MIN});
            const int32_t expected = (it == ring.end() ? ring.front() : *it).second;
            if (owners[size_t(k)] != expected)
                QFAIL(qPrintable(u"key %1: owner %2, classic ring says %3"_s.arg(k).arg(owners[size_t(k)]).arg(expected)));
        }
        // Segments of the single-probe ring are its arcs: they start at ring points.
        const auto segments = map->segments();
        QVERIFY(segments.size() > 100);
        QCOMPARE(segments.front().from, 0.0);
        QCOMPARE(segments.back().to, 1.0);
        // More probes change the assignment (else the option would do nothing).
        options.probes = 4;
        auto multi = ShardMap::create(options, nodes, keys);
        std::vector<int32_t> multiOwners;
        multi->assign(keys, multiOwners);
        QVERIFY(multiOwners != owners);
    }

    void consistentAddNodeMovesLittle()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 1000000);
        const auto report = sim.addNode();
        QVERIFY(report);
        QCOMPARE(report->change, QStringLiteral("add node-11"));
        QCOMPARE(report->idealFraction, 1.0 / 11);
        qInfo("consistent add: moved %.4f, ideal %.4f, ratio %.3f", report->movedFraction, report->idealFraction,
              report->ratioToIdeal);
        QVERIFY2(report->ratioToIdeal <= 1.1, qPrintable(QString::number(report->ratioToIdeal)));
        // Multi-probe consistent hashing still only ever moves keys TO the new node.
        for (const Transfer &t : report->transfers)
            QCOMPARE(t.to, QStringLiteral("node-11"));
        QCOMPARE(qint64(report->movedKeyIndices.size()), report->movedKeys);
        QCOMPARE(report->movedKeys, sim.stats().nodes.back().keys);
        // The plan counts the keys that change hands per donor, and agrees with what moved.
        QCOMPARE(report->plan.size(), report->transfers.size());
        std::map<QString, qint64> planned;
        for (const PlanStep &step : report->plan) {
            QCOMPARE(step.to, QStringLiteral("node-11"));
            QVERIFY2(step.what.contains(u" keys ("_s), qPrintable(step.what));
            planned[step.from] += step.units;
        }
        for (const Transfer &t : report->transfers)
            QCOMPARE(planned[t.from], t.keys);

        // A map built with 11 nodes from scratch owns keys exactly as the grown one: ownership
        // depends on the ring, not on the order nodes joined.
        ShardingSimulation fresh = makeSimulation(ShardingStrategy::Consistent, 11, 1000000);
        QVERIFY(fresh.owners() == sim.owners());
    }

    void classicRingPlanListsArcs()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 200000, 160,
                                                KeySet::Distribution::Uniform, 1);
        const auto report = sim.addNode();
        QVERIFY(report);
        for (const Transfer &t : report->transfers)
            QCOMPARE(t.to, QStringLiteral("node-11"));
        qint64 arcs = 0;
        for (const PlanStep &step : report->plan) {
            QVERIFY(step.what.contains(u"ring arcs"_s));
            arcs += step.units;
        }
        QCOMPARE(arcs, qint64(160)); // every arc of the new node came from someone
    }

    void consistentRemoveNodeMovesOnlyItsKeys()
    {
        for (int probes : {ShardMap::Options::kDefaultProbes, 1}) {
            ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 200000, 160,
                                                    KeySet::Distribution::Uniform, probes);
            const qint64 held = sim.stats().nodes[3].keys;
            const std::vector<int32_t> before = sim.owners();
            const auto report = sim.removeNode(QStringLiteral("node-4"));
            QVERIFY(report);
            QCOMPARE(report->movedKeys, held);
            QCOMPARE(report->ratioToIdeal, 1.0);
            for (const Transfer &t : report->transfers)
                QCOMPARE(t.from, QStringLiteral("node-4"));
            // Every key not on node-4 keeps its node (indices after 3 shift down by one).
            for (size_t k = 0; k < before.size(); ++k) {
                if (before[k] != 3)
                    QCOMPARE(sim.owners()[k], before[k] < 3 ? before[k] : before[k] - 1);
            }
            qint64 planned = 0;
            for (const PlanStep &step : report->plan) {
                QCOMPARE(step.from, QStringLiteral("node-4"));
                planned += probes == 1 ? 0 : step.units;
            }
            if (probes > 1)
                QCOMPARE(planned, held);
            QCOMPARE(sim.nodes().size(), size_t(9));
            QString error;
            QVERIFY(!sim.removeNode(QStringLiteral("node-4"), &error));
            QVERIFY(error.contains(QStringLiteral("node-4")));
        }
    }

    void multiProbeSegmentsMatchShares()
    {
        // Segments are drawn by sampling the ring with the owner rule: each node's drawn
        // width is close to its share of the keys.
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 200000);
        const auto segments = sim.map().segments();
        QCOMPARE(segments.front().from, 0.0);
        QCOMPARE(segments.back().to, 1.0);
        std::vector<double> width(10, 0.0);
        for (size_t i = 0; i < segments.size(); ++i) {
            if (i > 0)
                QCOMPARE(segments[i].from, segments[i - 1].to);
            QVERIFY(segments[i].to > segments[i].from);
            width[size_t(segments[i].owner)] += segments[i].to - segments[i].from;
        }
        for (size_t n = 0; n < 10; ++n) {
            QVERIFY2(std::abs(width[n] - sim.stats().nodes[n].keyShare) < 0.02,
                     qPrintable(u"%1: drawn %2, keys %3"_s.arg(n).arg(width[n]).arg(sim.stats().nodes[n].keyShare)));
        }
    }

    void weightsScaleShares()
    {
        KeySet keys = KeySet::synthetic({.count = 200000});
        ShardMap::Options options;
        options.vnodesPerNode = 400;
        auto map = ShardMap::create(options, {{QStringLiteral("a"), 1.0}, {QStringLiteral("b"), 3.0}}, keys);
        QVERIFY(map);
        std::vector<int32_t> owners;
        map->assign(keys, owners);
        const DistributionStats stats = computeDistribution(map->nodes(), keys, owners);
        QVERIFY2(stats.nodes[1].keyShare > 0.68 && stats.nodes[1].keyShare < 0.82,
                 qPrintable(QString::number(stats.nodes[1].keyShare)));

        // 10 nodes x 160 vnodes, one of weight 2: it gets about twice the others' mean share.
        for (int probes : {ShardMap::Options::kDefaultProbes, 1}) {
            options.vnodesPerNode = 160;
            options.probes = probes;
            std::vector<ShardNode> nodes;
            for (int n = 1; n <= 10; ++n)
                nodes.push_back({u"node-"_s + QString::number(n), n == 5 ? 2.0 : 1.0});
            auto weighted = ShardMap::create(options, nodes, keys);
            QVERIFY(weighted);
            weighted->assign(keys, owners);
            const DistributionStats shares = computeDistribution(weighted->nodes(), keys, owners);
            const double others = (1.0 - shares.nodes[4].keyShare) / 9;
            const double ratio = shares.nodes[4].keyShare / others;
            qInfo("weight 2 with %d probes: %.3f x the others' mean share", probes, ratio);
            // The classic ring's shares scatter more (see consistentBalanceMillionKeys).
            const double tolerance = probes == 1 ? 0.3 : 0.2;
            QVERIFY2(std::abs(ratio - 2.0) < tolerance, qPrintable(QString::number(ratio)));
        }

        QString error;
        options.probes = ShardMap::Options::kDefaultProbes;
        QVERIFY(!ShardMap::create(options, {{QStringLiteral("a"), 0.0}}, keys, &error));
        QVERIFY(error.startsWith(QStringLiteral("weight of a")));
        QVERIFY(!ShardMap::create(options, {{QStringLiteral("a"), 1}, {QStringLiteral("a"), 1}}, keys, &error));
        options.vnodesPerNode = 0;
        QVERIFY(!ShardMap::create(options, {{QStringLiteral("a"), 1}}, keys, &error));
        QVERIFY(error.startsWith(QStringLiteral("vnodes")));
    }

    void badProbesAreRejected()
    {
        KeySet keys = KeySet::synthetic({.count = 10});
        ShardMap::Options options;
        QString error;
        for (int bad : {0, -1, ShardMap::Options::kMaxProbes + 1}) {
            options.probes = bad;
            QVERIFY(!ShardMap::create(options, {{QStringLiteral("a"), 1}}, keys, &error));
            QCOMPARE(error, u"probes: must be 1 to %1, not %2"_s.arg(ShardMap::Options::kMaxProbes).arg(bad));
        }
        options.probes = ShardMap::Options::kMaxProbes;
        QVERIFY(ShardMap::create(options, {{QStringLiteral("a"), 1}}, keys, &error));
    }

    void cliSimulateProbes()
    {
        const auto bad = test::runCli({u"cluster"_s, u"simulate"_s, u"--keys"_s, u"1000"_s, u"--probes"_s, u"0"_s});
        QVERIFY(bad.finished);
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("--probes: '0' is not a whole number from 1 to 64"), bad.err.constData());
        const auto word = test::runCli({u"cluster"_s, u"simulate"_s, u"--keys"_s, u"1000"_s, u"--probes"_s, u"many"_s});
        QVERIFY(word.exitCode != 0 && word.err.contains("--probes"));

        const QString json = QDir(QDir::tempPath()).filePath(u"cwb-sharding-probes-%1.json"_s.arg(QCoreApplication::applicationPid()));
        const auto ok = test::runCli({u"cluster"_s, u"simulate"_s, u"--keys"_s, u"200000"_s, u"--probes"_s, u"1"_s,
                                      u"--add-node"_s, u"--json"_s, json});
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY2(ok.out.contains("160 vnodes each, 1 probe per key"), ok.out.constData());
        QVERIFY(ok.out.contains("ring arcs"));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(file.readAll().toStdString());
        file.close();
        QFile::remove(json);
        QCOMPARE(doc.at("probes").get<int>(), 1);

        const auto multi = test::runCli({u"cluster"_s, u"simulate"_s, u"--keys"_s, u"200000"_s, u"--add-node"_s});
        QVERIFY2(multi.exitCode == 0, multi.err.constData());
        const QByteArray header = QByteArray("160 vnodes each, ") + QByteArray::number(ShardMap::Options::kDefaultProbes)
                                  + QByteArray(" probes per key");
        QVERIFY2(multi.out.contains(header), multi.out.constData());
        QVERIFY(multi.out.contains("their closest probe now hits a ring point of node-11"));
    }

    void assignIsFast()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Consistent, 10, 1000000);
        std::vector<int32_t> owners;
        QElapsedTimer timer;
        timer.start();
        sim.map().assign(sim.keys(), owners);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        qInfo("assign 1M keys over 10x160 vnodes: %.1f ms", ms);
        QCOMPARE(owners, sim.owners());
        QVERIFY2(ms < 300, qPrintable(QString::number(ms)));
    }

    void jumpHashProperties()
    {
        // Known outputs of the reference implementation.
        QCOMPARE(jumpConsistentHash(0, 1), 0);
        for (uint64_t key : {1ULL, 42ULL, 0xdeadbeefULL}) {
            QCOMPARE(jumpConsistentHash(key, 1), 0);
            // Growing n -> n+1 either keeps a key or moves it to the new bucket n.
            for (int n = 1; n < 50; ++n) {
                const int a = jumpConsistentHash(key, n);
                const int b = jumpConsistentHash(key, n + 1);
                QVERIFY(a >= 0 && a < n);
                QVERIFY(b == a || b == n);
            }
        }
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Jump, 10, 200000);
        QVERIFY2(sim.stats().maxOverMean < 1.03, qPrintable(QString::number(sim.stats().maxOverMean)));
        const auto added = sim.addNode();
        QVERIFY(added);
        QVERIFY2(std::abs(added->ratioToIdeal - 1.0) < 0.05, qPrintable(QString::number(added->ratioToIdeal)));
        for (const Transfer &t : added->transfers)
            QCOMPARE(t.to, QStringLiteral("node-11"));
        // Removing the last bucket is ideal; removing a middle one renumbers the rest.
        const auto last = sim.removeNode(QStringLiteral("node-11"));
        QVERIFY(last && std::abs(last->ratioToIdeal - 1.0) < 1e-9);
        const auto middle = sim.removeNode(QStringLiteral("node-2"));
        QVERIFY(middle && middle->ratioToIdeal > 2.0);
    }

    void slotsStrategyMatchesRedisLayout()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Slots, 3, 100000);
        // 3 masters: 0-5461, 5462-10922, 10923-16383 (largest remainder gives the first the extra slot).
        const auto segments = sim.map().segments();
        QCOMPARE(segments.size(), size_t(3));
        QCOMPARE(qRound(segments[0].to * kClusterSlots), 5462);
        QCOMPARE(qRound(segments[1].to * kClusterSlots), 10923);
        for (qint64 k = 0; k < 1000; ++k) {
            const int slot = keySlot(sim.keys().key(k));
            const int expected = slot <= 5461 ? 0 : slot <= 10922 ? 1 : 2;
            QCOMPARE(sim.owners()[size_t(k)], expected);
        }
        QVERIFY(sim.stats().maxOverMean < 1.02);
        const auto report = sim.addNode();
        QVERIFY(report);
        qint64 slotCount = 0;
        std::set<QString> donors;
        for (const PlanStep &step : report->plan) {
            QCOMPARE(step.to, QStringLiteral("node-4"));
            QVERIFY(step.what.startsWith(QStringLiteral("slot")));
            slotCount += step.units;
            donors.insert(step.from);
        }
        QCOMPARE(slotCount, qint64(4096));
        QCOMPARE(donors.size(), size_t(3));
        QVERIFY2(report->ratioToIdeal < 1.05 && report->ratioToIdeal > 0.95, qPrintable(QString::number(report->ratioToIdeal)));
        const auto removed = sim.removeNode(QStringLiteral("node-2"));
        QVERIFY(removed);
        slotCount = 0;
        for (const PlanStep &step : removed->plan) {
            QCOMPARE(step.from, QStringLiteral("node-2"));
            slotCount += step.units;
        }
        QCOMPARE(slotCount, qint64(4096));
        QCOMPARE(removed->ratioToIdeal, 1.0);
    }

    void slotRebalancePlan()
    {
        std::vector<int32_t> owners(kClusterSlots, 0);
        const auto moves = planSlotRebalance(owners, {1.0, 1.0});
        QCOMPARE(moves.size(), size_t(1));
        QCOMPARE(moves[0].first, 8192);
        QCOMPARE(moves[0].last, 16383);
        QCOMPARE(moves[0].to, 1);
        QVERIFY(planSlotRebalance(std::vector<int32_t>(kClusterSlots, 0), {1.0}).empty());
        QCOMPARE(slotRangesText({0, 1, 2, 5, 7, 8}), QStringLiteral("0-2, 5, 7-8"));
    }

    void rangeStrategySplits()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Range, 4, 100000);
        // Quantile split points: every range holds a quarter of the keys, in key order.
        for (const NodeShare &share : sim.stats().nodes)
            QVERIFY2(std::abs(share.keyShare - 0.25) < 0.001, qPrintable(QString::number(share.keyShare)));
        const auto &sorted = sim.keys().sortedOrder();
        for (size_t i = 1; i < sorted.size(); ++i)
            QVERIFY(sim.owners()[sorted[i - 1]] <= sim.owners()[sorted[i]]);
        const auto added = sim.addNode();
        QVERIFY(added);
        QCOMPARE(added->plan.size(), size_t(1));
        QVERIFY(added->plan[0].what.startsWith(QStringLiteral("keys [")));
        // A split moves half of one range: 1/8 of the keys, all to the new node.
        QVERIFY2(std::abs(added->movedFraction - 0.125) < 0.001, qPrintable(QString::number(added->movedFraction)));
        QCOMPARE(added->transfers.size(), size_t(1));
        QCOMPARE(added->transfers[0].to, QStringLiteral("node-5"));
        QCOMPARE(added->transfers[0].keys, added->plan[0].units);
        const auto removed = sim.removeNode(QStringLiteral("node-1"));
        QVERIFY(removed);
        QCOMPARE(removed->transfers.size(), size_t(1));
        // node-1's range was the first and was split above (all ranges tied: the first wins), so
        // what is left of it merges upward into the split-off range, now node-5's.
        QCOMPARE(removed->transfers[0].to, QStringLiteral("node-5"));
        QCOMPARE(removed->ratioToIdeal, 1.0);
        QString error;
        ShardMap::Options options;
        options.strategy = ShardingStrategy::Range;
        QVERIFY(!ShardMap::create(options, {{QStringLiteral("a"), 1}}, KeySet(), &error));
        QVERIFY(error.startsWith(QStringLiteral("keys")));
    }

    void zipfianShowsHotShard()
    {
        ShardingSimulation sim = makeSimulation(ShardingStrategy::Slots, 5, 100000, 160, KeySet::Distribution::Zipfian);
        QVERIFY(sim.stats().maxOverMean < 1.05);          // keys spread evenly ...
        QVERIFY(sim.stats().maxLoadOverMean > sim.stats().maxOverMean); // ... the traffic does not
        double load = 0;
        for (const NodeShare &share : sim.stats().nodes)
            load += share.loadShare;
        QVERIFY(std::abs(load - 1.0) < 1e-6);
    }

    void memoryEstimate()
    {
        KeySet keys = KeySet::fromKeys({"a", "bb"}, 100);
        QCOMPARE(keys.bytes(0), 1 + 100 + 56.0);
        QCOMPARE(keys.bytes(1), 2 + 100 + 56.0);
        ShardingSimulation::Options options;
        options.nodes = 1;
        ShardingSimulation sim;
        QVERIFY(sim.reset(options, keys));
        QCOMPARE(sim.stats().totalBytes, 315.0);
    }
};

QTEST_GUILESS_MAIN(TestSharding)
#include "tst_sharding.moc"
