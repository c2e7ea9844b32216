#include "importers.h"

#include "json/strictjson.h"

#include <QFileInfo>
#include <QUuid>

#include <cmath>

namespace cwb {

using nlohmann::json;

namespace {

ImportResult failure(const QString &why)
{
    ImportResult r;
    r.error = why;
    return r;
}

StoredRun baseRun(const QString &source, const QString &name, const QString &target)
{
    StoredRun run;
    run.meta.source = source;
    run.result.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.result.config.testName = name.isEmpty() ? source : name;
    run.result.target = target.isEmpty() ? QStringLiteral("unknown") : target;
    // config.target must stay a valid URI: it only gets the target when it is one.
    if (target.startsWith(QLatin1String("redis://")) || target.startsWith(QLatin1String("rediss://")))
        run.result.config.target = target;
    run.result.status = RunStatus::Completed;
    return run;
}

std::optional<double> number(const json &j, const char *key)
{
    if (!j.is_object())
        return std::nullopt;
    const auto it = j.find(key);
    if (it == j.end())
        return std::nullopt;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string()) { // some memtier versions print numbers as strings
        bool ok = false;
        const double v = QString::fromStdString(it->get<std::string>()).toDouble(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

// memtier never writes a negative rate, count or latency: one means a damaged or edited file.
std::optional<QString> firstNegative(const json &all)
{
    for (const char *block : {"Totals", "Gets", "Sets"}) {
        const auto b = all.find(block);
        if (b == all.end() || !b->is_object())
            continue;
        for (auto it = b->begin(); it != b->end(); ++it) {
            if (const auto v = number(*b, it.key().c_str()); v && *v < 0)
                return QStringLiteral("\"ALL STATS\".%1.\"%2\" is negative (%3)")
                    .arg(QLatin1String(block), QString::fromStdString(it.key()))
                    .arg(*v);
        }
    }
    return std::nullopt;
}

// memtier's per-op block ("Gets", "Sets", "Totals") -> our metrics object (ms -> µs).
json memtierOp(const json &block)
{
    json out = json::object();
    if (const auto v = number(block, "Ops/sec"))
        out["throughput"] = *v;
    if (const auto v = number(block, "Count"))
        out["count"] = *v;
    const json pct = block.value("Percentile Latencies", json::object());
    const std::pair<const char *, const char *> quantiles[] = {
        {"p50.00", "p50Us"}, {"p95.00", "p95Us"}, {"p99.00", "p99Us"}, {"p99.90", "p999Us"}, {"p100.00", "maxUs"}};
    for (const auto &[from, to] : quantiles) {
        if (const auto v = number(pct, from))
            out[to] = *v * 1000.0;
    }
    if (!out.contains("maxUs")) {
        if (const auto v = number(block, "Max Latency"))
            out["maxUs"] = *v * 1000.0;
    }
    if (const auto v = number(block, "Average Latency"))
        out["meanUs"] = *v * 1000.0;
    else if (const auto v = number(block, "Latency"))
        out["meanUs"] = *v * 1000.0;
    return out;
}

QStringList missingKeys(const json &metrics, std::initializer_list<const char *> keys)
{
    QStringList missing;
    for (const char *k : keys) {
        if (!metrics.contains(k))
            missing << QLatin1String(k);
    }
    return missing;
}

// RFC 4180-ish line splitter for redis-benchmark's simple CSV (quoted fields, no embedded newlines).
QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

std::optional<ImportFormat> importFormatFromName(const QString &name)
{
    if (name == QLatin1String("memtier") || name == QLatin1String("memtier_benchmark"))
        return ImportFormat::Memtier;
    if (name == QLatin1String("redis-benchmark"))
        return ImportFormat::RedisBenchmark;
    return std::nullopt;
}

ImportResult importMemtierJson(const QByteArray &data, const QString &name, const QString &target)
{
    QString why;
    const auto parsed = parseStrictJson(data, &why);
    if (!parsed)
        return failure(QStringLiteral("memtier: the file is not JSON: ") + why);
    const json &doc = *parsed;
    if (!doc.is_object())
        return failure(QStringLiteral("memtier: the file is not a JSON object"));
    const auto all = doc.find("ALL STATS");
    if (all == doc.end() || !all->is_object())
        return failure(QStringLiteral("memtier: no \"ALL STATS\" section (was it written by --json-out-file?)"));
    const auto totals = all->find("Totals");
    if (totals == all->end() || !totals->is_object() || !number(*totals, "Ops/sec"))
        return failure(QStringLiteral("memtier: \"ALL STATS\".Totals.\"Ops/sec\" is missing"));
    if (const auto negative = firstNegative(*all))
        return failure(QStringLiteral("memtier: ") + *negative);

    StoredRun run = baseRun(QString::fromLatin1(kSourceMemtier), name, target);
    json metrics = memtierOp(*totals);
    metrics.erase("count");
    if (const auto v = number(*totals, "Count"))
        metrics["ops"] = *v;
    json byOp = json::object();
    const std::pair<const char *, OpType> ops[] = {{"Gets", OpType::Read}, {"Sets", OpType::Write}};
    qint64 totalCount = 0;
    for (const auto &[key, op] : ops) {
        const auto block = all->find(key);
        if (block == all->end() || !block->is_object())
            continue;
        json m = memtierOp(*block);
        if (m.empty())
            continue;
        byOp[opTypeName(op).toStdString()] = m;
        if (m.contains("count")) {
            run.result.totals.op(op).count = uint64_t(m["count"].get<double>());
            totalCount += qint64(m["count"].get<double>());
        }
    }
    metrics["byOp"] = byOp;
    // Hit rate: memtier counts hits and misses of GETs per second.
    const auto gets = all->find("Gets");
    if (gets != all->end()) {
        const auto hits = number(*gets, "Hits/sec");
        const auto misses = number(*gets, "Misses/sec");
        if (hits && misses && *hits + *misses > 0)
            metrics["hitRate"] = *hits / (*hits + *misses);
    }
    // memtier reports connection errors, not failed requests: an error rate it did not measure.
    if (const auto runtime = all->find("Runtime"); runtime != all->end()) {
        if (const auto start = number(*runtime, "Start time"))
            run.result.startedAt = QDateTime::fromMSecsSinceEpoch(qint64(*start), Qt::UTC);
        if (const auto finish = number(*runtime, "Finish time"))
            run.result.finishedAt = QDateTime::fromMSecsSinceEpoch(qint64(*finish), Qt::UTC);
        if (const auto duration = number(*runtime, "Total duration"))
            run.result.measuredSec = *duration / 1000.0;
    }
    const json percentiles = totals->value("Percentile Latencies", json::object());
    if (const auto histogram = percentiles.find("Histogram log format"); histogram != percentiles.end()) {
        // Kept verbatim (HdrHistogram compressed log form); not converted to our histogram.
        metrics["memtierHistogram"] = *histogram;
    }
    if (const auto config = doc.find("configuration"); config != doc.end())
        metrics["configuration"] = *config;
    run.meta.sourceMetrics = metrics;
    run.meta.notMeasured = missingKeys(metrics, {"p50Us", "p95Us", "p99Us", "maxUs", "hitRate"});
    run.meta.notMeasured << QStringLiteral("errorRate") << QStringLiteral("serverMemory") << QStringLiteral("clientCpuPerOp")
                         << QStringLiteral("series") << QStringLiteral("histograms");
    if (!run.result.startedAt.isValid())
        run.result.startedAt = QDateTime::currentDateTimeUtc();
    if (!run.result.finishedAt.isValid())
        run.result.finishedAt = run.result.startedAt;
    (void)totalCount;
    ImportResult r;
    r.run = std::move(run);
    return r;
}

ImportResult importRedisBenchmarkCsv(const QByteArray &data, const QString &name, const QString &target)
{
    const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return failure(QStringLiteral("redis-benchmark: the file is empty"));
    const QStringList header = splitCsvLine(lines.first().trimmed());
    const QStringList expected{QStringLiteral("test"),           QStringLiteral("rps"),
                               QStringLiteral("avg_latency_ms"), QStringLiteral("min_latency_ms"),
                               QStringLiteral("p50_latency_ms"), QStringLiteral("p95_latency_ms"),
                               QStringLiteral("p99_latency_ms"), QStringLiteral("max_latency_ms")};
    if (header != expected)
        return failure(QStringLiteral("redis-benchmark: line 1: expected the --csv header \"%1\"")
                           .arg(expected.join(QStringLiteral("\",\""))));

    StoredRun run = baseRun(QString::fromLatin1(kSourceRedisBenchmark), name, target);
    json tests = json::array();
    json byOp = json::object();
    double inverseSum = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = splitCsvLine(lines.at(i).trimmed());
        if (f.size() != expected.size())
            return failure(QStringLiteral("redis-benchmark: line %1: expected %2 fields, found %3")
                               .arg(i + 1)
                               .arg(expected.size())
                               .arg(f.size()));
        json t{{"test", f.at(0).toStdString()}};
        for (int c = 1; c < f.size(); ++c) {
            bool ok = false;
            const double v = f.at(c).toDouble(&ok);
            if (!ok || !std::isfinite(v))
                return failure(QStringLiteral("redis-benchmark: line %1: %2 is not a number (\"%3\")")
                                   .arg(i + 1)
                                   .arg(expected.at(c), f.at(c)));
            if (v < 0)
                return failure(QStringLiteral("redis-benchmark: line %1: %2 is negative (\"%3\")")
                                   .arg(i + 1)
                                   .arg(expected.at(c), f.at(c)));
            t[expected.at(c).toStdString()] = v;
        }
        tests.push_back(t);
        const double rps = t["rps"].get<double>();
        if (rps > 0)
            inverseSum += 1.0 / rps;
        const QString test = f.at(0).toUpper();
        std::optional<OpType> op;
        if (test == QLatin1String("GET"))
            op = OpType::Read;
        else if (test == QLatin1String("SET"))
            op = OpType::Write;
        if (op) {
            byOp[opTypeName(*op).toStdString()] = json{{"throughput", rps},
                                                       {"p50Us", t["p50_latency_ms"].get<double>() * 1000},
                                                       {"p95Us", t["p95_latency_ms"].get<double>() * 1000},
                                                       {"p99Us", t["p99_latency_ms"].get<double>() * 1000},
                                                       {"maxUs", t["max_latency_ms"].get<double>() * 1000},
                                                       {"meanUs", t["avg_latency_ms"].get<double>() * 1000}};
        }
    }
    if (tests.empty())
        return failure(QStringLiteral("redis-benchmark: no result rows after the header"));
    json metrics{{"tests", tests}, {"byOp", byOp}};
    // Tests run one after another with the same -n: total requests / total time is the
    // harmonic mean of their rates.
    if (inverseSum > 0)
        metrics["throughput"] = double(tests.size()) / inverseSum;
    if (tests.size() == 1) {
        const json &t = tests.front();
        metrics["p50Us"] = t["p50_latency_ms"].get<double>() * 1000;
        metrics["p95Us"] = t["p95_latency_ms"].get<double>() * 1000;
        metrics["p99Us"] = t["p99_latency_ms"].get<double>() * 1000;
        metrics["maxUs"] = t["max_latency_ms"].get<double>() * 1000;
    } else {
        // The overall maximum is exact: the largest of the tests' maxima.
        double maxMs = 0;
        for (const json &t : tests)
            maxMs = std::max(maxMs, t["max_latency_ms"].get<double>());
        metrics["maxUs"] = maxMs * 1000;
    }
    run.meta.sourceMetrics = metrics;
    run.meta.notMeasured = missingKeys(metrics, {"p50Us", "p95Us", "p99Us"});
    run.meta.notMeasured << QStringLiteral("errorRate") << QStringLiteral("hitRate") << QStringLiteral("serverMemory")
                         << QStringLiteral("clientCpuPerOp") << QStringLiteral("series") << QStringLiteral("histograms")
                         << QStringLiteral("ops");
    run.result.startedAt = QDateTime::currentDateTimeUtc();
    run.result.finishedAt = run.result.startedAt;
    ImportResult r;
    r.run = std::move(run);
    return r;
}

ImportResult importRunFile(ImportFormat format, const QString &filePath, const QString &name, const QString &target)
{
    // memtier's JSON and redis-benchmark's CSV are both a few KiB: the JSON file limit fits both.
    QString error;
    const auto data = readJsonFile(filePath, &error);
    if (!data)
        return failure(error);
    ImportResult r = format == ImportFormat::Memtier ? importMemtierJson(*data, name, target)
                                                     : importRedisBenchmarkCsv(*data, name, target);
    if (r.run) {
        r.run->meta.sourceFile = QFileInfo(filePath).fileName();
        // The file's time is the best guess of when a redis-benchmark run happened.
        if (format == ImportFormat::RedisBenchmark) {
            const QDateTime modified = QFileInfo(filePath).lastModified().toUTC();
            r.run->result.startedAt = modified;
            r.run->result.finishedAt = modified;
        }
    }
    return r;
}

} // namespace cwb
