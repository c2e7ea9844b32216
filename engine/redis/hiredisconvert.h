#pragma once

#include "redisreply.h"

#include <sys/time.h>

// Forward declaration only, so hiredis' headers stay out of everything that includes ours.
struct redisReply;

namespace cwb {

// Deep-copies a hiredis reply into a RedisReply value; a null pointer gives a Nil reply.
// The caller still owns (and frees) the hiredis reply.
RedisReply toRedisReply(const redisReply *reply);

// hiredis takes its timeouts as a timeval.
inline timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

} // namespace cwb
