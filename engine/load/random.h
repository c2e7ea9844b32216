#pragma once

#include <cstdint>

namespace cwb {

// xoshiro256** seeded through splitmix64: fast, small, and reproducible from one 64-bit
// seed, so the same config and seed replay the same key sequence. Not for cryptography.
class Random
{
public:
    explicit Random(uint64_t seed = 1)
    {
        for (auto &word : m_state)
            word = splitMix(seed);
    }

    uint64_t next()
    {
        const uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double nextDouble() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, bound): Lemire's multiply-shift, bias below 2^-32 for our bounds.
    uint64_t nextBelow(uint64_t bound)
    {
        __extension__ using Wide = unsigned __int128; // GCC/Clang extension; -Wpedantic knows it is deliberate
        return uint64_t(Wide(next()) * bound >> 64);
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static uint64_t splitMix(uint64_t &x)
    {
        uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    uint64_t m_state[4];
};

} // namespace cwb
