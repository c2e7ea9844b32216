// The INFO parser reads whatever a server (or something pretending to be one) sends.
#include "redis/infoparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const cwb::InfoSnapshot info = cwb::parseInfo(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)info.value(QStringLiteral("server"), QStringLiteral("redis_version"));
    return 0;
}
