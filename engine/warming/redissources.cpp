#include "redissources.h"

#include "redis/endpoint.h"
#include "redis/prefixcleanup.h"

#include <QtGlobal>

#include <algorithm>

namespace cwb {

std::optional<RedisConnection> connectSource(const QString &uri, QString *error)
{
    QString parseError;
    auto endpoint = parseEndpoint(uri, &parseError);
    if (!endpoint) {
        *error = QStringLiteral("params.source: ") + parseError;
        return std::nullopt;
    }
    if (endpoint->password.isEmpty())
        endpoint->password = qEnvironmentVariable("CWB_SOURCE_PASSWORD");
    RedisConnection::Options options;
    options.connectTimeoutMs = 2000;
    options.commandTimeoutMs = 5000;
    options.reconnectAttempts = 1;
    options.clientName = "cwb-warming-source";
    RedisConnection connection(*endpoint, options);
    if (!connection.connect()) {
        *error = QStringLiteral("source %1 unreachable: %2").arg(endpoint->displayUri(), connection.lastError().message);
        return std::nullopt;
    }
    return connection;
}

// --- copy -----------------------------------------------------------------------------------

CopySource::CopySource(const WarmingPlan &plan) : m_plan(plan)
{
    m_pattern = plan.stringParam("pattern", QStringLiteral("*")).toUtf8();
    m_dump = plan.stringParam("mode", QStringLiteral("dump")) == QLatin1String("dump");
    m_maxKeys = plan.intParam("maxKeys", 0);
}

bool CopySource::open(QString *error)
{
    m_source = connectSource(m_plan.stringParam("source"), error);
    return m_source ? true : fail(*error);
}

bool CopySource::next(int maxItems, std::vector<WarmItem> &out)
{
    const QByteArray prefix = m_plan.keyPrefix.toUtf8();
    int added = 0;
    while (added < maxItems) {
        if (m_maxKeys > 0 && m_produced >= m_maxKeys)
            return added > 0;
        if (m_pending.empty()) {
            if (m_scanDone)
                return added > 0;
            const auto reply = m_source->command({"SCAN", m_cursor, "MATCH", m_pattern, "COUNT", "500"});
            if (!reply || reply->isError() || reply->elements.size() != 2)
                return fail(QStringLiteral("source SCAN failed: %1").arg(m_source->lastError().message));
            m_cursor = reply->elements[0].str;
            m_scanDone = m_cursor == "0";
            for (const RedisReply &key : reply->elements[1].elements)
                m_pending.push_back(key.str);
            continue;
        }
        // One pipelined round trip for this slice of keys: PTTL + DUMP (or GET) each.
        const size_t take = std::min<size_t>(m_pending.size(), size_t(maxItems - added));
        std::vector<RedisCommand> commands;
        commands.reserve(take * 2);
        for (size_t i = 0; i < take; ++i) {
            commands.push_back({"PTTL", m_pending[i]});
            commands.push_back({m_dump ? QByteArray("DUMP") : QByteArray("GET"), m_pending[i]});
        }
        const auto replies = m_source->pipeline(commands);
        if (!replies || replies->size() != commands.size())
            return fail(QStringLiteral("source read failed: %1").arg(m_source->lastError().message));
        for (size_t i = 0; i < take; ++i) {
            const RedisReply &pttl = (*replies)[2 * i];
            const RedisReply &value = (*replies)[2 * i + 1];
            if (value.isNil())
                continue; // expired or deleted since SCAN saw it: nothing to copy
            if (value.isError()) {
                skipRow(QStringLiteral("key '%1': %2").arg(QString::fromUtf8(m_pending[i]), QString::fromUtf8(value.str)));
                continue;
            }
            WarmItem item;
            item.kind = m_dump ? WarmItem::Kind::Dump : WarmItem::Kind::String;
            item.key = keyUnderPrefix(prefix, m_pending[i]);
            item.value = value.str;
            item.ttlMs = pttl.integer > 0 ? pttl.integer : 0;
            out.push_back(std::move(item));
            ++added;
            ++m_produced;
        }
        m_pending.erase(m_pending.begin(), m_pending.begin() + qsizetype(take));
    }
    return true;
}

// --- sessions -------------------------------------------------------------------------------

SessionsSource::SessionsSource(const WarmingPlan &plan) : m_plan(plan) {}

bool SessionsSource::open(QString *error)
{
    m_source = connectSource(m_plan.stringParam("source"), error);
    if (!m_source)
        return fail(*error);
    const QString sessionPrefix = m_plan.stringParam("sessionPrefix", QStringLiteral("cwb:")) + QStringLiteral("sess:");
    const qint64 count = m_plan.intParam("count", 100);
    const QByteArray pattern = prefixMatchPattern(sessionPrefix);

    // lastSeen of every session, read in pipelined slices as SCAN returns keys.
    std::vector<std::pair<qint64, QByteArray>> sessions;
    QByteArray cursor = "0";
    do {
        const auto reply = m_source->command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000", "TYPE", "hash"});
        if (!reply || reply->isError() || reply->elements.size() != 2) {
            *error = QStringLiteral("source SCAN failed: %1").arg(m_source->lastError().message);
            return fail(*error);
        }
        cursor = reply->elements[0].str;
        std::vector<RedisCommand> commands;
        for (const RedisReply &key : reply->elements[1].elements)
            commands.push_back({"HGET", key.str, "lastSeen"});
        if (commands.empty())
            continue;
        const auto seen = m_source->pipeline(commands);
        if (!seen || seen->size() != commands.size()) {
            *error = QStringLiteral("source read failed: %1").arg(m_source->lastError().message);
            return fail(*error);
        }
        for (size_t i = 0; i < commands.size(); ++i) {
            bool ok = false;
            const qint64 lastSeen = (*seen)[i].str.toLongLong(&ok);
            if (!ok) {
                skipRow(QStringLiteral("key '%1': no numeric lastSeen field").arg(QString::fromUtf8(commands[i][1])));
                continue;
            }
            sessions.emplace_back(lastSeen, commands[i][1]);
        }
    } while (cursor != "0");
    // Most recent first; the key breaks ties so the choice is stable.
    std::sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (qint64(sessions.size()) > count)
        sessions.resize(size_t(count));
    for (auto &session : sessions)
        m_keys.push_back(std::move(session.second));
    m_report[QStringLiteral("sessionsFound")] = QString::number(m_keys.size());
    return true;
}

bool SessionsSource::next(int maxItems, std::vector<WarmItem> &out)
{
    if (m_next >= m_keys.size())
        return false;
    const QByteArray prefix = m_plan.keyPrefix.toUtf8();
    const size_t take = std::min(m_keys.size() - m_next, size_t(maxItems));
    std::vector<RedisCommand> commands;
    for (size_t i = 0; i < take; ++i) {
        commands.push_back({"PTTL", m_keys[m_next + i]});
        commands.push_back({"HGETALL", m_keys[m_next + i]});
    }
    const auto replies = m_source->pipeline(commands);
    if (!replies || replies->size() != commands.size())
        return fail(QStringLiteral("source read failed: %1").arg(m_source->lastError().message));
    for (size_t i = 0; i < take; ++i) {
        const RedisReply &fields = (*replies)[2 * i + 1];
        if (fields.elements.size() < 2)
            continue; // expired since it was listed
        WarmItem item;
        item.kind = WarmItem::Kind::Hash;
        item.key = keyUnderPrefix(prefix, m_keys[m_next + i]);
        for (size_t f = 0; f + 1 < fields.elements.size(); f += 2)
            item.fields.emplace_back(fields.elements[f].str, fields.elements[f + 1].str);
        item.ttlMs = (*replies)[2 * i].integer > 0 ? (*replies)[2 * i].integer : 0;
        out.push_back(std::move(item));
    }
    m_next += take;
    return true;
}

// --- key sets (hot keys, predictive) --------------------------------------------------------

KeySetSource::KeySetSource(const WarmingPlan &plan) : m_plan(plan)
{
    m_valueSize = int(plan.intParam("valueSize", 64));
}

bool KeySetSource::open(QString *error)
{
    if (!findKeys(error))
        return fail(*error);
    const QString source = m_plan.stringParam("source");
    if (!source.isEmpty()) {
        m_source = connectSource(source, error);
        if (!m_source)
            return fail(*error);
    }
    return true;
}

bool KeySetSource::next(int maxItems, std::vector<WarmItem> &out)
{
    if (m_next >= m_keys.size())
        return false;
    const QByteArray prefix = m_plan.keyPrefix.toUtf8();
    const size_t take = std::min(m_keys.size() - m_next, size_t(maxItems));
    if (!m_source) {
        const QByteArray spec = "random:" + QByteArray::number(m_valueSize);
        for (size_t i = 0; i < take; ++i) {
            WarmItem item;
            item.key = keyUnderPrefix(prefix, m_keys[m_next + i]);
            item.value = generateValue(spec, item.key);
            out.push_back(std::move(item));
        }
        m_next += take;
        return true;
    }
    std::vector<RedisCommand> commands;
    for (size_t i = 0; i < take; ++i) {
        commands.push_back({"PTTL", m_keys[m_next + i]});
        commands.push_back({"DUMP", m_keys[m_next + i]});
    }
    const auto replies = m_source->pipeline(commands);
    if (!replies || replies->size() != commands.size())
        return fail(QStringLiteral("source read failed: %1").arg(m_source->lastError().message));
    for (size_t i = 0; i < take; ++i) {
        const RedisReply &dump = (*replies)[2 * i + 1];
        if (dump.isNil() || dump.isError()) {
            skipRow(QStringLiteral("key '%1': not on the source").arg(QString::fromUtf8(m_keys[m_next + i])));
            continue;
        }
        WarmItem item;
        item.kind = WarmItem::Kind::Dump;
        item.key = keyUnderPrefix(prefix, m_keys[m_next + i]);
        item.value = dump.str;
        item.ttlMs = (*replies)[2 * i].integer > 0 ? (*replies)[2 * i].integer : 0;
        out.push_back(std::move(item));
    }
    m_next += take;
    return true;
}

} // namespace cwb
