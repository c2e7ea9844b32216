#pragma once

#include "redis/redisconnection.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace cwb {

// The message paths of a distributed run (issue 18), all Redis Streams on the coordination
// server, under cwb:coord::
//   cwb:coord:inbox:<agent>      coordinator -> one agent ("start", "stop")
//   cwb:coord:run:<id>:events    agents -> coordinator ("accepted", "refused", "second", "final")
//   cwb:coord:run:<id>:alive     the coordinator's heartbeat: a key that expires 2 s after its last
//                                refresh; an agent that finds it gone stops and cleans up (dead man)
// Every entry has the fields kind, run, agent, seq and data (a JSON document). Entries come from
// other machines through a shared server, so each one read is checked; a malformed one is
// reported, never acted on.
// The coordinator refreshes its heartbeat every 500 ms and it lives 2 s: an agent that checks
// every 200 ms stops within about 2.5 s of the coordinator's death (issue 18: within 3 s), and a
// stop order reaches a running share within 200 ms.
inline constexpr int kCoordinatorAliveTtlMs = 2000;
inline constexpr int kCoordinatorAliveEveryMs = 500;
inline constexpr int kAgentChecksEveryMs = 200; // a running share's look at its orders and the heartbeat
inline constexpr int kStreamMaxLen = 10000; // approximate trim of each stream (MAXLEN ~)

struct CoordMessage
{
    QString kind;
    QString run;
    QString agent;
    qint64 seq = 0;
    nlohmann::json data = nlohmann::json::object();
};

// One entry read from a stream: its id (where the next read starts) and the message, or why the
// entry is not one.
struct CoordEntry
{
    QByteArray id;
    std::optional<CoordMessage> message;
    QString problem;
};

QByteArray inboxKey(const QString &agent);
QByteArray runEventsKey(const QString &run);
QByteArray coordinatorAliveKey(const QString &run);

// Appends to a stream. False (and `error`) when the server did not take it.
bool postToAgent(RedisConnection &c, const QString &agent, const CoordMessage &message, QString *error = nullptr);
bool postRunEvent(RedisConnection &c, const CoordMessage &message, QString *error = nullptr);

// Entries after `afterId` ("0" for all, "$" for only new ones), waiting up to blockMs for the
// first (0: do not wait). Keep blockMs below the connection's command timeout. nullopt when the
// server could not be read.
std::optional<std::vector<CoordEntry>> readStream(RedisConnection &c, const QByteArray &key, const QByteArray &afterId,
                                                  int blockMs, QString *error = nullptr);

// The coordinator's heartbeat for `run`, and an agent's look at it.
bool touchCoordinatorAlive(RedisConnection &c, const QString &run, QString *error = nullptr);
std::optional<bool> coordinatorAlive(RedisConnection &c, const QString &run, QString *error = nullptr);

} // namespace cwb
