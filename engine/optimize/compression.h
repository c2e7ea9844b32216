#pragma once

#include "codec.h"
#include "experimentcontext.h"

#include <nlohmann/json_fwd.hpp>

#include <vector>

namespace cwb {

struct CompressionOptions
{
    std::vector<int> sizes{128, 512, 2048, 8192, 16384, 65536};
    std::vector<PayloadKind> kinds{PayloadKind::Json, PayloadKind::Random, PayloadKind::Repetitive};
    std::vector<Codec> codecs{Codec::Zstd, Codec::Zlib};
    int keysPerCell = 32;   // distinct values written per (kind, size, codec)
    int getsPerCell = 100;  // timed GETs per cell
    // The rule "compression pays at this size": MEMORY USAGE per key falls by at least
    // minMemorySaving, and GET + decompress is at most maxLatencyCost (relative) or
    // maxLatencyCostUs (absolute, whichever is larger) slower than a raw GET (p50).
    double minMemorySaving = 0.10;
    double maxLatencyCost = 0.10;
    double maxLatencyCostUs = 20;
};

// One (payload, size, codec) measurement; codec None is the raw baseline.
struct CompressionCell
{
    PayloadKind kind = PayloadKind::Json;
    int size = 0;
    Codec codec = Codec::None;
    double storedBytes = 0;       // mean value bytes stored and sent on the wire
    double ratio = 1;             // storedBytes / size
    double memoryUsage = 0;       // mean MEMORY USAGE per key, bytes
    qint64 usedMemoryDelta = 0;   // used_memory growth after writing keysPerCell keys
    double compressP50Us = 0, compressP99Us = 0;
    double decompressP50Us = 0, decompressP99Us = 0;
    double compressCpuUs = 0;     // thread CPU per value
    double decompressCpuUs = 0;
    double getP50Us = 0, getP99Us = 0; // GET (+ decompress for a codec), round trip
    // Against the raw cell of the same kind and size (codec cells only):
    double memorySaving = 0;      // 1 - memoryUsage / raw memoryUsage
    double latencyCostUs = 0;     // getP50Us - raw getP50Us
    bool pays = false;
};

struct CompressionResult
{
    std::vector<CompressionCell> cells;
    // Per payload kind: the smallest measured size from which compression (with the best codec)
    // pays at every larger measured size; -1 = never within the measured sizes.
    std::vector<std::pair<PayloadKind, int>> thresholds;
    Codec bestCodec = Codec::None; // the codec saving most memory where compression pays (json first)
    int recommendedThreshold = -1; // for json-like payloads: the realistic case
    QString rule;                  // the rule, in words, with the numbers used
    bool stopped = false;
    QString stopReason;
};

// Writes the payloads under ctx.keyPrefix + "zip:", measures and removes them again.
CompressionResult runCompressionExperiment(const ExperimentContext &ctx, const CompressionOptions &options);
nlohmann::json compressionToJson(const CompressionResult &result);

} // namespace cwb
