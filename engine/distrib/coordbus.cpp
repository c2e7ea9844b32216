#include "coordbus.h"

#include "redis/failwith.h"
#include "json/strictjson.h"

namespace cwb {

namespace {

QString busReplyError(const RedisConnection &c, const std::optional<RedisReply> &reply)
{
    return reply && reply->isError() ? QString::fromUtf8(reply->str) : c.lastError().message;
}

bool appendToStream(RedisConnection &c, const QByteArray &key, const CoordMessage &m, QString *error)
{
    const auto reply =
        c.command({"XADD", key, "MAXLEN", "~", QByteArray::number(kStreamMaxLen), "*", "kind", m.kind.toUtf8(), "run",
                   m.run.toUtf8(), "agent", m.agent.toUtf8(), "seq", QByteArray::number(m.seq), "data",
                   QByteArray::fromStdString(m.data.is_null() ? std::string("{}") : m.data.dump())});
    if (!reply || reply->type != RedisReply::Type::String)
        return failWith(error, QStringLiteral("could not post '%1' to %2: %3")
                                   .arg(m.kind, QString::fromUtf8(key), busReplyError(c, reply)));
    return true;
}

// The message in one entry's field list, or why it is not one.
std::optional<CoordMessage> decodeCoordMessage(const RedisReply &fields, QString *problem)
{
    CoordMessage m;
    int seen = 0;
    bool seqOk = true;
    for (size_t i = 0; i + 1 < fields.elements.size(); i += 2) {
        const QByteArray &name = fields.elements[i].str;
        const QByteArray &value = fields.elements[i + 1].str;
        if (name == "kind")
            m.kind = QString::fromUtf8(value);
        else if (name == "run")
            m.run = QString::fromUtf8(value);
        else if (name == "agent")
            m.agent = QString::fromUtf8(value);
        else if (name == "seq")
            m.seq = value.toLongLong(&seqOk);
        else if (name == "data") {
            auto data = parseStrictJson(value, problem);
            if (!data || !data->is_object()) {
                if (data)
                    *problem = QStringLiteral("data is not a JSON object");
                return std::nullopt;
            }
            m.data = std::move(*data);
        } else {
            *problem = QStringLiteral("unknown field '%1'").arg(QString::fromUtf8(name));
            return std::nullopt;
        }
        ++seen;
    }
    if (fields.type != RedisReply::Type::Array || fields.elements.size() % 2 != 0 || seen != 5 || !seqOk ||
        m.kind.isEmpty()) {
        *problem = QStringLiteral("not a coordination message (fields kind, run, agent, seq, data)");
        return std::nullopt;
    }
    return m;
}

} // namespace

QByteArray inboxKey(const QString &agent)
{
    return "cwb:coord:inbox:" + agent.toUtf8();
}

QByteArray runEventsKey(const QString &run)
{
    return "cwb:coord:run:" + run.toUtf8() + ":events";
}

QByteArray coordinatorAliveKey(const QString &run)
{
    return "cwb:coord:run:" + run.toUtf8() + ":alive";
}

bool postToAgent(RedisConnection &c, const QString &agent, const CoordMessage &message, QString *error)
{
    return appendToStream(c, inboxKey(agent), message, error);
}

bool postRunEvent(RedisConnection &c, const CoordMessage &message, QString *error)
{
    return appendToStream(c, runEventsKey(message.run), message, error);
}

std::optional<std::vector<CoordEntry>> readStream(RedisConnection &c, const QByteArray &key, const QByteArray &afterId,
                                                  int blockMs, QString *error)
{
    RedisCommand read{"XREAD", "COUNT", "1000"};
    if (blockMs > 0)
        read << "BLOCK" << QByteArray::number(blockMs);
    read << "STREAMS" << key << afterId;
    const auto reply = c.command(read);
    if (!reply || reply->isError()) {
        failWith(error, QStringLiteral("could not read %1: %2").arg(QString::fromUtf8(key), busReplyError(c, reply)));
        return std::nullopt;
    }
    std::vector<CoordEntry> entries;
    if (reply->isNil())
        return entries; // nothing within blockMs
    // [[key, [[id, [field, value, ...]], ...]]]
    if (reply->elements.size() != 1 || reply->elements[0].elements.size() != 2) {
        failWith(error, QStringLiteral("could not read %1: unexpected reply shape").arg(QString::fromUtf8(key)));
        return std::nullopt;
    }
    for (const RedisReply &item : reply->elements[0].elements[1].elements) {
        if (item.elements.size() != 2)
            continue;
        CoordEntry entry{item.elements[0].str, std::nullopt, {}};
        entry.message = decodeCoordMessage(item.elements[1], &entry.problem);
        entries.push_back(std::move(entry));
    }
    return entries;
}

bool touchCoordinatorAlive(RedisConnection &c, const QString &run, QString *error)
{
    const auto reply =
        c.command({"SET", coordinatorAliveKey(run), "1", "PX", QByteArray::number(kCoordinatorAliveTtlMs)});
    if (!reply || !reply->isOk())
        return failWith(error, QStringLiteral("coordinator heartbeat failed: %1").arg(busReplyError(c, reply)));
    return true;
}

std::optional<bool> coordinatorAlive(RedisConnection &c, const QString &run, QString *error)
{
    const auto reply = c.command({"EXISTS", coordinatorAliveKey(run)});
    if (!reply || reply->type != RedisReply::Type::Integer) {
        failWith(error, QStringLiteral("could not look for the coordinator: %1").arg(busReplyError(c, reply)));
        return std::nullopt;
    }
    return reply->integer == 1;
}

} // namespace cwb
