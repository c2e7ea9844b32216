// Distributed runs (issue 18), the parts that decide the numbers: how a run is split over agents,
// how their per-second deltas travel, and how they merge. Percentiles must be those of the union
// of every agent's samples, never averages of the agents' percentiles.

#include "distrib/agent.h"
#include "distrib/agentregistry.h"
#include "distrib/coordbus.h"
#include "distrib/distributedjob.h"
#include "distrib/runmerge.h"
#include "distrib/runsplit.h"
#include "distrib/seriesmerger.h"
#include "distrib/statswire.h"
#include "load/keyprefix.h"
#include "setgetconfig.h"
#include "testsupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>
#include <thread>

using namespace cwb;
using cwb::test::setGetConfig;
using namespace Qt::Literals::StringLiterals;

namespace {

// `count` successful reads, all of latency `ns`.
OpCounters reads(uint64_t count, uint64_t ns)
{
    OpCounters c;
    c.count = count;
    c.hits = count;
    c.latency.recordN(ns, count);
    return c;
}

AgentPart part(const QString &agent, const OpCounters &readCounters, RunStatus status = RunStatus::Completed)
{
    AgentPart p;
    p.agent = agent;
    p.result.status = status;
    p.result.measuredSec = 10;
    p.result.config.concurrentUsers = 5;
    p.result.totals.op(OpType::Read) = readCounters;
    return p;
}

SecondSample second(uint64_t ops, double t)
{
    SecondSample s;
    s.t = t;
    s.ops = ops;
    s.opsByType[0] = ops;
    s.connectedUsers = 5;
    return s;
}

// Calls of `command` the server has served so far ("set" -> cmdstat_set's calls); -1 on failure.
qint64 callsOf(const SandboxRedis &redis, const QByteArray &command)
{
    const QByteArray stat = test::sandboxInfoField(redis, "commandstats", "cmdstat_" + command);
    if (!stat.startsWith("calls="))
        return stat.isEmpty() ? 0 : -1;
    return stat.mid(6, stat.indexOf(',') - 6).toLongLong();
}

// Every command the server has served but the INFO and DBSIZE a test looks at it with.
qint64 callsOfAny(const SandboxRedis &redis)
{
    const QByteArray stats = test::sandboxCommand(redis, {"INFO", "commandstats"})->str;
    qint64 calls = 0;
    for (const QByteArray &line : stats.split('\n')) {
        if (!line.startsWith("cmdstat_") || line.startsWith("cmdstat_info:") || line.startsWith("cmdstat_dbsize:"))
            continue;
        calls += line.mid(line.indexOf("calls=") + 6).split(',').first().toLongLong();
    }
    return calls;
}

// The coordination server's clock, in ms (what startAt is written in).
qint64 serverNowMs(RedisConnection &c)
{
    const auto time = c.command({"TIME"});
    return time ? time->elements[0].str.toLongLong() * 1000 + time->elements[1].str.toLongLong() / 1000 : 0;
}

// A start message for `run`: `seconds` of a small load on `target`, starting in 300 ms.
CoordMessage startMessage(RedisConnection &bus, const QString &run, const QString &target, double seconds)
{
    LoadTestConfig spec;
    spec.testName = u"agent-test"_s;
    spec.durationSec = seconds;
    spec.concurrentUsers = 2;
    spec.keySpace = 100;
    spec.keyPrefix = runNamespace(u"cwb:agent-test:"_s, run); // the namespace a coordinator claims
    return {u"start"_s,
            run,
            {},
            1,
            {{"protocol", kCoordProtocol},
             {"target", target.toStdString()},
             {"spec", loadTestConfigToJson(spec)},
             {"startAt", serverNowMs(bus) + 300}}};
}

// The events of `run` so far, by kind; `final` is set once the agent has finished.
struct RunEvents
{
    QByteArray lastId = "0";
    QStringList kinds;
    std::vector<CoordMessage> seconds;
    std::optional<CoordMessage> final;
    QString refusal;
    void poll(RedisConnection &bus, const QString &run)
    {
        const auto entries = readStream(bus, runEventsKey(run), lastId, 0);
        for (const CoordEntry &entry : entries ? *entries : std::vector<CoordEntry>{}) {
            lastId = entry.id;
            if (!entry.message)
                continue;
            kinds << entry.message->kind;
            if (entry.message->kind == u"second"_s)
                seconds.push_back(*entry.message);
            else if (entry.message->kind == u"final"_s)
                final = entry.message;
            else if (entry.message->kind == u"refused"_s)
                refusal = QString::fromStdString(entry.message->data["reason"].get<std::string>());
        }
    }
};

// An agent serving `coord` on a thread of this process, allowed to load loopback servers, until
// the test ends.
class AgentThread
{
public:
    AgentThread(const SandboxRedis &coord, const QString &name)
        : m_agent({coord.endpoint(), name, u"test-host"_s, {u"redis://127.0.0.1:*"_s}, {}}),
          m_thread([this] { m_agent.serve(m_stop); })
    {
    }
    ~AgentThread()
    {
        m_stop = true;
        m_thread.join();
    }

private:
    std::atomic<bool> m_stop{false};
    Agent m_agent;
    std::thread m_thread;
};

LatencyHistogram histogramOf(uint64_t count, uint64_t ns)
{
    LatencyHistogram h;
    h.recordN(ns, count);
    return h;
}

} // namespace

class tst_Distrib : public QObject
{
    Q_OBJECT

private slots:
    void splitDividesUsersAndRate()
    {
        LoadTestConfig config;
        config.concurrentUsers = 20;
        config.requestsPerSecond = 5000;
        config.seed = 7;
        config.threads = 4;
        const auto shares = splitRun(config, 3);
        QVERIFY(shares);
        QCOMPARE(shares->size(), size_t(3));
        QCOMPARE((*shares)[0].config.concurrentUsers, 7);
        QCOMPARE((*shares)[1].config.concurrentUsers, 7);
        QCOMPARE((*shares)[2].config.concurrentUsers, 6);
        double rate = 0;
        std::set<uint64_t> seeds;
        for (const RunShare &share : *shares) {
            rate += share.config.requestsPerSecond;
            // Every user sends at the run's per-user pace, whichever agent it runs on.
            QCOMPARE(share.config.requestsPerSecond / share.config.concurrentUsers, 5000.0 / 20);
            QCOMPARE(share.config.threads, 0);
            QVERIFY(validateLoadTestConfig(share.config).empty());
            seeds.insert(share.config.seed);
        }
        QCOMPARE(rate, 5000.0);
        QCOMPARE(seeds.size(), size_t(3));
        QVERIFY(!seeds.contains(config.seed));
        // Reproducible: the same run splits the same way.
        QCOMPARE(splitRun(config, 3)->at(2).config.seed, (*shares)[2].config.seed);
    }

    void splitRefusesMoreAgentsThanUsers()
    {
        LoadTestConfig config;
        config.concurrentUsers = 2;
        QString error;
        QVERIFY(!splitRun(config, 3, AgentKeys::Shared, &error));
        QCOMPARE(error, u"concurrentUsers (2) is fewer than the agents (3): each agent needs at least one user"_s);
        QVERIFY(!splitRun(config, 0, AgentKeys::Shared, &error));
        QVERIFY(splitRun(config, 2));
    }

    // Partitioned keys: slices of the key space that add up to it, each under its own
    // sub-namespace of the run's, which an agent accepts; anything else it refuses.
    void partitionedSharesSliceTheKeySpace()
    {
        LoadTestConfig config;
        config.concurrentUsers = 6;
        config.keySpace = 1000;
        const auto shares = splitRun(config, 3, AgentKeys::Partitioned);
        QVERIFY(shares);
        QCOMPARE((*shares)[0].config.keySpace, int64_t(334));
        QCOMPARE((*shares)[1].config.keySpace + (*shares)[2].config.keySpace, int64_t(666));
        QCOMPARE(splitRun(config, 3)->at(1).config.keySpace, int64_t(1000)); // shared: all of it
        config.keySpace = 2;
        QString error;
        QVERIFY(!splitRun(config, 3, AgentKeys::Partitioned, &error));
        QCOMPARE(error, u"keySpace (2) is smaller than the agents (3): partitioned keys need at least one key per agent"_s);

        const QString run = u"1a2b3c4d-0000-4000-8000-000000000000"_s;
        const QString ns = runNamespace(u"cwb:dist:"_s, run);
        QCOMPARE(shareKeyPrefix(ns, 2, AgentKeys::Partitioned), ns + u"a2:"_s);
        QCOMPARE(shareKeyPrefix(ns, 2, AgentKeys::Shared), ns);
        QCOMPARE(runNamespaceOfShare(ns, run), std::optional<QString>(ns));
        QCOMPARE(runNamespaceOfShare(ns + u"a2:"_s, run), std::optional<QString>(ns));
        for (const QString &foreign : QStringList{u"app:"_s, ns + u"users:"_s, u"1a2b3c4d:"_s, u"cwb:*:1a2b3c4d:"_s,
                                       runNamespace(u"cwb:dist:"_s, u"99999999"_s)})
            QVERIFY2(!runNamespaceOfShare(foreign, run), qPrintable(foreign));
    }

    // A skewed case: a fast agent with most of the samples and a slow one with a few. The merged
    // percentiles are the union's; the average of the agents' p99 is far off.
    void mergedPercentilesAreTheUnions()
    {
        const AgentPart fast = part(u"fast"_s, reads(9800, 100'000));
        const AgentPart slow = part(u"slow"_s, reads(200, 20'000'000));
        const RunResult merged = mergeAgentParts({fast, slow}, {});
        LatencyHistogram all;
        all.recordN(100'000, 9800);
        all.recordN(20'000'000, 200);
        const LatencyHistogram &latency = merged.total().latency;
        for (double p : {50.0, 99.0, 99.9})
            QCOMPARE(latency.percentileNs(p), all.percentileNs(p));
        QCOMPARE(latency.count(), uint64_t(10000));
        // 2 % of the samples are slow, so the run's p99 is slow; averaging says otherwise.
        const double naiveP99Us = (merged.agents[0].p99Us + merged.agents[1].p99Us) / 2;
        QVERIFY(latency.percentileNs(99) > 19'000'000);
        QVERIFY(std::abs(naiveP99Us - double(latency.percentileNs(99)) / 1000) > 5000);
        QCOMPARE(merged.config.concurrentUsers, 10);
        QCOMPARE(merged.status, RunStatus::Completed);
        QCOMPARE(merged.agents.size(), size_t(2));
        QCOMPARE(merged.agents[1].operations, uint64_t(200));
    }

    void lostOrFailedAgentsAreNamed()
    {
        AgentPart lost = part(u"b"_s, reads(50, 1000));
        lost.lost = true;
        const RunResult merged = mergeAgentParts({part(u"a"_s, reads(100, 1000)), lost}, {});
        QCOMPARE(merged.status, RunStatus::Failed);
        QVERIFY2(merged.failureReason.contains(u"agent b was lost mid-run"_s),
                 qPrintable(merged.failureReason));
        QCOMPARE(merged.total().count, uint64_t(150)); // what it delivered still counts
        QVERIFY(merged.agents[1].lost);

        AgentPart stopped = part(u"c"_s, reads(10, 1000), RunStatus::Stopped);
        stopped.result.failureReason = u"stopped by the user"_s;
        const RunResult two = mergeAgentParts({part(u"a"_s, reads(100, 1000)), stopped}, {});
        QCOMPARE(two.status, RunStatus::Stopped);
        QVERIFY(two.failureReason.contains(u"agent c stopped: stopped by the user"_s));
    }

    void secondsCloseWhenEveryLiveAgentDeliveredThem()
    {
        SeriesMerger series(3);
        series.add(0, second(100, 1), histogramOf(100, 1'000'000));
        series.add(1, second(100, 1), histogramOf(100, 1'000'000));
        QVERIFY(series.takeComplete().empty()); // agent 2 has not delivered second 0
        series.add(2, second(2, 1), histogramOf(2, 50'000'000));
        series.add(0, second(80, 2), histogramOf(80, 1'000'000));
        auto closed = series.takeComplete();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].ops, uint64_t(202));
        QCOMPARE(closed[0].connectedUsers, 15);
        // p99 of the union: 2 of 202 samples are at 50 ms, so the 99th percentile is not.
        QVERIFY(closed[0].p99Us < 1100);
        QVERIFY(closed[0].maxUs > 49'000);

        // Agent 1 is lost: second 1 no longer waits for it, and it cannot add to it afterwards.
        series.markLost(1);
        series.add(2, second(3, 2), histogramOf(3, 2'000'000));
        closed = series.takeComplete();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].ops, uint64_t(83));
        series.add(1, second(500, 2), histogramOf(500, 1'000));
        series.add(0, second(10, 3), histogramOf(10, 1'000'000));
        QVERIFY(series.takeComplete().empty());
        closed = series.takeRest(); // the end: what arrived, whoever delivered it
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].ops, uint64_t(10));
    }

    void serverFiguresAreOneAgentsClientFiguresAddUp()
    {
        SeriesMerger series(2);
        SecondSample a = second(10, 1), b = second(10, 1);
        a.clientCpuPercent = 30;
        b.clientCpuPercent = 40;
        a.serverUsedMemory = 1000;
        b.serverUsedMemory = 2000;
        series.add(1, b, histogramOf(10, 1000));
        series.add(0, a, histogramOf(10, 1000));
        const auto closed = series.takeComplete();
        QCOMPARE(closed.size(), size_t(1));
        QCOMPARE(closed[0].clientCpuPercent, 70.0);
        QCOMPARE(closed[0].serverUsedMemory, qint64(1000)); // agent 0's view, not the sum
    }

    void wireRoundTrips()
    {
        StatsBlock block;
        block.op(OpType::Read) = reads(40, 250'000);
        block.op(OpType::Write).count = 12;
        block.op(OpType::Write).errors = 2;
        block.op(OpType::Write).errorsByKind[size_t(RedisErrorKind::Timeout)] = 2;
        block.op(OpType::Write).latency.recordN(300'000, 10);
        block.connectErrors[size_t(RedisErrorKind::Refused)] = 3;
        block.bytesSent = 4096;
        block.nodes[u"10.0.0.1:6379"_s] = reads(40, 250'000);
        const nlohmann::json wire = nlohmann::json::parse(statsBlockToWire(block).dump());
        QString error;
        const auto back = statsBlockFromWire(wire, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->op(OpType::Read).latency, block.op(OpType::Read).latency);
        QCOMPARE(back->op(OpType::Write).errorsByKind, block.op(OpType::Write).errorsByKind);
        QCOMPARE(back->connectErrorCount(), uint64_t(3));
        QCOMPARE(back->bytesSent, uint64_t(4096));
        QCOMPARE(back->nodes.at(u"10.0.0.1:6379"_s).count, uint64_t(40));
    }

    // Two shares of one run against one real server, as two agents would run them: every second
    // each streams over the wire form and merges as it arrives. The merged run counts what the
    // server served, and its series adds up to its totals.
    void twoSharesOfARealRunMergeToWhatTheServerServed()
    {
        SandboxRedis redis;
        CWB_START_SANDBOX(redis);
        // The namespace a coordinator would have claimed.
        const LoadTestConfig config = setGetConfig(u"distributed"_s, 2, 6, u"cwb:distrib-test:"_s);
        const auto shares = splitRun(config, 2);
        QVERIFY(shares);
        const qint64 before = callsOf(redis, "set") + callsOf(redis, "get");

        SeriesMerger merger(2);
        std::mutex mutex;
        int badWire = 0;
        std::vector<AgentPart> parts(2);
        std::vector<std::thread> agents;
        for (const RunShare &share : *shares) {
            agents.emplace_back([&, share] {
                LoadRun::Options options;
                options.insideCallerNamespace = true;
                options.onSecond = [&](const SecondSample &s, const StatsBlock &stats) {
                    const auto arrived = statsBlockFromWire(nlohmann::json::parse(statsBlockToWire(stats).dump()));
                    const std::lock_guard lock(mutex);
                    if (!arrived)
                        ++badWire;
                    else
                        merger.add(share.agent, s, arrived->total().latency);
                };
                LoadRun run(share.config, redis.endpoint(), options);
                RunResult result = run.execute();
                const std::lock_guard lock(mutex);
                parts[size_t(share.agent)] = {u"agent-%1"_s.arg(share.agent), std::move(result), false};
            });
        }
        for (std::thread &agent : agents)
            agent.join();
        QCOMPARE(badWire, 0);
        std::vector<SecondSample> series = merger.takeComplete();
        for (SecondSample &rest : merger.takeRest())
            series.push_back(rest);
        const RunResult merged = mergeAgentParts(parts, series);

        QVERIFY2(merged.status == RunStatus::Completed, qPrintable(merged.failureReason));
        const uint64_t operations = merged.total().count;
        QCOMPARE(operations, parts[0].result.total().count + parts[1].result.total().count);
        QCOMPARE(merged.total().errors, uint64_t(0));
        QCOMPARE(merged.config.concurrentUsers, 6);
        // What the agents counted is what the server served (issue 18: within 0.1 %; on a slow
        // machine the few requests still in flight when the drain gave up may exceed that).
        const qint64 served = callsOf(redis, "set") + callsOf(redis, "get") - before;
        QVERIFY2(std::abs(served - qint64(operations)) <= std::max<qint64>(served / 1000, config.concurrentUsers),
                 qPrintable(u"server %1, merged %2"_s.arg(served).arg(operations)));
        uint64_t seriesOps = 0;
        for (const SecondSample &s : merged.series)
            seriesOps += s.ops;
        // Every operation is in a second, those that completed while the workers stopped too.
        QCOMPARE(seriesOps, operations);
        QVERIFY(merged.series.size() >= 2);
        QCOMPARE(merged.series[0].connectedUsers, 6);
    }

    // Coalesced snapshots (engine/jobs/job.h) keep every agent's seconds, earlier ones first,
    // as they keep the merged ones; another run's are not taken in.
    void foldedSnapshotsKeepEveryAgentSecond()
    {
        const auto agentSecond = [](int agent, uint64_t ops) {
            AgentSecond s{agent, {}};
            s.second.ops = ops;
            return s;
        };
        RunSnapshot earlier;
        earlier.runId = u"run-1"_s;
        earlier.newAgentSeconds = {agentSecond(0, 1), agentSecond(1, 2)};
        RunSnapshot later;
        later.runId = u"run-1"_s;
        later.newAgentSeconds = {agentSecond(1, 3)};
        later.foldEarlier(std::move(earlier));
        QCOMPARE(later.newAgentSeconds.size(), size_t(3));
        QCOMPARE(later.newAgentSeconds[0].second.ops, uint64_t(1));
        QCOMPARE(later.newAgentSeconds[1].agent, 1);
        QCOMPARE(later.newAgentSeconds[2].second.ops, uint64_t(3));

        RunSnapshot other;
        other.runId = u"run-2"_s;
        other.newAgentSeconds = {agentSecond(0, 9)};
        later.foldEarlier(std::move(other));
        QCOMPARE(later.newAgentSeconds.size(), size_t(3));
    }

    // The per-agent seconds a distributed run's snapshots carry are what its merged seconds are
    // made of: two real agents, a coordinator job and a consumer that falls behind (so snapshots
    // coalesce); second by second the agents' operations add up to the merged second's, and
    // each agent's add up to its own total.
    void perAgentSecondsAddUpToTheMergedSeconds()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        const AgentThread first(coord, u"per-a"_s), second(coord, u"per-b"_s);
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus).value_or(std::vector<AgentInfo>{}).size(), size_t(2), 20000);

        const LoadTestConfig config = setGetConfig(u"per-agent"_s, 3, 4, u"cwb:per-agent:"_s);
        CoordinatorOptions options;
        options.bus = coord.endpoint();
        options.agents.kind = AgentSelection::Kind::Count;
        options.agents.count = 2;
        options.startInMs = 1000;
        DistributedLoadJob job(config, target.endpoint(), options);
        std::vector<SecondSample> merged;
        std::vector<std::vector<SecondSample>> byAgent(2);
        QStringList names;
        bool fellBehind = false;
        connect(&job, &jobs::JobBase::progressAvailable, this, [&] {
            const RunSnapshot &s = job.progress();
            merged.insert(merged.end(), s.newSeconds.begin(), s.newSeconds.end());
            names.clear();
            for (const AgentSummary &a : s.agents)
                names << a.agent;
            for (const AgentSecond &a : s.newAgentSeconds) {
                QVERIFY(a.agent >= 0 && a.agent < 2);
                byAgent[size_t(a.agent)].push_back(a.second);
            }
            if (!fellBehind && !merged.empty()) {
                fellBehind = true; // about 15 snapshots fold into one meanwhile
                std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            }
        });
        QVERIFY(job.start());
        QTRY_VERIFY_WITH_TIMEOUT(job.isDone(), 60000);
        QVERIFY(job.result());
        const RunResult &result = *job.result();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));

        QCOMPARE(names.size(), 2);
        QVERIFY(merged.size() >= 3);
        QCOMPARE(merged.size(), result.series.size());
        for (const auto &seconds : byAgent)
            QCOMPARE(seconds.size(), merged.size());
        for (size_t i = 0; i < merged.size(); ++i) {
            QCOMPARE(byAgent[0][i].ops + byAgent[1][i].ops, merged[i].ops);
            QCOMPARE(byAgent[0][i].errors + byAgent[1][i].errors, merged[i].errors);
        }
        for (size_t agent = 0; agent < 2; ++agent) {
            uint64_t ops = 0;
            for (const SecondSample &s : byAgent[agent])
                ops += s.ops;
            const auto summary = std::find_if(result.agents.begin(), result.agents.end(),
                                              [&](const AgentSummary &a) { return a.agent == names[qsizetype(agent)]; });
            QVERIFY(summary != result.agents.end());
            QVERIFY(ops > 0);
            QCOMPARE(ops, summary->operations); // the index names the agent whose seconds they are
        }
    }

    void agentsRegisterExpireAndAreListed()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection c(coord.endpoint());
        QVERIFY(c.connect());
        AgentInfo a{u"gen-1"_s, u"1.0"_s, kCoordProtocol, 4, u"host-a"_s, 0, {u"redis://10.0.0.*"_s}, u"idle"_s};
        QString error;
        QVERIFY2(registerAgent(c, a, &error), qPrintable(error));
        QVERIFY2(registerAgent(c, a, &error), qPrintable(error)); // the same agent, restarted
        AgentInfo impostor = a;
        impostor.host = u"host-b"_s;
        QVERIFY(!registerAgent(c, impostor, &error));
        QCOMPARE(error, u"an agent named gen-1 is already registered from host-a: choose another --name"_s);
        AgentInfo badName = a;
        badName.name = u"gen 1*"_s;
        QVERIFY(!registerAgent(c, badName, &error));

        auto agents = listAgents(c, &error);
        QVERIFY2(agents, qPrintable(error));
        QCOMPARE(agents->size(), size_t(1));
        QCOMPARE(agents->front().cores, 4);
        QCOMPARE(agents->front().allowTargets, QStringList{u"redis://10.0.0.*"_s});
        QVERIFY(agents->front().ttlMs > 0 && agents->front().ttlMs <= kAgentHeartbeatTtlMs);
        // A heartbeat carries the agent's state: coordinators choose idle agents by it.
        a.state = u"running aaaaaaaa-run"_s;
        QVERIFY2(heartbeatAgent(c, a, &error), qPrintable(error));
        QCOMPARE(listAgents(c)->front().state, u"running aaaaaaaa-run"_s);

        // Gone when silent: the registration expires by itself, and a late heartbeat re-announces it.
        QVERIFY(test::sandboxCommand(coord, {"PEXPIRE", agentKey(a.name), "1"}));
        QTRY_COMPARE(listAgents(c)->size(), size_t(0));
        QVERIFY2(heartbeatAgent(c, a, &error), qPrintable(error));
        QCOMPARE(listAgents(c)->size(), size_t(1));
        QVERIFY2(unregisterAgent(c, a.name, &error), qPrintable(error));
        QCOMPARE(listAgents(c)->size(), size_t(0));
        QCOMPARE(test::sandboxCommand(coord, {"DBSIZE"})->integer, 0LL);
    }

    // The coordinators' protocol, once one has run here, turns away agents of another one.
    void anAgentOfAnotherProtocolCannotRegister()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection c(coord.endpoint());
        QVERIFY(c.connect());
        AgentInfo agent{u"gen-old"_s, u"0.0.9"_s, kCoordProtocol + 1, 2, u"host-a"_s, 0, {u"redis://*"_s}, u"idle"_s};
        QString error;
        QVERIFY2(registerAgent(c, agent, &error), qPrintable(error)); // no coordinator has run here yet
        QVERIFY(unregisterAgent(c, agent.name));
        QVERIFY2(announceCoordinatorProtocol(c, &error), qPrintable(error));
        QVERIFY(!registerAgent(c, agent, &error));
        QCOMPARE(error, u"the coordinators on this server speak protocol %1 and this agent (version 0.0.9) speaks %2: "
                        "run the same workbench version on agents and coordinator"_s.arg(kCoordProtocol).arg(kCoordProtocol + 1));
        QCOMPARE(listAgents(c)->size(), size_t(0));
    }

    void clockOffsetAgainstTheSameClockIsSmall()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection c(coord.endpoint());
        QString error;
        const auto offset = measureClockOffsetNs(c, &error);
        QVERIFY2(offset, qPrintable(error));
        // Same machine, same clock: only the round trip's asymmetry and TIME's microseconds remain.
        QVERIFY2(std::abs(*offset) < 500'000'000, qPrintable(QString::number(*offset)));
    }

    void messagesTravelInOrderAndGarbageIsReportedNotActedOn()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection c(coord.endpoint());
        QString error;
        const CoordMessage start{u"start"_s, u"11111111-run-1"_s, u"gen-1"_s, 1, {{"spec", {{"concurrentUsers", 5}}}}};
        QVERIFY2(postToAgent(c, u"gen-1"_s, start, &error), qPrintable(error));
        // Someone else's entry in the inbox: reported, never taken for a message.
        QVERIFY(test::sandboxCommand(coord, {"XADD", inboxKey(u"gen-1"_s), "*", "kind", "start", "cmd", "rm -rf /"}));
        QVERIFY2(postToAgent(c, u"gen-1"_s, {u"stop"_s, u"11111111-run-1"_s, u"gen-1"_s, 2, {}}, &error), qPrintable(error));

        auto entries = readStream(c, inboxKey(u"gen-1"_s), "0", 0, &error);
        QVERIFY2(entries, qPrintable(error));
        QCOMPARE(entries->size(), size_t(3));
        QVERIFY((*entries)[0].message);
        QCOMPARE((*entries)[0].message->kind, u"start"_s);
        QCOMPARE((*entries)[0].message->data["spec"]["concurrentUsers"], 5);
        QVERIFY(!(*entries)[1].message);
        QCOMPARE((*entries)[1].problem, u"unknown field 'cmd'"_s);
        QVERIFY2((*entries)[2].message, qPrintable((*entries)[2].problem)); // no data: an empty object
        QCOMPARE((*entries)[2].message->kind, u"stop"_s);
        QCOMPARE((*entries)[2].message->seq, 2);

        // Nothing new: a bounded wait that returns empty, not an error.
        entries = readStream(c, inboxKey(u"gen-1"_s), (*entries)[2].id, 50, &error);
        QVERIFY2(entries, qPrintable(error));
        QVERIFY(entries->empty());

        QVERIFY2(postRunEvent(c, {u"second"_s, u"11111111-run-1"_s, u"gen-1"_s, 1, {{"t", 1}}}, &error), qPrintable(error));
        entries = readStream(c, runEventsKey(u"11111111-run-1"_s), "0", 0, &error);
        QCOMPARE(entries->size(), size_t(1));
        QVERIFY((*entries)[0].message);
        QCOMPARE((*entries)[0].message->agent, u"gen-1"_s);
    }

    // The dead-man switch: the coordinator's heartbeat is a key that expires by itself.
    void coordinatorHeartbeatExpiresWhenItStops()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection c(coord.endpoint());
        QString error;
        QCOMPARE(coordinatorAlive(c, u"22222222-run-2"_s, &error), std::optional<bool>(false));
        QVERIFY2(touchCoordinatorAlive(c, u"22222222-run-2"_s, &error), qPrintable(error));
        QCOMPARE(coordinatorAlive(c, u"22222222-run-2"_s), std::optional<bool>(true));
        const qint64 ttl = test::sandboxCommand(coord, {"PTTL", coordinatorAliveKey(u"22222222-run-2"_s)})->integer;
        QVERIFY(ttl > 0 && ttl <= kCoordinatorAliveTtlMs);
        QVERIFY(test::sandboxCommand(coord, {"PEXPIRE", coordinatorAliveKey(u"22222222-run-2"_s), "1"}));
        QTRY_COMPARE(coordinatorAlive(c, u"22222222-run-2"_s), std::optional<bool>(false));
    }

    // An agent process's life: register, refuse a target its operator did not allow, run an
    // allowed share and stream every second of it, stop when told, unregister.
    void agentRunsItsShareAndStreamsEverySecond()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        std::atomic<bool> stop{false};
        QString error;
        bool served = false;
        Agent agent({coord.endpoint(), u"gen-t"_s, u"test-host"_s, {u"redis://127.0.0.1:*"_s}, {}});
        std::thread thread([&] { served = agent.serve(stop, &error); });
        const auto stopAgent = qScopeGuard([&] {
            stop = true;
            thread.join();
        });
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus)->size(), size_t(1), 20000);

        QVERIFY(postToAgent(bus, u"gen-t"_s, startMessage(bus, u"0000000e-run-x"_s, u"redis://10.1.1.1:6379"_s, 1)));
        RunEvents refused;
        QTRY_VERIFY_WITH_TIMEOUT((refused.poll(bus, u"0000000e-run-x"_s), !refused.refusal.isEmpty()), 20000);
        QVERIFY2(refused.refusal.contains(u"target redis://10.1.1.1:6379 is not allowed on this agent"_s),
                 qPrintable(refused.refusal));

        const QString uri = u"redis://127.0.0.1:%1"_s.arg(target.port());
        // A spec whose keys are not the run's own namespace: the agent would write (and clean up)
        // where the run never claimed anything.
        CoordMessage foreign = startMessage(bus, u"bbbbbbbb-run-b"_s, uri, 1);
        foreign.data["spec"]["keyPrefix"] = "app:";
        QVERIFY(postToAgent(bus, u"gen-t"_s, foreign));
        RunEvents refusedPrefix;
        QTRY_VERIFY_WITH_TIMEOUT((refusedPrefix.poll(bus, u"bbbbbbbb-run-b"_s), !refusedPrefix.refusal.isEmpty()), 20000);
        QCOMPARE(refusedPrefix.refusal, u"spec: keyPrefix 'app:' is not the namespace of run bbbbbbbb-run-b"_s);

        QVERIFY(touchCoordinatorAlive(bus, u"aaaaaaaa-run-a"_s));
        QVERIFY(postToAgent(bus, u"gen-t"_s, startMessage(bus, u"aaaaaaaa-run-a"_s, uri, 2)));
        RunEvents events;
        QTRY_VERIFY_WITH_TIMEOUT((touchCoordinatorAlive(bus, u"aaaaaaaa-run-a"_s), events.poll(bus, u"aaaaaaaa-run-a"_s), events.final),
                                 60000);
        QCOMPARE(events.kinds.front(), u"accepted"_s);
        QVERIFY(events.seconds.size() >= 2);
        uint64_t streamed = 0;
        for (const CoordMessage &second : events.seconds) {
            const auto stats = statsBlockFromWire(second.data["stats"], &error);
            QVERIFY2(stats, qPrintable(error));
            streamed += stats->total().count;
        }
        const nlohmann::json &result = events.final->data["result"];
        QCOMPARE(result["status"], "completed");
        const uint64_t operations = result["summary"]["operations"].get<uint64_t>();
        QVERIFY(streamed > 0);
        QCOMPARE(streamed, operations); // the seconds hold every operation
        QVERIFY(events.final->data["stopReason"].get<std::string>().empty());

        stop = true;
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus)->size(), size_t(0), 20000);
    }

    // A stop that comes while the agent waits for the common start cancels its share before it
    // sends a single request.
    void aStopBeforeTheStartInstantCancelsTheShare()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        const AgentThread agent(coord, u"gen-w"_s);
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus)->size(), size_t(1), 20000);
        const QString run = u"cccccccc-run-w"_s;
        const qint64 callsBefore = callsOfAny(target);
        QVERIFY(touchCoordinatorAlive(bus, run));
        CoordMessage start = startMessage(bus, run, u"redis://127.0.0.1:%1"_s.arg(target.port()), 5);
        start.data["startAt"] = serverNowMs(bus) + 30'000; // far enough ahead that the stop comes first
        QVERIFY(postToAgent(bus, u"gen-w"_s, start));
        RunEvents events;
        QTRY_VERIFY_WITH_TIMEOUT((events.poll(bus, run), events.kinds.contains(u"accepted"_s)), 20000);
        QVERIFY(postToAgent(bus, u"gen-w"_s, {u"stop"_s, run, {}, 2, {}}));
        QTRY_VERIFY_WITH_TIMEOUT((touchCoordinatorAlive(bus, run), events.poll(bus, run), events.final), 20000);
        QCOMPARE(events.final->data["stopReason"], "stopped by the coordinator");
        QCOMPARE(events.final->data["result"]["status"], "stopped");
        QCOMPARE(events.final->data["result"]["summary"]["operations"], 0);
        QVERIFY(events.seconds.empty());
        QCOMPARE(test::sandboxCommand(target, {"DBSIZE"})->integer, 0LL);
        QCOMPARE(callsOfAny(target), callsBefore); // not one request reached the target
    }

    // The dead-man switch: a coordinator that stops refreshing its heartbeat stops its agents.
    void agentStopsWhenTheCoordinatorIsGone()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        const AgentThread agent(coord, u"gen-d"_s);
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus)->size(), size_t(1), 20000);
        QVERIFY(touchCoordinatorAlive(bus, u"dddddddd-run-d"_s)); // once: it expires 2 s later
        QVERIFY(postToAgent(bus, u"gen-d"_s,
                            startMessage(bus, u"dddddddd-run-d"_s, u"redis://127.0.0.1:%1"_s.arg(target.port()), 600)));
        RunEvents events;
        QTRY_VERIFY_WITH_TIMEOUT((events.poll(bus, u"dddddddd-run-d"_s), events.final), 60000);
        QCOMPARE(events.final->data["stopReason"], "the coordinator's heartbeat stopped: it is gone");
        QCOMPARE(events.final->data["result"]["status"], "stopped");
    }

    // A coordination server that pauses mid-run: nobody can stop or collect the share, so the
    // agent stops it by itself once the coordinator's heartbeat has been unseen for its TTL.
    void agentStopsWhenTheCoordinationServerPauses()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        std::atomic<bool> stop{false};
        Agent agent({coord.endpoint(), u"gen-p"_s, u"test-host"_s, {u"redis://127.0.0.1:*"_s}, {}});
        std::thread thread([&] { agent.serve(stop); });
        const auto stopAgent = qScopeGuard([&] {
            coord.resume();
            stop = true;
            thread.join();
        });
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QTRY_COMPARE_WITH_TIMEOUT(listAgents(bus)->size(), size_t(1), 20000);
        QVERIFY(touchCoordinatorAlive(bus, u"0000000f-run-p"_s));
        QVERIFY(postToAgent(bus, u"gen-p"_s,
                            startMessage(bus, u"0000000f-run-p"_s, u"redis://127.0.0.1:%1"_s.arg(target.port()), 600)));
        RunEvents events;
        QTRY_VERIFY_WITH_TIMEOUT(
            (touchCoordinatorAlive(bus, u"0000000f-run-p"_s), events.poll(bus, u"0000000f-run-p"_s), !events.seconds.empty()), 30000);
        const auto clients = [&] { return test::sandboxInfoField(target, "clients", "connected_clients").toInt(); };
        QVERIFY(clients() > 2); // the share's users are connected
        QVERIFY(coord.pause());
        // Only this probe's own connection is left once the share has stopped.
        QTRY_COMPARE_WITH_TIMEOUT(clients(), 1, 60000);
    }

    // '*' stays within one part of the URI, so an operator's "10.0.0.*" cannot be stretched to a
    // host name under the coordinator's control; '**' is the explicit "anything".
    void allowTargetWildcardsStayWithinAPart()
    {
        const auto allowed = [](const QString &pattern, const QString &uri) {
            const auto target = parseEndpoint(uri);
            return target && Agent::targetAllowed({pattern}, *target);
        };
        QVERIFY(allowed(u"redis://10.0.0.*:6379"_s, u"redis://10.0.0.5:6379"_s));
        QVERIFY(!allowed(u"redis://10.0.0.*:6379"_s, u"redis://10.0.0.5.evil.example:6379"_s));
        QVERIFY(!allowed(u"redis://10.0.0.*:6379"_s, u"redis://10.0.0.5:6379/2"_s));
        QVERIFY(allowed(u"redis://10.0.0.*:6379/*"_s, u"redis://10.0.0.5:6379/2"_s));
        QVERIFY(!allowed(u"redis://cache-?.internal:*"_s, u"redis://cache-1.evil.internal:6379"_s));
        QVERIFY(allowed(u"redis://cache-?.internal:*"_s, u"redis://CACHE-1.internal:6380"_s));
        QVERIFY(!allowed(u"redis://*:6379"_s, u"redis://app:@10.0.0.5:6379"_s));
        QVERIFY(allowed(u"redis://**"_s, u"redis://app:@10.0.0.5:6379/3"_s));
        QVERIFY(allowed(u"rediss://10.0.0.*:6380?**"_s, u"rediss://10.0.0.5:6380?tls-ca=/etc/ca.pem"_s));
        QVERIFY(!allowed(u"redis://10.0.0.*:6379"_s, u"rediss://10.0.0.5:6379"_s));
        // No backtracking blow-up on a hostile URI: many stars against a long near-miss.
        const QString longUser = u"redis://"_s + QString(3000, u'a') + u":@h:1"_s;
        QVERIFY(allowed(u"redis://*:@h:1"_s, longUser));
        QVERIFY(!allowed(u"redis://*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b:@h:1"_s, longUser));
    }

    void wireRefusesWhatIsNotStatistics()
    {
        StatsBlock block;
        block.op(OpType::Read) = reads(5, 1000);
        const nlohmann::json good = statsBlockToWire(block);
        const auto refused = [](const nlohmann::json &wire) {
            QString error;
            const bool ok = statsBlockFromWire(wire, &error).has_value();
            return !ok && error.startsWith(u"bad statistics from an agent"_s);
        };
        QVERIFY(refused(nlohmann::json::array()));
        nlohmann::json wire = good;
        wire["ops"][0]["latency"] = "not base64!";
        QVERIFY(refused(wire));
        wire = good;
        wire["ops"][0]["count"] = 2; // fewer operations than the histogram holds
        QVERIFY(refused(wire));
        wire = good;
        wire["ops"][0]["count"] = -5;
        QVERIFY(refused(wire));
        wire = good;
        wire["ops"].erase(3);
        QVERIFY(refused(wire));
        wire = good;
        wire["extra"] = 1;
        QVERIFY(refused(wire));
        wire = good;
        wire["connectErrors"] = nlohmann::json::array({1, 2});
        QVERIFY(refused(wire));
    }
};

QTEST_GUILESS_MAIN(tst_Distrib)
#include "tst_distrib.moc"
