#pragma once

// Factories of the ten benchmarks, one per source file (internal to engine/bench).

#include "benchmark.h"

#include <memory>

namespace cwb::bench {

std::unique_ptr<Benchmark> makeBasicOpsBenchmark();
std::unique_ptr<Benchmark> makeConcurrentReadsBenchmark();
std::unique_ptr<Benchmark> makeConcurrentWritesBenchmark();
std::unique_ptr<Benchmark> makeMixedOperationsBenchmark();
std::unique_ptr<Benchmark> makeInvalidationBenchmark();
std::unique_ptr<Benchmark> makeSessionBenchmark();
std::unique_ptr<Benchmark> makeGeospatialBenchmark();
std::unique_ptr<Benchmark> makeRealtimeBenchmark();
std::unique_ptr<Benchmark> makeMemoryStressBenchmark();
std::unique_ptr<Benchmark> makeHighConcurrencyBenchmark();

} // namespace cwb::bench
