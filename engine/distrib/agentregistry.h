#pragma once

#include "redis/redisconnection.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb {

// Agents of distributed runs (issue 18) announce themselves on a coordination server the user
// already runs: one hash per agent, `cwb:coord:agent:<name>`, that expires unless the agent
// refreshes it (its heartbeat). Nothing else has to be deployed, and an agent that is gone
// disappears from the list by itself.
inline constexpr int kCoordProtocol = 1;            // bumped whenever a message changes shape
inline constexpr QByteArrayView kCoordProtocolKey = "cwb:coord:protocol"; // what the coordinators speak
inline constexpr int kAgentHeartbeatTtlMs = 3000;   // an agent silent this long is gone
inline constexpr int kAgentHeartbeatEveryMs = 1000; // how often a live agent refreshes

struct AgentInfo
{
    QString name;
    QString version;  // the workbench's version (CWB_VERSION)
    int protocol = 0; // kCoordProtocol of the agent's build
    int cores = 0;
    QString host;
    qint64 clockOffsetNs = 0; // coordination server's clock minus the agent's, from TIME
    QStringList allowTargets; // what its operator allowed it to load (shown, never widened)
    QString state;            // "idle" or "running <run id>"
    qint64 ttlMs = -1;        // left before it expires, as the server says (listAgents only)
};

QByteArray agentKey(const QString &name);
// A name an agent may go by: 1-64 of [A-Za-z0-9._-] (it becomes part of a key).
bool isValidAgentName(const QString &name);

// The coordination server's clock minus this machine's (CLOCK_REALTIME), in nanoseconds, from
// TIME: the narrowest of a few round trips, its midpoint taken as the server's instant.
std::optional<qint64> measureClockOffsetNs(RedisConnection &connection, QString *error = nullptr);

// A coordinator writes its protocol before each run, so agents of another one are refused when
// they register.
bool announceCoordinatorProtocol(RedisConnection &connection, QString *error = nullptr);
// Announces (or refreshes) this agent. Refuses a name a live agent on another host holds, and an
// agent whose protocol is not the coordinators' (kCoordProtocolKey, when one has run here).
bool registerAgent(RedisConnection &connection, const AgentInfo &agent, QString *error = nullptr);
// Keeps the registration alive and its state current; re-announces it when it had already
// expired. False on failure.
bool heartbeatAgent(RedisConnection &connection, const AgentInfo &agent, QString *error = nullptr);
// Removes the registration (an agent that stops cleanly).
bool unregisterAgent(RedisConnection &connection, const QString &name, QString *error = nullptr);
// Every live agent, by name (SCAN, never KEYS); nullopt when the server could not say.
// This machine's wall clock (CLOCK_REALTIME), what clock offsets and start instants are taken against.
int64_t wallClockNs();

std::optional<std::vector<AgentInfo>> listAgents(RedisConnection &connection, QString *error = nullptr);

} // namespace cwb
