#pragma once

#include "agentregistry.h"
#include "runsplit.h"
#include "load/loadconfig.h"
#include "load/runresult.h"
#include "load/runsnapshot.h"
#include "redis/endpoint.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

namespace cwb {

// Which live agents a distributed run uses: every one, the first N by name, or these names.
struct AgentSelection
{
    enum class Kind { All, Count, Names };
    Kind kind = Kind::All;
    int count = 0;
    QStringList names;

    // "all", a count ("3") or names ("gen-1,gen-2"); nullopt (and `error`) otherwise.
    static std::optional<AgentSelection> parse(const QString &text, QString *error = nullptr);
};

// The agents `selection` names among the live ones, or nothing (and `error`): a named agent that
// is not live, fewer live agents than asked for, an agent busy with another run, or one that
// speaks another protocol.
std::optional<std::vector<AgentInfo>> chooseAgents(const std::vector<AgentInfo> &live, const AgentSelection &selection,
                                                   QString *error = nullptr);

struct CoordinatorOptions
{
    Endpoint bus; // the coordination server
    AgentSelection agents;
    AgentKeys keys = AgentKeys::Shared; // distrib/runsplit.h
    bool allowExistingKeys = false;
    int startInMs = 2000; // from the start messages to the common start instant
    const std::atomic<bool> *cancel = nullptr;
};

// The coordinator of a distributed run (issue 18): runs one load test over several agents and
// returns one result, as if one generator had run every user.
//
//   execute(): choose the agents -> split the run (distrib/runsplit.h) -> claim the key
//              namespace on the target -> post each agent its share with one common start
//              instant (the coordination server's clock + startInMs) -> merge the seconds as they
//              arrive (distrib/seriesmerger.h), refreshing the coordinator's heartbeat every
//              500 ms -> collect every agent's final result -> merge (distrib/runmerge.h) ->
//              remove the namespace -> RunResult with a per-agent breakdown in `agents`
//
// Faults: an agent whose heartbeat stops (or that does not answer its start, stop or end in
// time) is lost: its delivered seconds stay counted, the run goes on with the others and ends
// Failed, naming it. A refusal (target not allowed, bad spec) stops the others and fails the
// run. A stop reaches the agents within a second. If the coordinator dies, its heartbeat
// expires and the agents stop and clean up by themselves (distrib/agent.h). Events from an
// agent already counted lost are ignored, so one that comes back late cannot change the result.
class Coordinator
{
public:
    using SnapshotCallback = std::function<void(const RunSnapshot &)>;

    Coordinator(LoadTestConfig config, Endpoint target, CoordinatorOptions options);

    RunResult execute(const SnapshotCallback &onSnapshot = {});
    // Thread-safe; execute() then returns within a few seconds, with status Stopped.
    void requestStop() { m_stopRequested.store(true); }
    bool stopRequested() const { return m_stopRequested.load() || (m_options.cancel && m_options.cancel->load()); }
    const QString &runId() const { return m_runId; }

private:
    LoadTestConfig m_config;
    Endpoint m_target;
    CoordinatorOptions m_options;
    QString m_runId;
    std::atomic<bool> m_stopRequested{false};
};

} // namespace cwb
