#include "benchcommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "outcome.h"
#include "runreport.h"
#include "targetoptions.h"
#include "terminal.h"

#include "bench/benchmark.h"
#include "bench/benchmarksequence.h"
#include "bench/trends.h"
#include "load/ownedkeys.h"
#include "redis/redisconnection.h"
#include "store/resultstore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace cwb::cli {

namespace {

QString us(double micros)
{
    if (micros >= 1000000)
        return QString::number(micros / 1e6, 'f', 2) + QStringLiteral(" s");
    if (micros >= 1000)
        return QString::number(micros / 1000, 'f', 2) + QStringLiteral(" ms");
    return QString::number(micros, 'f', 1) + QStringLiteral(" µs");
}

QString number(double v)
{
    if (std::abs(v) >= 100 || v == std::floor(v))
        return QString::number(v, 'f', 0);
    return QString::number(v, 'f', 2);
}

QString formatMemory(const MemoryFigure &m)
{
    const auto b = [](qint64 v) { return v < 0 ? QStringLiteral("-") : formatBytes(v); };
    return QStringLiteral("%1 -> %2 (peak %3)").arg(b(m.before), b(m.after), b(m.peak));
}

QString formatResult(const BenchmarkResult &r)
{
    QString out;
    out += QStringLiteral("== %1 (%2): %3 in %4 s\n")
               .arg(r.title, r.benchmark, benchmarkStatusName(r.status), QString::number(r.durationSec(), 'f', 1));
    if (!r.failureReason.isEmpty())
        out += QStringLiteral("   failure: %1\n").arg(r.failureReason);
    if (!r.operations.empty()) {
        out += QStringLiteral("   %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(QStringLiteral("operation"), -34)
                   .arg(QStringLiteral("count"), 9)
                   .arg(QStringLiteral("errors"), 7)
                   .arg(QStringLiteral("ops/s"), 10)
                   .arg(QStringLiteral("min"), 10)
                   .arg(QStringLiteral("p50"), 10)
                   .arg(QStringLiteral("p99"), 10)
                   .arg(QStringLiteral("p99.9"), 10)
                   .arg(QStringLiteral("max"), 10);
        for (const auto &op : r.operations) {
            const LatencyHistogram &h = op.latency;
            out += QStringLiteral("   %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                       .arg(op.name.left(34), -34)
                       .arg(op.count, 9)
                       .arg(op.errors, 7)
                       .arg(number(op.throughput()), 10)
                       .arg(us(double(h.minNs()) / 1000), 10)
                       .arg(us(double(h.percentileNs(50)) / 1000), 10)
                       .arg(us(double(h.percentileNs(99)) / 1000), 10)
                       .arg(us(double(h.percentileNs(99.9)) / 1000), 10)
                       .arg(us(double(h.maxNs()) / 1000), 10);
        }
    }
    for (const auto &m : r.metrics)
        out += QStringLiteral("   %1 %2 %3\n").arg(m.name.left(34), -34).arg(number(m.value), 12).arg(m.unit);
    for (const auto &s : r.series) {
        QStringList points;
        for (const auto &[x, y] : s.points)
            points << number(x) + QLatin1Char('=') + number(y);
        out += QStringLiteral("   %1 [%2 -> %3]: %4\n").arg(s.name, s.xUnit, s.yUnit, points.join(QLatin1Char(' ')));
    }
    if (r.server.version.isEmpty()) { // never reached the server: no figures to show
        for (const auto &n : r.notes)
            out += QStringLiteral("   note: %1\n").arg(n);
        return out;
    }
    out += QStringLiteral("   server %1: used_memory %2, rss %3, cpu %4 s user + %5 s sys\n")
               .arg(r.server.version.isEmpty() ? QStringLiteral("?") : r.server.version, formatMemory(r.server.usedMemory),
                    formatMemory(r.server.rss), QString::number(r.server.cpuUserSec, 'f', 2),
                    QString::number(r.server.cpuSystemSec, 'f', 2));
    out += QStringLiteral("   workbench: rss %1, cpu %2 s user + %3 s sys (%4%)\n")
               .arg(formatMemory(r.client.rss), QString::number(r.client.cpuUserSec, 'f', 2),
                    QString::number(r.client.cpuSystemSec, 'f', 2), QString::number(r.client.cpuPercent, 'f', 0));
    for (const auto &n : r.notes)
        out += QStringLiteral("   note: %1\n").arg(n);
    return out;
}

int listCommand()
{
    QString out;
    for (const auto &b : createAllBenchmarks()) {
        out += QStringLiteral("%1 %2\n").arg(b->name(), -24).arg(b->description());
        for (const auto &p : b->parameters())
            out += QStringLiteral("    %1 = %2   %3\n").arg(p.name, -22).arg(number(p.defaultValue), -8).arg(p.description);
    }
    printOut(out);
    return ExitOk;
}

bool openStore(ResultStore &store, const QCommandLineParser &parser, const QCommandLineOption &db)
{
    if (!store.open(parser.isSet(db) ? parser.value(db) : QString())) {
        printError(QStringLiteral("cannot open the result store: ") + store.lastError());
        return false;
    }
    if (!store.recoveryMessage().isEmpty())
        printError(store.recoveryMessage());
    return true;
}

QString formatTrend(const TrendReport &report, const TrendOptions &options)
{
    QString out = QStringLiteral("%1 on %2: %3 stored run(s); latest vs median of up to %4 before it, threshold %5%\n")
                      .arg(report.benchmark, report.target)
                      .arg(report.runs.size())
                      .arg(options.window)
                      .arg(options.thresholdPercent);
    for (const auto &r : report.runs) {
        const auto k = keyMetricsOf(r);
        out += QStringLiteral("   %1  %2 ops/s  p50 %3  p99 %4\n")
                   .arg(r.startedAt.toUTC().toString(Qt::ISODate))
                   .arg(number(k[0].value), 10)
                   .arg(us(k[1].value), 10)
                   .arg(us(k[2].value), 10);
    }
    out += QStringLiteral("   %1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("metric"), -44)
               .arg(QStringLiteral("latest"), 12)
               .arg(QStringLiteral("baseline"), 12)
               .arg(QStringLiteral("change"), 9)
               .arg(QStringLiteral("flag"));
    for (const auto &m : report.metrics) {
        out += QStringLiteral("   %1 %2 %3 %4 %5\n")
                   .arg((m.headline ? QStringLiteral("* ") : QStringLiteral("  ")) + m.name.left(42), -44)
                   .arg(number(m.latest), 12)
                   .arg(m.samples ? number(m.baseline) : QStringLiteral("-"), 12)
                   .arg(m.samples ? QString::number(m.changePercent, 'f', 1) + QLatin1Char('%') : QStringLiteral("-"), 9)
                   .arg(trendFlagName(m.flag));
    }
    out += QStringLiteral("verdict: %1 (judged on the * metrics)\n").arg(trendFlagName(report.overall));
    return out;
}

int trendCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trend of one benchmark on one target, with regression detection."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Benchmark name."));
    QCommandLineOption target{QStringLiteral("target"), QStringLiteral("Target URI as the runs recorded it."), QStringLiteral("uri")};
    QCommandLineOption sandbox{QStringLiteral("sandbox"), QStringLiteral("Runs made with --sandbox.")};
    QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Result store file."), QStringLiteral("file")};
    QCommandLineOption window{QStringLiteral("window"), QStringLiteral("Previous runs in the baseline median (default 5)."), QStringLiteral("n")};
    QCommandLineOption threshold{QStringLiteral("threshold"), QStringLiteral("Change in percent that flags (default 10)."), QStringLiteral("pct")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Write the verdicts as JSON to FILE."), QStringLiteral("file")};
    for (const auto *o : {&target, &sandbox, &db, &window, &threshold, &json})
        parser.addOption(*o);
    if (!parser.parse(QStringList{QStringLiteral("bench trend")} + args)) {
        printError(parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("bench trend: give exactly one benchmark name"));
        return ExitBadInput;
    }
    const QString name = parser.positionalArguments().first();
    if (!createBenchmark(name)) {
        printError(QStringLiteral("unknown benchmark '%1' (see bench --list)").arg(name));
        return ExitBadInput;
    }
    QString targetLabel;
    if (parser.isSet(sandbox)) {
        targetLabel = kSandboxTargetLabel;
    } else {
        QString error;
        const auto endpoint = parseEndpoint(parser.isSet(target) ? parser.value(target) : QStringLiteral("redis://127.0.0.1:6379"), &error);
        if (!endpoint) {
            printError(QStringLiteral("--target: ") + error);
            return ExitBadInput;
        }
        targetLabel = endpoint->displayUri();
    }
    TrendOptions options;
    const auto windowValue = integerOption(parser, window, 1, 1000, options.window);
    const auto thresholdValue = numberOption(parser, threshold, 0.001, 1e6, options.thresholdPercent);
    if (!windowValue || !thresholdValue || !refuseStoreOutputs(parser, {&json}, parser.value(db)))
        return ExitBadInput;
    options.window = int(*windowValue);
    options.thresholdPercent = *thresholdValue;
    ResultStore store;
    if (!openStore(store, parser, db))
        return ExitFailure;
    const TrendReport report = analyseTrend(loadBenchmarkHistory(store, name, targetLabel, 50), options);
    if (report.runs.empty()) {
        printError(QStringLiteral("no stored completed runs of %1 on %2").arg(name, targetLabel));
        return ExitFailure;
    }
    printOut(formatTrend(report, options));
    if (parser.isSet(json)) {
        nlohmann::json j{{"benchmark", report.benchmark.toStdString()},
                         {"target", report.target.toStdString()},
                         {"runs", report.runs.size()},
                         {"verdict", trendFlagName(report.overall).toStdString()},
                         {"metrics", nlohmann::json::array()}};
        for (const auto &m : report.metrics)
            j["metrics"].push_back({{"name", m.name.toStdString()}, {"latest", m.latest}, {"baseline", m.baseline},
                                    {"changePercent", m.changePercent}, {"samples", m.samples},
                                    {"higherIsBetter", m.higherIsBetter}, {"headline", m.headline},
                                    {"flag", trendFlagName(m.flag).toStdString()}});
        if (!writeJsonFile(parser.value(json), j))
            return ExitFailure;
    }
    return report.overall == TrendFlag::Regressed ? ExitRegressed : ExitOk;
}

} // namespace

int benchCommand(const QStringList &args)
{
    if (!args.isEmpty() && args.first() == QLatin1String("trend")) {
        setCommandPath(QStringLiteral("bench trend"));
        return trendCommand(args.mid(1));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run the specialised benchmarks (all ten when no NAME is given)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Benchmarks to run (see --list)."), QStringLiteral("[NAME...]"));
    TargetOptions targetOptions;
    targetOptions.addTo(parser);
    QCommandLineOption list{QStringLiteral("list"), QStringLiteral("List the benchmarks and their parameters.")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Write all results as JSON to FILE."), QStringLiteral("file")};
    QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Result store file (default: CWB_DB_PATH or the app data folder)."), QStringLiteral("file")};
    QCommandLineOption noSave{QStringLiteral("no-save"), QStringLiteral("Do not store the results.")};
    QCommandLineOption prefix{QStringLiteral("prefix"), QStringLiteral("Key prefix (default cwb:bench:)."), QStringLiteral("text")};
    QCommandLineOption set{QStringLiteral("set"), QStringLiteral("Parameter override [benchmark.]name=value; repeatable."), QStringLiteral("param")};
    QCommandLineOption noEviction{QStringLiteral("no-eviction-sandbox"), QStringLiteral("Skip the eviction part of memory-stress (it starts a local sandbox).")};
    QCommandLineOption allowExisting{QStringLiteral("allow-existing-keys"),
                                     QStringLiteral("Run even when the prefix already holds keys (they are never deleted or overwritten).")};
    for (const auto *o : {&list, &json, &db, &noSave, &prefix, &set, &noEviction, &allowExisting})
        parser.addOption(*o);
    if (!parser.parse(QStringList{QStringLiteral("bench")} + args)) {
        printError(parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (parser.isSet(list))
        return listCommand();

    std::vector<std::unique_ptr<Benchmark>> benchmarks;
    const QStringList names = parser.positionalArguments();
    if (names.isEmpty()) {
        benchmarks = createAllBenchmarks();
    } else {
        for (const QString &name : names) {
            auto b = createBenchmark(name);
            if (!b) {
                printError(QStringLiteral("unknown benchmark '%1' (see bench --list)").arg(name));
                return ExitBadInput;
            }
            benchmarks.push_back(std::move(b));
        }
    }

    // --set: "name=value" applies to every selected benchmark that has the parameter;
    // "benchmark.name=value" to one. A parameter no selected benchmark has is an error.
    std::map<QString, QMap<QString, double>> overrides;
    for (const QString &item : parser.values(set)) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        bool ok = false;
        const double value = eq > 0 ? item.mid(eq + 1).toDouble(&ok) : 0;
        if (eq <= 0 || !ok || !std::isfinite(value)) {
            printError(QStringLiteral("--set: '%1' is not [benchmark.]name=number").arg(item));
            return ExitBadInput;
        }
        QString key = item.left(eq);
        QString only;
        if (const qsizetype dot = key.indexOf(QLatin1Char('.')); dot > 0) {
            only = key.left(dot);
            key = key.mid(dot + 1);
        }
        bool used = false;
        for (const auto &b : benchmarks) {
            if (!only.isEmpty() && b->name() != only)
                continue;
            for (const auto &p : b->parameters()) {
                if (p.name == key) {
                    if (value < p.minValue || value > p.maxValue) {
                        printError(QStringLiteral("--set %1: %2 is outside %3..%4")
                                       .arg(item.left(eq))
                                       .arg(value)
                                       .arg(p.minValue)
                                       .arg(p.maxValue));
                        return ExitBadInput;
                    }
                    overrides[b->name()][key] = value;
                    used = true;
                }
            }
        }
        if (!used) {
            printError(QStringLiteral("--set: no selected benchmark has a parameter '%1'").arg(item.left(eq)));
            return ExitBadInput;
        }
    }

    if (!refuseStoreOutputs(parser, {&json}, parser.value(db)))
        return ExitBadInput;
    int exitCode = ExitOk;
    const auto endpoint = targetOptions.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
    if (!endpoint)
        return exitCode;
    const QString keyPrefix = parser.isSet(prefix) ? parser.value(prefix) : BenchmarkContext().keyPrefix;
    {
        RedisConnection probe(*endpoint);
        if (!probe.connect()) {
            printError(QStringLiteral("cannot connect to %1: %2").arg(endpoint->displayUri(), probe.lastError().message));
            return ExitCannotConnect;
        }
        // The prefix once, before any benchmark: each benchmark then claims its own namespace.
        ClaimOptions claimOptions;
        claimOptions.allowExistingKeys = parser.isSet(allowExisting);
        const NamespaceClaim claim = claimNamespace(probe, keyPrefix, claimOptions);
        if (!claim.ok()) {
            printError(claim.error.message);
            return claim.error.kind == RedisErrorKind::None ? ExitBadInput : ExitCannotConnect;
        }
    }
    std::unique_ptr<ResultStore> store;
    if (!parser.isSet(noSave)) {
        store = std::make_unique<ResultStore>();
        if (!openStore(*store, parser, db))
            return ExitFailure;
        if (!store->isWritable()) {
            printError(QStringLiteral("the result store %1 is read-only, so nothing could be saved; give a writable "
                                      "--db or --no-save")
                           .arg(store->path()));
            return ExitFailure;
        }
    }

    BenchmarkSequence sequence;
    for (const auto &benchmark : benchmarks)
        sequence.names << benchmark->name();
    sequence.parameters = overrides;
    sequence.endpoint = *endpoint;
    sequence.targetLabel = targetOptions.usesSandbox() ? kSandboxTargetLabel : QString();
    sequence.keyPrefix = keyPrefix;
    sequence.allowEvictionSandbox = !parser.isSet(noEviction);
    sequence.allowExistingKeys = parser.isSet(allowExisting);

    QElapsedTimer total;
    total.start();
    nlohmann::json documents = nlohmann::json::array();
    bool anyFailed = false;
    int keysExit = ExitOk;
    // Each result is reported and saved as it ends, while the next benchmark runs.
    size_t taken = 0;
    const auto take = [&](const BenchmarkResult &result) {
        ++taken;
        endProgress();
        printOut(formatResult(result));
        keysExit = strongerExit(keysExit, reportKeysLeft(result.keysLeft, result.keyNamespace,
                                                         QStringLiteral("the benchmark's cleanup failed"),
                                                         endpoint->displayUri()));
        documents.push_back(benchmarkResultToJson(result));
        documents.back()["keyMetrics"] = keyMetricsJson(result);
        // A stopped benchmark is kept too, marked cancelled (trends read completed runs only).
        if (store && result.status != BenchmarkStatus::Failed) {
            QString error;
            if (saveBenchmarkResult(*store, result, &error).isEmpty())
                printError(QStringLiteral("cannot store the result of %1: %2").arg(result.benchmark, error));
        }
    };
    const std::unique_ptr<BenchmarkSequenceJob> job(makeBenchmarkSequenceJob(sequence));
    runInForeground(*job, [&] {
        const BenchmarkSequenceProgress &p = job->progress();
        while (taken < p.finished.size())
            take(*p.finished[taken]);
        printProgress(QStringLiteral("[%1/%2] %3 %4% %5")
                          .arg(p.index + 1)
                          .arg(p.total)
                          .arg(p.benchmark)
                          .arg(int(p.fraction * 100))
                          .arg(p.message));
    });
    endProgress();
    const BenchmarkSequenceResult outcome = job->result().value_or(BenchmarkSequenceResult{});
    while (taken < outcome.results.size())
        take(outcome.results[taken]);
    if (!outcome.failure.isEmpty())
        printError(outcome.failure);
    anyFailed = outcome.anyFailed() || job->state() == jobs::JobState::Failed;
    if (!outcome.notRun.isEmpty())
        printOut(QStringLiteral("not run: %1\n").arg(outcome.notRun.join(QStringLiteral(", "))));
    printOut(QStringLiteral("%1 benchmark(s) in %2 s\n").arg(documents.size()).arg(double(total.elapsed()) / 1000, 0, 'f', 1));

    if (parser.isSet(json)) {
        const nlohmann::json doc{{"schema", "cache-workbench/benchmarks"},
                                 {"version", 1},
                                 {"totalSec", double(total.elapsed()) / 1000},
                                 {"results", documents}};
        if (!writeJsonFile(parser.value(json), doc))
            anyFailed = true;
    }
    int result = strongerExit(keysExit, anyFailed ? ExitFailure : ExitOk);
    if (StopSignals::stopRequested())
        result = strongerExit(result, ExitInterrupted);
    return result;
}

} // namespace cwb::cli
