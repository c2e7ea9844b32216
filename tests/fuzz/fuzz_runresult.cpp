// Run documents are imported from files users share.
#include "load/runresult.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto json = nlohmann::json::parse(data, data + size, nullptr, false);
    if (json.is_discarded())
        return 0;
    QString error;
    (void)cwb::runResultFromJson(json, &error);
    return 0;
}
