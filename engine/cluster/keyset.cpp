#include "keyset.h"

#include "hash64.h"
#include "keyslot.h"
#include "redis/prefixcleanup.h"
#include "redis/redisconnection.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cwb {

namespace {

// What a small string key costs beyond its name and value on a 64-bit Redis 7: the dict
// entry, the key's sds header and the value's robj (MEMORY USAGE of "k" = "v" is ~ 56).
constexpr double kPerKeyOverheadBytes = 56;

} // namespace

void KeySet::append(QByteArrayView name)
{
    m_names.append(name.data(), name.size());
    m_offsets.push_back(uint32_t(m_names.size()));
}

void KeySet::finish()
{
    const qint64 n = size();
    m_hashes.resize(size_t(n));
    m_slots.resize(size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        const QByteArrayView name = key(i);
        m_hashes[size_t(i)] = hash64(name);
        m_slots[size_t(i)] = uint16_t(keySlot(name));
    }
    m_sorted.clear();
}

KeySet KeySet::synthetic(const SyntheticOptions &options)
{
    KeySet set;
    const qint64 count = std::max<qint64>(0, options.count);
    const QByteArray prefix = options.prefix.toUtf8();
    set.m_names.reserve(qsizetype(count * (prefix.size() + 7)));
    set.m_offsets.reserve(size_t(count) + 1);
    QByteArray name = prefix;
    for (qint64 i = 0; i < count; ++i) {
        name.truncate(prefix.size());
        name.append(QByteArray::number(i));
        set.append(name);
    }
    set.m_meanValueBytes = options.meanValueBytes;
    if (options.distribution == Distribution::Zipfian && count > 0) {
        set.m_weights.resize(size_t(count));
        double sum = 0;
        for (qint64 i = 0; i < count; ++i) {
            const double w = 1.0 / std::pow(double(i + 1), options.zipfExponent);
            set.m_weights[size_t(i)] = w;
            sum += w;
        }
        const double scale = double(count) / sum;
        for (double &w : set.m_weights)
            w *= scale;
    }
    set.m_source = QStringLiteral("synthetic %1 keys, %2").arg(count).arg(distributionName(options.distribution));
    set.finish();
    return set;
}

KeySet KeySet::fromKeys(const std::vector<QByteArray> &keys, double meanValueBytes)
{
    KeySet set;
    for (const QByteArray &k : keys)
        set.append(k);
    set.m_meanValueBytes = meanValueBytes;
    set.m_source = QStringLiteral("%1 given keys").arg(keys.size());
    set.finish();
    return set;
}

std::optional<KeySet> KeySet::sample(RedisConnection &connection, const SampleOptions &options, QString *error,
                                     const std::atomic<bool> *cancel)
{
    auto fail = [error](const QString &why) -> std::optional<KeySet> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (options.prefix.isEmpty())
        return fail(QStringLiteral("prefix: a key prefix is required to sample keys"));
    if (options.maxKeys <= 0)
        return fail(QStringLiteral("max keys: must be positive, not %1").arg(options.maxKeys));

    KeySet set;
    const QByteArray pattern = prefixMatchPattern(options.prefix);
    QByteArray cursor = "0";
    do {
        if (cancel && cancel->load())
            return fail(QStringLiteral("sampling cancelled"));
        const auto reply = connection.command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
        if (!reply || reply->isError())
            return fail(QStringLiteral("SCAN failed: ") + connection.lastError().message);
        if (reply->type != RedisReply::Type::Array || reply->elements.size() != 2)
            return fail(QStringLiteral("SCAN: unexpected reply shape"));
        cursor = reply->elements[0].str;
        for (const RedisReply &k : reply->elements[1].elements) {
            if (set.size() >= options.maxKeys)
                break;
            set.append(k.str);
        }
    } while (cursor != "0" && set.size() < options.maxKeys);

    set.m_meanValueBytes = options.meanValueBytes;
    set.finish();
    set.m_source = QStringLiteral("%1 keys sampled under '%2' from %3")
                       .arg(set.size())
                       .arg(options.prefix, connection.endpoint().address());

    // MEMORY USAGE on an even spread of keys, pipelined: the measured mean replaces the model.
    const qint64 samples = std::min<qint64>(options.memorySamples, set.size());
    if (samples > 0) {
        std::vector<RedisCommand> commands;
        std::vector<qint64> indices;
        for (qint64 s = 0; s < samples; ++s) {
            const qint64 i = s * set.size() / samples;
            indices.push_back(i);
            commands.push_back({"MEMORY", "USAGE", set.key(i).toByteArray(), "SAMPLES", "0"});
        }
        const auto replies = connection.pipeline(commands);
        if (!replies)
            return fail(QStringLiteral("MEMORY USAGE failed: ") + connection.lastError().message);
        set.m_measuredBytes.assign(size_t(set.size()), 0.f);
        double total = 0;
        for (size_t r = 0; r < replies->size(); ++r) {
            const RedisReply &reply = (*replies)[r];
            if (reply.type != RedisReply::Type::Integer || reply.integer <= 0)
                continue; // the key expired between SCAN and MEMORY USAGE
            set.m_measuredBytes[size_t(indices[r])] = float(reply.integer);
            total += double(reply.integer);
            ++set.m_measured;
        }
        if (set.m_measured > 0) {
            // Keep the model's shape (name length varies) but calibrate the value part.
            double modelledNames = 0;
            for (size_t r = 0; r < indices.size(); ++r) {
                if (set.m_measuredBytes[size_t(indices[r])] > 0)
                    modelledNames += double(set.key(indices[r]).size()) + kPerKeyOverheadBytes;
            }
            set.m_meanValueBytes = std::max(0.0, (total - modelledNames) / set.m_measured);
        } else {
            set.m_measuredBytes.clear();
        }
    }
    return set;
}

double KeySet::bytes(qint64 i) const
{
    if (!m_measuredBytes.empty() && m_measuredBytes[size_t(i)] > 0)
        return m_measuredBytes[size_t(i)];
    return double(key(i).size()) + m_meanValueBytes + kPerKeyOverheadBytes;
}

const std::vector<uint32_t> &KeySet::sortedOrder() const
{
    if (m_sorted.size() != size_t(size())) {
        m_sorted.resize(size_t(size()));
        std::iota(m_sorted.begin(), m_sorted.end(), 0u);
        std::sort(m_sorted.begin(), m_sorted.end(), [this](uint32_t a, uint32_t b) { return key(a) < key(b); });
    }
    return m_sorted;
}

QString distributionName(KeySet::Distribution distribution)
{
    return distribution == KeySet::Distribution::Zipfian ? QStringLiteral("zipfian") : QStringLiteral("uniform");
}

std::optional<KeySet::Distribution> parseDistribution(const QString &name)
{
    if (name == QLatin1String("uniform"))
        return KeySet::Distribution::Uniform;
    if (name == QLatin1String("zipfian") || name == QLatin1String("zipf"))
        return KeySet::Distribution::Zipfian;
    return std::nullopt;
}

} // namespace cwb
