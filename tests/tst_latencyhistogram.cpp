#include "stats/latencyhistogram.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using cwb::LatencyHistogram;

namespace {

enum class Shape { Uniform, Exponential, Bimodal, LogUniform };

std::vector<uint64_t> sample(Shape shape, size_t n, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<uint64_t> values;
    values.reserve(n);
    std::uniform_real_distribution<double> uniform(1e3, 10e6);
    std::exponential_distribution<double> exponential(1.0 / 200e3);
    std::normal_distribution<double> fast(50e3, 5e3);
    std::normal_distribution<double> slow(5e6, 500e3);
    std::bernoulli_distribution isSlow(0.1);
    std::uniform_real_distribution<double> logUniform(std::log(1e3), std::log(60e9));
    for (size_t i = 0; i < n; ++i) {
        double v = 0;
        switch (shape) {
        case Shape::Uniform: v = uniform(rng); break;
        case Shape::Exponential: v = exponential(rng); break;
        case Shape::Bimodal: v = isSlow(rng) ? slow(rng) : fast(rng); break;
        case Shape::LogUniform: v = std::exp(logUniform(rng)); break;
        }
        values.push_back(uint64_t(std::max(0.0, std::round(v))));
    }
    return values;
}

// The value with at least p% of the data at or below it (nearest-rank definition).
uint64_t exactPercentile(const std::vector<uint64_t> &sorted, double p)
{
    if (p >= 100)
        return sorted.back();
    const auto rank = std::max<size_t>(1, size_t(std::ceil(p / 100.0 * double(sorted.size()))));
    return sorted[rank - 1];
}

LatencyHistogram histogramOf(const std::vector<uint64_t> &values)
{
    LatencyHistogram h;
    for (uint64_t v : values)
        h.record(v);
    return h;
}

} // namespace

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private slots:
    void percentilesMatchSortedData_data();
    void percentilesMatchSortedData();
    void smallValuesAreExact();
    void emptyHistogram();
    void bucketsTileTheRange();
    void mergeOfHalvesEqualsWhole();
    void resetEmpties();
    void recordNCountsMany();
    void bytesRoundTrip();
    void jsonRoundTrip();
    void fromBytesRejectsTruncated();
    void fromBytesRejectsMalformed();
    void fromBytesFuzzedMutations();
    void fromJsonRejectsMalformed();
    void clampsHugeValues();
    void sixtySecondsWithinOnePercent();
};

void TestLatencyHistogram::percentilesMatchSortedData_data()
{
    QTest::addColumn<int>("shape");
    QTest::newRow("uniform 1us-10ms") << int(Shape::Uniform);
    QTest::newRow("exponential mean 200us") << int(Shape::Exponential);
    QTest::newRow("bimodal 50us/5ms") << int(Shape::Bimodal);
    QTest::newRow("log-uniform 1us-60s") << int(Shape::LogUniform);
}

void TestLatencyHistogram::percentilesMatchSortedData()
{
    QFETCH(int, shape);
    auto values = sample(Shape(shape), 200000, 20240601 + uint64_t(shape));
    const LatencyHistogram h = histogramOf(values);
    std::sort(values.begin(), values.end());

    QCOMPARE(h.count(), uint64_t(values.size()));
    QCOMPARE(h.minNs(), values.front());
    QCOMPARE(h.maxNs(), values.back());
    long double sum = 0;
    for (uint64_t v : values)
        sum += v;
    QCOMPARE(h.meanNs(), double(sum / values.size()));

    for (double p : {1.0, 10.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0}) {
        const double exact = double(exactPercentile(values, p));
        const double got = double(h.percentileNs(p));
        const double relError = std::abs(got - exact) / exact;
        if (relError > 0.01)
            QFAIL(qPrintable(QStringLiteral("p%1: histogram %2 ns, exact %3 ns, error %4%")
                                 .arg(p).arg(got).arg(exact).arg(relError * 100)));
    }
    QCOMPARE(h.percentileNs(100), values.back());
    QCOMPARE(h.percentileNs(0), values.front());
}

void TestLatencyHistogram::smallValuesAreExact()
{
    LatencyHistogram h;
    for (uint64_t v = 0; v < 256; ++v)
        h.record(v);
    QCOMPARE(h.percentileNs(50), uint64_t(127));
    QCOMPARE(h.percentileNs(25), uint64_t(63));
    for (int i = 0; i < 256; ++i) {
        QCOMPARE(h.bucketLowNs(i), uint64_t(i));
        QCOMPARE(h.bucketHighNs(i), uint64_t(i) + 1);
        QCOMPARE(h.bucketCountAt(i), uint64_t(1));
    }
}

void TestLatencyHistogram::emptyHistogram()
{
    const LatencyHistogram h;
    QVERIFY(h.isEmpty());
    QCOMPARE(h.minNs(), uint64_t(0));
    QCOMPARE(h.maxNs(), uint64_t(0));
    QCOMPARE(h.meanNs(), 0.0);
    QCOMPARE(h.percentileNs(99), uint64_t(0));
    QVERIFY(LatencyHistogram::fromBytes(h.toBytes()) == h);
    QVERIFY(LatencyHistogram::fromJson(h.toJson()) == h);
}

void TestLatencyHistogram::bucketsTileTheRange()
{
    const LatencyHistogram h;
    QCOMPARE(h.bucketLowNs(0), uint64_t(0));
    for (int i = 1; i < h.bucketCount(); ++i) {
        QCOMPARE(h.bucketLowNs(i), h.bucketHighNs(i - 1));
        const uint64_t width = h.bucketHighNs(i) - h.bucketLowNs(i);
        // A bucket is never wider than 1/128 of its lower bound: the source of the 1% promise.
        QVERIFY(width == 1 || width * LatencyHistogram::kSubBuckets <= h.bucketLowNs(i));
    }
    QCOMPARE(h.bucketHighNs(h.bucketCount() - 1), LatencyHistogram::kMaxTrackableNs + 1);

    // Every bucket's bounds really map to that bucket when recorded.
    for (int i : {0, 127, 255, 256, 300, 1000, 2047, 3000, h.bucketCount() - 1}) {
        LatencyHistogram one;
        one.record(h.bucketLowNs(i));
        one.record(h.bucketHighNs(i) - 1);
        QCOMPARE(one.bucketCountAt(i), uint64_t(2));
    }
}

void TestLatencyHistogram::mergeOfHalvesEqualsWhole()
{
    const auto values = sample(Shape::LogUniform, 50000, 7);
    LatencyHistogram first, second;
    for (size_t i = 0; i < values.size(); ++i)
        (i % 2 ? second : first).record(values[i]);
    first.record(LatencyHistogram::kMaxTrackableNs + 5); // clamped counts merge too
    LatencyHistogram whole = histogramOf(values);
    whole.record(LatencyHistogram::kMaxTrackableNs + 5);
    QVERIFY(!(first == whole));
    first.merge(second);
    QVERIFY(first == whole);
    QCOMPARE(first.clampedCount(), uint64_t(1));
    QCOMPARE(first.percentileNs(99), whole.percentileNs(99));

    // Merging an empty histogram changes nothing, either way round.
    LatencyHistogram empty;
    first.merge(LatencyHistogram());
    QVERIFY(first == whole);
    empty.merge(whole);
    QVERIFY(empty == whole);
}

void TestLatencyHistogram::resetEmpties()
{
    LatencyHistogram h = histogramOf(sample(Shape::Uniform, 1000, 3));
    QVERIFY(!h.isEmpty());
    h.reset();
    QVERIFY(h == LatencyHistogram());
    QCOMPARE(h.minNs(), uint64_t(0));
    h.record(500);
    QCOMPARE(h.minNs(), uint64_t(500));
    QCOMPARE(h.maxNs(), uint64_t(500));

    // Reset clears every bucket between the extremes a merge brought in, up to a clamped value.
    LatencyHistogram wide;
    wide.record(1);
    LatencyHistogram top;
    top.record(LatencyHistogram::kMaxTrackableNs + 1);
    wide.merge(top);
    wide.merge(histogramOf(sample(Shape::LogUniform, 1000, 5)));
    wide.reset();
    QVERIFY(wide == LatencyHistogram());
}

void TestLatencyHistogram::recordNCountsMany()
{
    LatencyHistogram a, b;
    a.recordN(12345, 1000);
    a.recordN(999, 0); // a zero count must not move min/max
    for (int i = 0; i < 1000; ++i)
        b.record(12345);
    QVERIFY(a == b);
    QCOMPARE(a.minNs(), uint64_t(12345));
    QCOMPARE(a.meanNs(), 12345.0);
}

void TestLatencyHistogram::bytesRoundTrip()
{
    LatencyHistogram h = histogramOf(sample(Shape::Bimodal, 20000, 11));
    h.record(0);
    h.record(LatencyHistogram::kMaxTrackableNs * 4);
    const QByteArray bytes = h.toBytes();
    QVERIFY(bytes.size() < 4000); // sparse: far below 3968 buckets x 8 bytes
    const auto back = LatencyHistogram::fromBytes(bytes);
    QVERIFY(back.has_value());
    QVERIFY(*back == h);
    QCOMPARE(back->clampedCount(), uint64_t(1));
    QCOMPARE(back->toBytes(), bytes);
}

void TestLatencyHistogram::jsonRoundTrip()
{
    const LatencyHistogram h = histogramOf(sample(Shape::Exponential, 20000, 13));
    const nlohmann::json json = h.toJson();
    QCOMPARE(json.at("v").get<int>(), 1);
    QCOMPARE(json.at("count").get<uint64_t>(), uint64_t(20000));
    // Through text too, as a file or a database column would carry it.
    const auto back = LatencyHistogram::fromJson(nlohmann::json::parse(json.dump()));
    QVERIFY(back.has_value());
    QVERIFY(*back == h);
}

void TestLatencyHistogram::fromBytesRejectsTruncated()
{
    const QByteArray bytes = histogramOf(sample(Shape::Uniform, 500, 17)).toBytes();
    for (qsizetype n = 0; n < bytes.size(); ++n)
        QVERIFY2(!LatencyHistogram::fromBytes(bytes.left(n)).has_value(), qPrintable(QString::number(n)));
    QVERIFY(LatencyHistogram::fromBytes(bytes).has_value());
    QVERIFY(!LatencyHistogram::fromBytes(QByteArray(bytes + '\0')).has_value()); // trailing garbage
}

void TestLatencyHistogram::fromBytesRejectsMalformed()
{
    auto bytesOf = [](std::initializer_list<int> list) {
        QByteArray b;
        for (int v : list)
            b.append(char(v));
        return b;
    };
    // A valid one-value histogram: value 100 recorded once.
    const QByteArray valid = bytesOf({1, 1, 0, 100, 100, 0, 100, 1, 100, 1});
    LatencyHistogram expected;
    expected.record(100);
    QCOMPARE(expected.toBytes(), valid);
    QVERIFY(LatencyHistogram::fromBytes(valid).has_value());

    QVERIFY(!LatencyHistogram::fromBytes(QByteArray()).has_value());
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({2, 1, 0, 100, 100, 0, 100, 1, 100, 1})).has_value()); // version
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 2, 0, 100, 100, 0, 100, 1, 100, 1})).has_value()); // count
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 100, 100, 0, 100, 1, 100, 0})).has_value()); // zero
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 90, 100, 0, 100, 1, 100, 1})).has_value());  // min
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 100, 100, 0, 99, 1, 100, 1})).has_value());  // sum
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 2, 100, 100, 0, 100, 1, 100, 1})).has_value());  // clamped
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 100, 100, 0, 100, 1, 0xff, 0x7f, 1})).has_value()); // index
    // Non-canonical varint (100 as 0xe4 0x00) and an 11-byte varint.
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 0xe4, 0x00, 100, 0, 100, 1, 100, 1})).has_value());
    QVERIFY(!LatencyHistogram::fromBytes(
                 bytesOf({1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}))
                 .has_value());
    // A huge bucket count that the remaining bytes cannot hold.
    QVERIFY(!LatencyHistogram::fromBytes(bytesOf({1, 1, 0, 100, 100, 0, 100, 0xff, 0x7f, 100, 1})).has_value());
}

void TestLatencyHistogram::fromBytesFuzzedMutations()
{
    // Whatever is accepted must be canonical: it re-encodes to the very same bytes.
    const QByteArray valid = histogramOf(sample(Shape::Bimodal, 300, 19)).toBytes();
    std::mt19937 rng(23);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes = valid;
        const int edits = 1 + int(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            const auto at = qsizetype(rng() % uint32_t(bytes.size()));
            switch (rng() % 3) {
            case 0: bytes[at] = char(rng()); break;
            case 1: bytes.remove(at, 1); break;
            default: bytes.insert(at, char(rng())); break;
            }
        }
        if (const auto h = LatencyHistogram::fromBytes(bytes)) {
            ++accepted;
            QCOMPARE(h->toBytes(), bytes);
        }
    }
    QVERIFY(accepted < 2000);
}

void TestLatencyHistogram::fromJsonRejectsMalformed()
{
    LatencyHistogram h;
    h.record(100);
    h.record(5000);
    const nlohmann::json good = h.toJson();
    QVERIFY(LatencyHistogram::fromJson(good).has_value());

    auto broken = [&](auto edit) {
        nlohmann::json j = good;
        edit(j);
        return !LatencyHistogram::fromJson(j).has_value();
    };
    QVERIFY(!LatencyHistogram::fromJson(nlohmann::json::array()).has_value());
    QVERIFY(broken([](nlohmann::json &j) { j["v"] = 2; }));
    QVERIFY(broken([](nlohmann::json &j) { j.erase("buckets"); }));
    QVERIFY(broken([](nlohmann::json &j) { j["count"] = 3; }));
    QVERIFY(broken([](nlohmann::json &j) { j["count"] = -2; }));
    QVERIFY(broken([](nlohmann::json &j) { j["min"] = "100"; }));
    QVERIFY(broken([](nlohmann::json &j) { j["buckets"][0][1] = 0; }));
    QVERIFY(broken([](nlohmann::json &j) { j["buckets"][0][0] = -1; }));
    QVERIFY(broken([](nlohmann::json &j) { j["buckets"][1][0] = 100000; }));
    QVERIFY(broken([](nlohmann::json &j) { j["buckets"][0] = nlohmann::json::array({1}); }));
    QVERIFY(broken([](nlohmann::json &j) { std::swap(j["buckets"][0], j["buckets"][1]); }));
    QVERIFY(broken([](nlohmann::json &j) { j["max"] = 4000; }));
}

void TestLatencyHistogram::clampsHugeValues()
{
    LatencyHistogram h;
    h.record(1000);
    h.record(LatencyHistogram::kMaxTrackableNs + 1);
    h.record(UINT64_MAX);
    QCOMPARE(h.count(), uint64_t(3));
    QCOMPARE(h.clampedCount(), uint64_t(2));
    QCOMPARE(h.maxNs(), LatencyHistogram::kMaxTrackableNs);
    QCOMPARE(h.bucketCountAt(h.bucketCount() - 1), uint64_t(2));
    // Reported from the top bucket (its midpoint), not from the unbounded inputs.
    QCOMPARE(h.percentileNs(99), h.bucketLowNs(h.bucketCount() - 1) + (uint64_t(1) << 28));
    h.record(LatencyHistogram::kMaxTrackableNs); // the largest trackable value is not clamped
    QCOMPARE(h.clampedCount(), uint64_t(2));
}

void TestLatencyHistogram::sixtySecondsWithinOnePercent()
{
    LatencyHistogram h;
    const uint64_t sixty = 60'000'000'000ULL;
    h.record(1000);
    h.record(sixty);
    h.record(2 * sixty);
    QCOMPARE(h.clampedCount(), uint64_t(0));
    // p50 falls in the 60 s bucket; min/max clamping does not help it there.
    const double p50 = double(h.percentileNs(50));
    QVERIFY2(std::abs(p50 - double(sixty)) / double(sixty) <= 0.01, qPrintable(QString::number(p50)));
    QCOMPARE(h.maxNs(), 2 * sixty);
}

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
