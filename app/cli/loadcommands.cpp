#include "loadcommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "interrupt.h"
#include "runreport.h"
#include "storecommands.h"
#include "targetoptions.h"
#include "terminal.h"

#include "load/loadconfig.h"
#include "load/loadrun.h"
#include "store/csvexport.h"
#include "store/resultstore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <atomic>

namespace cwb::cli {

namespace {

// Ctrl+C stops the current run cleanly (results are still reported); a second one kills.
std::atomic<LoadRun *> g_currentRun{nullptr};

void stopCurrentRun()
{
    if (LoadRun *run = g_currentRun.load())
        run->requestStop();
}

struct RunOverrides
{
    QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("Measured seconds."), QStringLiteral("s")};
    QCommandLineOption users{QStringLiteral("users"), QStringLiteral("Virtual users (connections)."), QStringLiteral("n")};
    QCommandLineOption rps{QStringLiteral("rps"), QStringLiteral("Target total rate, ops/s; 0 = closed loop."), QStringLiteral("n")};
    QCommandLineOption pipeline{QStringLiteral("pipeline"), QStringLiteral("Requests in flight per user."), QStringLiteral("n")};
    QCommandLineOption threads{QStringLiteral("threads"), QStringLiteral("Worker threads (0 = cores)."), QStringLiteral("n")};
    QCommandLineOption warmup{QStringLiteral("warmup"), QStringLiteral("Warm-up seconds, excluded from results."), QStringLiteral("s")};
    QCommandLineOption prefix{QStringLiteral("prefix"), QStringLiteral("Key prefix."), QStringLiteral("text")};
    QCommandLineOption noCleanup{QStringLiteral("no-cleanup"), QStringLiteral("Keep the keys written under the prefix.")};
    QCommandLineOption readFromReplicas{QStringLiteral("read-from-replicas"),
                                        QStringLiteral("Redis Cluster: send reads to the slots' replicas (READONLY).")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Write the result as JSON to FILE."), QStringLiteral("file")};
    QCommandLineOption csv{QStringLiteral("csv"), QStringLiteral("Write the per-second series as CSV to FILE."), QStringLiteral("file")};
    QCommandLineOption maxErrorRate{QStringLiteral("max-error-rate"), QStringLiteral("Exit 4 when the error rate (percent) is above this."), QStringLiteral("pct")};

    void addTo(QCommandLineParser &parser)
    {
        for (const auto *o : {&duration, &users, &rps, &pipeline, &threads, &warmup, &prefix, &noCleanup,
                              &readFromReplicas, &json, &csv, &maxErrorRate})
            parser.addOption(*o);
    }

    // Applies the flags as JSON overrides, so they go through the same validation as a file.
    nlohmann::json asJson(const QCommandLineParser &parser, QString *error) const
    {
        nlohmann::json j = nlohmann::json::object();
        const auto number = [&](const QCommandLineOption &o, const char *key) {
            if (!parser.isSet(o))
                return true;
            bool ok = false;
            const double v = parser.value(o).toDouble(&ok);
            if (!ok) {
                *error = QStringLiteral("--%1: '%2' is not a number").arg(o.names().first(), parser.value(o));
                return false;
            }
            if (v == std::floor(v) && std::abs(v) < 1e15)
                j[key] = int64_t(v);
            else
                j[key] = v;
            return true;
        };
        if (!number(duration, "duration") || !number(users, "concurrentUsers") || !number(rps, "requestsPerSecond")
            || !number(pipeline, "pipeline") || !number(threads, "threads") || !number(warmup, "warmupSeconds"))
            return nullptr;
        if (parser.isSet(prefix))
            j["keyPrefix"] = parser.value(prefix).toStdString();
        if (parser.isSet(noCleanup))
            j["cleanup"] = false;
        if (parser.isSet(readFromReplicas))
            j["readFromReplicas"] = true;
        return j;
    }
};

QString progressLine(const RunSnapshot &s)
{
    const int percent = int(s.progress() * 100.0);
    return QStringLiteral("[%1%] %2 %3/%4 s · %5 ops/s · p99 %6 ms · errors %7 · users %8/%9")
        .arg(percent, 3)
        .arg(runPhaseName(s.phase))
        .arg(QString::number(s.elapsedSec, 'f', 1), QString::number(s.plannedSec, 'f', 0))
        .arg(QString::number(s.intervalOpsPerSec, 'f', 0), QString::number(s.intervalP99Us / 1000.0, 'f', 3))
        .arg(s.total.errors)
        .arg(s.connectedUsers)
        .arg(s.totalUsers);
}

// Runs one configured test with a progress line; Ctrl+C stops it early.
RunResult runOne(const LoadTestConfig &config, const Endpoint &endpoint)
{
    LoadRun run(config, endpoint);
    g_currentRun.store(&run);
    RunResult result;
    {
        const InterruptScope interrupts(stopCurrentRun);
        result = run.execute([](const RunSnapshot &s) { printProgress(progressLine(s)); });
    }
    g_currentRun.store(nullptr);
    endProgress();
    return result;
}

int exitCodeFor(const RunResult &result)
{
    if (result.status != RunStatus::Failed)
        return ExitOk;
    switch (result.failureKind) {
    case RedisErrorKind::None: return ExitBadInput;
    case RedisErrorKind::ServerError:
    case RedisErrorKind::OutOfMemory: return ExitFailure;
    default: return ExitCannotConnect;
    }
}

} // namespace

int runCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QCommandLineOption preset{QStringLiteral("preset"), QStringLiteral("A built-in preset (see `presets`)."), QStringLiteral("name")};
    QCommandLineOption configFile{QStringLiteral("config"), QStringLiteral("A test configuration JSON file."), QStringLiteral("file")};
    parser.addOption(preset);
    parser.addOption(configFile);
    TargetOptions target;
    target.addTo(parser);
    RunOverrides overrides;
    overrides.addTo(parser);
    StoreOptions storeOptions;
    storeOptions.addTo(parser, true);
    if (!parseCommandLine(parser, args, QStringLiteral("Runs one load test, prints its summary and saves it in the result store.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(preset) == parser.isSet(configFile)) {
        printError(QStringLiteral("run: give exactly one of --preset NAME or --config FILE"));
        return ExitBadInput;
    }

    // Base: the preset or the file; then the flags, validated as one document.
    LoadTestConfig base;
    if (parser.isSet(preset)) {
        const auto found = presetByName(parser.value(preset));
        if (!found) {
            printError(QStringLiteral("--preset: unknown preset '%1'; known: %2")
                           .arg(parser.value(preset), presetNames().join(QStringLiteral(", "))));
            return ExitBadInput;
        }
        base = *found;
    } else {
        QFile file(parser.value(configFile));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("--config: cannot read %1: %2").arg(file.fileName(), file.errorString()));
            return ExitBadInput;
        }
        const auto parsed = parseLoadTestConfig(file.readAll());
        if (!parsed.config) {
            for (const ConfigIssue &issue : parsed.errors)
                printError(QStringLiteral("%1: %2").arg(file.fileName(), issue.toString()));
            return ExitBadInput;
        }
        base = *parsed.config;
    }
    QString error;
    const nlohmann::json flags = overrides.asJson(parser, &error);
    if (flags.is_null()) {
        printError(error);
        return ExitBadInput;
    }
    const auto merged = parseLoadTestConfig(flags, base);
    if (!merged.config) {
        for (const ConfigIssue &issue : merged.errors)
            printError(issue.toString());
        return ExitBadInput;
    }
    double maxErrorRate = -1;
    if (parser.isSet(overrides.maxErrorRate)) {
        bool ok = false;
        maxErrorRate = parser.value(overrides.maxErrorRate).toDouble(&ok);
        if (!ok || maxErrorRate < 0 || maxErrorRate > 100) {
            printError(QStringLiteral("--max-error-rate: expected a percentage from 0 to 100"));
            return ExitBadInput;
        }
    }

    // The store opens before the run: a broken store should not cost a whole run's time.
    ResultStore store;
    const bool save = !parser.isSet(storeOptions.noSave);
    if (save && !storeOptions.open(parser, store))
        return ExitFailure;

    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, merged.config->target, &exitCode);
    if (!endpoint)
        return exitCode;

    const RunResult result = runOne(*merged.config, *endpoint);
    printOut(formatRunReport(result));
    if (save && result.status != RunStatus::Failed
        && saveRunToStore(store, result, parser.isSet(preset) ? parser.value(preset) : QString(), {}).isEmpty())
        return ExitFailure;
    if (parser.isSet(overrides.json) && !writeOutputFile(parser.value(overrides.json), QByteArray::fromStdString(runResultToJson(result).dump(2))))
        return ExitFailure;
    if (parser.isSet(overrides.csv) && !writeOutputFile(parser.value(overrides.csv), runSeriesToCsv(result)))
        return ExitFailure;
    if (result.status == RunStatus::Failed) {
        printError(result.failureReason);
        return exitCodeFor(result);
    }
    if (maxErrorRate >= 0 && result.errorRate() * 100.0 > maxErrorRate) {
        printError(QStringLiteral("error rate %1% is above --max-error-rate %2%")
                       .arg(QString::number(result.errorRate() * 100.0, 'f', 2))
                       .arg(maxErrorRate));
        return ExitTooManyErrors;
    }
    return ExitOk;
}

int suiteCommand(const QStringList &args)
{
    QCommandLineParser parser;
    TargetOptions target;
    target.addTo(parser);
    RunOverrides overrides;
    overrides.addTo(parser);
    StoreOptions storeOptions;
    storeOptions.addTo(parser, true);
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Suite: ") + suiteNames().join(QStringLiteral(", ")));
    if (!parseCommandLine(parser, args, QStringLiteral("Runs a suite of load tests in sequence.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("suite: give one suite name: %1").arg(suiteNames().join(QStringLiteral(", "))));
        return ExitBadInput;
    }
    const QString name = parser.positionalArguments().first();
    const auto suite = suiteByName(name);
    if (!suite) {
        printError(QStringLiteral("suite: unknown suite '%1'; known: %2").arg(name, suiteNames().join(QStringLiteral(", "))));
        return ExitBadInput;
    }
    QString error;
    const nlohmann::json flags = overrides.asJson(parser, &error);
    if (flags.is_null()) {
        printError(error);
        return ExitBadInput;
    }
    std::vector<LoadTestConfig> tests;
    for (const LoadTestConfig &test : suite->tests) {
        const auto merged = parseLoadTestConfig(flags, test);
        if (!merged.config) {
            printError(QStringLiteral("%1: %2").arg(test.testName, merged.errors.front().toString()));
            return ExitBadInput;
        }
        tests.push_back(*merged.config);
    }

    ResultStore store;
    const bool save = !parser.isSet(storeOptions.noSave);
    if (save && !storeOptions.open(parser, store))
        return ExitFailure;

    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, tests.front().target, &exitCode);
    if (!endpoint)
        return exitCode;
    QString suiteId;
    if (save) {
        suiteId = store.createSuite(name);
        if (suiteId.isEmpty()) {
            printError(store.lastError());
            return ExitFailure;
        }
        printOut(QStringLiteral("suite %1\n").arg(suiteId));
    }

    std::vector<RunResult> results;
    nlohmann::json documents = nlohmann::json::array();
    for (size_t i = 0; i < tests.size(); ++i) {
        if (stderrIsTerminal())
            printError(QStringLiteral("test %1 of %2: %3").arg(i + 1).arg(tests.size()).arg(tests[i].testName));
        results.push_back(runOne(tests[i], *endpoint));
        printOut(formatRunReport(results.back()) + QLatin1Char('\n'));
        if (save && results.back().status != RunStatus::Failed
            && saveRunToStore(store, results.back(), tests[i].testName, suiteId).isEmpty())
            return ExitFailure;
        documents.push_back(runResultToJson(results.back()));
        if (results.back().status == RunStatus::Failed) {
            printError(results.back().failureReason);
            exitCode = exitCodeFor(results.back());
            break;
        }
        if (interruptFlag().load())
            break;
    }
    printOut(formatSuiteReport(name, results));
    if (parser.isSet(overrides.json)) {
        const nlohmann::json doc{{"schema", "cache-workbench/suite"}, {"version", 1}, {"suite", name.toStdString()}, {"runs", documents}};
        if (!writeOutputFile(parser.value(overrides.json), QByteArray::fromStdString(doc.dump(2))))
            return ExitFailure;
    }
    return exitCode;
}

int presetsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    if (!parseCommandLine(parser, args, QStringLiteral("Lists the built-in presets and suites.")))
        return ExitBadInput;
    QString out = QStringLiteral("presets:\n");
    for (const QString &name : presetNames()) {
        const auto p = presetByName(name);
        if (!p)
            continue;
        QStringList types;
        for (CacheType t : p->cacheTypes)
            types << cacheTypeName(t);
        out += QStringLiteral("  %1 %2 users, %3, %4 s, mix r/w/d/i %5/%6/%7/%8, %9\n")
                   .arg(name.leftJustified(26))
                   .arg(p->concurrentUsers, 4)
                   .arg(p->isOpenLoop() ? QStringLiteral("%1 ops/s").arg(p->requestsPerSecond) : QStringLiteral("closed loop"))
                   .arg(p->durationSec)
                   .arg(p->operationMix[0])
                   .arg(p->operationMix[1])
                   .arg(p->operationMix[2])
                   .arg(p->operationMix[3])
                   .arg(types.join(QLatin1Char('+')));
        if (!p->description.isEmpty())
            out += QStringLiteral("  %1 %2\n").arg(QString(), 26).arg(p->description);
    }
    out += QStringLiteral("\nsuites:\n");
    for (const QString &name : suiteNames()) {
        const auto s = suiteByName(name);
        if (!s)
            continue;
        QStringList names;
        for (const auto &t : s->tests)
            names << t.testName;
        out += QStringLiteral("  %1 %2 tests: %3\n").arg(name.leftJustified(26)).arg(s->tests.size()).arg(names.join(QStringLiteral(", ")));
    }
    printOut(out);
    return ExitOk;
}

} // namespace cwb::cli
