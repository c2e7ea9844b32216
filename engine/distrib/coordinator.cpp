#include "coordinator.h"

#include "coordbus.h"
#include "load/ownedkeys.h"
#include "runmerge.h"
#include "runsplit.h"
#include "seriesmerger.h"
#include "statswire.h"

#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

namespace cwb {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kEventWaitMs = 100;         // XREAD BLOCK per loop turn: well inside every deadline
constexpr int kLivenessEveryMs = 500;     // how often agents' registrations are looked at
constexpr int kAnswerStartMs = 5000;      // an agent that has not accepted by start + this is lost
constexpr int kFinalAfterStopMs = 5000;   // ... that has not sent its final this long after a stop
constexpr int kFinalAfterEndMs = 15000;   // ... or this long after its planned end
constexpr int kSnapshotEveryMs = 100;

// The coordination server's clock, in milliseconds since the epoch (what startAt is written in).
std::optional<qint64> serverNowMs(RedisConnection &bus)
{
    const auto time = bus.command({"TIME"});
    if (!time || time->type != RedisReply::Type::Array || time->elements.size() != 2)
        return std::nullopt;
    return time->elements[0].str.toLongLong() * 1000 + time->elements[1].str.toLongLong() / 1000;
}

// One agent of the run, as the coordinator follows it.
struct Slot
{
    AgentInfo info;
    LoadTestConfig share;
    QString state = QStringLiteral("starting"); // -> running -> finished | lost | refused
    StatsBlock delivered;                        // the sum of the seconds it streamed
    std::optional<RunResult> final;
    QString note; // why it was refused or lost, or why it stopped
    SecondSample lastSecond;
    bool done() const { return state != QLatin1String("starting") && state != QLatin1String("running"); }
};

} // namespace

std::optional<AgentSelection> AgentSelection::parse(const QString &text, QString *error)
{
    AgentSelection selection;
    const QString trimmed = text.trimmed();
    bool isCount = false;
    const int count = trimmed.toInt(&isCount);
    if (trimmed == QLatin1String("all"))
        return selection;
    if (isCount) {
        if (count < 1) {
            if (error)
                *error = QStringLiteral("--agents: %1 is not a number of agents (1 or more)").arg(trimmed);
            return std::nullopt;
        }
        selection.kind = Kind::Count;
        selection.count = count;
        return selection;
    }
    selection.kind = Kind::Names;
    for (const QString &name : trimmed.split(u',', Qt::SkipEmptyParts)) {
        if (!isValidAgentName(name.trimmed())) {
            if (error)
                *error = QStringLiteral("--agents: '%1' is not an agent name (1-64 of A-Z a-z 0-9 . _ -)").arg(name);
            return std::nullopt;
        }
        if (!selection.names.contains(name.trimmed()))
            selection.names << name.trimmed();
    }
    if (selection.names.isEmpty()) {
        if (error)
            *error = QStringLiteral("--agents: give all, a number, or agent names separated by commas");
        return std::nullopt;
    }
    return selection;
}

std::optional<std::vector<AgentInfo>> chooseAgents(const std::vector<AgentInfo> &live, const AgentSelection &selection,
                                                   QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<std::vector<AgentInfo>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    std::vector<AgentInfo> chosen;
    if (selection.kind == AgentSelection::Kind::Names) {
        for (const QString &name : selection.names) {
            const auto it = std::find_if(live.begin(), live.end(), [&](const AgentInfo &a) { return a.name == name; });
            if (it == live.end())
                return fail(QStringLiteral("agent %1 is not connected to the coordination server").arg(name));
            chosen.push_back(*it);
        }
    } else {
        for (const AgentInfo &agent : live) {
            if (agent.protocol == kCoordProtocol && agent.state == QLatin1String("idle"))
                chosen.push_back(agent);
        }
        if (chosen.empty())
            return fail(live.empty() ? QStringLiteral("no agent is connected to the coordination server")
                                     : QStringLiteral("no agent is idle (%1 connected)").arg(live.size()));
        if (selection.kind == AgentSelection::Kind::Count) {
            if (int(chosen.size()) < selection.count)
                return fail(QStringLiteral("%1 agents asked for, %2 idle").arg(selection.count).arg(chosen.size()));
            chosen.resize(size_t(selection.count));
        }
    }
    for (const AgentInfo &agent : chosen) {
        if (agent.protocol != kCoordProtocol)
            return fail(QStringLiteral("agent %1 (version %2) speaks protocol %3 and this coordinator %4: run the same "
                                       "workbench version on both")
                            .arg(agent.name, agent.version)
                            .arg(agent.protocol)
                            .arg(kCoordProtocol));
        if (agent.state != QLatin1String("idle"))
            return fail(QStringLiteral("agent %1 is busy (%2)").arg(agent.name, agent.state));
    }
    return chosen;
}

namespace {

// One distributed run from its start messages to its merged result. Lives on execute()'s stack.
class Session
{
public:
    Session(const Coordinator &owner, const CoordinatorOptions &options, RedisConnection &bus, QString runId,
            const Coordinator::SnapshotCallback &onSnapshot)
        : m_owner(owner), m_options(options), m_bus(bus), m_runId(std::move(runId)), m_onSnapshot(onSnapshot)
    {
    }

    void addAgent(const AgentInfo &info, const LoadTestConfig &share) { m_slots.push_back({info, share}); }
    bool start(const Endpoint &target, qint64 startAtServerMs, QString *error);
    void follow(double plannedSec, const LoadTestConfig &config);
    std::vector<AgentPart> parts() const;
    std::vector<SecondSample> series();
    std::vector<AgentSummary> agentStates() const;
    bool anyLost() const;
    QString refusal() const;

private:
    void handle(const CoordMessage &message);
    void markLost(Slot &slot, const QString &why);
    void checkLiveness(Clock::time_point now);
    void sendStop();
    void publish(const LoadTestConfig &config, double plannedSec, bool force);
    bool allDone() const;

    const Coordinator &m_owner;
    const CoordinatorOptions &m_options;
    RedisConnection &m_bus;
    QString m_runId;
    const Coordinator::SnapshotCallback &m_onSnapshot;
    std::vector<Slot> m_slots;
    std::unique_ptr<SeriesMerger> m_merger;
    std::vector<SecondSample> m_series;
    std::vector<SecondSample> m_unpublished;
    std::vector<AgentSecond> m_unpublishedByAgent; // what the merged seconds are made of
    Clock::time_point m_startAt;
    Clock::time_point m_stopSentAt;
    bool m_stopSent = false;
    QByteArray m_lastEventId = "0-0";
    Clock::time_point m_busLastAnswered = Clock::now();
    Clock::time_point m_lastPublished;
};

bool Session::start(const Endpoint &target, qint64 startAtServerMs, QString *error)
{
    m_merger = std::make_unique<SeriesMerger>(int(m_slots.size()));
    const auto local = serverNowMs(m_bus);
    m_startAt = Clock::now() + milliseconds(local ? startAtServerMs - *local : m_options.startInMs);
    for (size_t i = 0; i < m_slots.size(); ++i) {
        const CoordMessage start{QStringLiteral("start"),
                                 m_runId,
                                 {},
                                 qint64(i),
                                 {{"protocol", kCoordProtocol},
                                  {"target", target.displayUri().toStdString()},
                                  {"spec", loadTestConfigToJson(m_slots[i].share)},
                                  {"startAt", startAtServerMs},
                                  {"share", i}}};
        if (!postToAgent(m_bus, m_slots[i].info.name, start, error))
            return false;
    }
    return true;
}

void Session::handle(const CoordMessage &message)
{
    const auto it = std::find_if(m_slots.begin(), m_slots.end(), [&](const Slot &s) { return s.info.name == message.agent; });
    if (it == m_slots.end() || it->done())
        return; // not an agent of this run, or one already counted out: it cannot change the result
    Slot &slot = *it;
    const int index = int(it - m_slots.begin());
    const nlohmann::json &data = message.data;
    if (message.kind == QLatin1String("accepted")) {
        slot.state = QStringLiteral("running");
    } else if (message.kind == QLatin1String("refused")) {
        slot.state = QStringLiteral("refused");
        slot.note = QString::fromStdString(data.value("reason", std::string()));
        m_merger->markLost(index);
    } else if (message.kind == QLatin1String("second")) {
        QString problem;
        const auto stats = data.contains("stats") ? statsBlockFromWire(data["stats"], &problem) : std::nullopt;
        const auto second =
            stats && data.contains("second") ? secondFromWire(data["second"], *stats, &problem) : std::nullopt;
        if (!second)
            return markLost(slot, QStringLiteral("it sent a malformed second: ") + problem);
        slot.state = QStringLiteral("running");
        slot.delivered.merge(*stats);
        slot.lastSecond = *second;
        m_merger->add(index, *second, stats->total().latency);
        if (m_onSnapshot) // nobody to hand them to otherwise: they would only pile up
            m_unpublishedByAgent.push_back({index, *second});
    } else if (message.kind == QLatin1String("final")) {
        QString problem;
        auto result = data.contains("result") ? runResultFromJson(data["result"], &problem) : std::nullopt;
        if (!result)
            return markLost(slot, QStringLiteral("its final result was malformed: ") + problem);
        slot.final = std::move(*result);
        slot.note = QString::fromStdString(data.value("stopReason", std::string()));
        slot.state = QStringLiteral("finished");
    }
}

void Session::markLost(Slot &slot, const QString &why)
{
    slot.state = QStringLiteral("lost");
    slot.note = why;
    m_merger->markLost(int(&slot - m_slots.data()));
    // Should it come back while the run goes on, it stops at once rather than load the target
    // uncounted until the end.
    postToAgent(m_bus, slot.info.name, {QStringLiteral("stop"), m_runId, {}, 0, {}});
}

// An agent whose registration expired has stopped heartbeating: it died or was cut off.
void Session::checkLiveness(Clock::time_point now)
{
    for (Slot &slot : m_slots) {
        if (slot.done())
            continue;
        if (slot.state == QLatin1String("starting") && now > m_startAt + milliseconds(kAnswerStartMs)) {
            markLost(slot, QStringLiteral("it did not answer its start"));
            continue;
        }
        const auto exists = m_bus.command({"EXISTS", agentKey(slot.info.name)});
        if (exists && exists->type == RedisReply::Type::Integer && exists->integer == 0)
            markLost(slot, QStringLiteral("its heartbeat stopped"));
        if (m_stopSent && !slot.done() && now - m_stopSentAt > milliseconds(kFinalAfterStopMs))
            markLost(slot, QStringLiteral("it did not stop within %1 s").arg(kFinalAfterStopMs / 1000));
    }
}

void Session::sendStop()
{
    m_stopSent = true;
    m_stopSentAt = Clock::now();
    for (const Slot &slot : m_slots) {
        if (!slot.done())
            postToAgent(m_bus, slot.info.name, {QStringLiteral("stop"), m_runId, {}, 0, {}});
    }
}

bool Session::allDone() const
{
    return std::all_of(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.done(); });
}

void Session::follow(double plannedSec, const LoadTestConfig &config)
{
    const Clock::time_point end = m_startAt + milliseconds(qint64(plannedSec * 1000) + kFinalAfterEndMs);
    auto nextAlive = Clock::now();
    auto nextLiveness = Clock::now() + milliseconds(kLivenessEveryMs);
    while (!allDone()) {
        const auto now = Clock::now();
        if (now >= nextAlive) {
            if (touchCoordinatorAlive(m_bus, m_runId))
                m_busLastAnswered = now;
            nextAlive = now + milliseconds(kCoordinatorAliveEveryMs);
        }
        if (!m_stopSent && (m_owner.stopRequested() || !refusal().isEmpty()))
            sendStop();
        if (const auto entries = readStream(m_bus, runEventsKey(m_runId), m_lastEventId, kEventWaitMs)) {
            m_busLastAnswered = Clock::now();
            for (const CoordEntry &entry : *entries) {
                m_lastEventId = entry.id;
                if (entry.message && entry.message->run == m_runId)
                    handle(*entry.message);
            }
        } else {
            std::this_thread::sleep_for(milliseconds(kEventWaitMs)); // the connection reconnects
        }
        if (Clock::now() >= nextLiveness) {
            checkLiveness(Clock::now());
            nextLiveness = Clock::now() + milliseconds(kLivenessEveryMs);
        }
        const bool busGone = Clock::now() - m_busLastAnswered > milliseconds(kCoordinatorAliveTtlMs);
        for (Slot &slot : m_slots) {
            if (!slot.done() && busGone)
                markLost(slot, QStringLiteral("the coordination server stopped answering"));
            else if (!slot.done() && Clock::now() > end)
                markLost(slot, QStringLiteral("it did not finish within %1 s of the run's end").arg(kFinalAfterEndMs / 1000));
        }
        publish(config, plannedSec, false);
    }
    publish(config, plannedSec, true);
}

void Session::publish(const LoadTestConfig &config, double plannedSec, bool force)
{
    for (SecondSample &s : m_merger->takeComplete()) {
        m_series.push_back(s);
        m_unpublished.push_back(std::move(s));
    }
    const auto now = Clock::now();
    if (!m_onSnapshot || (!force && now - m_lastPublished < milliseconds(kSnapshotEveryMs)))
        return;
    m_lastPublished = now;
    RunSnapshot snapshot;
    snapshot.runId = m_runId;
    snapshot.testName = config.testName;
    snapshot.plannedSec = plannedSec;
    snapshot.elapsedSec = std::max(0.0, std::chrono::duration<double>(now - m_startAt).count());
    snapshot.totalUsers = config.concurrentUsers;
    snapshot.phase = force                                            ? RunPhase::Finished
        : m_stopSent                                                  ? RunPhase::Stopping
        : now < m_startAt                                             ? RunPhase::Connecting
        : snapshot.elapsedSec < config.warmupSec                      ? RunPhase::WarmingUp
                                                                      : RunPhase::Running;
    StatsBlock all;
    for (const Slot &slot : m_slots) {
        all.merge(slot.delivered);
        if (!slot.done())
            snapshot.connectedUsers += slot.lastSecond.connectedUsers;
    }
    if (!m_series.empty()) {
        const SecondSample &last = m_series.back();
        snapshot.intervalOpsPerSec = last.opsPerSec();
        snapshot.intervalErrorsPerSec = last.durationSec > 0 ? double(last.errors) / last.durationSec : 0;
        snapshot.intervalP99Us = last.p99Us;
    }
    snapshot.measuredSec = double(m_series.size());
    for (size_t i = 0; i < all.ops.size(); ++i)
        snapshot.ops[i] = LatencySummary::from(all.ops[i]);
    const OpCounters total = all.total();
    snapshot.total = LatencySummary::from(total);
    snapshot.connectErrors = all.connectErrorCount();
    snapshot.totalLatency = std::make_shared<const LatencyHistogram>(total.latency);
    snapshot.newSeconds = std::exchange(m_unpublished, {});
    snapshot.newAgentSeconds = std::exchange(m_unpublishedByAgent, {});
    snapshot.agents = agentStates();
    m_onSnapshot(snapshot);
}

std::vector<AgentSummary> Session::agentStates() const
{
    std::vector<AgentSummary> states;
    for (const Slot &slot : m_slots) {
        const OpCounters all = slot.delivered.total();
        AgentSummary s;
        s.agent = slot.info.name;
        s.state = slot.state;
        s.status = slot.final ? slot.final->status : RunStatus::Failed;
        s.lost = slot.state == QLatin1String("lost");
        s.users = slot.share.concurrentUsers;
        s.operations = all.count;
        s.errors = all.errors;
        s.throughput = slot.lastSecond.opsPerSec();
        s.p99Us = double(all.latency.percentileNs(99)) / 1000.0;
        s.failureReason = slot.note;
        states.push_back(s);
    }
    return states;
}

// Each agent's part: its own final result, or for a lost (or refusing) agent what it delivered.
std::vector<AgentPart> Session::parts() const
{
    std::vector<AgentPart> parts;
    for (const Slot &slot : m_slots) {
        AgentPart part{slot.info.name, {}, slot.state == QLatin1String("lost")};
        if (slot.final) {
            part.result = *slot.final;
        } else {
            part.result.config = slot.share;
            part.result.totals = slot.delivered;
            part.result.measuredSec = slot.lastSecond.t;
            part.result.status = RunStatus::Failed;
            part.result.failureReason = slot.state == QLatin1String("refused")
                ? QStringLiteral("refused the run: ") + slot.note
                : slot.note;
        }
        if (slot.state == QLatin1String("lost"))
            part.result.failureReason = slot.note;
        parts.push_back(std::move(part));
    }
    return parts;
}

std::vector<SecondSample> Session::series()
{
    std::vector<SecondSample> all = m_series;
    for (SecondSample &rest : m_merger->takeRest())
        all.push_back(std::move(rest));
    return all;
}

bool Session::anyLost() const
{
    return std::any_of(m_slots.begin(), m_slots.end(), [](const Slot &s) { return s.state == QLatin1String("lost"); });
}

QString Session::refusal() const
{
    for (const Slot &slot : m_slots) {
        if (slot.state == QLatin1String("refused"))
            return QStringLiteral("agent %1 refused the run: %2").arg(slot.info.name, slot.note);
    }
    return {};
}

} // namespace

Coordinator::Coordinator(LoadTestConfig config, Endpoint target, CoordinatorOptions options)
    : m_config(std::move(config)), m_target(std::move(target)), m_options(std::move(options)),
      m_runId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

RunResult Coordinator::execute(const SnapshotCallback &onSnapshot)
{
    RunResult result;
    result.runId = m_runId;
    result.config = m_config;
    result.target = m_target.displayUri();
    result.startedAt = QDateTime::currentDateTimeUtc();
    if (const auto issues = validateLoadTestConfig(m_config); !issues.empty())
        return failedRun(result, RedisErrorKind::None, issues.front().toString());

    RedisConnection bus(m_options.bus);
    if (!bus.connect())
        return failedRun(result, bus.lastError().kind,
                         QStringLiteral("coordination server %1: %2").arg(m_options.bus.displayUri(), bus.lastError().message));
    QString error;
    const auto live = listAgents(bus, &error);
    const auto agents = live ? chooseAgents(*live, m_options.agents, &error) : std::nullopt;
    if (!agents || !announceCoordinatorProtocol(bus, &error))
        return failedRun(result, RedisErrorKind::None, error);
    const auto shares = splitRun(m_config, int(agents->size()), m_options.keys, &error);
    if (!shares)
        return failedRun(result, RedisErrorKind::None, error);

    // The namespace every agent writes in, claimed once here and removed once at the end.
    RedisConnection control(m_target);
    if (!control.connect())
        return failedRun(result, control.lastError().kind, control.lastError().message);
    const std::optional<ClusterSlotMap> cluster = discoverClusterSlots(control, &error);
    if (!error.isEmpty())
        return failedRun(result, RedisErrorKind::None, error);
    ClaimOptions claimOptions;
    claimOptions.runId = m_runId;
    claimOptions.allowExistingKeys = m_options.allowExistingKeys;
    const NamespaceClaim claim = claimNamespace(control, m_config.keyPrefix, claimOptions, cluster);
    if (!claim.ok())
        return failedRun(result, claim.error.kind, claim.error.message);

    Session session(*this, m_options, bus, m_runId, onSnapshot);
    for (const RunShare &share : *shares) {
        LoadTestConfig config = share.config;
        config.keyPrefix = shareKeyPrefix(claim.keyNamespace, share.agent, m_options.keys);
        session.addAgent((*agents)[size_t(share.agent)], config);
    }
    const auto now = serverNowMs(bus);
    if (!touchCoordinatorAlive(bus, m_runId, &error) || !now
        || !session.start(m_target, *now + m_options.startInMs, &error))
        return failedRun(result, bus.lastError().kind, QStringLiteral("coordination server: ") + error);
    session.follow(m_config.warmupSec + m_config.durationSec, m_config);

    // The agents still able to hear it stop at once; a lost one stops by itself within the
    // heartbeat's TTL, which the cleanup waits out so that nothing is written behind it.
    bus.command({"UNLINK", coordinatorAliveKey(m_runId)});
    bus.command({"PEXPIRE", runEventsKey(m_runId), QByteArray::number(3'600'000)});
    if (session.anyLost())
        std::this_thread::sleep_for(milliseconds(kCoordinatorAliveTtlMs));

    RunResult merged = mergeAgentParts(session.parts(), session.series());
    merged.runId = m_runId;
    merged.config = m_config;
    merged.target = result.target;
    merged.keyNamespace = claim.keyNamespace;
    // The whole run's figures per agent, with where each one ended and why.
    const std::vector<AgentSummary> states = session.agentStates();
    for (size_t i = 0; i < merged.agents.size() && i < states.size(); ++i) {
        merged.agents[i].state = states[i].state;
        merged.agents[i].failureReason = states[i].failureReason;
    }
    if (const QString refusal = session.refusal(); !refusal.isEmpty()) {
        merged.status = RunStatus::Failed;
        merged.failureReason = refusal;
    } else if (stopRequested() && merged.status != RunStatus::Failed) {
        merged.status = RunStatus::Stopped; // every agent stopped because the user asked
        merged.failureReason.clear();
    }
    if (!m_config.cleanup) {
        merged.keysLeft = countNamespaceKeys(m_target, {}, claim.keyNamespace, cluster);
        merged.cleanupNote = QStringLiteral("cleanup is off");
    } else {
        const NamespaceCleanup cleaned = removeNamespace(m_target, {}, claim.keyNamespace, cluster);
        merged.keysCleanedUp = cleaned.deleted;
        merged.keysLeft = cleaned.left;
        if (!cleaned.ok())
            merged.cleanupNote = QStringLiteral("cleanup failed: ") + cleaned.error;
    }
    merged.finishedAt = QDateTime::currentDateTimeUtc();
    return merged;
}

} // namespace cwb
