#include "agentregistry.h"

#include "redis/failwith.h"

#include <QRegularExpression>

#include <algorithm>
#include <ctime>

namespace cwb {

namespace {

constexpr QByteArrayView kAgentKeyPrefix = "cwb:coord:agent:";

QString agentReplyError(const RedisConnection &connection, const std::optional<RedisReply> &reply)
{
    if (reply && reply->isError())
        return QString::fromUtf8(reply->str);
    return connection.lastError().message;
}

AgentInfo agentFromHash(const RedisReply &hash)
{
    AgentInfo agent;
    for (size_t i = 0; i + 1 < hash.elements.size(); i += 2) {
        const QByteArray &field = hash.elements[i].str;
        const QString value = QString::fromUtf8(hash.elements[i + 1].str);
        if (field == "name")
            agent.name = value;
        else if (field == "version")
            agent.version = value;
        else if (field == "protocol")
            agent.protocol = value.toInt();
        else if (field == "cores")
            agent.cores = value.toInt();
        else if (field == "host")
            agent.host = value;
        else if (field == "clockOffsetNs")
            agent.clockOffsetNs = value.toLongLong();
        else if (field == "allowTargets")
            agent.allowTargets = value.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        else if (field == "state")
            agent.state = value;
    }
    return agent;
}

bool writeAgent(RedisConnection &connection, const AgentInfo &agent, QString *error)
{
    const QByteArray key = agentKey(agent.name);
    const auto set = connection.command(
        {"HSET", key, "name", agent.name.toUtf8(), "version", agent.version.toUtf8(), "protocol",
         QByteArray::number(agent.protocol), "cores", QByteArray::number(agent.cores), "host", agent.host.toUtf8(),
         "clockOffsetNs", QByteArray::number(agent.clockOffsetNs), "allowTargets",
         agent.allowTargets.join(QLatin1Char('\n')).toUtf8(), "state", agent.state.toUtf8()});
    if (!set || set->isError())
        return failWith(
            error, QStringLiteral("could not register agent %1: %2").arg(agent.name, agentReplyError(connection, set)));
    const auto expire = connection.command({"PEXPIRE", key, QByteArray::number(kAgentHeartbeatTtlMs)});
    if (!expire || expire->isError())
        return failWith(
            error,
            QStringLiteral("could not register agent %1: %2").arg(agent.name, agentReplyError(connection, expire)));
    return true;
}

} // namespace

QByteArray agentKey(const QString &name)
{
    return kAgentKeyPrefix.toByteArray() + name.toUtf8();
}

bool isValidAgentName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return valid.match(name).hasMatch();
}

std::optional<qint64> measureClockOffsetNs(RedisConnection &connection, QString *error)
{
    std::optional<qint64> best;
    int64_t narrowest = INT64_MAX;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const int64_t before = wallClockNs();
        const auto reply = connection.command({"TIME"});
        const int64_t after = wallClockNs();
        if (!reply || reply->type != RedisReply::Type::Array || reply->elements.size() != 2) {
            failWith(
                error,
                QStringLiteral("TIME failed on the coordination server: %1").arg(agentReplyError(connection, reply)));
            return std::nullopt;
        }
        const int64_t server =
            reply->elements[0].str.toLongLong() * 1'000'000'000 + reply->elements[1].str.toLongLong() * 1000;
        if (after - before < narrowest) {
            narrowest = after - before;
            best = server - (before + (after - before) / 2);
        }
    }
    return best;
}

bool announceCoordinatorProtocol(RedisConnection &connection, QString *error)
{
    const auto set = connection.command({"SET", kCoordProtocolKey.toByteArray(), QByteArray::number(kCoordProtocol)});
    if (!set || set->isError())
        return failWith(error, QStringLiteral("could not write %1 on the coordination server: %2")
                                   .arg(QString::fromLatin1(kCoordProtocolKey), agentReplyError(connection, set)));
    return true;
}

bool registerAgent(RedisConnection &connection, const AgentInfo &agent, QString *error)
{
    if (!isValidAgentName(agent.name))
        return failWith(error, QStringLiteral("agent name '%1' is not 1-64 of A-Z a-z 0-9 . _ -").arg(agent.name));
    // Messages change shape between protocols: an agent that would misread them is turned away
    // here, at once, rather than at its first run.
    const auto spoken = connection.command({"GET", kCoordProtocolKey.toByteArray()});
    if (!spoken || spoken->isError())
        return failWith(
            error,
            QStringLiteral("could not register agent %1: %2").arg(agent.name, agentReplyError(connection, spoken)));
    if (!spoken->isNil() && spoken->str.toInt() != agent.protocol)
        return failWith(error, QStringLiteral("the coordinators on this server speak protocol %1 and this agent (version "
                                              "%2) speaks %3: run the same workbench version on agents and coordinator")
                                   .arg(QString::fromUtf8(spoken->str), agent.version)
                                   .arg(agent.protocol));
    const auto held = connection.command({"HGET", agentKey(agent.name), "host"});
    if (!held || held->isError())
        return failWith(
            error,
            QStringLiteral("could not register agent %1: %2").arg(agent.name, agentReplyError(connection, held)));
    if (!held->isNil() && QString::fromUtf8(held->str) != agent.host)
        return failWith(error, QStringLiteral("an agent named %1 is already registered from %2: choose another --name")
                                   .arg(agent.name, QString::fromUtf8(held->str)));
    return writeAgent(connection, agent, error);
}

bool heartbeatAgent(RedisConnection &connection, const AgentInfo &agent, QString *error)
{
    const auto refreshed =
        connection.command({"PEXPIRE", agentKey(agent.name), QByteArray::number(kAgentHeartbeatTtlMs)});
    if (!refreshed || refreshed->isError())
        return failWith(
            error,
            QStringLiteral("heartbeat of agent %1 failed: %2").arg(agent.name, agentReplyError(connection, refreshed)));
    if (refreshed->integer == 0)
        return writeAgent(connection, agent, error); // it had expired (a pause longer than the TTL)
    // The state changes while the registration lives ("idle" -> "running <run>" -> "idle").
    const auto state = connection.command({"HSET", agentKey(agent.name), "state", agent.state.toUtf8()});
    if (!state || state->isError())
        return failWith(
            error, QStringLiteral("heartbeat of agent %1 failed: %2").arg(agent.name, agentReplyError(connection, state)));
    return true;
}

bool unregisterAgent(RedisConnection &connection, const QString &name, QString *error)
{
    const auto removed = connection.command({"UNLINK", agentKey(name)});
    if (!removed || removed->isError())
        return failWith(
            error, QStringLiteral("could not unregister agent %1: %2").arg(name, agentReplyError(connection, removed)));
    return true;
}

std::optional<std::vector<AgentInfo>> listAgents(RedisConnection &connection, QString *error)
{
    std::vector<AgentInfo> agents;
    QByteArray cursor = "0";
    do {
        const auto page =
            connection.command({"SCAN", cursor, "MATCH", kAgentKeyPrefix.toByteArray() + "*", "COUNT", "200"});
        if (!page || page->type != RedisReply::Type::Array || page->elements.size() != 2) {
            failWith(error, QStringLiteral("could not list agents: %1").arg(agentReplyError(connection, page)));
            return std::nullopt;
        }
        cursor = page->elements[0].str;
        for (const RedisReply &key : page->elements[1].elements) {
            const auto hash = connection.command({"HGETALL", key.str});
            const auto ttl = connection.command({"PTTL", key.str});
            if (!hash || hash->type != RedisReply::Type::Array || hash->elements.empty())
                continue; // expired between SCAN and HGETALL
            AgentInfo agent = agentFromHash(*hash);
            agent.ttlMs = ttl && ttl->type == RedisReply::Type::Integer ? ttl->integer : -1;
            if (agentKey(agent.name) == key.str)
                agents.push_back(std::move(agent));
        }
    } while (cursor != "0");
    std::sort(agents.begin(), agents.end(), [](const AgentInfo &a, const AgentInfo &b) { return a.name < b.name; });
    return agents;
}

int64_t wallClockNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace cwb
