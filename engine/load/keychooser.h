#pragma once

#include "loadconfig.h"
#include "random.h"

#include <cstdint>

namespace cwb {

// Picks key indices in [0, keySpace) by the configured distribution. O(1) per pick and O(1)
// set-up for every distribution, so a key space of a billion costs nothing to prepare.
//
// Zipfian uses rejection-inversion sampling (Hörmann & Derflinger 1996): rank 1 (the hottest)
// maps to index 0. Gaussian centres on the middle of the key space with sigma as a fraction of
// it, redrawing values that fall outside. Sequential walks the key space from a per-user
// offset, wrapping around.
class KeyChooser
{
public:
    KeyChooser(const LoadTestConfig &config, uint64_t sequentialStart = 0);

    uint64_t next(Random &random);

private:
    double zipfH(double x) const;
    double zipfHInverse(double x) const;
    double zipfHelper1(double x) const;
    double zipfHelper2(double x) const;

    KeyDistribution m_distribution;
    uint64_t m_keySpace;
    uint64_t m_sequential = 0;
    double m_sigma = 0;
    // Zipfian constants.
    double m_exponent = 0;
    double m_hIntegralX1 = 0;
    double m_hIntegralN = 0;
    double m_s = 0;
};

} // namespace cwb
