#include "keychooser.h"

#include <cmath>

namespace cwb {

KeyChooser::KeyChooser(const LoadTestConfig &config, uint64_t sequentialStart)
    : m_distribution(config.keyDistribution)
    , m_keySpace(uint64_t(std::max<int64_t>(1, config.keySpace)))
    , m_sequential(sequentialStart % m_keySpace)
    , m_sigma(config.gaussianSigma)
    , m_exponent(config.zipfExponent)
{
    if (m_distribution == KeyDistribution::Zipfian) {
        m_hIntegralX1 = zipfH(1.5) - 1.0;
        m_hIntegralN = zipfH(double(m_keySpace) + 0.5);
        m_s = 2.0 - zipfHInverse(zipfH(2.5) - std::pow(2.0, -m_exponent));
    }
}

uint64_t KeyChooser::next(Random &random)
{
    switch (m_distribution) {
    case KeyDistribution::Uniform:
        return random.nextBelow(m_keySpace);
    case KeyDistribution::Sequential: {
        const uint64_t key = m_sequential;
        m_sequential = (m_sequential + 1 == m_keySpace) ? 0 : m_sequential + 1;
        return key;
    }
    case KeyDistribution::Gaussian: {
        const double mean = double(m_keySpace) / 2.0;
        const double sd = std::max(1e-9, m_sigma * double(m_keySpace));
        for (;;) {
            // Box-Muller; one value per pair is plenty at our rates.
            const double u1 = 1.0 - random.nextDouble();
            const double u2 = random.nextDouble();
            const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
            const double x = std::floor(mean + z * sd);
            if (x >= 0 && x < double(m_keySpace))
                return uint64_t(x);
        }
    }
    case KeyDistribution::Zipfian:
        for (;;) {
            const double u = m_hIntegralN + random.nextDouble() * (m_hIntegralX1 - m_hIntegralN);
            const double x = zipfHInverse(u);
            double k = std::floor(x + 0.5);
            if (k < 1)
                k = 1;
            else if (k > double(m_keySpace))
                k = double(m_keySpace);
            if (k - x <= m_s || u >= zipfH(k + 0.5) - std::exp(-m_exponent * std::log(k)))
                return uint64_t(k) - 1;
        }
    }
    return 0;
}

// H(x) = integral of x^-exponent, written with helpers that stay accurate near exponent = 1.
double KeyChooser::zipfH(double x) const
{
    const double logX = std::log(x);
    return zipfHelper2((1.0 - m_exponent) * logX) * logX;
}

double KeyChooser::zipfHInverse(double x) const
{
    double t = x * (1.0 - m_exponent);
    if (t < -1.0)
        t = -1.0; // guards rounding at the domain edge
    return std::exp(zipfHelper1(t) * x);
}

// log(1 + x) / x, continuous at 0.
double KeyChooser::zipfHelper1(double x) const
{
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
}

// (exp(x) - 1) / x, continuous at 0.
double KeyChooser::zipfHelper2(double x) const
{
    return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x));
}

} // namespace cwb
