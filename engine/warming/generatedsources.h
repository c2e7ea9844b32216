#pragma once

#include "load/loadconfig.h"
#include "redissources.h"
#include "warmsource.h"

namespace cwb {

// Strategy 6. A small, fixed set of key/value pairs given inline in the plan.
class ConfigSource : public WarmSource
{
public:
    explicit ConfigSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;
    qint64 totalEstimate() const override { return qint64(m_items.size()); }

private:
    std::vector<WarmItem> m_items;
    size_t m_next = 0;
};

// Strategy 7. The keys a load test reads, with values of its sizes, so it starts warm:
//   string "<prefix>s:<n>"  hash "<prefix>h:<n>" (name, email, score, payload)
//   session "<prefix>sess:<n>" (userId, createdAt, lastSeen, data)   counter "<prefix>c:<n>" = 0
//   geo: member "m<n>" in "<prefix>geo:<n mod 16>" at the load engine's point for n
// for n = 0 .. keys-1 (index 0 is the hottest key under a zipfian distribution).
class SyntheticSource : public WarmSource
{
public:
    explicit SyntheticSource(const WarmingPlan &plan);
    bool open(QString *error) override;
    bool next(int maxItems, std::vector<WarmItem> &out) override;
    qint64 totalEstimate() const override { return m_keysPerType * qint64(m_config.cacheTypes.size()); }

private:
    WarmItem makeItem(CacheType type, qint64 n) const;

    WarmingPlan m_plan;
    LoadTestConfig m_config;
    qint64 m_keysPerType = 0;
    size_t m_typeIndex = 0;
    qint64 m_nextKey = 0;
};

// Strategy 4: the top-K keys of a trace by the space-saving detector (optimize/hotkeys.h).
class HotKeysSource : public KeySetSource
{
public:
    using KeySetSource::KeySetSource;

protected:
    bool findKeys(QString *error) override;
};

// Strategy 8: the EWMA forecast of the next interval's top-K keys; reports precision@K on the
// trace's last interval held out.
class PredictiveSource : public KeySetSource
{
public:
    using KeySetSource::KeySetSource;

protected:
    bool findKeys(QString *error) override;
};

} // namespace cwb
