#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace cwb {

class RedisConnection;

// The keys a sharding simulation places: names in one flat buffer (a million keys must not
// mean a million allocations) with their hashes and slots computed once, up front, so every
// strategy's assignment is a tight loop over integers.
class KeySet
{
public:
    enum class Distribution { Uniform, Zipfian };

    struct SyntheticOptions
    {
        qint64 count = 100000;
        Distribution distribution = Distribution::Uniform;
        double zipfExponent = 0.99; // Zipfian only: access weight of rank r is 1 / r^s
        QString prefix = QStringLiteral("cwb:user:");
        double meanValueBytes = 256; // for the memory estimate
    };

    struct SampleOptions
    {
        QString prefix;            // required: SCAN MATCH prefix* (glob characters escaped)
        qint64 maxKeys = 100000;   // stop scanning after this many keys
        int memorySamples = 200;   // MEMORY USAGE on this many keys (0: use meanValueBytes)
        double meanValueBytes = 256;
    };

    KeySet() = default;

    // Keys "<prefix>0" ... "<prefix>count-1". The distribution sets each key's share of the
    // traffic (uniform: equal; Zipfian: key i has rank i+1), so a simulation can show hot
    // shards as well as key counts.
    static KeySet synthetic(const SyntheticOptions &options);
    // Keys scanned from a real server under a prefix (SCAN only; never KEYS). nullopt with
    // *error set when the server fails or the prefix is empty.
    static std::optional<KeySet> sample(RedisConnection &connection, const SampleOptions &options,
                                        QString *error = nullptr, const std::atomic<bool> *cancel = nullptr);
    // From explicit names (tests, small examples).
    static KeySet fromKeys(const std::vector<QByteArray> &keys, double meanValueBytes = 256);

    qint64 size() const { return qint64(m_offsets.size()) - 1 > 0 ? qint64(m_offsets.size()) - 1 : 0; }
    bool isEmpty() const { return size() == 0; }
    QByteArrayView key(qint64 i) const
    {
        return QByteArrayView(m_names.constData() + m_offsets[size_t(i)],
                              qsizetype(m_offsets[size_t(i) + 1] - m_offsets[size_t(i)]));
    }
    uint64_t hash(qint64 i) const { return m_hashes[size_t(i)]; }
    int slot(qint64 i) const { return m_slots[size_t(i)]; }
    const std::vector<uint64_t> &hashes() const { return m_hashes; }
    const std::vector<uint16_t> &keySlots() const { return m_slots; }

    // Traffic weight of key i; 1 for every key when uniform. Sums to size().
    double weight(qint64 i) const { return m_weights.empty() ? 1.0 : m_weights[size_t(i)]; }
    bool hasWeights() const { return !m_weights.empty(); }
    // Estimated bytes the key takes in memory (measured when sampled, else the model).
    double bytes(qint64 i) const;
    double meanValueBytes() const { return m_meanValueBytes; }
    // How many keys had a MEMORY USAGE measurement (sampled key sets only).
    int measuredKeys() const { return m_measured; }
    QString source() const { return m_source; }

    // Key indices sorted by name (for range sharding); computed on first use.
    const std::vector<uint32_t> &sortedOrder() const;

private:
    void append(QByteArrayView name);
    void finish();

    QByteArray m_names;
    std::vector<uint32_t> m_offsets{0};
    std::vector<uint64_t> m_hashes;
    std::vector<uint16_t> m_slots;
    std::vector<double> m_weights;
    std::vector<float> m_measuredBytes; // per key, 0 = not measured
    double m_meanValueBytes = 256;
    int m_measured = 0;
    QString m_source;
    mutable std::vector<uint32_t> m_sorted;
};

QString distributionName(KeySet::Distribution distribution);
std::optional<KeySet::Distribution> parseDistribution(const QString &name);

} // namespace cwb
