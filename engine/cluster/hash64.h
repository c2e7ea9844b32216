#pragma once

#include <QByteArrayView>

#include <cstdint>

namespace cwb {

// The 64-bit hash every hash-based sharding strategy uses for keys and ring points:
// FNV-1a over the bytes, then the MurmurHash3 fmix64 finaliser. FNV-1a alone is fast on
// short keys but mixes its high bits poorly (keys differing only in the last digit land
// close together on a ring); fmix64 gives full avalanche, so ring positions and jump-hash
// inputs are uniform. Stable across platforms and releases: simulations are reproducible.
inline uint64_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

inline uint64_t hash64(QByteArrayView data)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : data) {
        h ^= uint8_t(c);
        h *= 0x100000001b3ULL;
    }
    return mix64(h);
}

// Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014): maps a key
// hash to one of `buckets` buckets so that growing from n to n+1 buckets moves only 1/(n+1)
// of the keys. Buckets can only be added or removed at the end.
inline int32_t jumpConsistentHash(uint64_t key, int32_t buckets)
{
    int64_t b = -1;
    int64_t j = 0;
    while (j < buckets) {
        b = j;
        key = key * 2862933555777941757ULL + 1;
        j = int64_t(double(b + 1) * (double(int64_t(1) << 31) / double((key >> 33) + 1)));
    }
    return int32_t(b);
}

} // namespace cwb
