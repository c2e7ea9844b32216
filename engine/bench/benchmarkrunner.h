#pragma once

#include "benchmark.h"

namespace cwb {

// Runs one benchmark with everything around it that every benchmark reports alike:
//   connect -> INFO + CONFIG GET (version, maxmemory, policy, io-threads) -> client sample
//   -> memory sampler (server used_memory/rss and own RSS, 10 Hz, for the peaks)
//   -> Benchmark::run -> closing INFO and client sample (CPU deltas) -> cleanup of the prefix.
// Each benchmark writes under "<context.keyPrefix><name>:" and that prefix is removed with
// SCAN + UNLINK afterwards, whatever the outcome. Never throws.
BenchmarkResult runBenchmark(Benchmark &benchmark, const BenchmarkContext &context);

} // namespace cwb
