#pragma once

#include "redis/redisreply.h"

#include <QByteArray>

#include <vector>

namespace cwb {

// Where a command's keys are, as far as routing by slot needs it. Redis' own key
// specifications are richer; these rules cover the commands the workbench sends.

// The index of the argument that decides the command's slot, or -1 for a command without keys
// (INFO, PING, CONFIG, SCAN, PUBLISH, ...). Sub-commands that name a key (MEMORY USAGE key,
// OBJECT FREQ key, XGROUP CREATE key, XINFO STREAM key) and EVAL/FCALL with numkeys, XREAD and
// XREADGROUP ... STREAMS key are understood.
int routingKeyIndex(const RedisCommand &command);

// Multi-key commands a router may split by slot and put together again: every argument after
// the name is a key (DEL, UNLINK, EXISTS, TOUCH, MGET) or key/value pairs (MSET).
enum class SplittableKind { None, SumOfIntegers, ArrayInKeyOrder, AllOk };
SplittableKind splittableKind(const RedisCommand &command);
// The arguments a key of a splittable command spans: 1 (a key) or 2 (MSET's key and value).
int splittableStride(const RedisCommand &command);

} // namespace cwb
