#pragma once

#include "redis/redisconnection.h"
#include "warmsource.h"

#include <optional>

namespace cwb {

// Connects to a strategy's source server ("params.source"). The password comes from the URI
// or CWB_SOURCE_PASSWORD. A failure names the parameter and the reason, never the password.
std::optional<RedisConnection> connectSource(const QString &uri, QString *error);

// Strategy 3. SCAN MATCH pattern on the source; DUMP + PTTL then RESTORE (TTL preserved, the
// plan's TTL for keys without one), or GET + PTTL then SET for strings. A target key is the
// source key when it already starts with the plan's prefix, else the prefix + the source key.
class CopySource : public WarmSource
{
public:
    explicit CopySource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;

private:
    WarmingPlan m_plan;
    std::optional<RedisConnection> m_source;
    QByteArray m_pattern;
    bool m_dump = true;
    qint64 m_maxKeys = 0;
    qint64 m_produced = 0;
    QByteArray m_cursor = "0";
    bool m_scanDone = false;
    std::vector<QByteArray> m_pending;
};

// Strategy 5. The load engine's session hashes "<sessionPrefix>sess:N" (fields userId,
// createdAt, lastSeen, data): the most recent `count` by lastSeen, copied as hashes with their
// remaining TTL.
class SessionsSource : public WarmSource
{
public:
    explicit SessionsSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;
    qint64 totalEstimate() const override { return qint64(m_keys.size()); }

private:
    WarmingPlan m_plan;
    std::optional<RedisConnection> m_source;
    std::vector<QByteArray> m_keys; // most recent first
    size_t m_next = 0;
};

// Strategies 4 and 8 share this: a fixed list of keys (found in a trace), whose values are
// copied from "params.source" (DUMP/RESTORE with TTL) when given, else generated
// ("params.valueSize" random bytes).
class KeySetSource : public WarmSource
{
public:
    explicit KeySetSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;
    qint64 totalEstimate() const override { return qint64(m_keys.size()); }

protected:
    // Fills m_keys, hottest first. False with *error set on failure.
    virtual bool findKeys(QString *error) = 0;

    WarmingPlan m_plan;
    std::vector<QByteArray> m_keys;

private:
    std::optional<RedisConnection> m_source;
    int m_valueSize = 64;
    size_t m_next = 0;
};

} // namespace cwb
