#include "loadconfigpatch.h"

#include <QStringList>

#include <nlohmann/json.hpp>

namespace cwb {

LoadTestConfig LoadConfigPatch::applyTo(LoadTestConfig config) const
{
    if (pipeline)
        config.pipeline = *pipeline;
    if (concurrentUsers)
        config.concurrentUsers = *concurrentUsers;
    if (ttlSec)
        config.ttlSec = *ttlSec;
    return config;
}

nlohmann::json LoadConfigPatch::toJson() const
{
    nlohmann::json j = nlohmann::json::object();
    if (pipeline)
        j["pipeline"] = *pipeline;
    if (concurrentUsers)
        j["concurrentUsers"] = *concurrentUsers;
    if (ttlSec)
        j["ttlSec"] = *ttlSec;
    return j;
}

QString LoadConfigPatch::describe() const
{
    QStringList parts;
    if (pipeline)
        parts << QStringLiteral("pipeline %1").arg(*pipeline);
    if (concurrentUsers)
        parts << QStringLiteral("concurrentUsers %1").arg(*concurrentUsers);
    if (ttlSec)
        parts << QStringLiteral("ttlSec %1").arg(*ttlSec);
    return parts.join(QStringLiteral(", "));
}

} // namespace cwb
