// Key distributions: the shapes the workload promises, measured on many draws.

#include "load/keychooser.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace cwb;

namespace {

LoadTestConfig configFor(KeyDistribution d, int64_t keySpace)
{
    LoadTestConfig c;
    c.keyDistribution = d;
    c.keySpace = keySpace;
    return c;
}

std::vector<uint64_t> histogram(KeyChooser &chooser, int64_t keySpace, int draws, uint64_t seed = 7)
{
    Random random(seed);
    std::vector<uint64_t> counts(size_t(keySpace), 0);
    for (int i = 0; i < draws; ++i) {
        const uint64_t k = chooser.next(random);
        if (k >= uint64_t(keySpace))
            return {}; // out of range: the caller's QVERIFY fails on the empty result
        ++counts[k];
    }
    return counts;
}

} // namespace

class tst_KeyChooser : public QObject
{
    Q_OBJECT

private slots:
    void uniformIsFlat()
    {
        const int64_t n = 100;
        KeyChooser chooser(configFor(KeyDistribution::Uniform, n));
        const auto counts = histogram(chooser, n, 1'000'000);
        QVERIFY(!counts.empty());
        for (uint64_t c : counts)
            QVERIFY2(std::abs(double(c) - 10'000.0) < 600, qPrintable(QString::number(c))); // ~6 sigma
    }

    void zipfianFollowsThePowerLaw_data()
    {
        QTest::addColumn<double>("exponent");
        QTest::newRow("0.99") << 0.99;
        QTest::newRow("1.0") << 1.0;
        QTest::newRow("1.5") << 1.5;
    }

    void zipfianFollowsThePowerLaw()
    {
        QFETCH(double, exponent);
        const int64_t n = 1000;
        LoadTestConfig c = configFor(KeyDistribution::Zipfian, n);
        c.zipfExponent = exponent;
        KeyChooser chooser(c);
        const int draws = 2'000'000;
        const auto counts = histogram(chooser, n, draws);
        QVERIFY(!counts.empty());
        double harmonic = 0;
        for (int64_t k = 1; k <= n; ++k)
            harmonic += std::pow(double(k), -exponent);
        // P(rank k) = k^-s / H(n, s): check the hottest ranks against theory within 3%.
        for (int rank : {1, 2, 3, 10}) {
            const double expected = draws * std::pow(double(rank), -exponent) / harmonic;
            const double got = double(counts[size_t(rank - 1)]);
            QVERIFY2(std::abs(got - expected) / expected < 0.03,
                     qPrintable(QStringLiteral("rank %1: %2 vs %3").arg(rank).arg(got).arg(expected)));
        }
    }

    void zipfianHandlesAHugeKeySpaceInstantly()
    {
        LoadTestConfig c = configFor(KeyDistribution::Zipfian, 1'000'000'000);
        KeyChooser chooser(c); // O(1) set-up: no table over a billion keys
        Random random(1);
        uint64_t zeros = 0;
        for (int i = 0; i < 100'000; ++i) {
            const uint64_t k = chooser.next(random);
            QVERIFY(k < 1'000'000'000ULL);
            zeros += k == 0;
        }
        QVERIFY(zeros > 1000); // rank 1 is hot even among a billion keys
    }

    void gaussianCentresOnTheMiddle()
    {
        const int64_t n = 10'000;
        LoadTestConfig c = configFor(KeyDistribution::Gaussian, n);
        c.gaussianSigma = 0.05;
        KeyChooser chooser(c);
        Random random(3);
        double sum = 0, sumSq = 0;
        const int draws = 200'000;
        for (int i = 0; i < draws; ++i) {
            const double k = double(chooser.next(random));
            QVERIFY(k >= 0 && k < double(n));
            sum += k;
            sumSq += k * k;
        }
        const double mean = sum / draws;
        const double sd = std::sqrt(sumSq / draws - mean * mean);
        QVERIFY(std::abs(mean - 5000) < 10);
        QVERIFY(std::abs(sd - 500) < 15);
    }

    void sequentialWalksAndWraps()
    {
        KeyChooser chooser(configFor(KeyDistribution::Sequential, 5), 3);
        Random random(1);
        QList<uint64_t> got;
        for (int i = 0; i < 7; ++i)
            got << chooser.next(random);
        QCOMPARE(got, (QList<uint64_t>{3, 4, 0, 1, 2, 3, 4}));
    }

    void sameSeedSameSequence()
    {
        KeyChooser a(configFor(KeyDistribution::Zipfian, 1000)), b(configFor(KeyDistribution::Zipfian, 1000));
        Random ra(42), rb(42);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(a.next(ra), b.next(rb));
    }
};

QTEST_GUILESS_MAIN(tst_KeyChooser)
#include "tst_keychooser.moc"
