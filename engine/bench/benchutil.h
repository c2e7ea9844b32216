#pragma once

// Measurement helpers shared by the ten benchmarks (internal to engine/bench).

#include "benchmark.h"
#include "load/loadconfig.h"
#include "load/runresult.h"
#include "redis/redisconnection.h"

#include <chrono>
#include <cstdint>
#include <functional>

namespace cwb::bench {

inline uint64_t nowNs()
{
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count());
}

// Runs one command and records its round trip into `op`; a transport failure or an error
// reply counts as an error. The reply goes to *reply when given.
bool timedCommand(RedisConnection &connection, const RedisCommand &command, BenchmarkOperation &op,
                  RedisReply *reply = nullptr);
// The same for a pipeline measured as one unit (e.g. HSET + EXPIRE of a session create).
bool timedPipeline(RedisConnection &connection, const std::vector<RedisCommand> &commands, BenchmarkOperation &op);

// A connection for a benchmark's own measurements; false with a reason in result on failure.
bool openConnection(RedisConnection &connection, BenchmarkResult &result);
RedisConnection::Options benchConnectionOptions();

// Writes `count` string keys "<prefix>s:<i>" (the load engine's key names) with values of
// `valueSize` bytes in pipelined batches, so LoadRun readers find a warm key space.
bool prefillStrings(RedisConnection &connection, const QString &prefix, int64_t count, int valueSize,
                    const BenchmarkContext &context, QString *error);

// Printable, deterministic bytes of the given size.
QByteArray valueOfSize(int size, char salt = 'a');

// A load engine config preset for benchmarks: closed loop, no warm-up, no cleanup (the runner
// cleans the whole benchmark prefix), writes under `prefix`.
LoadTestConfig loadConfigFor(const BenchmarkContext &context, const QString &prefix, double durationSec, int users);
// Runs one load test and forwards cancellation to it. Its progress goes to onFraction.
RunResult runLoad(const LoadTestConfig &config, const BenchmarkContext &context,
                  const std::function<void(double)> &onFraction = {});
// A BenchmarkOperation from one of the load engine's counters.
BenchmarkOperation operationFrom(const QString &name, const OpCounters &counters, double seconds);

// INFO of one section parsed; nullopt on failure.
std::optional<qint64> infoInteger(RedisConnection &connection, const QByteArray &section, const QString &sectionKey,
                                  const QString &field);

// Marks the result failed with a reason (the first failure wins).
void fail(BenchmarkResult &result, const QString &reason);

} // namespace cwb::bench
