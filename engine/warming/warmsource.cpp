#include "warmsource.h"

#include "filesources.h"
#include "generatedsources.h"
#include "redissources.h"

namespace cwb {

qint64 WarmItem::byteSize() const
{
    qint64 bytes = key.size() + value.size();
    for (const auto &[field, v] : fields)
        bytes += field.size() + v.size();
    return bytes;
}

QByteArray generateValue(const QByteArray &spec, const QByteArray &key, QString *error)
{
    if (!spec.startsWith("random:"))
        return spec.isNull() ? QByteArray("") : spec;
    bool ok = false;
    const int size = spec.mid(7).toInt(&ok);
    if (!ok || size < 0 || size > 64 * 1024 * 1024) {
        if (error)
            *error = QStringLiteral("value generator '%1': size must be 0 to 67108864 bytes").arg(QString::fromUtf8(spec));
        return QByteArray();
    }
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // Seeded by the key: the same plan writes the same bytes, so re-runs change nothing.
    uint64_t state = qHash(key, 0x9e3779b9u) | 1;
    QByteArray value(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        value[i] = kAlphabet[state % (sizeof kAlphabet - 1)];
    }
    if (size == 0)
        return QByteArray("");
    return value;
}

std::unique_ptr<WarmSource> createWarmSource(const WarmingPlan &plan)
{
    switch (plan.strategy) {
    case WarmStrategy::KeyList: return std::make_unique<KeyListSource>(plan);
    case WarmStrategy::Dataset: return std::make_unique<DatasetSource>(plan);
    case WarmStrategy::CopyFromSource: return std::make_unique<CopySource>(plan);
    case WarmStrategy::HotKeys: return std::make_unique<HotKeysSource>(plan);
    case WarmStrategy::Sessions: return std::make_unique<SessionsSource>(plan);
    case WarmStrategy::Config: return std::make_unique<ConfigSource>(plan);
    case WarmStrategy::Synthetic: return std::make_unique<SyntheticSource>(plan);
    case WarmStrategy::Predictive: return std::make_unique<PredictiveSource>(plan);
    }
    return nullptr;
}

} // namespace cwb
