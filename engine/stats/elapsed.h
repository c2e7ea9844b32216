#pragma once

#include <chrono>
#include <cstdint>

namespace cwb {

// Nanoseconds on the steady clock since t0: the unit every latency histogram takes.
inline uint64_t nanosSince(std::chrono::steady_clock::time_point t0)
{
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count());
}

} // namespace cwb
