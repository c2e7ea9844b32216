#pragma once

#include "agentregistry.h"
#include "coordbus.h"
#include "redis/endpoint.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace cwb {

// The agent side of a distributed run (issue 18): announces itself on the coordination server,
// waits for "start" messages in its inbox, runs its share of the load with the ordinary engine
// and streams each second to the run's events, until told to stop.
//
// It only ever runs load specs: a start names a target and a load configuration, which goes
// through the same validator as `run --config`, and the target must match one of the patterns
// its operator allowed on its own command line. Passwords never travel in messages: the agent
// asks `targetPassword` (its own environment or keychain). While it runs, it watches the
// coordinator's heartbeat; when that key is gone (the coordinator died), or the coordination
// server has not answered for kCoordinatorAliveTtlMs, it stops, says why and removes the run's
// keys itself (no one else would).
struct AgentOptions
{
    Endpoint coordinator;
    QString name;
    QString host;             // shown in the agent list (this machine's name)
    QStringList allowTargets; // wildcard patterns over target URIs ("redis://10.0.0.*:6379")
    std::function<QString(const Endpoint &target)> targetPassword;
    std::function<void(const QString &line)> log; // what the agent did, one line each (any thread)
};

class Agent
{
public:
    explicit Agent(AgentOptions options);

    // Serves until `stop` is set (or the coordination server cannot be reached at the start);
    // false with `error` when it could not register.
    bool serve(const std::atomic<bool> &stop, QString *error = nullptr);

    // A target is allowed when one of the patterns matches its URI as shown (no password).
    static bool targetAllowed(const QStringList &patterns, const Endpoint &target);

private:
    struct Start;
    std::optional<Start> acceptStart(const CoordMessage &message, QString *reason) const;
    QString waitForStart(RedisConnection &bus, const Start &start, QByteArray &lastId,
                         const std::atomic<bool> &stop) const;
    void runShare(RedisConnection &bus, const Start &start, QByteArray &lastId, const std::atomic<bool> &stop);
    QString readOrders(RedisConnection &bus, const QString &run, QByteArray &lastId) const;
    nlohmann::json cleanUpAlone(const Start &start) const;
    void say(const QString &line) const;

    AgentOptions m_options;
    AgentInfo m_info;
};

} // namespace cwb
