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
        // A display URI never carries the password, and always parses back.
        const QString display = endpoint->displayUri();
        if (!endpoint->password.isEmpty() && display.contains(endpoint->password) && endpoint->password.size() > 3
            && !endpoint->host.contains(endpoint->password) && !endpoint->username.contains(endpoint->password)
            && !endpoint->socketPath.contains(endpoint->password) && !QString::number(endpoint->port).contains(endpoint->password)
            && !QString::number(endpoint->database).contains(endpoint->password))
            __builtin_trap();
    } else if (error.isEmpty()) {
        __builtin_trap(); // every rejection names its reason
    }
    return 0;
}
