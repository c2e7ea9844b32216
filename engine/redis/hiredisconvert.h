#pragma once

#include "redisreply.h"

// Forward declaration only, so hiredis' headers stay out of everything that includes ours.
struct redisReply;

namespace cwb {

// Deep-copies a hiredis reply into a RedisReply value; a null pointer gives a Nil reply.
// The caller still owns (and frees) the hiredis reply.
RedisReply toRedisReply(const redisReply *reply);

} // namespace cwb
