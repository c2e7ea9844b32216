#pragma once

#include "keychooser.h"
#include "loadconfig.h"
#include "random.h"
#include "respbuffer.h"

#include <memory>
#include <string>
#include <string_view>

struct redisReply;

namespace cwb {
struct RespReply;
}

namespace cwb {

// Values are slices of one block of printable random bytes made once per run: realistic
// sizes and incompressible content, at no per-operation cost.
class ValuePool
{
public:
    ValuePool(int maxSize, uint64_t seed);
    std::string_view slice(int size, uint64_t offsetSeed) const;

private:
    std::string m_block;
};

// What one operation sends first and how to read its replies.
struct OpPlan
{
    OpType op = OpType::Read;
    CacheType type = CacheType::String;
    int replies = 1;      // replies to the first step's commands
    int hitReply = -1;    // which of them says hit (non-empty) or miss (nil / empty); -1: none
    bool hasStep2 = false; // invalidation: its last reply lists keys to unlink next
};

// The commands each cache type sends for the four operations, for one virtual user.
//
//   type     read                         write                               delete
//   string   GET k                        SET k v [EX ttl]                    DEL k
//   hash     HGETALL k                    HSET k name,email,score,payload + EXPIRE  DEL k
//   session  HGETALL k + EXPIRE (sliding) HSET k userId,createdAt,lastSeen,data + EXPIRE  DEL k
//   geo      GEOSEARCH g FROMLONLAT .. BYRADIUS 1 km   GEOADD g lon lat m     ZREM g m
//   counter  GET k                        INCR k + EXPIRE                     DEL k
//
// Invalidation is tag-based, as applications do it: every write also registers its key in
// the tag set "<prefix>tag:<n>" (n = key index mod tagCount) when the mix invalidates at all;
// invalidating a tag reads and deletes the set atomically (MULTI SMEMBERS DEL EXEC) and then
// unlinks the keys it held (UNLINK, or ZREM for geo members). Both steps form one operation.
class Workload
{
public:
    Workload(const LoadTestConfig &config, std::shared_ptr<const ValuePool> values, uint64_t seed,
             uint64_t userIndex);

    // Picks the next operation by the mix and appends its first commands to `out`.
    OpPlan next(RespBuffer &out);
    // Picks the next operation type only: an open-loop user that cannot send still consumes
    // its schedule, and the failed operation is counted under its type.
    OpType nextOpType();

    // Appends the second step of an invalidation from the EXEC reply of its first step;
    // returns how many commands it appended (0 when the tag was empty).
    int appendInvalidationStep2(const redisReply *execReply, RespBuffer &out) const;
    // A read's reply is a hit when it is not nil and not an empty array.
    static bool replyIsHit(const RespReply &reply);
    // Against a Redis Cluster, multi-key commands would cross slots: invalidation then
    // unlinks key by key, so each command can be routed to the node owning its key.
    void setClusterMode(bool on) { m_clusterMode = on; }

private:
    CacheType nextCacheType();
    void appendRead(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan);
    void appendWrite(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan);
    void appendDelete(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan);
    void appendInvalidate(RespBuffer &out, OpPlan &plan);
    void appendExpire(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan);
    void appendTagRegistration(CacheType type, uint64_t key, RespBuffer &out, OpPlan &plan);
    std::string_view nextValue();

    LoadTestConfig m_config;
    std::shared_ptr<const ValuePool> m_values;
    Random m_random;
    KeyChooser m_keys;
    std::string m_prefix;
    std::array<int, kOpTypeCount> m_mixThresholds{};
    bool m_registerTags = false;
    bool m_clusterMode = false;
};

} // namespace cwb
