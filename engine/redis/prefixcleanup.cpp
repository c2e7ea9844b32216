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

PrefixScan scanKeysWithPrefix(RedisConnection &connection, const QString &prefix,
                              const std::function<bool(const std::vector<QByteArray> &)> &onKeys, int maxCalls)
{
    PrefixScan scan;
    const QByteArray pattern = prefixMatchPattern(prefix);
    const QByteArray prefixBytes = prefix.toUtf8();
    QByteArray cursor = "0";
    std::vector<QByteArray> keys;
    for (int calls = 0; maxCalls <= 0 || calls < maxCalls; ++calls) {
        const auto reply = connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (!reply || reply->isError() || reply->type != RedisReply::Type::Array || reply->elements.size() != 2) {
            scan.ok = false;
            scan.error = QStringLiteral("SCAN failed: %1").arg(connection.lastError().message);
            return scan;
        }
        cursor = reply->elements[0].str;
        keys.clear();
        for (const RedisReply &key : reply->elements[1].elements) {
            // Belt and braces: the pattern already matches only the prefix.
            if (key.str.startsWith(prefixBytes))
                keys.push_back(key.str);
        }
        if (!keys.empty() && !onKeys(keys))
            return scan;
        if (cursor == "0") {
            scan.complete = true;
            return scan;
        }
    }
    return scan;
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
    const auto unlinkBatch = [&](const std::vector<QByteArray> &keys) {
        if (cancel && cancel->load()) {
            result.ok = false;
            result.error = QStringLiteral("cleanup cancelled");
            return false;
        }
        if (clusterNode) {
            // One UNLINK with keys of several slots is refused (CROSSSLOT).
            std::vector<RedisCommand> single;
            for (const QByteArray &key : keys)
                single.push_back({"UNLINK", key});
            const auto replies = connection.pipeline(single);
            if (!replies) {
                result.ok = false;
                result.error = QStringLiteral("UNLINK failed: %1").arg(connection.lastError().message);
                return false;
            }
            for (const RedisReply &r : *replies) {
                if (r.isError()) {
                    result.ok = false;
                    result.error = QStringLiteral("UNLINK failed: %1").arg(QString::fromUtf8(r.str));
                    return false;
                }
                result.deleted += r.integer;
            }
            return true;
        }
        RedisCommand unlink{"UNLINK"};
        for (const QByteArray &key : keys)
            unlink.append(key);
        const auto deleted = connection.command(unlink);
        if (!deleted || deleted->isError()) {
            result.ok = false;
            result.error = QStringLiteral("UNLINK failed: %1").arg(connection.lastError().message);
            return false;
        }
        result.deleted += deleted->integer;
        return true;
    };
    if (cancel && cancel->load())
        return {0, false, QStringLiteral("cleanup cancelled")};
    const PrefixScan scan = scanKeysWithPrefix(connection, prefix, unlinkBatch);
    if (!scan.ok) {
        result.ok = false;
        result.error = scan.error;
    }
    return result;
}

} // namespace cwb
