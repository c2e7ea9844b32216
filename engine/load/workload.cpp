#include "workload.h"

#include "respreader.h"

#include <hiredis/hiredis.h>

#include <QDateTime>

#include <cstring>

namespace cwb {

namespace {

constexpr int kGeoSets = 16;

// Short type tags keep keys small: "<prefix>s:123", "<prefix>h:123", ...
std::string_view typeTag(CacheType type)
{
    switch (type) {
    case CacheType::String: return "s:";
    case CacheType::Hash: return "h:";
    case CacheType::Session: return "sess:";
    case CacheType::Geo: return "geo:";
    case CacheType::Counter: return "c:";
    }
    return "x:";
}

uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A fixed point per member inside a city-sized box (about 45 x 40 km), so writes of a member
// update the same place and searches around hot members find them.
void geoPoint(uint64_t member, double &lon, double &lat)
{
    const uint64_t h = mix64(member + 0x51ed2701);
    lon = 13.08 + double(h & 0xffffffff) / 4294967296.0 * 0.68;
    lat = 52.33 + double(h >> 32) / 4294967296.0 * 0.35;
}

void appendDouble(RespBuffer &out, double value)
{
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%.6f", value);
    out.arg(std::string_view(text, size_t(n)));
}

} // namespace

ValuePool::ValuePool(int maxSize, uint64_t seed)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    Random random(seed ^ 0x76616c7565ULL);
    m_block.resize(size_t(maxSize) + 4096);
    for (char &c : m_block)
        c = kAlphabet[random.nextBelow(sizeof kAlphabet - 1)];
}

std::string_view ValuePool::slice(int size, uint64_t offsetSeed) const
{
    const size_t offset = size_t(offsetSeed % (m_block.size() - size_t(size) + 1));
    return std::string_view(m_block).substr(offset, size_t(size));
}

Workload::Workload(const LoadTestConfig &config, std::shared_ptr<const ValuePool> values, uint64_t seed,
                   uint64_t userIndex)
    : m_config(config)
    , m_values(std::move(values))
    , m_random(seed * 0x9e3779b97f4a7c15ULL + userIndex + 1)
    , m_keys(config, userIndex * uint64_t(std::max<int64_t>(1, config.keySpace / 64 + 1)))
    , m_prefix(config.keyPrefix.toStdString())
    , m_registerTags(config.operationMix[int(OpType::Invalidate)] > 0)
{
    int sum = 0;
    for (int i = 0; i < kOpTypeCount; ++i) {
        sum += config.operationMix[size_t(i)];
        m_mixThresholds[size_t(i)] = sum;
    }
}

OpType Workload::nextOpType()
{
    const int total = m_mixThresholds.back();
    const int pick = int(m_random.nextBelow(uint64_t(std::max(1, total))));
    for (int i = 0; i < kOpTypeCount; ++i) {
        if (pick < m_mixThresholds[size_t(i)])
            return OpType(i);
    }
    return OpType::Read;
}

CacheType Workload::nextCacheType()
{
    const auto &types = m_config.cacheTypes;
    return types.size() == 1 ? types.front() : types[size_t(m_random.nextBelow(types.size()))];
}

OpPlan Workload::next(RespBuffer &out)
{
    OpPlan plan;
    plan.op = nextOpType();
    plan.type = nextCacheType();
    plan.replies = 0;
    if (plan.op == OpType::Invalidate) {
        appendInvalidate(out, plan);
        return plan;
    }
    const uint64_t key = m_keys.next(m_random);
    switch (plan.op) {
    case OpType::Read: appendRead(plan.type, key, out, plan); break;
    case OpType::Write: appendWrite(plan.type, key, out, plan); break;
    case OpType::Delete: appendDelete(plan.type, key, out, plan); break;
    case OpType::Invalidate: break;
    }
    return plan;
}

std::string_view Workload::nextValue()
{
    const int span = m_config.valueSizeMax - m_config.valueSizeMin;
    const int size = m_config.valueSizeMin + (span > 0 ? int(m_random.nextBelow(uint64_t(span) + 1)) : 0);
    return m_values->slice(size, m_random.next());
}

void Workload::appendRead(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan)
{
    switch (type) {
    case CacheType::String:
    case CacheType::Counter:
        out.beginCommand(2);
        out.arg("GET");
        out.keyArg(m_prefix, typeTag(type), key);
        break;
    case CacheType::Hash:
    case CacheType::Session:
        out.beginCommand(2);
        out.arg("HGETALL");
        out.keyArg(m_prefix, typeTag(type), key);
        break;
    case CacheType::Geo: {
        double lon, lat;
        geoPoint(key, lon, lat);
        out.beginCommand(12);
        out.arg("GEOSEARCH");
        out.keyArg(m_prefix, typeTag(type), key % kGeoSets);
        out.arg("FROMLONLAT");
        appendDouble(out, lon);
        appendDouble(out, lat);
        out.arg("BYRADIUS");
        out.arg("1");
        out.arg("km");
        out.arg("ASC");
        out.arg("COUNT");
        out.arg("10");
        out.arg("ANY");
        break;
    }
    }
    plan.hitReply = plan.replies;
    plan.replies += 1;
    if (type == CacheType::Session)
        appendExpire(type, key, out, plan); // sliding expiry: every read extends the session
}

void Workload::appendWrite(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan)
{
    const bool expires = m_config.ttlSec > 0;
    switch (type) {
    case CacheType::String:
        out.beginCommand(expires ? 5 : 3);
        out.arg("SET");
        out.keyArg(m_prefix, typeTag(type), key);
        out.arg(nextValue());
        if (expires) {
            out.arg("EX");
            out.arg(int64_t(m_config.ttlSec));
        }
        plan.replies += 1;
        break;
    case CacheType::Hash: {
        // An object-like record: a few small fields and a payload of the configured size.
        char name[32], email[48];
        const int nameLen = std::snprintf(name, sizeof name, "user%llu", static_cast<unsigned long long>(key));
        const int emailLen =
            std::snprintf(email, sizeof email, "user%llu@example.com", static_cast<unsigned long long>(key));
        out.beginCommand(10);
        out.arg("HSET");
        out.keyArg(m_prefix, typeTag(type), key);
        out.arg("name");
        out.arg(std::string_view(name, size_t(nameLen)));
        out.arg("email");
        out.arg(std::string_view(email, size_t(emailLen)));
        out.arg("score");
        out.arg(int64_t(m_random.nextBelow(100000)));
        out.arg("payload");
        out.arg(nextValue());
        plan.replies += 1;
        if (expires)
            appendExpire(type, key, out, plan);
        break;
    }
    case CacheType::Session: {
        const int64_t now = QDateTime::currentSecsSinceEpoch();
        out.beginCommand(10);
        out.arg("HSET");
        out.keyArg(m_prefix, typeTag(type), key);
        out.arg("userId");
        out.arg(int64_t(key));
        out.arg("createdAt");
        out.arg(now);
        out.arg("lastSeen");
        out.arg(now);
        out.arg("data");
        out.arg(nextValue());
        plan.replies += 1;
        if (expires)
            appendExpire(type, key, out, plan);
        break;
    }
    case CacheType::Geo: {
        double lon, lat;
        geoPoint(key, lon, lat);
        out.beginCommand(5);
        out.arg("GEOADD");
        out.keyArg(m_prefix, typeTag(type), key % kGeoSets);
        appendDouble(out, lon);
        appendDouble(out, lat);
        out.keyArg("m", "", key);
        plan.replies += 1;
        break;
    }
    case CacheType::Counter:
        out.beginCommand(2);
        out.arg("INCR");
        out.keyArg(m_prefix, typeTag(type), key);
        plan.replies += 1;
        if (expires)
            appendExpire(type, key, out, plan);
        break;
    }
    if (m_registerTags)
        appendTagRegistration(type, key, out, plan);
}

void Workload::appendDelete(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan)
{
    out.beginCommand(type == CacheType::Geo ? 3 : 2);
    if (type == CacheType::Geo) {
        out.arg("ZREM");
        out.keyArg(m_prefix, typeTag(type), key % kGeoSets);
        out.keyArg("m", "", key);
    } else {
        out.arg("DEL");
        out.keyArg(m_prefix, typeTag(type), key);
    }
    plan.replies += 1;
}

void Workload::appendExpire(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan)
{
    out.beginCommand(3);
    out.arg("EXPIRE");
    out.keyArg(m_prefix, typeTag(type), key);
    out.arg(int64_t(m_config.ttlSec > 0 ? m_config.ttlSec : 1800));
    plan.replies += 1;
}

void Workload::appendTagRegistration(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan)
{
    const uint64_t tag = key % uint64_t(std::max(1, m_config.tagCount));
    out.beginCommand(3);
    out.arg("SADD");
    out.keyArg(m_prefix, "tag:", tag);
    if (type == CacheType::Geo) {
        // Geo members live inside a set, not under a key of their own: "geoKey\nmember".
        char member[128];
        const int n = std::snprintf(member, sizeof member, "%sgeo:%llu\nm%llu", m_prefix.c_str(),
                                    static_cast<unsigned long long>(key % kGeoSets),
                                    static_cast<unsigned long long>(key));
        out.arg(std::string_view(member, size_t(std::min<int>(n, int(sizeof member) - 1))));
    } else {
        out.keyArg(m_prefix, typeTag(type), key);
    }
    plan.replies += 1;
}

void Workload::appendInvalidate(RespBuffer &out, OpPlan &plan)
{
    const uint64_t tag = m_random.nextBelow(uint64_t(std::max(1, m_config.tagCount)));
    out.beginCommand(1);
    out.arg("MULTI");
    out.beginCommand(2);
    out.arg("SMEMBERS");
    out.keyArg(m_prefix, "tag:", tag);
    out.beginCommand(2);
    out.arg("DEL");
    out.keyArg(m_prefix, "tag:", tag);
    out.beginCommand(1);
    out.arg("EXEC");
    plan.replies += 4;
    plan.hasStep2 = true;
}

int Workload::appendInvalidationStep2(const redisReply *execReply, RespBuffer &out) const
{
    if (!execReply || execReply->type != REDIS_REPLY_ARRAY || execReply->elements < 1)
        return 0;
    const redisReply *members = execReply->element[0];
    if (!members || members->type != REDIS_REPLY_ARRAY || members->elements == 0)
        return 0;

    // Only names this run wrote are removed: a member that is not a key of our namespace (or a
    // geo member of one of our geo sets) was put there by someone else and is left alone, so a
    // tag set can never turn an invalidation into deletion of other keys.
    const std::string geoPrefix = m_prefix + std::string(typeTag(CacheType::Geo));
    const auto ours = [&](std::string_view name, const std::string &prefix) {
        return name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0;
    };
    std::vector<std::string_view> plain;
    std::vector<std::pair<std::string_view, std::string_view>> geo;
    for (size_t i = 0; i < members->elements; ++i) {
        const redisReply *m = members->element[i];
        if (m->type != REDIS_REPLY_STRING)
            continue;
        const std::string_view name(m->str, m->len);
        const size_t nl = name.find('\n');
        if (nl == std::string_view::npos) {
            if (ours(name, m_prefix))
                plain.push_back(name);
        } else if (ours(name.substr(0, nl), geoPrefix) && nl + 1 < name.size()) {
            geo.emplace_back(name.substr(0, nl), name.substr(nl + 1));
        }
    }

    int commands = 0;
    // Plain keys go out in UNLINK batches (one key per UNLINK on a cluster, where a batch
    // would cross slots); geo members in one ZREM each (they are few).
    const size_t kBatch = m_clusterMode ? 1 : 512;
    for (size_t i = 0; i < plain.size(); ++i) {
        if (i % kBatch == 0) {
            out.beginCommand(int(std::min(kBatch, plain.size() - i)) + 1);
            out.arg("UNLINK");
            ++commands;
        }
        out.arg(plain[i]);
    }
    for (const auto &[key, member] : geo) {
        out.beginCommand(3);
        out.arg("ZREM");
        out.arg(key);
        out.arg(member);
        ++commands;
    }
    return commands;
}

bool Workload::replyIsHit(const RespReply &reply)
{
    if (reply.nil || reply.type == '-')
        return false;
    return reply.type != '*' || reply.integer > 0;
}

} // namespace cwb
