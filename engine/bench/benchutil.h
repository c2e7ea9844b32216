#pragma once

// Measurement helpers shared by the ten benchmarks (internal to engine/bench).

#include "benchmark.h"
#include "cluster/clusterrouter.h"
#include "load/loadconfig.h"
#include "load/runresult.h"

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

// The benchmarks' measurements go through a ClusterRouter: against a Redis Cluster each
// command goes to its slot's master, against a single server straight through.

// Runs one command and records its round trip into `op`; a transport failure or an error
// reply counts as an error. The reply goes to *reply when given.
bool timedCommand(ClusterRouter &connection, const RedisCommand &command, BenchmarkOperation &op,
                  RedisReply *reply = nullptr);
// The same for a pipeline measured as one unit (e.g. HSET + EXPIRE of a session create).
bool timedPipeline(ClusterRouter &connection, const std::vector<RedisCommand> &commands, BenchmarkOperation &op);

// The sentence for a command this server or user will not run ("the ACL user may not run
// PUBLISH", "MEMORY USAGE is renamed or disabled on this server"), from the reply to a harmless
// `probe`; empty when it ran or failed for another reason. A benchmark then skips that part
// and says so in its notes instead of counting errors.
QString unavailableSentence(ClusterRouter &connection, const RedisCommand &probe, const QString &name);

// A connection for a benchmark's own measurements; false with a reason in result on failure.
bool openConnection(ClusterRouter &connection, BenchmarkResult &result);
ClusterRouter::Options benchConnectionOptions();

// Writes `count` string keys "<prefix>s:<i>" (the load engine's key names) with values of
// `valueSize` bytes in pipelined batches, so LoadRun readers find a warm key space.
bool prefillStrings(ClusterRouter &connection, const QString &prefix, int64_t count, int valueSize,
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

// A number from INFO, summed over the masters (one server: its own); nullopt on failure.
std::optional<qint64> infoInteger(ClusterRouter &connection, const QByteArray &section, const QString &sectionKey,
                                  const QString &field);

// Marks the result failed with a reason (the first failure wins).
void fail(BenchmarkResult &result, const QString &reason);

} // namespace cwb::bench
