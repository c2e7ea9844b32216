#include "benchmarkfactories.h"
#include "benchutil.h"

#include <random>

namespace cwb::bench {

namespace {

// A city-sized box (Berlin): realistic point density, so radius queries return realistic counts.
constexpr double kLonMin = 13.20, kLonMax = 13.60, kLatMin = 52.40, kLatMax = 52.60;

class GeospatialBenchmark : public Benchmark
{
public:
    QString name() const override { return QStringLiteral("geospatial-queries"); }
    QString title() const override { return QStringLiteral("Geospatial queries"); }
    QString description() const override
    {
        return QStringLiteral("GEOADD a city-sized point set, GEOSEARCH by radius and by box, GEODIST; latency by radius.");
    }
    std::vector<BenchmarkParameter> parameters() const override
    {
        return {{QStringLiteral("points"), QStringLiteral("Points added"), 20000, 100, 100000000},
                {QStringLiteral("queries"), QStringLiteral("Queries per radius and kind"), 200, 1, 10000000}};
    }

    void run(const BenchmarkContext &context, BenchmarkResult &result) override
    {
        ClusterRouter connection(context.endpoint, benchConnectionOptions());
        if (!openConnection(connection, result))
            return;
        const int points = int(parameter(context, QStringLiteral("points")));
        const int queries = int(parameter(context, QStringLiteral("queries")));
        const QByteArray key = context.keyPrefix.toUtf8() + "points";
        std::mt19937_64 random(42);
        std::uniform_real_distribution<double> lon(kLonMin, kLonMax), lat(kLatMin, kLatMax);
        const auto coord = [](double v) { return QByteArray::number(v, 'f', 6); };

        BenchmarkOperation add;
        add.name = QStringLiteral("GEOADD (500 points)");
        const uint64_t addStart = nowNs();
        for (int first = 0; first < points && !context.cancelled(); first += 500) {
            RedisCommand command{"GEOADD", key};
            for (int i = first; i < std::min(points, first + 500); ++i)
                command << coord(lon(random)) << coord(lat(random)) << "p" + QByteArray::number(i);
            if (!timedCommand(connection, command, add)) {
                fail(result, QStringLiteral("GEOADD failed: ") + connection.lastError().message);
                return;
            }
            context.report(0.2 * first / points, QStringLiteral("GEOADD"));
        }
        add.durationSec = double(nowNs() - addStart) / 1e9;
        result.operations.push_back(std::move(add));

        BenchmarkSeries byRadius{QStringLiteral("p50 latency by radius"), QStringLiteral("m"), QStringLiteral("µs"), {}};
        BenchmarkSeries resultsByRadius{QStringLiteral("results by radius"), QStringLiteral("m"), QStringLiteral("points"), {}};
        const int radii[] = {100, 500, 1000, 5000};
        const int kinds = 6;
        int kind = 0;
        for (int radius : radii) {
            BenchmarkOperation op;
            op.name = radius >= 1000 ? QStringLiteral("GEOSEARCH radius %1 km").arg(radius / 1000)
                                     : QStringLiteral("GEOSEARCH radius %1 m").arg(radius);
            uint64_t found = 0;
            const uint64_t start = nowNs();
            for (int q = 0; q < queries && !context.cancelled(); ++q) {
                RedisReply reply;
                if (timedCommand(connection,
                                 {"GEOSEARCH", key, "FROMLONLAT", coord(lon(random)), coord(lat(random)), "BYRADIUS",
                                  QByteArray::number(radius), "m"},
                                 op, &reply))
                    found += reply.elements.size();
            }
            op.durationSec = double(nowNs() - start) / 1e9;
            byRadius.points.emplace_back(radius, double(op.latency.percentileNs(50)) / 1000);
            const double avg = op.successes() ? double(found) / double(op.successes()) : 0;
            resultsByRadius.points.emplace_back(radius, avg);
            result.metrics.push_back({op.name + QStringLiteral(" results"), avg, QStringLiteral("points")});
            result.operations.push_back(std::move(op));
            context.report(0.2 + 0.8 * ++kind / kinds, QStringLiteral("GEOSEARCH"));
        }
        BenchmarkOperation box;
        box.name = QStringLiteral("GEOSEARCH box 2x2 km");
        uint64_t start = nowNs();
        for (int q = 0; q < queries && !context.cancelled(); ++q)
            timedCommand(connection,
                         {"GEOSEARCH", key, "FROMLONLAT", coord(lon(random)), coord(lat(random)), "BYBOX", "2", "2", "km"},
                         box);
        box.durationSec = double(nowNs() - start) / 1e9;
        result.operations.push_back(std::move(box));
        context.report(0.2 + 0.8 * ++kind / kinds, QStringLiteral("GEOSEARCH box"));

        BenchmarkOperation dist;
        dist.name = QStringLiteral("GEODIST");
        std::uniform_int_distribution<int> member(0, points - 1);
        start = nowNs();
        for (int q = 0; q < queries && !context.cancelled(); ++q)
            timedCommand(connection,
                         {"GEODIST", key, "p" + QByteArray::number(member(random)), "p" + QByteArray::number(member(random)), "m"},
                         dist);
        dist.durationSec = double(nowNs() - start) / 1e9;
        result.operations.push_back(std::move(dist));
        result.series.push_back(std::move(byRadius));
        result.series.push_back(std::move(resultsByRadius));
    }
};

} // namespace

std::unique_ptr<Benchmark> makeGeospatialBenchmark()
{
    return std::make_unique<GeospatialBenchmark>();
}

} // namespace cwb::bench
