// Distributed runs end to end (issue 18): agent processes of the real command-line tool, a
// coordinator, a coordination server and a target, all sandboxes on loopback. Every fault is
// its own test: an agent killed, an agent frozen and back late, the coordinator killed, a stop,
// a protocol mismatch, a target the agent does not allow.

#include "childprocess.h"
#include "setgetconfig.h"
#include "testsupport.h"

#include "distrib/agentregistry.h"
#include "distrib/coordbus.h"
#include "distrib/coordinator.h"
#include "distrib/distributedjob.h"
#include "load/loadconfig.h"
#include "redis/sandboxredis.h"

#include <QScopeGuard>
#include <QtTest>

#include <csignal>
#include <memory>
#include <thread>

using namespace cwb;
using namespace Qt::StringLiterals;
using test::Child;

namespace {

QString uriOf(const SandboxRedis &redis)
{
    return u"redis://127.0.0.1:%1"_s.arg(redis.port());
}

// An agent process of the command-line tool, serving `coord`, allowed to load loopback servers.
std::unique_ptr<Child> startAgent(const SandboxRedis &coord, const QString &name,
                                  const QString &allow = u"redis://127.0.0.1:*"_s)
{
    auto agent = std::make_unique<Child>();
    if (!agent->start(QStringLiteral(CWB_CLI_PATH),
                      {u"agent"_s, u"--coordinator"_s, uriOf(coord), u"--name"_s, name, u"--allow-target"_s, allow}))
        qWarning("could not start agent %s: %s", qPrintable(name), qPrintable(agent->errorString()));
    return agent;
}

// What the agents printed, shown when a test failed (their stdout is their log).
auto logsOnFailure(std::vector<Child *> agents)
{
    return qScopeGuard([agents] {
        if (!QTest::currentTestFailed())
            return;
        for (Child *agent : agents)
            qWarning("agent pid %d:\n%s%s", int(agent->pid()), agent->takeOut().constData(), agent->takeErr().constData());
    });
}

// Whether exactly `count` agents are registered and every one's state starts with `state`
// ("idle", or "running" followed by the run's id).
bool allAgentsIn(const SandboxRedis &coord, size_t count, const QString &state)
{
    RedisConnection bus(coord.endpoint());
    const auto agents = bus.connect() ? listAgents(bus) : std::nullopt;
    return agents && agents->size() == count
        && std::all_of(agents->begin(), agents->end(), [&](const AgentInfo &a) { return a.state.startsWith(state); });
}

// "name: state (ttl ms)" for every registered agent: what a failed wait shows.
QString agentStates(const SandboxRedis &coord)
{
    RedisConnection bus(coord.endpoint());
    const auto agents = bus.connect() ? listAgents(bus) : std::nullopt;
    if (!agents)
        return u"(the coordination server did not answer)"_s;
    QStringList states;
    for (const AgentInfo &a : *agents)
        states << u"%1: %2 (%3 ms)"_s.arg(a.name, a.state).arg(a.ttlMs);
    return states.join(u", "_s);
}

int liveAgents(const SandboxRedis &coord)
{
    RedisConnection bus(coord.endpoint());
    const auto agents = bus.connect() ? listAgents(bus) : std::nullopt;
    return agents ? int(agents->size()) : -1;
}

// Calls of `command` the target has served ("set" -> cmdstat_set's calls).
qint64 callsOf(const SandboxRedis &redis, const QByteArray &command)
{
    const QByteArray stat = test::sandboxInfoField(redis, "commandstats", "cmdstat_" + command);
    if (!stat.startsWith("calls="))
        return 0;
    return stat.mid(6, stat.indexOf(',') - 6).toLongLong();
}

qint64 keysUnder(const SandboxRedis &redis, const QString &prefix)
{
    RedisConnection c(redis.endpoint());
    if (!c.connect())
        return -1;
    qint64 found = 0;
    QByteArray cursor = "0";
    do {
        const auto page = c.command({"SCAN", cursor, "MATCH", prefix.toUtf8() + "*", "COUNT", "1000"});
        if (!page || page->elements.size() != 2)
            return -1;
        cursor = page->elements[0].str;
        found += qint64(page->elements[1].elements.size());
    } while (cursor != "0");
    return found;
}

// The keys under `prefix` as "name (written N s ago)", the first few: what a failed check shows.
QString keysWithAge(const SandboxRedis &redis, const QString &prefix)
{
    RedisConnection c(redis.endpoint());
    if (!c.connect())
        return u"(the target did not answer)"_s;
    const auto page = c.command({"SCAN", "0", "MATCH", prefix.toUtf8() + "*", "COUNT", "1000"});
    if (!page || page->elements.size() != 2)
        return u"(SCAN failed)"_s;
    QStringList found;
    for (const RedisReply &key : page->elements[1].elements) {
        const auto idle = c.command({"OBJECT", "IDLETIME", key.str});
        found << u"%1 (written %2 s ago)"_s.arg(QString::fromUtf8(key.str)).arg(idle ? idle->integer : -1);
        if (found.size() == 5)
            break;
    }
    return found.join(u", "_s);
}

LoadTestConfig setGetConfig(double seconds, int users)
{
    return cwb::test::setGetConfig(u"distributed"_s, seconds, users, u"cwb:distrib-run:"_s);
}

CoordinatorOptions coordinatorOptions(const SandboxRedis &coord, int agents)
{
    CoordinatorOptions options;
    options.bus = coord.endpoint();
    options.agents.kind = AgentSelection::Kind::Count;
    options.agents.count = agents;
    options.startInMs = 1000;
    return options;
}

// A distributed run of `seconds` over the two agents of `coord`, during which `victim` (the
// process of agent `victimName`) gets `signal` once it has streamed operations. The result, and
// whether the signal was sent.
std::pair<RunResult, bool> runSignallingAnAgent(const SandboxRedis &coord, const SandboxRedis &target, double seconds,
                                                const QString &victimName, Child &victim, int signal)
{
    DistributedLoadJob job(setGetConfig(seconds, 4), target.endpoint(), coordinatorOptions(coord, 2));
    bool sent = false;
    QObject::connect(&job, &jobs::JobBase::progressAvailable, [&] {
        for (const AgentSummary &a : job.progress().agents) {
            if (!sent && a.agent == victimName && a.operations > 0)
                sent = victim.signal(signal);
        }
    });
    job.start();
    QElapsedTimer waited;
    waited.start();
    while (!job.isDone() && waited.elapsed() < 60000) // bounded: a stuck run fails the test below
        QTest::qWait(50);
    return {job.result().value_or(RunResult{}), sent};
}

const AgentSummary *agentNamed(const RunResult &result, const QString &name)
{
    for (const AgentSummary &a : result.agents) {
        if (a.agent == name)
            return &a;
    }
    return nullptr;
}

} // namespace

class tst_DistribRun : public QObject
{
    Q_OBJECT

private slots:
    // Three agent processes: the sum of their operations is what the server served, the merged
    // series adds up to the totals, and the breakdown names each agent.
    void threeAgentsAddUpToWhatTheServerServed()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        std::vector<std::unique_ptr<Child>> agents;
        for (const QString &name : {u"gen-1"_s, u"gen-2"_s, u"gen-3"_s})
            agents.push_back(startAgent(coord, name));
        const auto logs = logsOnFailure({agents[0].get(), agents[1].get(), agents[2].get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 3, 30000);

        const qint64 before = callsOf(target, "set") + callsOf(target, "get");
        Coordinator coordinator(setGetConfig(3, 9), target.endpoint(), coordinatorOptions(coord, 3));
        const RunResult result = coordinator.execute();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QCOMPARE(result.agents.size(), size_t(3));
        uint64_t byAgents = 0;
        for (const AgentSummary &a : result.agents) {
            QCOMPARE(a.state, u"finished"_s);
            QCOMPARE(a.users, 3);
            QVERIFY(a.operations > 0);
            byAgents += a.operations;
        }
        const uint64_t operations = result.total().count;
        QCOMPARE(byAgents, operations);
        const qint64 served = callsOf(target, "set") + callsOf(target, "get") - before;
        QVERIFY2(std::abs(served - qint64(operations)) * 1000 <= served,
                 qPrintable(u"server %1, agents %2"_s.arg(served).arg(operations)));
        uint64_t seriesOps = 0;
        for (const SecondSample &s : result.series)
            seriesOps += s.ops;
        QCOMPARE(seriesOps, operations);
        QVERIFY(result.series.size() >= 3);
        QCOMPARE(result.series.front().connectedUsers, 9);
        QCOMPARE(result.config.concurrentUsers, 9);
        QVERIFY(result.keysCleanedUp > 0);
        QCOMPARE(keysUnder(target, u"cwb:distrib-run:"_s), qint64(0));
        // The result travels like any run's: through its JSON document and back, breakdown included.
        const auto back = runResultFromJson(runResultToJson(result));
        QVERIFY(back);
        QCOMPARE(back->agents.size(), size_t(3));
        QCOMPARE(back->agents[1].operations, result.agents[1].operations);
    }

    // Partitioned keys: each agent writes only its own slice, under its own sub-namespace.
    void partitionedAgentsNeverShareAKey()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto a = startAgent(coord, u"part-a"_s);
        auto b = startAgent(coord, u"part-b"_s);
        const auto logs = logsOnFailure({a.get(), b.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        LoadTestConfig config = setGetConfig(2, 4);
        config.keySpace = 50;
        config.cleanup = false; // the keys stay, to be looked at
        CoordinatorOptions options = coordinatorOptions(coord, 2);
        options.keys = AgentKeys::Partitioned;
        const RunResult result = Coordinator(config, target.endpoint(), options).execute();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QCOMPARE(result.cleanupNote, u"cleanup is off"_s);
        const qint64 inFirst = keysUnder(target, result.keyNamespace + u"a0:"_s);
        const qint64 inSecond = keysUnder(target, result.keyNamespace + u"a1:"_s);
        QVERIFY(inFirst > 0 && inFirst <= 25 && inSecond > 0 && inSecond <= 25);
        QCOMPARE(keysUnder(target, result.keyNamespace), inFirst + inSecond);
        QCOMPARE(result.keysLeft, inFirst + inSecond);
    }

    // An agent killed mid-run is lost: what it streamed stays counted, the others finish, and the
    // run says which agent it lost.
    void anAgentKilledMidRunIsLostAndTheRunCompletes()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto keep = startAgent(coord, u"keep"_s);
        auto victim = startAgent(coord, u"victim"_s);
        const auto logs = logsOnFailure({keep.get(), victim.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        const auto [result, killed] = runSignallingAnAgent(coord, target, 5, u"victim"_s, *victim, SIGKILL);
        QVERIFY(killed);
        QCOMPARE(result.status, RunStatus::Failed);
        QVERIFY2(result.failureReason.contains(u"agent victim was lost mid-run"_s), qPrintable(result.failureReason));
        const AgentSummary *lost = agentNamed(result, u"victim"_s);
        QVERIFY(lost && lost->lost && lost->operations > 0);
        QCOMPARE(lost->state, u"lost"_s);
        const AgentSummary *kept = agentNamed(result, u"keep"_s);
        QVERIFY(kept && kept->status == RunStatus::Completed);
        QCOMPARE(result.total().count, lost->operations + kept->operations);
        QCOMPARE(keysUnder(target, u"cwb:distrib-run:"_s), qint64(0));
    }

    // An agent frozen past its heartbeat is counted out; when it thaws, nothing it sends changes
    // the finished run, and it stops by itself and removes its keys.
    void aFrozenAgentBackLateCannotChangeTheRun()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto steady = startAgent(coord, u"steady"_s);
        auto frozen = startAgent(coord, u"frozen"_s);
        const auto logs = logsOnFailure({steady.get(), frozen.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        const auto [result, stopped] = runSignallingAnAgent(coord, target, 10, u"frozen"_s, *frozen, SIGSTOP);
        QVERIFY(stopped);
        const AgentSummary *lost = agentNamed(result, u"frozen"_s);
        QVERIFY(lost && lost->lost);
        QVERIFY2(lost->failureReason.contains(u"heartbeat stopped"_s), qPrintable(lost->failureReason));

        // Back: it finds the coordinator's heartbeat gone, stops its share and cleans up. It says it
        // is idle only after its cleanup (its registration expired while it was frozen), so the
        // wait is for that event, and then no key of the run may be left.
        QVERIFY(frozen->signal(SIGCONT));
        QTRY_VERIFY2_WITH_TIMEOUT(allAgentsIn(coord, 2, u"idle"_s),
                                  qPrintable(agentStates(coord) + (frozen->signal(0) ? u"; the thawed agent runs"_s
                                                                                     : u"; the thawed agent has exited"_s)),
                                  60000);
        QTRY_VERIFY2_WITH_TIMEOUT(keysUnder(target, u"cwb:distrib-run:"_s) == 0,
                                  qPrintable(keysWithAge(target, u"cwb:distrib-run:"_s)), 60000);
        QCOMPARE(result.total().count, lost->operations + agentNamed(result, u"steady"_s)->operations);
    }

    // The coordinator dies mid-run (a CLI process, killed): its heartbeat expires, every agent
    // stops its share and the namespace is removed without it.
    void agentsStopAndCleanUpWhenTheCoordinatorIsKilled()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto a = startAgent(coord, u"orphan-a"_s);
        auto b = startAgent(coord, u"orphan-b"_s);
        const auto logs = logsOnFailure({a.get(), b.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        Child run;
        QVERIFY(run.start(QStringLiteral(CWB_CLI_PATH),
                          {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, uriOf(target),
                           u"--coordinator"_s, uriOf(coord), u"--agents"_s, u"orphan-a,orphan-b"_s, u"--duration"_s,
                           u"600"_s, u"--users"_s, u"4"_s, u"--prefix"_s, u"cwb:orphaned:"_s, u"--no-save"_s}));
        // Killed once both agents are writing.
        QTRY_VERIFY_WITH_TIMEOUT(keysUnder(target, u"cwb:orphaned:"_s) > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(allAgentsIn(coord, 2, u"running"_s), 30000);
        QVERIFY(run.signal(SIGKILL));
        QVERIFY(run.waitForFinished(10000));

        QTRY_COMPARE_WITH_TIMEOUT(keysUnder(target, u"cwb:orphaned:"_s), qint64(0), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(allAgentsIn(coord, 2, u"idle"_s), 30000);
        const qint64 sets = callsOf(target, "set");
        QTest::qWait(1500); // nothing writes any more
        QCOMPARE(callsOf(target, "set"), sets);
    }

    // Keys of every type already under the prefix: the distributed run refuses to write beside them
    // unless told to (before any agent starts); told to, it runs, and a SIGINT to the coordinator
    // stops it cleanly - reported, exit 6, the agents idle again, the run's namespace removed - and
    // every key that was there before is still there, unchanged.
    void keysAlreadyUnderThePrefixAndASigintToTheCoordinator()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        const std::vector<RedisCommand> theirs = {
            {"SET", "cwb:present:string", "theirs"},
            {"HSET", "cwb:present:hash", "field", "theirs"},
            {"RPUSH", "cwb:present:list", "theirs"},
            {"SADD", "cwb:present:set", "theirs"},
            {"ZADD", "cwb:present:zset", "1", "theirs"},
            {"XADD", "cwb:present:stream", "1-1", "field", "theirs"},
            {"SET", "cwb:present:abcdefgh:s:1", "looks like another run's"},
        };
        for (const RedisCommand &command : theirs)
            QVERIFY(test::sandboxCommand(target, command));
        const auto snapshot = [&] {
            RedisConnection c(target.endpoint());
            QStringList dump;
            if (!c.connect())
                return dump;
            for (const RedisCommand &command : theirs) {
                const QByteArray key = command.at(1);
                const auto type = c.command({"TYPE", key});
                const auto value = c.command({"DUMP", key});
                dump << QString::fromUtf8(key + ' ' + (type ? type->str : "?") + ' ' + (value ? value->str.toHex() : "?"));
            }
            return dump;
        };
        const QStringList before = snapshot();
        QCOMPARE(before.size(), int(theirs.size()));
        auto a = startAgent(coord, u"present-a"_s);
        auto b = startAgent(coord, u"present-b"_s);
        const auto logs = logsOnFailure({a.get(), b.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);
        const QStringList runArgs = {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, uriOf(target),
                                     u"--coordinator"_s, uriOf(coord), u"--agents"_s, u"all"_s, u"--duration"_s,
                                     u"600"_s, u"--users"_s, u"4"_s, u"--prefix"_s, u"cwb:present:"_s, u"--no-save"_s};

        Child refused;
        QVERIFY(refused.start(QStringLiteral(CWB_CLI_PATH), runArgs));
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY2(refused.takeErr().contains("already holds keys"), "the refusal names the occupied prefix");
        QCOMPARE(callsOf(target, "set"), qint64(2)); // ours only: no agent started

        Child run;
        QVERIFY(run.start(QStringLiteral(CWB_CLI_PATH), runArgs + QStringList{u"--allow-existing-keys"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(keysUnder(target, u"cwb:present:"_s) > qint64(theirs.size()), 30000); // writing
        QVERIFY(run.signal(SIGINT));
        QVERIFY(run.waitForFinished(30000));
        QCOMPARE(run.exitCode(), 6);
        const QByteArray report = run.takeOut();
        QVERIFY2(report.contains("present-a") && report.contains("present-b"), report.constData());
        QVERIFY2(report.contains("stopped"), report.constData());
        QTRY_VERIFY_WITH_TIMEOUT(allAgentsIn(coord, 2, u"idle"_s), 30000);
        QCOMPARE(keysUnder(target, u"cwb:present:"_s), qint64(theirs.size()));
        QCOMPARE(snapshot(), before);
    }

    // A stop reaches every agent: the run ends Stopped, each agent says the coordinator stopped it.
    void aStopReachesEveryAgent()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto a = startAgent(coord, u"stop-a"_s);
        auto b = startAgent(coord, u"stop-b"_s);
        const auto logs = logsOnFailure({a.get(), b.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        DistributedLoadJob job(setGetConfig(600, 4), target.endpoint(), coordinatorOptions(coord, 2));
        QObject::connect(&job, &jobs::JobBase::progressAvailable, [&] {
            if (job.progress().measuredSec >= 1)
                job.requestStop();
        });
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(job.isDone(), 60000);
        const RunResult &result = *job.result();
        QCOMPARE(result.status, RunStatus::Stopped);
        for (const AgentSummary &agent : result.agents) {
            QCOMPARE(agent.state, u"finished"_s);
            QCOMPARE(agent.failureReason, u"stopped by the coordinator"_s);
        }
        QVERIFY(result.total().count > 0);
        QCOMPARE(keysUnder(target, u"cwb:distrib-run:"_s), qint64(0));
    }

    // The coordination server wants TLS and a password: agents and coordinator reach it with the
    // CA and CWB_COORDINATOR_PASSWORD (never a target's variables); without the password an agent
    // is turned away with the server's reason.
    void aCoordinationServerWithTlsAndAPassword()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord, .password = u"bus-secret"_s, .tls = {.enabled = true});
        CWB_START_SANDBOX(target);
        Endpoint bus = coord.endpoint();
        QVERIFY(bus.password == u"bus-secret"_s && bus.tls.enabled);
        Endpoint shown = bus;
        shown.password.clear();
        const QString busUri = shown.displayUri(); // rediss://127.0.0.1:P?tls-ca=...
        QVERIFY2(busUri.startsWith(u"rediss://"_s) && !busUri.contains(u"bus-secret"_s), qPrintable(busUri));

        const test::CliResult refused = test::runCli({u"agent"_s, u"--coordinator"_s, busUri, u"--name"_s, u"nopass"_s,
                                                      u"--allow-target"_s, u"redis://127.0.0.1:*"_s},
                                                     30000, {}, {u"CWB_COORDINATOR_PASSWORD"_s, u"CWB_REDIS_PASSWORD=bus-secret"_s});
        QVERIFY(refused.finished);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("coordination server"), refused.err.constData());

        Child agent;
        QVERIFY(agent.start(QStringLiteral(CWB_CLI_PATH),
                            {u"agent"_s, u"--coordinator"_s, busUri, u"--name"_s, u"tls-gen"_s, u"--allow-target"_s,
                             u"redis://127.0.0.1:*"_s},
                            {u"CWB_COORDINATOR_PASSWORD=bus-secret"_s}));
        const auto logs = logsOnFailure({&agent});
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                RedisConnection c(bus);
                const auto agents = c.connect() ? listAgents(c) : std::nullopt;
                return agents && agents->size() == 1;
            }(),
            30000);
        CoordinatorOptions options;
        options.bus = bus;
        options.startInMs = 1000;
        const RunResult result = Coordinator(setGetConfig(1, 2), target.endpoint(), options).execute();
        QVERIFY2(result.status == RunStatus::Completed, qPrintable(result.failureReason));
        QCOMPARE(result.agents.size(), size_t(1));
        QVERIFY(result.total().count > 0);
    }

    // A target's password never travels: each agent has its own (here CWB_REDIS_PASSWORD), and
    // nothing on the coordination server holds it. An agent without it fails its share with the
    // server's answer, and the run says so.
    void aTargetPasswordNeverTravels()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target, .password = u"tgt-secret"_s);
        Child withPassword, without;
        QVERIFY(withPassword.start(QStringLiteral(CWB_CLI_PATH),
                                   {u"agent"_s, u"--coordinator"_s, uriOf(coord), u"--name"_s, u"has-pw"_s,
                                    u"--allow-target"_s, u"redis://127.0.0.1:*"_s},
                                   {u"CWB_REDIS_PASSWORD=tgt-secret"_s}));
        QVERIFY(without.start(QStringLiteral(CWB_CLI_PATH),
                              {u"agent"_s, u"--coordinator"_s, uriOf(coord), u"--name"_s, u"no-pw"_s, u"--allow-target"_s,
                               u"redis://127.0.0.1:*"_s},
                              {u"CWB_REDIS_PASSWORD"_s, u"REDISCLI_AUTH"_s}));
        const auto logs = logsOnFailure({&withPassword, &without});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        CoordinatorOptions options = coordinatorOptions(coord, 1);
        options.agents = {AgentSelection::Kind::Names, 0, {u"has-pw"_s}};
        const RunResult good = Coordinator(setGetConfig(1, 2), target.endpoint(), options).execute();
        QVERIFY2(good.status == RunStatus::Completed, qPrintable(good.failureReason));
        QVERIFY(good.total().count > 0);
        options.agents = {AgentSelection::Kind::Names, 0, {u"no-pw"_s}};
        const RunResult refused = Coordinator(setGetConfig(1, 2), target.endpoint(), options).execute();
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.failureReason.contains(u"agent no-pw failed"_s), qPrintable(refused.failureReason));

        // Every key and stream entry on the coordination server, read back: no password.
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QByteArray everything;
        const auto keys = bus.command({"SCAN", "0", "MATCH", "cwb:coord:*", "COUNT", "1000"});
        QVERIFY(keys && keys->elements.size() == 2 && !keys->elements[1].elements.empty());
        for (const RedisReply &key : keys->elements[1].elements) {
            const auto type = bus.command({"TYPE", key.str});
            const auto dump = type->str == "stream" ? bus.command({"XRANGE", key.str, "-", "+"})
                : type->str == "hash"               ? bus.command({"HGETALL", key.str})
                                                    : bus.command({"GET", key.str});
            QVERIFY(dump);
            std::function<void(const RedisReply &)> collect = [&](const RedisReply &r) {
                everything += r.str;
                for (const RedisReply &e : r.elements)
                    collect(e);
            };
            collect(*dump);
        }
        QVERIFY(everything.contains("has-pw") && everything.contains("spec"));
        QVERIFY(!everything.contains("tgt-secret"));
    }

    // An agent of another protocol is turned away when it registers, with the reason.
    void anAgentOfAnotherProtocolIsRefusedAtRegistration()
    {
        SandboxRedis coord;
        CWB_START_SANDBOX(coord);
        RedisConnection bus(coord.endpoint());
        QVERIFY(bus.connect());
        QVERIFY(bus.command({"SET", "cwb:coord:protocol", QByteArray::number(kCoordProtocol + 1)}));
        const test::CliResult agent = test::runCli(
            {u"agent"_s, u"--coordinator"_s, uriOf(coord), u"--name"_s, u"old"_s, u"--allow-target"_s, u"redis://*"_s},
            30000);
        QVERIFY(agent.finished);
        QCOMPARE(agent.exitCode, 3);
        QVERIFY2(agent.err.contains("speak protocol"), agent.err.constData());
        QCOMPARE(liveAgents(coord), 0);
    }

    // An agent refuses a target its operator did not allow: the run fails naming it and why, and
    // the other agent is stopped.
    void aTargetAnAgentDoesNotAllowFailsTheRun()
    {
        SandboxRedis coord, target;
        CWB_START_SANDBOX(coord);
        CWB_START_SANDBOX(target);
        auto open = startAgent(coord, u"open"_s);
        auto strict = startAgent(coord, u"strict"_s, u"redis://10.9.9.9:6379"_s);
        const auto logs = logsOnFailure({open.get(), strict.get()});
        QTRY_COMPARE_WITH_TIMEOUT(liveAgents(coord), 2, 30000);

        const test::CliResult run = test::runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                                  uriOf(target), u"--coordinator"_s, uriOf(coord), u"--agents"_s,
                                                  u"all"_s, u"--duration"_s, u"30"_s, u"--no-save"_s},
                                                 60000);
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode != 0, run.err.constData());
        QVERIFY2(run.err.contains("agent strict refused the run: target redis://127.0.0.1:"), run.err.constData());
        QVERIFY2(run.out.contains("strict"), run.out.constData());
        QCOMPARE(keysUnder(target, u"cwb:"_s), qint64(0));
    }
};

QTEST_MAIN(tst_DistribRun)
#include "tst_distribrun.moc"
