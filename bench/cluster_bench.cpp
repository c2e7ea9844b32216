// The sharding figures in docs/PERFORMANCE.md: balance, movement and assignment speed of
// consistent hashing for 1,000,000 keys over 10 nodes with 160 virtual nodes each, with the
// other strategies alongside for comparison. Runs in a few seconds on one core.

#include "cluster/shardingsimulation.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace cwb;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 keyCount = 1000000;
    QElapsedTimer timer;
    timer.start();
    const KeySet keys = KeySet::synthetic({.count = keyCount});
    std::printf("key set: %lld keys generated and hashed in %.0f ms\n", static_cast<long long>(keyCount),
                double(timer.nsecsElapsed()) / 1e6);
    std::printf("%-11s %10s %10s %12s %14s %10s\n", "strategy", "max/mean", "stddev%", "assign ms", "moved/ideal", "add ms");
    for (ShardingStrategy strategy : {ShardingStrategy::Consistent, ShardingStrategy::Slots, ShardingStrategy::Jump,
                                      ShardingStrategy::Range}) {
        ShardingSimulation::Options options;
        options.map.strategy = strategy;
        options.map.vnodesPerNode = 160;
        options.nodes = 10;
        ShardingSimulation sim;
        QString error;
        if (!sim.reset(options, keys, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // Best of 5 assignments: the figure is the algorithm's, not the scheduler's.
        qint64 best = sim.lastAssignNs();
        std::vector<int32_t> owners;
        for (int i = 0; i < 5; ++i) {
            timer.restart();
            sim.map().assign(sim.keys(), owners);
            best = std::min(best, timer.nsecsElapsed());
        }
        const DistributionStats stats = sim.stats();
        timer.restart();
        const auto moved = sim.addNode();
        const double addMs = double(timer.nsecsElapsed()) / 1e6;
        std::printf("%-11s %10.4f %10.2f %12.1f %14.3f %10.0f\n", qPrintable(strategyName(strategy)), stats.maxOverMean,
                    stats.relativeStddev * 100, double(best) / 1e6, moved ? moved->ratioToIdeal : 0.0, addMs);
        if (strategy == ShardingStrategy::Consistent && moved) {
            std::printf("  consistent 10 nodes x 160 vnodes: max/mean %.4f; adding node 11 moves %.2f %% of keys "
                        "(ideal %.2f %%, %.3f x ideal); assigning 1M keys takes %.1f ms\n",
                        stats.maxOverMean, moved->movedFraction * 100, moved->idealFraction * 100, moved->ratioToIdeal,
                        double(best) / 1e6);
        }
    }
    return 0;
}
