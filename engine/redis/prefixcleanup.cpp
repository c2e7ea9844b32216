#include "prefixcleanup.h"

namespace cwb {

QByteArray prefixMatchPattern(const QString &prefix)
{
    QByteArray pattern;
    for (char c : prefix.toUtf8()) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            pattern.append('\\');
        pattern.append(c);
    }
    pattern.append('*');
    return pattern;
}

CleanupResult unlinkKeysWithPrefix(RedisConnection &connection, const QString &prefix,
                                   const std::atomic<bool> *cancel, bool clusterNode)
{
    CleanupResult result;
    if (prefix.isEmpty()) {
        result.ok = false;
        result.error = QStringLiteral("refusing to clean up an empty key prefix");
        return result;
    }
    const QByteArray pattern = prefixMatchPattern(prefix);
    const QByteArray prefixBytes = prefix.toUtf8();
    QByteArray cursor = "0";
    do {
        if (cancel && cancel->load()) {
            result.ok = false;
            result.error = QStringLiteral("cleanup cancelled");
            return result;
        }
        const auto reply = connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (!reply || reply->isError() || reply->type != RedisReply::Type::Array || reply->elements.size() != 2) {
            result.ok = false;
            result.error = QStringLiteral("SCAN failed: %1").arg(connection.lastError().message);
            return result;
        }
        cursor = reply->elements[0].str;
        RedisCommand unlink{"UNLINK"};
        for (const RedisReply &key : reply->elements[1].elements) {
            // Belt and braces: the pattern already matches only the prefix.
            if (key.str.startsWith(prefixBytes))
                unlink.append(key.str);
        }
        if (clusterNode && unlink.size() > 1) {
            std::vector<RedisCommand> single;
            for (qsizetype i = 1; i < unlink.size(); ++i)
                single.push_back({"UNLINK", unlink[i]});
            const auto replies = connection.pipeline(single);
            if (!replies) {
                result.ok = false;
                result.error = QStringLiteral("UNLINK failed: %1").arg(connection.lastError().message);
                return result;
            }
            for (const RedisReply &r : *replies)
                result.deleted += r.type == RedisReply::Type::Integer ? r.integer : 0;
        } else if (unlink.size() > 1) {
            const auto deleted = connection.command(unlink);
            if (!deleted || deleted->isError()) {
                result.ok = false;
                result.error = QStringLiteral("UNLINK failed: %1").arg(connection.lastError().message);
                return result;
            }
            result.deleted += deleted->integer;
        }
    } while (cursor != "0");
    return result;
}

} // namespace cwb
