#pragma once

#include "load/loadconfig.h"

#include <QMetaType>
#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <optional>

namespace cwb {

// The changes a tuning run would make to a load test configuration: only the fields it
// measured a gain for are set. Compression thresholds and adaptive TTLs are client-side
// behaviour the load test does not model, so they are recommendations only.
struct LoadConfigPatch
{
    std::optional<int> pipeline;
    std::optional<int> concurrentUsers;
    std::optional<int> ttlSec;

    bool isEmpty() const { return !pipeline && !concurrentUsers && !ttlSec; }
    LoadTestConfig applyTo(LoadTestConfig config) const;
    // {"pipeline": 16, "concurrentUsers": 8}: the same keys as the load test's JSON.
    nlohmann::json toJson() const;
    QString describe() const; // "pipeline 16, concurrentUsers 8"
    bool operator==(const LoadConfigPatch &) const = default;
};

} // namespace cwb

Q_DECLARE_METATYPE(cwb::LoadConfigPatch)
