#include "compression.h"

#include "budgetguard.h"
#include "cluster/clusterrouter.h"
#include "cluster/routedcleanup.h"
#include "redis/rediserror.h"
#include "stats/elapsed.h"
#include "stats/latencyhistogram.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <ctime>

namespace cwb {

namespace {
using Clock = std::chrono::steady_clock;

double threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}


double us(uint64_t ns)
{
    return double(ns) / 1000.0;
}

// Measures one cell; false with *error on a transport failure.
bool measureCell(ClusterRouter &c, const QString &prefix, const CompressionOptions &o, CompressionCell &cell,
                 QString *error)
{
    const int n = std::max(1, o.keysPerCell);
    std::vector<QByteArray> raw, stored, keys;
    raw.reserve(size_t(n));
    LatencyHistogram compressHist, decompressHist, getHist;
    double cpu0 = threadCpuUs();
    for (int i = 0; i < n; ++i) {
        raw.push_back(makePayload(cell.kind, cell.size, uint64_t(i + 1)));
        const auto t0 = Clock::now();
        stored.push_back(compressValue(cell.codec, raw.back()));
        compressHist.record(nanosSince(t0));
    }
    cell.compressCpuUs = cell.codec == Codec::None ? 0 : (threadCpuUs() - cpu0) / n;
    // Payload generation is not compression: time it separately out of the CPU figure.
    if (cell.codec != Codec::None) {
        cpu0 = threadCpuUs();
        for (int i = 0; i < n; ++i)
            (void)compressValue(cell.codec, raw[size_t(i)]);
        cell.compressCpuUs = (threadCpuUs() - cpu0) / n;
    }
    double storedTotal = 0;
    for (const QByteArray &s : stored)
        storedTotal += double(s.size());
    cell.storedBytes = storedTotal / n;
    cell.ratio = cell.storedBytes / cell.size;

    const qint64 before = usedMemoryOfMasters(c);
    std::vector<RedisCommand> sets;
    const QString cellPrefix = prefix + payloadKindName(cell.kind) + QLatin1Char(':') + QString::number(cell.size)
                               + QLatin1Char(':') + codecName(cell.codec) + QLatin1Char(':');
    for (int i = 0; i < n; ++i) {
        keys.push_back((cellPrefix + QString::number(i)).toUtf8());
        sets.push_back({QByteArrayLiteral("SET"), keys.back(), stored[size_t(i)]});
    }
    const auto written = c.pipeline(sets);
    const bool refused = written && std::any_of(written->begin(), written->end(), [](const RedisReply &r) { return r.isError(); });
    if (!written || refused) {
        *error = c.lastError().message;
        return false;
    }
    const qint64 after = usedMemoryOfMasters(c);
    cell.usedMemoryDelta = before >= 0 && after >= 0 ? after - before : -1;

    std::vector<RedisCommand> usage;
    for (const QByteArray &k : keys)
        usage.push_back({QByteArrayLiteral("MEMORY"), QByteArrayLiteral("USAGE"), k, QByteArrayLiteral("SAMPLES"),
                         QByteArrayLiteral("0")});
    const auto usageReplies = c.pipeline(usage);
    if (!usageReplies) {
        *error = c.lastError().message;
        return false;
    }
    double usageTotal = 0;
    for (const RedisReply &r : *usageReplies) {
        // Without MEMORY USAGE (renamed by a managed service, or not in the ACL user's rights)
        // there is no memory saving to weigh: stop with that sentence rather than compare zeros.
        if (r.isError()) {
            const QString refused =
                unavailableCommandSentence(QStringLiteral("MEMORY USAGE"), QString::fromUtf8(r.str));
            *error = refused.isEmpty()
                         ? QStringLiteral("MEMORY USAGE failed: ") + QString::fromUtf8(r.str)
                         : refused + QStringLiteral(": the memory saving of compression cannot be measured");
            return false;
        }
        usageTotal += double(r.integer);
    }
    cell.memoryUsage = usageTotal / n;

    // Round trips: GET, then decompress, as a reader would.
    double decompressCpu = 0;
    for (int i = 0; i < std::max(1, o.getsPerCell); ++i) {
        const size_t k = size_t(i % n);
        const auto t0 = Clock::now();
        const auto reply = c.command({QByteArrayLiteral("GET"), keys[k]});
        if (!reply || reply->type != RedisReply::Type::String) {
            *error = reply ? QStringLiteral("GET returned no value") : c.lastError().message;
            return false;
        }
        const auto t1 = Clock::now();
        const double c0 = threadCpuUs();
        const auto value = decompressValue(cell.codec, reply->str, cell.size);
        decompressCpu += threadCpuUs() - c0;
        decompressHist.record(nanosSince(t1));
        getHist.record(nanosSince(t0));
        if (!value || *value != raw[k]) {
            *error = QStringLiteral("%1 round trip changed the value").arg(codecName(cell.codec));
            return false;
        }
    }
    cell.decompressCpuUs = cell.codec == Codec::None ? 0 : decompressCpu / std::max(1, o.getsPerCell);
    cell.compressP50Us = cell.codec == Codec::None ? 0 : us(compressHist.percentileNs(50));
    cell.compressP99Us = cell.codec == Codec::None ? 0 : us(compressHist.percentileNs(99));
    cell.decompressP50Us = cell.codec == Codec::None ? 0 : us(decompressHist.percentileNs(50));
    cell.decompressP99Us = cell.codec == Codec::None ? 0 : us(decompressHist.percentileNs(99));
    cell.getP50Us = us(getHist.percentileNs(50));
    cell.getP99Us = us(getHist.percentileNs(99));

    std::vector<RedisCommand> unlink{{QByteArrayLiteral("UNLINK")}};
    for (const QByteArray &k : keys)
        unlink.front().append(k);
    c.pipeline(unlink);
    return true;
}

} // namespace

CompressionResult runCompressionExperiment(const ExperimentContext &ctx, const CompressionOptions &o)
{
    CompressionResult out;
    out.rule = QStringLiteral("compression pays at a size when MEMORY USAGE per key falls by at least %1% and "
                              "GET + decompress (p50) is at most %2% or %3 µs slower than a raw GET, whichever is "
                              "larger; the threshold is the smallest measured size from which it pays at every "
                              "larger measured size")
                   .arg(o.minMemorySaving * 100, 0, 'f', 0)
                   .arg(o.maxLatencyCost * 100, 0, 'f', 0)
                   .arg(o.maxLatencyCostUs, 0, 'f', 0);
    ClusterRouter::Options co;
    co.connection.clientName = QByteArrayLiteral("cwb-tune");
    ClusterRouter c(ctx.endpoint, co);
    if (!c.connect()) {
        out.stopped = true;
        out.stopReason = c.lastError().message;
        return out;
    }
    const QString prefix = ctx.keyPrefix + QStringLiteral("zip:");
    const int cellsTotal = int(o.kinds.size() * o.sizes.size() * (o.codecs.size() + 1));
    int done = 0;
    for (PayloadKind kind : o.kinds) {
        for (int size : o.sizes) {
            if (ctx.cancelled()) {
                out.stopped = true;
                out.stopReason = QStringLiteral("cancelled");
                break;
            }
            if (ctx.memory) {
                QString reason;
                // The raw values are the biggest this cell writes; the factor covers SDS/robj overhead.
                if (!ctx.memory->allows(qint64(o.keysPerCell) * keyMemoryEstimate(size), &reason)) {
                    out.stopped = true;
                    out.stopReason = QStringLiteral("%1 at %2 bytes: %3").arg(payloadKindName(kind)).arg(size).arg(reason);
                    break;
                }
            }
            std::vector<Codec> codecs{Codec::None};
            codecs.insert(codecs.end(), o.codecs.begin(), o.codecs.end());
            const size_t rawIndex = out.cells.size();
            for (Codec codec : codecs) {
                ctx.report(QStringLiteral("compression: %1, %2 bytes, %3")
                               .arg(payloadKindName(kind))
                               .arg(size)
                               .arg(codecName(codec)),
                           double(done++) / cellsTotal);
                CompressionCell cell;
                cell.kind = kind;
                cell.size = size;
                cell.codec = codec;
                QString error;
                if (!measureCell(c, prefix, o, cell, &error)) {
                    out.stopped = true;
                    out.stopReason = error;
                    break;
                }
                if (codec != Codec::None) {
                    const CompressionCell &raw = out.cells[rawIndex];
                    cell.memorySaving = raw.memoryUsage > 0 ? 1 - cell.memoryUsage / raw.memoryUsage : 0;
                    cell.latencyCostUs = cell.getP50Us - raw.getP50Us;
                    cell.pays = cell.memorySaving >= o.minMemorySaving
                                && cell.latencyCostUs <= std::max(o.maxLatencyCost * raw.getP50Us, o.maxLatencyCostUs);
                }
                out.cells.push_back(cell);
            }
            if (out.stopped)
                break;
        }
        if (out.stopped)
            break;
    }
    unlinkKeysWithPrefix(c, prefix);

    // Thresholds per kind, with the best codec per size (the most memory saved among paying ones).
    std::vector<std::pair<Codec, double>> codecScore;
    for (PayloadKind kind : o.kinds) {
        int threshold = -1;
        for (auto it = o.sizes.rbegin(); it != o.sizes.rend(); ++it) {
            bool pays = false, measured = false;
            for (const CompressionCell &cell : out.cells)
                if (cell.kind == kind && cell.size == *it && cell.codec != Codec::None) {
                    measured = true;
                    pays = pays || cell.pays;
                }
            if (!measured)
                continue;
            if (!pays)
                break;
            threshold = *it;
        }
        out.thresholds.emplace_back(kind, threshold);
        if (kind == PayloadKind::Json)
            out.recommendedThreshold = threshold;
    }
    // Best codec: the largest summed memory saving over paying cells of compressible kinds.
    double best = 0;
    for (Codec codec : o.codecs) {
        double saved = 0;
        for (const CompressionCell &cell : out.cells)
            if (cell.codec == codec && cell.pays)
                saved += cell.memorySaving;
        if (saved > best) {
            best = saved;
            out.bestCodec = codec;
        }
    }
    ctx.report(QStringLiteral("compression done"), 1);
    return out;
}

nlohmann::json compressionToJson(const CompressionResult &r)
{
    nlohmann::json cells = nlohmann::json::array();
    for (const CompressionCell &c : r.cells) {
        cells.push_back({{"payload", payloadKindName(c.kind).toStdString()},
                         {"size", c.size},
                         {"codec", codecName(c.codec).toStdString()},
                         {"storedBytes", c.storedBytes},
                         {"ratio", c.ratio},
                         {"memoryUsageBytes", c.memoryUsage},
                         {"usedMemoryDelta", c.usedMemoryDelta},
                         {"compressP50Us", c.compressP50Us},
                         {"compressP99Us", c.compressP99Us},
                         {"decompressP50Us", c.decompressP50Us},
                         {"decompressP99Us", c.decompressP99Us},
                         {"compressCpuUs", c.compressCpuUs},
                         {"decompressCpuUs", c.decompressCpuUs},
                         {"getP50Us", c.getP50Us},
                         {"getP99Us", c.getP99Us},
                         {"memorySaving", c.memorySaving},
                         {"latencyCostUs", c.latencyCostUs},
                         {"pays", c.pays}});
    }
    nlohmann::json thresholds = nlohmann::json::object();
    for (const auto &[kind, t] : r.thresholds)
        thresholds[payloadKindName(kind).toStdString()] = t >= 0 ? nlohmann::json(t) : nlohmann::json();
    nlohmann::json j{{"cells", cells},
                     {"thresholds", thresholds},
                     {"bestCodec", codecName(r.bestCodec).toStdString()},
                     {"recommendedThreshold", r.recommendedThreshold >= 0 ? nlohmann::json(r.recommendedThreshold) : nlohmann::json()},
                     {"rule", r.rule.toStdString()},
                     {"stopped", r.stopped}};
    if (r.stopped)
        j["stopReason"] = r.stopReason.toStdString();
    return j;
}

} // namespace cwb
