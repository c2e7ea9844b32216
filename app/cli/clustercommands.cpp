#include "clustercommands.h"

#include "commandline.h"

#include "exitcodes.h"
#include "targetoptions.h"
#include "foreground.h"
#include "terminal.h"

#include "cluster/clusterdiscovery.h"
#include "cluster/clusterjobs.h"
#include "cluster/shardingsimulation.h"
#include "redis/sandboxcluster.h"

#include <QCommandLineParser>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <memory>

namespace cwb::cli {

namespace {

const char kClusterUsage[] = R"(usage: cache-workbench-cli cluster SUBCOMMAND [options]

subcommands:
  topology   show a cluster's nodes (--target URI | --sandbox-cluster) [--json FILE]
  simulate   sharding what-if: --strategy consistent|range|slots|jump --nodes N --keys K
             [--vnodes V] [--probes P] [--distribution uniform|zipfian] [--add-node | --remove-node NAME]
             [--json FILE]
  failover   CLUSTER FAILOVER on a replica: --target URI --node ID-PREFIX|HOST:PORT
)";

QString bytesText(double bytes)
{
    if (bytes >= 1024.0 * 1024 * 1024)
        return QString::number(bytes / (1024.0 * 1024 * 1024), 'f', 1) + QStringLiteral(" GiB");
    if (bytes >= 1024.0 * 1024)
        return QString::number(bytes / (1024.0 * 1024), 'f', 1) + QStringLiteral(" MiB");
    if (bytes >= 1024.0)
        return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KiB");
    return QString::number(qint64(bytes)) + QStringLiteral(" B");
}

QString table(const std::vector<QStringList> &rows)
{
    std::vector<int> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max<size_t>(widths.size(), size_t(row.size())), 0);
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[size_t(c)] = std::max(widths[size_t(c)], int(row[c].size()));
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += (c + 1 == row.size() ? row[c] : row[c].leftJustified(widths[size_t(c)] + 2));
        out += line.trimmed() + QLatin1Char('\n');
    }
    return out;
}

nlohmann::json topologyToJson(const Topology &t)
{
    nlohmann::json nodes = nlohmann::json::array();
    for (const TopologyNode &n : t.nodes) {
        nlohmann::json slotArray = nlohmann::json::array();
        for (const SlotRange &r : n.slotRanges)
            slotArray.push_back({r.first, r.last});
        nodes.push_back({{"id", n.id.toStdString()},
                         {"address", n.address().toStdString()},
                         {"role", nodeRoleName(n.role).toStdString()},
                         {"master_id", n.masterId.toStdString()},
                         {"health", nodeHealthName(n.health).toStdString()},
                         {"slots", slotArray},
                         {"keys", n.metrics.keys},
                         {"used_memory", n.metrics.usedMemory},
                         {"ops_per_sec", n.metrics.opsPerSec},
                         {"connected_clients", n.metrics.connectedClients},
                         {"replication_offset", n.metrics.replicationOffset},
                         {"replication_lag", n.metrics.replicationLag}});
    }
    return {{"schema", "cache-workbench/cluster-topology"}, {"version", 1}, {"source", t.source.toStdString()}, {"nodes", nodes}};
}

QString topologyTable(const Topology &t)
{
    std::vector<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("ADDRESS"), QStringLiteral("ROLE"),
                                   QStringLiteral("HEALTH"), QStringLiteral("SLOTS"), QStringLiteral("KEYS"),
                                   QStringLiteral("MEMORY"), QStringLiteral("OPS/S"), QStringLiteral("REPL OFFSET"),
                                   QStringLiteral("LAG")}};
    // Masters in slot order, each followed by its replicas.
    std::vector<const TopologyNode *> ordered;
    for (const TopologyNode *m : t.masters()) {
        ordered.push_back(m);
        for (const TopologyNode *r : t.replicasOf(m->id))
            ordered.push_back(r);
    }
    for (const TopologyNode &n : t.nodes) {
        if (std::find(ordered.begin(), ordered.end(), &n) == ordered.end())
            ordered.push_back(&n);
    }
    for (const TopologyNode *n : ordered) {
        const bool m = n->metrics.hasMetrics;
        rows.push_back({n->id.left(8), n->address(),
                        n->isMaster() ? QStringLiteral("master") : QStringLiteral("replica of ") + n->masterId.left(8),
                        nodeHealthName(n->health), n->slotRanges.empty() ? QStringLiteral("-") : slotRangesToText(n->slotRanges),
                        m ? QString::number(n->metrics.keys) : QStringLiteral("?"),
                        m ? bytesText(double(n->metrics.usedMemory)) : QStringLiteral("?"),
                        m ? QString::number(n->metrics.opsPerSec, 'f', 0) : QStringLiteral("?"),
                        m ? QString::number(n->metrics.replicationOffset) : QStringLiteral("?"),
                        n->isMaster() || !m ? QStringLiteral("-") : QString::number(n->metrics.replicationLag)});
    }
    QString out = table(rows);
    const auto uncovered = t.uncoveredSlots();
    out += QStringLiteral("%1 masters, %2 replicas; %3 (%4)\n")
               .arg(t.countRole(NodeRole::Master))
               .arg(t.countRole(NodeRole::Replica))
               .arg(uncovered.empty() ? QStringLiteral("all 16384 slots covered")
                                      : QStringLiteral("UNCOVERED slots: ") + slotRangesToText(uncovered),
                    t.source);
    return out;
}

int topologyCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QCommandLineOption target{QStringLiteral("target"), QStringLiteral("Any node of the cluster (redis://host:port)."), QStringLiteral("uri")};
    QCommandLineOption sandbox{QStringLiteral("sandbox-cluster"), QStringLiteral("Start a throw-away 3+3 cluster and show it.")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Also write the topology as JSON to FILE."), QStringLiteral("file")};
    QCommandLineOption timeout{QStringLiteral("timeout"), QStringLiteral("Per-node timeout in ms (default 1500)."), QStringLiteral("ms")};
    for (const auto *o : {&target, &sandbox, &json, &timeout})
        parser.addOption(*o);
    TlsFlags tls;
    tls.addTo(parser);
    if (!parseCommandLine(parser, args, QStringLiteral("Shows a Redis Cluster's topology.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (parser.isSet(target) == parser.isSet(sandbox)) {
        printError(QStringLiteral("cluster topology: give exactly one of --target URI or --sandbox-cluster"));
        return ExitBadInput;
    }
    ClusterDiscovery::Options options;
    if (parser.isSet(timeout)) {
        bool ok = false;
        options.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || options.timeoutMs < 50 || options.timeoutMs > 60000) {
            printError(QStringLiteral("--timeout: '%1' is not a number of ms between 50 and 60000").arg(parser.value(timeout)));
            return ExitBadInput;
        }
    }
    std::unique_ptr<SandboxCluster> cluster;
    Endpoint seed;
    if (parser.isSet(sandbox)) {
        cluster = std::make_unique<SandboxCluster>();
        SandboxCluster::Options clusterOptions;
        clusterOptions.tls.enabled = tls.wantsTls(parser);
        QString error;
        if (!cluster->start(clusterOptions, &error)) {
            printError(QStringLiteral("cannot start the sandbox cluster: ") + error);
            return ExitCannotConnect;
        }
        seed = cluster->seed();
    } else {
        QString error;
        auto endpoint = parseEndpoint(parser.value(target), &error);
        if (!endpoint) {
            printError(QStringLiteral("--target: ") + error);
            return ExitBadInput;
        }
        applyPasswordFromEnvironment(*endpoint);
        seed = *endpoint;
    }
    if (int exitCode = ExitOk; !tls.apply(parser, seed, &exitCode))
        return exitCode;
    // Two polls a moment apart: the second turns the command counters into ops/s.
    ClusterWatchOptions watch;
    watch.discovery = options;
    watch.intervalMs = 300;
    watch.polls = 2;
    const std::unique_ptr<ClusterWatchJob> job(makeClusterWatchJob(seed, watch));
    runInForeground(*job);
    const auto &watched = job->result();
    if (!watched || !watched->last) {
        const QString error = watched ? watched->lastError : job->failureReason();
        printError(StopSignals::stopRequested() ? QStringLiteral("stopped before the topology was read") : error);
        if (StopSignals::stopRequested())
            return ExitInterrupted;
        return error.contains(QStringLiteral("not running in cluster mode")) ? ExitFailure : ExitCannotConnect;
    }
    const Topology *topology = &*watched->last;
    printOut(topologyTable(*topology));
    if (parser.isSet(json) && !writeJsonFile(parser.value(json), topologyToJson(*topology)))
        return ExitFailure;
    return ExitOk;
}

int simulateCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QCommandLineOption strategy{QStringLiteral("strategy"), QStringLiteral("consistent, range, slots or jump (default consistent)."), QStringLiteral("name")};
    QCommandLineOption nodes{QStringLiteral("nodes"), QStringLiteral("Number of nodes (default 10)."), QStringLiteral("n")};
    QCommandLineOption keys{QStringLiteral("keys"), QStringLiteral("Number of synthetic keys (default 1000000)."), QStringLiteral("n")};
    QCommandLineOption vnodes{QStringLiteral("vnodes"), QStringLiteral("Virtual nodes per node for consistent (default 160)."), QStringLiteral("n")};
    QCommandLineOption probes{QStringLiteral("probes"),
                              QStringLiteral("Hashes per key for consistent: multi-probe, 1 is the classic ring (default %1).")
                                  .arg(ShardMap::Options::kDefaultProbes),
                              QStringLiteral("n")};
    QCommandLineOption distribution{QStringLiteral("distribution"), QStringLiteral("Traffic over keys: uniform or zipfian."), QStringLiteral("name")};
    QCommandLineOption valueBytes{QStringLiteral("value-bytes"), QStringLiteral("Mean value size for the memory estimate (default 256)."), QStringLiteral("n")};
    QCommandLineOption addNode{QStringLiteral("add-node"), QStringLiteral("Add one node and report what moves.")};
    QCommandLineOption removeNode{QStringLiteral("remove-node"), QStringLiteral("Remove a node (e.g. node-3) and report what moves."), QStringLiteral("name")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Also write the result as JSON to FILE."), QStringLiteral("file")};
    for (const auto *o : {&strategy, &nodes, &keys, &vnodes, &probes, &distribution, &valueBytes, &addNode, &removeNode, &json})
        parser.addOption(*o);
    if (!parseCommandLine(parser, args, QStringLiteral("Simulates sharding a key set over N nodes.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    auto integer = [&parser](const QCommandLineOption &o, qint64 fallback, qint64 lo, qint64 hi, qint64 *out) {
        if (!parser.isSet(o)) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = parser.value(o).toLongLong(&ok);
        if (!ok || *out < lo || *out > hi) {
            printError(QStringLiteral("--%1: '%2' is not a whole number from %3 to %4").arg(o.names().first(), parser.value(o)).arg(lo).arg(hi));
            return false;
        }
        return true;
    };
    qint64 nodeCount = 0, keyCount = 0, vnodeCount = 0, probeCount = 0, valueSize = 0;
    if (!integer(nodes, 10, 1, 1024, &nodeCount) || !integer(keys, 1000000, 1, 20000000, &keyCount)
        || !integer(vnodes, 160, 1, 10000, &vnodeCount)
        || !integer(probes, ShardMap::Options::kDefaultProbes, 1, ShardMap::Options::kMaxProbes, &probeCount)
        || !integer(valueBytes, 256, 0, 512LL * 1024 * 1024, &valueSize))
        return ExitBadInput;
    const auto kind = parseStrategy(parser.isSet(strategy) ? parser.value(strategy) : QStringLiteral("consistent"));
    if (!kind) {
        printError(QStringLiteral("--strategy: '%1' is not one of consistent, range, slots, jump").arg(parser.value(strategy)));
        return ExitBadInput;
    }
    const auto dist = parseDistribution(parser.isSet(distribution) ? parser.value(distribution) : QStringLiteral("uniform"));
    if (!dist) {
        printError(QStringLiteral("--distribution: '%1' is not uniform or zipfian").arg(parser.value(distribution)));
        return ExitBadInput;
    }
    if (parser.isSet(addNode) && parser.isSet(removeNode)) {
        printError(QStringLiteral("cluster simulate: use either --add-node or --remove-node, not both"));
        return ExitBadInput;
    }

    KeySet::SyntheticOptions keyOptions;
    keyOptions.count = keyCount;
    keyOptions.distribution = *dist;
    keyOptions.meanValueBytes = double(valueSize);
    ShardingSimulation::Options options;
    options.map.strategy = *kind;
    options.map.vnodesPerNode = int(vnodeCount);
    options.map.probes = int(probeCount);
    options.nodes = int(nodeCount);
    ShardingSimulation sim;
    QString error;
    if (!sim.reset(options, KeySet::synthetic(keyOptions), &error)) {
        printError(error);
        return ExitBadInput;
    }
    nlohmann::json out = {{"schema", "cache-workbench/cluster-simulation"},
                          {"version", 1},
                          {"strategy", strategyName(*kind).toStdString()},
                          {"vnodes", vnodeCount},
                          {"probes", probeCount},
                          {"distribution", distributionName(*dist).toStdString()},
                          {"assign_ms", double(sim.lastAssignNs()) / 1e6},
                          {"before", distributionToJson(sim.stats())}};

    auto printStats = [](const DistributionStats &stats) {
        std::vector<QStringList> rows{{QStringLiteral("NODE"), QStringLiteral("KEYS"), QStringLiteral("SHARE"),
                                       QStringLiteral("LOAD"), QStringLiteral("MEMORY"), QStringLiteral("REDIS SLOTS")}};
        for (const NodeShare &s : stats.nodes) {
            rows.push_back({s.name, QString::number(s.keys), QString::number(s.keyShare * 100, 'f', 2) + QStringLiteral(" %"),
                            QString::number(s.loadShare * 100, 'f', 2) + QStringLiteral(" %"), bytesText(s.bytes),
                            QStringLiteral("%1 (%2)").arg(s.redisSlotCount()).arg(slotRangesToText(s.redisSlots))});
        }
        printOut(table(rows));
        printOut(QStringLiteral("max/mean %1, min/mean %2, stddev %3 keys (%4 %), hottest node %5 x mean traffic\n")
                     .arg(stats.maxOverMean, 0, 'f', 4)
                     .arg(stats.minOverMean, 0, 'f', 4)
                     .arg(stats.stddevKeys, 0, 'f', 1)
                     .arg(stats.relativeStddev * 100, 0, 'f', 2)
                     .arg(stats.maxLoadOverMean, 0, 'f', 3));
    };
    printOut(QStringLiteral("%1 over %2 nodes (%3), %4 keys assigned in %5 ms\n")
                 .arg(strategyName(*kind))
                 .arg(nodeCount)
                 .arg(*kind == ShardingStrategy::Consistent
                          ? QStringLiteral("%1 vnodes each, %2 probe%3 per key")
                                .arg(vnodeCount)
                                .arg(probeCount)
                                .arg(probeCount == 1 ? QString() : QStringLiteral("s"))
                          : QStringLiteral("equal weights"))
                 .arg(keyCount)
                 .arg(double(sim.lastAssignNs()) / 1e6, 0, 'f', 1));
    printStats(sim.stats());

    std::optional<MovementReport> report;
    if (parser.isSet(addNode))
        report = sim.addNode(std::nullopt, &error);
    else if (parser.isSet(removeNode))
        report = sim.removeNode(parser.value(removeNode), &error);
    if ((parser.isSet(addNode) || parser.isSet(removeNode)) && !report) {
        printError(QStringLiteral("--remove-node: ") + error);
        return ExitBadInput;
    }
    if (report) {
        printOut(QStringLiteral("\n%1: %2 keys move (%3 % of all; ideal %4 %; %5 x ideal), %6\n")
                     .arg(report->change)
                     .arg(report->movedKeys)
                     .arg(report->movedFraction * 100, 0, 'f', 2)
                     .arg(report->idealFraction * 100, 0, 'f', 2)
                     .arg(report->ratioToIdeal, 0, 'f', 3)
                     .arg(bytesText(report->movedBytes)));
        std::vector<QStringList> rows{{QStringLiteral("FROM"), QStringLiteral("TO"), QStringLiteral("KEYS"), QStringLiteral("MEMORY")}};
        for (const Transfer &t : report->transfers)
            rows.push_back({t.from, t.to, QString::number(t.keys), bytesText(t.bytes)});
        printOut(table(rows));
        printOut(QStringLiteral("rebalancing plan:\n"));
        int shown = 0;
        for (const PlanStep &step : report->plan) {
            if (++shown > 40) {
                printOut(QStringLiteral("  ... %1 more steps (see --json)\n").arg(report->plan.size() - 40));
                break;
            }
            printOut(QStringLiteral("  %1 -> %2: %3\n").arg(step.from, step.to, step.what));
        }
        printOut(QStringLiteral("after:\n"));
        printStats(sim.stats());
        out["movement"] = movementToJson(*report, 20, &sim.keys());
        out["after"] = distributionToJson(sim.stats());
    }
    if (parser.isSet(json) && !writeJsonFile(parser.value(json), out))
        return ExitFailure;
    return ExitOk;
}

int failoverCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QCommandLineOption target{QStringLiteral("target"), QStringLiteral("Any node of the cluster."), QStringLiteral("uri")};
    QCommandLineOption node{QStringLiteral("node"), QStringLiteral("The replica to promote (id prefix or host:port)."), QStringLiteral("node")};
    parser.addOption(target);
    parser.addOption(node);
    TlsFlags tls;
    tls.addTo(parser);
    if (!parseCommandLine(parser, args, QStringLiteral("Runs CLUSTER FAILOVER on a replica.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!parser.isSet(target) || !parser.isSet(node)) {
        printError(QStringLiteral("cluster failover: --target URI and --node are required"));
        return ExitBadInput;
    }
    QString error;
    auto endpoint = parseEndpoint(parser.value(target), &error);
    if (!endpoint) {
        printError(QStringLiteral("--target: ") + error);
        return ExitBadInput;
    }
    applyPasswordFromEnvironment(*endpoint);
    if (int exitCode = ExitOk; !tls.apply(parser, *endpoint, &exitCode))
        return exitCode;
    const std::unique_ptr<ClusterFailoverJob> job(makeClusterFailoverJob(*endpoint, parser.value(node)));
    runInForeground(*job, [&job] { printProgress(job->progress().message); });
    endProgress();
    if (!job->result() || !job->result()->promoted) {
        const QString error = job->result() ? job->result()->error : job->failureReason();
        printError(error.isEmpty() ? QStringLiteral("stopped before the failover was confirmed") : error);
        return StopSignals::stopRequested() ? ExitInterrupted : ExitFailure;
    }
    printOut(QStringLiteral("%1 is now a master\n").arg(parser.value(node)));
    return ExitOk;
}

} // namespace

int clusterCommand(const QStringList &args)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printOut(QString::fromUtf8(kClusterUsage));
        return args.isEmpty() ? ExitBadInput : ExitOk;
    }
    const QString sub = args.first();
    setCommandPath(QStringLiteral("cluster ") + sub);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("topology"))
        return topologyCommand(rest);
    if (sub == QLatin1String("simulate"))
        return simulateCommand(rest);
    if (sub == QLatin1String("failover"))
        return failoverCommand(rest);
    printError(QStringLiteral("cluster: unknown subcommand '%1'").arg(sub));
    printOut(QString::fromUtf8(kClusterUsage));
    return ExitBadInput;
}

} // namespace cwb::cli
