// The test-configuration parser and validator must answer any input with a config or a list
// of errors, never a crash, hang or sanitizer report.
#include "load/loadconfig.h"

#include <nlohmann/json.hpp>

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto result = cwb::parseLoadTestConfig(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (result.config) {
        // Whatever parses must survive its own round trip.
        const auto again = cwb::parseLoadTestConfig(cwb::loadTestConfigToJson(*result.config));
        if (!again.config)
            __builtin_trap();
    }
    return 0;
}
