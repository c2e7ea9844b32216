#include "hotkeyscan.h"

#include "budgetguard.h"
#include "cluster/clusterrouter.h"
#include "cluster/routedcleanup.h"
#include "load/keychooser.h"
#include "load/random.h"
#include "redis/infoparser.h"
#include "redis/rediserror.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <thread>
#include <unordered_map>

namespace cwb {

namespace {

// Spaces SCAN calls to at most `perSecond` from `clock`'s start; sleeps in short slices so a
// cancel ends the wait within 50 ms. False when cancelled.
bool paceScanCall(const QElapsedTimer &clock, qint64 callsSoFar, int perSecond, const std::atomic<bool> *cancel)
{
    if (perSecond <= 0)
        return !(cancel && cancel->load());
    const qint64 dueMs = callsSoFar * 1000 / perSecond;
    while (clock.elapsed() < dueMs) {
        if (cancel && cancel->load())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(50, dueMs - clock.elapsed())));
    }
    return !(cancel && cancel->load());
}

// True when `reply` says this user or server does not allow `command` (renamed away, NOPERM):
// the scan goes on without it and its note says so, once.
bool refusedProbe(const RedisReply &reply, const QString &command, const QString &consequence, ServerHotKeyScan &out)
{
    if (!reply.isError())
        return false;
    const QString sentence = unavailableCommandSentence(command, QString::fromUtf8(reply.str));
    if (sentence.isEmpty())
        return false;
    const QString line = sentence + QStringLiteral(": ") + consequence;
    if (!out.note.contains(line))
        out.note = out.note.isEmpty() ? line : out.note + QStringLiteral("; ") + line;
    return true;
}

// Samples one node's keys under the pattern into `samples` until maxKeys; false on an error.
bool scanNode(RedisConnection &c, const QByteArray &pattern, int maxKeys, int scanCount, const std::atomic<bool> *cancel,
              const QElapsedTimer &clock, int scanCallsPerSecond, ServerHotKeyScan &out,
              std::vector<ServerKeySample> &samples)
{
    QByteArray cursor = QByteArrayLiteral("0");
    do {
        if (!paceScanCall(clock, out.scanCalls, scanCallsPerSecond, cancel)) {
            out.stopped = true;
            return true;
        }
        ++out.scanCalls;
        const auto page = c.command({QByteArrayLiteral("SCAN"), cursor, QByteArrayLiteral("MATCH"), pattern,
                                     QByteArrayLiteral("COUNT"), QByteArray::number(scanCount)});
        if (!page || page->isError() || page->elements.size() != 2) {
            out.error = page && page->isError() ? QString::fromUtf8(page->str) : c.lastError().message;
            return false;
        }
        cursor = page->elements[0].str;
        // What this page asks for: a refusal below turns a probe off for the pages after it.
        const bool sized = out.sized, lfu = out.lfu;
        std::vector<RedisCommand> probes;
        std::vector<QByteArray> keys;
        for (const RedisReply &k : page->elements[1].elements) {
            if (int(samples.size() + keys.size()) >= maxKeys)
                break;
            keys.push_back(k.str);
            if (sized)
                probes.push_back({QByteArrayLiteral("MEMORY"), QByteArrayLiteral("USAGE"), k.str});
            if (lfu)
                probes.push_back({QByteArrayLiteral("OBJECT"), QByteArrayLiteral("FREQ"), k.str});
        }
        std::optional<std::vector<RedisReply>> replies = std::vector<RedisReply>{};
        if (!probes.empty() && !(replies = c.pipeline(probes))) {
            out.error = c.lastError().message;
            return false;
        }
        const size_t stride = size_t(sized) + size_t(lfu);
        for (size_t i = 0; i < keys.size(); ++i) {
            ServerKeySample s;
            s.key = keys[i];
            size_t at = i * stride;
            if (sized) {
                const RedisReply &mem = (*replies)[at++];
                if (refusedProbe(mem, QStringLiteral("MEMORY USAGE"), QStringLiteral("keys are not sized"), out))
                    out.sized = false;
                else if (mem.type != RedisReply::Type::Integer)
                    continue; // expired or deleted between SCAN and MEMORY USAGE
                else
                    s.memoryBytes = mem.integer;
            }
            if (lfu) {
                const RedisReply &freq = (*replies)[at];
                if (refusedProbe(freq, QStringLiteral("OBJECT FREQ"), QStringLiteral("access frequencies are not read"),
                                 out))
                    out.lfu = false;
                else if (freq.type == RedisReply::Type::Integer)
                    s.freq = freq.integer;
            }
            samples.push_back(std::move(s));
        }
        if (int(samples.size()) >= maxKeys) {
            out.truncated = out.truncated || cursor != "0";
            return true;
        }
    } while (cursor != "0");
    return true;
}

} // namespace

ServerHotKeyScan scanServerHotKeys(ClusterRouter &c, const QString &prefix, int maxKeys, int topN, int scanCount,
                                   const std::atomic<bool> *cancel, int scanCallsPerSecond)
{
    QElapsedTimer clock;
    clock.start();
    ServerHotKeyScan out;
    const auto info = c.info(QByteArrayLiteral("memory"));
    if (!info) {
        out.error = c.lastError().message;
        return out;
    }
    out.policy = parseInfo(*info).memory.maxMemoryPolicy;
    out.lfu = out.policy.contains(QLatin1String("lfu"));
    if (!out.lfu)
        out.note = QStringLiteral("server-side frequency needs an LFU policy; current policy: %1")
                       .arg(out.policy.isEmpty() ? QStringLiteral("unknown") : out.policy);

    std::vector<ServerKeySample> samples;
    const QByteArray pattern = prefix.isEmpty() ? QByteArrayLiteral("*") : prefixMatchPattern(prefix);
    const bool reached = c.forEachMaster([&](RedisConnection &node) {
        if (int(samples.size()) >= maxKeys) {
            out.truncated = true; // a master left unscanned
            return false;
        }
        return !out.stopped && scanNode(node, pattern, maxKeys, scanCount, cancel, clock, scanCallsPerSecond, out, samples);
    });
    if (!reached && out.error.isEmpty() && !out.truncated && !out.stopped)
        out.error = c.lastError().message;

    out.scanned = qint64(samples.size());
    qint64 freqSum = 0;
    for (const ServerKeySample &s : samples) {
        out.sampledMemory += std::max<qint64>(0, s.memoryBytes);
        freqSum += std::max<qint64>(0, s.freq);
    }
    for (ServerKeySample &s : samples) {
        s.memoryShare = out.sampledMemory > 0 ? double(s.memoryBytes) / double(out.sampledMemory) : 0;
        if (out.lfu)
            s.trafficShare = freqSum > 0 ? double(s.freq) / double(freqSum) : 0;
    }
    // Without MEMORY USAGE the keys sampled have no size to rank by.
    auto biggest = out.sized ? samples : std::vector<ServerKeySample>{};
    std::sort(biggest.begin(), biggest.end(),
              [](const auto &a, const auto &b) { return a.memoryBytes != b.memoryBytes ? a.memoryBytes > b.memoryBytes : a.key < b.key; });
    biggest.resize(std::min(biggest.size(), size_t(topN)));
    out.biggest = std::move(biggest);
    if (out.lfu) {
        std::sort(samples.begin(), samples.end(),
                  [](const auto &a, const auto &b) { return a.freq != b.freq ? a.freq > b.freq : a.key < b.key; });
        samples.resize(std::min(samples.size(), size_t(topN)));
        out.hottest = std::move(samples);
    }
    return out;
}

HotKeyExperimentResult runHotKeyExperiment(const ExperimentContext &ctx, const HotKeyExperimentOptions &o)
{
    HotKeyExperimentResult out;
    out.trackerCapacity = o.trackerCapacity;
    ClusterRouter::Options co;
    co.connection.clientName = QByteArrayLiteral("cwb-tune");
    ClusterRouter c(ctx.endpoint, co);
    if (!c.connect()) {
        out.error = c.lastError().message;
        return out;
    }
    const QString prefix = ctx.keyPrefix + QStringLiteral("hot:");
    if (ctx.memory) {
        QString reason;
        const qint64 need = o.keySpace * keyMemoryEstimate(o.valueSize) + qint64(o.bigKeys) * keyMemoryEstimate(65536);
        if (!ctx.memory->allows(need, &reason)) {
            out.error = reason;
            return out;
        }
    }
    LoadTestConfig zipf;
    zipf.keySpace = o.keySpace;
    zipf.keyDistribution = KeyDistribution::Zipfian;
    zipf.zipfExponent = o.zipfExponent;
    KeyChooser chooser(zipf);
    Random rng(o.seed);
    HotKeyTracker tracker(size_t(o.trackerCapacity));
    std::unordered_map<std::string, uint64_t> truth;
    const QByteArray value(o.valueSize, 'h');
    const QByteArray keyPrefix = prefix.toUtf8();

    // Big values first, so the memory table has something to find.
    for (int b = 0; b < o.bigKeys; ++b)
        c.command({QByteArrayLiteral("SET"), keyPrefix + "big:" + QByteArray::number(b), QByteArray(65536, 'B')});

    constexpr int kBatch = 200;
    for (int done = 0; done < o.operations && !ctx.cancelled(); done += kBatch) {
        ctx.report(QStringLiteral("replaying a Zipfian trace"), 0.8 * double(done) / o.operations);
        std::vector<QByteArray> keys;
        std::vector<RedisCommand> gets;
        for (int i = 0; i < std::min(kBatch, o.operations - done); ++i) {
            keys.push_back(keyPrefix + QByteArray::number(qulonglong(chooser.next(rng))));
            const std::string_view k(keys.back().constData(), size_t(keys.back().size()));
            tracker.observe(k);
            ++truth[std::string(k)];
            gets.push_back({QByteArrayLiteral("GET"), keys.back()});
        }
        const auto replies = c.pipeline(gets);
        if (!replies) {
            out.error = c.lastError().message;
            break;
        }
        std::vector<RedisCommand> sets;
        for (size_t i = 0; i < replies->size(); ++i)
            if ((*replies)[i].isNil())
                sets.push_back({QByteArrayLiteral("SET"), keys[i], value});
        if (!sets.empty())
            c.pipeline(sets);
    }
    out.totalObserved = tracker.totalObserved();
    out.errorBound = tracker.errorBound();
    for (const HotKey &h : tracker.top(size_t(o.topN))) {
        HotKeyEntry e{h, truth[h.key]};
        if (h.count < e.trueCount || h.count - e.trueCount > out.errorBound || h.count - e.trueCount > h.error)
            out.withinBound = false;
        out.clientTop.push_back(std::move(e));
    }
    std::vector<std::pair<std::string, uint64_t>> sorted(truth.begin(), truth.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (size_t i = 0; i < std::min(sorted.size(), size_t(o.topN)); ++i) {
        out.plantedHot.push_back(QByteArray::fromStdString(sorted[i].first));
        for (const HotKeyEntry &e : out.clientTop)
            if (e.estimate.key == sorted[i].first)
                ++out.plantedFound;
    }

    ctx.report(QStringLiteral("sampling the server side"), 0.85);
    out.server = scanServerHotKeys(c, o.scanPrefix.isEmpty() ? prefix : o.scanPrefix, 1000, o.topN, 100, ctx.cancel);
    if (!o.keepKeys)
        unlinkKeysWithPrefix(c, prefix);
    ctx.report(QStringLiteral("hot keys done"), 1);
    return out;
}

nlohmann::json serverScanToJson(const ServerHotKeyScan &s)
{
    const auto rows = [](const std::vector<ServerKeySample> &v) {
        nlohmann::json a = nlohmann::json::array();
        for (const ServerKeySample &k : v) {
            nlohmann::json r{{"key", k.key.toStdString()}, {"memoryBytes", k.memoryBytes}, {"memoryShare", k.memoryShare}};
            if (k.freq >= 0) {
                r["freq"] = k.freq;
                r["trafficShare"] = k.trafficShare;
            }
            a.push_back(r);
        }
        return a;
    };
    nlohmann::json j{{"policy", s.policy.toStdString()},
                     {"lfu", s.lfu},
                     {"sized", s.sized},
                     {"scanned", s.scanned},
                     {"scanCalls", s.scanCalls},
                     {"stopped", s.stopped},
                     {"truncated", s.truncated},
                     {"sampledMemory", s.sampledMemory},
                     {"hottest", rows(s.hottest)},
                     {"biggest", rows(s.biggest)}};
    if (!s.note.isEmpty())
        j["note"] = s.note.toStdString();
    if (!s.error.isEmpty())
        j["error"] = s.error.toStdString();
    return j;
}

nlohmann::json hotKeysToJson(const HotKeyExperimentResult &r)
{
    nlohmann::json top = nlohmann::json::array();
    for (const HotKeyEntry &e : r.clientTop)
        top.push_back({{"key", e.estimate.key},
                       {"count", e.estimate.count},
                       {"error", e.estimate.error},
                       {"guaranteed", e.estimate.guaranteed},
                       {"share", e.estimate.share},
                       {"trueCount", e.trueCount}});
    nlohmann::json j{{"client",
                      {{"algorithm", "space-saving"},
                       {"capacity", r.trackerCapacity},
                       {"totalObserved", r.totalObserved},
                       {"errorBound", r.errorBound},
                       {"withinBound", r.withinBound},
                       {"plantedFound", r.plantedFound},
                       {"plantedCount", r.plantedHot.size()},
                       {"top", top}}},
                     {"server", serverScanToJson(r.server)}};
    if (!r.error.isEmpty())
        j["error"] = r.error.toStdString();
    return j;
}

} // namespace cwb
