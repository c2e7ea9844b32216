#include "generatedsources.h"

#include "accesstrace.h"
#include "optimize/hotkeys.h"

#include <QDateTime>

namespace cwb {

namespace {

uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// The load engine's fixed point per geo member (workload.cpp keeps it file-local): the same
// formula, so warmed members sit where the load test searches for them.
void geoPoint(uint64_t member, double &lon, double &lat)
{
    const uint64_t h = mix64(member + 0x51ed2701);
    lon = 13.08 + double(h & 0xffffffff) / 4294967296.0 * 0.68;
    lat = 52.33 + double(h >> 32) / 4294967296.0 * 0.35;
}

constexpr int kGeoSets = 16; // as in workload.cpp




} // namespace

// --- config ---------------------------------------------------------------------------------

ConfigSource::ConfigSource(const WarmingPlan &plan)
{
    const QByteArray prefix = plan.keyPrefix.toUtf8();
    const auto entries = plan.params.find("entries");
    if (entries == plan.params.end() || !entries->is_object())
        return;
    for (auto it = entries->begin(); it != entries->end(); ++it) {
        if (!it.value().is_string())
            continue;
        WarmItem item;
        item.key = keyUnderPrefix(prefix, QByteArray::fromStdString(it.key()));
        item.value = QByteArray::fromStdString(it.value().get<std::string>());
        m_items.push_back(std::move(item));
    }
}

bool ConfigSource::open(QString *error)
{
    if (m_items.empty()) {
        *error = QStringLiteral("params.entries: no keys to write");
        return fail(*error);
    }
    return true;
}

bool ConfigSource::next(int maxItems, std::vector<WarmItem> &out)
{
    if (m_next >= m_items.size())
        return false;
    for (int i = 0; i < maxItems && m_next < m_items.size(); ++i)
        out.push_back(m_items[m_next++]);
    return true;
}

// --- synthetic ------------------------------------------------------------------------------

SyntheticSource::SyntheticSource(const WarmingPlan &plan) : m_plan(plan) {}

bool SyntheticSource::open(QString *error)
{
    const auto load = m_plan.params.find("load");
    if (load != m_plan.params.end() && load->is_object()) {
        const auto parsed = parseLoadTestConfig(*load);
        if (!parsed.config) {
            *error = QStringLiteral("params.load.") + parsed.errors.front().toString();
            return fail(*error);
        }
        m_config = *parsed.config;
    } else {
        const auto preset = syntheticPreset(m_plan.stringParam("preset"), m_plan.keyPrefix);
        if (!preset) {
            *error = QStringLiteral("params.preset: unknown preset '%1'").arg(m_plan.stringParam("preset"));
            return fail(*error);
        }
        m_config = *preset;
    }
    if (!m_config.keyPrefix.startsWith(m_plan.keyPrefix)) {
        *error = QStringLiteral("params.load.keyPrefix: '%1' does not start with the plan's keyPrefix '%2'")
                     .arg(m_config.keyPrefix, m_plan.keyPrefix);
        return fail(*error);
    }
    m_keysPerType = std::min<qint64>(m_plan.intParam("keys", m_config.keySpace), m_config.keySpace);
    return true;
}

WarmItem SyntheticSource::makeItem(CacheType type, qint64 n) const
{
    const QByteArray prefix = m_config.keyPrefix.toUtf8();
    const QByteArray index = QByteArray::number(n);
    const int span = m_config.valueSizeMax - m_config.valueSizeMin;
    const int size = m_config.valueSizeMin + (span > 0 ? int(mix64(uint64_t(n) ^ 0x5eed) % uint64_t(span + 1)) : 0);
    const QByteArray valueSpec = "random:" + QByteArray::number(size);
    WarmItem item;
    switch (type) {
    case CacheType::String:
        item.key = prefix + "s:" + index;
        item.value = generateValue(valueSpec, item.key);
        break;
    case CacheType::Counter:
        item.key = prefix + "c:" + index;
        item.value = "0";
        break;
    case CacheType::Hash:
        item.kind = WarmItem::Kind::Hash;
        item.key = prefix + "h:" + index;
        item.fields = {{"name", "user" + index},
                       {"email", "user" + index + "@example.com"},
                       {"score", QByteArray::number(qint64(mix64(uint64_t(n)) % 100000))},
                       {"payload", generateValue(valueSpec, item.key)}};
        break;
    case CacheType::Session: {
        item.kind = WarmItem::Kind::Hash;
        item.key = prefix + "sess:" + index;
        const QByteArray now = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        item.fields = {{"userId", index}, {"createdAt", now}, {"lastSeen", now}, {"data", generateValue(valueSpec, item.key)}};
        break;
    }
    case CacheType::Geo:
        item.kind = WarmItem::Kind::Geo;
        item.key = prefix + "geo:" + QByteArray::number(n % kGeoSets);
        item.value = "m" + index;
        geoPoint(uint64_t(n), item.lon, item.lat);
        break;
    }
    return item;
}

bool SyntheticSource::next(int maxItems, std::vector<WarmItem> &out)
{
    int added = 0;
    while (added < maxItems && m_typeIndex < m_config.cacheTypes.size()) {
        if (m_nextKey >= m_keysPerType) {
            ++m_typeIndex;
            m_nextKey = 0;
            continue;
        }
        out.push_back(makeItem(m_config.cacheTypes[m_typeIndex], m_nextKey++));
        ++added;
    }
    return added > 0;
}

// --- hot keys and predictive ----------------------------------------------------------------

bool HotKeysSource::findKeys(QString *error)
{
    const auto trace = readAccessTrace(m_plan.stringParam("trace"), error);
    if (!trace)
        return false;
    const int topK = int(m_plan.intParam("topK", 100));
    // Enough counters that the top K are exact for any realistic skew (error <= N / capacity).
    HotKeyTracker tracker(size_t(std::max(1024, topK * 8)));
    for (const TraceAccess &access : trace->accesses)
        tracker.observe(std::string_view(access.key.constData(), size_t(access.key.size())));
    int guaranteed = 0;
    for (const HotKey &hot : tracker.top(size_t(topK))) {
        m_keys.push_back(QByteArray::fromStdString(hot.key));
        guaranteed += hot.guaranteed ? 1 : 0;
    }
    m_report[QStringLiteral("traceAccesses")] = QString::number(trace->accesses.size());
    m_report[QStringLiteral("hotKeys")] = QString::number(m_keys.size());
    m_report[QStringLiteral("guaranteedHotKeys")] = QString::number(guaranteed);
    return true;
}

bool PredictiveSource::findKeys(QString *error)
{
    const auto trace = readAccessTrace(m_plan.stringParam("trace"), error);
    if (!trace)
        return false;
    const int topK = int(m_plan.intParam("topK", 100));
    const double interval = m_plan.doubleParam("intervalSec", 60);
    const double alpha = m_plan.doubleParam("alpha", 0.5);
    const ForecastEvaluation eval = evaluateForecast(*trace, interval, alpha, topK);
    m_report[QStringLiteral("precisionAtK")] =
        eval.available ? QString::number(eval.precision, 'f', 3) : QStringLiteral("n/a (trace spans one interval)");
    if (eval.available)
        m_report[QStringLiteral("precisionK")] = QString::number(eval.k);
    for (const QByteArray &key : forecastTopKeys(*trace, interval, alpha, topK))
        m_keys.push_back(key);
    m_report[QStringLiteral("forecastKeys")] = QString::number(m_keys.size());
    return true;
}

} // namespace cwb
