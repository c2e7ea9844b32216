// CLUSTER SHARDS and CLUSTER SLOTS replies: the input is raw RESP, parsed by hiredis' reader
// as the workbench receives it, then handed to our parsers.
#include "cluster/clusterparsers.h"
#include "cluster/clusterslots.h"
#include "redis/hiredisconvert.h"

#include <hiredis/hiredis.h>

#include <cstddef>
#include <cstdint>

// hiredis 0.14's reader trusts a reply's declared element count and allocates it up front
// ("*4543120840" asks for 36 GB); newer hiredis caps it (maxelements). That is the library's
// limit, not our parsers', so inputs declaring more than a million elements are skipped here.
static bool declaresHugeAggregate(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < size; ++i) {
        if (data[i] != '*' && data[i] != '$')
            continue;
        uint64_t n = 0;
        size_t j = i + 1;
        while (j < size && data[j] >= '0' && data[j] <= '9' && n < 100'000'000)
            n = n * 10 + (data[j++] - '0');
        if (n > 1'000'000)
            return true;
    }
    return false;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (declaresHugeAggregate(data, size))
        return 0;
    redisReader *reader = redisReaderCreate();
    redisReaderFeed(reader, reinterpret_cast<const char *>(data), size);
    void *reply = nullptr;
    if (redisReaderGetReply(reader, &reply) == REDIS_OK && reply) {
        const cwb::RedisReply value = cwb::toRedisReply(static_cast<const redisReply *>(reply));
        QString error;
        (void)cwb::parseClusterShards(value, &error);
        (void)cwb::ClusterSlotMap::fromClusterSlots(value, &error);
        freeReplyObject(reply);
    }
    redisReaderFree(reader);
    return 0;
}
