#pragma once
// The load the distributed-run tests give their agents: SET:GET 1:1 only, so the target's set and
// get calls are every operation the agents ran.

#include "load/loadconfig.h"

#include <QString>

namespace cwb::test {

// SET:GET 1:1 over 1000 keys of 32 bytes, no TTL: `seconds` by `users` under `prefix`.
inline LoadTestConfig setGetConfig(const QString &name, double seconds, int users, const QString &prefix)
{
    LoadTestConfig config;
    config.testName = name;
    config.durationSec = seconds;
    config.concurrentUsers = users;
    config.operationMix = {50, 50, 0, 0};
    config.keySpace = 1000;
    config.valueSizeMin = config.valueSizeMax = 32;
    config.ttlSec = 0;
    config.keyPrefix = prefix;
    return config;
}

} // namespace cwb::test
