#include "adaptivettl.h"

#include "hotkeys.h"
#include "load/keychooser.h"
#include "load/random.h"
#include "redis/infoparser.h"
#include "redis/redisconnection.h"
#include "redis/sandboxredis.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <thread>

namespace cwb {

namespace {
using Clock = std::chrono::steady_clock;

// The adaptive policy's frequency estimate: the current and the previous window, so a key's
// history fades out after two windows and a moved hot set is noticed quickly.
class WindowedFrequency
{
public:
    explicit WindowedFrequency(size_t capacity) : m_current(capacity), m_previous(capacity), m_capacity(capacity) {}

    void observe(std::string_view key)
    {
        m_current.observe(key);
        m_currentTop = std::max(m_currentTop, m_current.countOf(key));
    }
    void rotate()
    {
        m_previous = std::move(m_current);
        m_current = HotKeyTracker(m_capacity);
        m_previousTop = m_currentTop;
        m_currentTop = 0;
    }
    uint64_t estimate(std::string_view key) const { return m_current.countOf(key) + m_previous.countOf(key); }
    uint64_t topEstimate() const { return std::max<uint64_t>(1, m_currentTop + m_previousTop); }

private:
    HotKeyTracker m_current;
    HotKeyTracker m_previous;
    size_t m_capacity;
    uint64_t m_currentTop = 0;
    uint64_t m_previousTop = 0;
};

int adaptiveTtlMs(const TtlPolicy &p, uint64_t f, uint64_t fTop)
{
    const double x = std::log1p(double(f)) / std::log1p(double(std::max(f, fTop)));
    return int(std::lround(p.minTtlMs + (p.maxTtlMs - p.minTtlMs) * std::clamp(x, 0.0, 1.0)));
}

std::vector<TtlPolicy> defaultPolicies()
{
    TtlPolicy fixed;
    fixed.name = QStringLiteral("fixed 2 s");
    fixed.fixedTtlMs = 2000;
    TtlPolicy adaptive;
    adaptive.name = QStringLiteral("adaptive 0.5-8 s");
    adaptive.adaptive = true;
    adaptive.minTtlMs = 500;
    adaptive.maxTtlMs = 8000;
    return {fixed, adaptive};
}

InfoSnapshot readInfo(RedisConnection &c)
{
    const auto text = c.info();
    return text ? parseInfo(*text) : InfoSnapshot{};
}

bool replay(const TtlReplayOptions &o, const TtlPolicy &policy, TtlPolicyResult &out, QString *error,
            const std::atomic<bool> *cancel, const std::function<void(double)> &progress)
{
    SandboxRedis sandbox;
    SandboxRedis::Options so;
    so.maxmemoryBytes = o.maxmemoryBytes;
    so.maxmemoryPolicy = QStringLiteral("allkeys-lru");
    if (!sandbox.start(so, error))
        return false;
    RedisConnection c(sandbox.endpoint());
    if (!c.connect()) {
        *error = c.lastError().message;
        return false;
    }
    const InfoSnapshot before = readInfo(c);

    LoadTestConfig zipf;
    zipf.keySpace = o.keySpace;
    zipf.keyDistribution = KeyDistribution::Zipfian;
    zipf.zipfExponent = o.zipfExponent;
    KeyChooser chooser(zipf);
    Random rng(o.seed); // same seed for every policy: the same trace
    WindowedFrequency freq(size_t(o.trackerCapacity));
    const QByteArray value(o.valueSize, 'x');

    const uint64_t totalOps = uint64_t(o.durationSec * o.opsPerSec);
    const uint64_t opsPerPhase = std::max<uint64_t>(1, totalOps / uint64_t(std::max(1, o.phases)));
    const uint64_t opsPerWindow = std::max<uint64_t>(1, uint64_t(o.windowSec * o.opsPerSec));
    constexpr uint64_t kBatch = 200;
    const auto start = Clock::now();
    auto nextSample = start;
    double memorySum = 0;
    int memorySamples = 0;
    double ttlSum = 0;
    uint64_t ttlCount = 0;
    uint64_t seriesReads = 0, seriesHits = 0;
    const uint64_t seriesStep = std::max<uint64_t>(1, totalOps / 10);

    for (uint64_t done = 0; done < totalOps;) {
        if (cancel && cancel->load()) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        // Pacing: batch i is due at i * kBatch / rate; a slow replay just runs late.
        const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                     std::chrono::duration<double>(double(done) / o.opsPerSec));
        std::this_thread::sleep_until(due);

        std::vector<QByteArray> keys;
        std::vector<RedisCommand> gets;
        const uint64_t n = std::min(kBatch, totalOps - done);
        for (uint64_t i = 0; i < n; ++i) {
            const uint64_t op = done + i;
            const uint64_t phase = op / opsPerPhase;
            // The hot set moves: rank r maps to a different key in every phase.
            const uint64_t index = (chooser.next(rng) + phase * uint64_t(o.keySpace / std::max(1, o.phases) + 7919))
                                   % uint64_t(o.keySpace);
            keys.push_back(QByteArrayLiteral("cwb:ttl:") + QByteArray::number(qulonglong(index)));
            gets.push_back({QByteArrayLiteral("GET"), keys.back()});
            if (op % opsPerWindow == 0 && op > 0)
                freq.rotate();
            freq.observe(std::string_view(keys.back().constData(), size_t(keys.back().size())));
        }
        const auto replies = c.pipeline(gets);
        if (!replies) {
            *error = c.lastError().message;
            return false;
        }
        std::vector<RedisCommand> sets;
        for (size_t i = 0; i < replies->size(); ++i) {
            ++out.reads;
            ++seriesReads;
            if ((*replies)[i].type == RedisReply::Type::String) {
                ++out.hits;
                ++seriesHits;
                continue;
            }
            // A miss: the application loads the value and caches it with the policy's TTL.
            const std::string_view k(keys[i].constData(), size_t(keys[i].size()));
            const int ttl = policy.adaptive ? adaptiveTtlMs(policy, freq.estimate(k), freq.topEstimate())
                                            : policy.fixedTtlMs;
            ttlSum += ttl;
            ++ttlCount;
            sets.push_back({QByteArrayLiteral("SET"), keys[i], value, QByteArrayLiteral("PX"), QByteArray::number(ttl)});
        }
        if (!sets.empty() && !c.pipeline(sets)) {
            *error = c.lastError().message;
            return false;
        }
        done += n;
        if (seriesReads >= seriesStep) {
            out.hitRateSeries.push_back(double(seriesHits) / double(seriesReads));
            seriesReads = seriesHits = 0;
        }
        if (Clock::now() >= nextSample) {
            const InfoSnapshot now = readInfo(c);
            memorySum += double(now.memory.usedMemory);
            ++memorySamples;
            out.peakUsedMemory = std::max(out.peakUsedMemory, now.memory.usedMemory);
            nextSample += std::chrono::milliseconds(100);
        }
        if (progress)
            progress(double(done) / double(totalOps));
    }
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    const InfoSnapshot after = readInfo(c);
    out.hitRate = out.reads ? double(out.hits) / double(out.reads) : 0;
    out.meanUsedMemory = memorySamples ? memorySum / memorySamples : 0;
    out.evictedKeys = after.stats.evictedKeys - before.stats.evictedKeys;
    out.expiredKeys = after.stats.expiredKeys - before.stats.expiredKeys;
    out.achievedOpsPerSec = secs > 0 ? double(out.reads) / secs : 0;
    out.meanTtlMs = ttlCount ? ttlSum / double(ttlCount) : 0;
    return true;
}

} // namespace

TtlResult runTtlExperiment(const TtlReplayOptions &options, const std::atomic<bool> *cancel,
                           const std::function<void(const QString &, double)> &progress)
{
    TtlResult out;
    const std::vector<TtlPolicy> policies = options.policies.empty() ? defaultPolicies() : options.policies;
    for (size_t i = 0; i < policies.size(); ++i) {
        TtlPolicyResult r;
        r.policy = policies[i];
        QString error;
        const auto onProgress = [&](double f) {
            if (progress)
                progress(QStringLiteral("TTL policy %1").arg(policies[i].name), (double(i) + f) / double(policies.size()));
        };
        if (!replay(options, policies[i], r, &error, cancel, onProgress)) {
            out.error = error;
            out.stopped = true;
            break;
        }
        out.policies.push_back(std::move(r));
    }
    for (size_t i = 0; i < out.policies.size(); ++i)
        if (out.bestIndex < 0 || out.policies[i].hitRate > out.policies[size_t(out.bestIndex)].hitRate)
            out.bestIndex = int(i);
    if (out.policies.size() >= 2) {
        const TtlPolicyResult &a = out.policies.front();
        const TtlPolicyResult &b = out.policies[1];
        out.summary = QStringLiteral("%1: hit rate %2%, mean used_memory %3 KiB; %4: hit rate %5%, mean used_memory %6 KiB")
                          .arg(a.policy.name)
                          .arg(a.hitRate * 100, 0, 'f', 1)
                          .arg(a.meanUsedMemory / 1024, 0, 'f', 0)
                          .arg(b.policy.name)
                          .arg(b.hitRate * 100, 0, 'f', 1)
                          .arg(b.meanUsedMemory / 1024, 0, 'f', 0);
    }
    return out;
}

nlohmann::json ttlToJson(const TtlResult &r)
{
    nlohmann::json policies = nlohmann::json::array();
    for (const TtlPolicyResult &p : r.policies) {
        nlohmann::json pj{{"name", p.policy.name.toStdString()},
                          {"adaptive", p.policy.adaptive},
                          {"reads", p.reads},
                          {"hits", p.hits},
                          {"hitRate", p.hitRate},
                          {"meanUsedMemory", p.meanUsedMemory},
                          {"peakUsedMemory", p.peakUsedMemory},
                          {"evictedKeys", p.evictedKeys},
                          {"expiredKeys", p.expiredKeys},
                          {"achievedOpsPerSec", p.achievedOpsPerSec},
                          {"meanTtlMs", p.meanTtlMs},
                          {"hitRateSeries", p.hitRateSeries}};
        if (p.policy.adaptive) {
            pj["minTtlMs"] = p.policy.minTtlMs;
            pj["maxTtlMs"] = p.policy.maxTtlMs;
        } else {
            pj["ttlMs"] = p.policy.fixedTtlMs;
        }
        policies.push_back(pj);
    }
    nlohmann::json j{{"policies", policies}, {"summary", r.summary.toStdString()}, {"stopped", r.stopped}};
    if (r.bestIndex >= 0)
        j["best"] = r.policies[size_t(r.bestIndex)].policy.name.toStdString();
    if (!r.error.isEmpty())
        j["error"] = r.error.toStdString();
    return j;
}

} // namespace cwb
