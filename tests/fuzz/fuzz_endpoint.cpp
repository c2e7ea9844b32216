// URIs come from users, saved configs and the environment.
#include "redis/endpoint.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString uri = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto endpoint = cwb::parseEndpoint(uri, &error);
    if (endpoint) {
        // The display URI (what logs and exports show) carries no password: read back, it has
        // none. (Comparing texts would flag passwords that happen to equal a user or host.)
        const auto shown = cwb::parseEndpoint(endpoint->displayUri());
        if (shown && !shown->password.isEmpty())
            __builtin_trap();
    } else if (error.isEmpty()) {
        __builtin_trap(); // every rejection names its reason
    }
    return 0;
}
