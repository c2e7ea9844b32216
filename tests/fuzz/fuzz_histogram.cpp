// Stored histograms are read back from the result store and from JSON documents.
#include "stats/latencyhistogram.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto histogram = cwb::LatencyHistogram::fromBytes(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (histogram) {
        (void)histogram->percentileNs(99.9);
        if (histogram->toBytes() != QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)))
            __builtin_trap(); // accepted input is canonical
    }
    return 0;
}
