// CLUSTER SHARDS and CLUSTER SLOTS replies: the input is raw RESP, parsed by hiredis' reader
// as the workbench receives it, then handed to our parsers.
#include "cluster/clusterparsers.h"
#include "load/clusterslots.h"
#include "redis/hiredisconvert.h"

#include <hiredis/hiredis.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
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
