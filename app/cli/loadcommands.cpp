#include "loadcommands.h"

#include "agentcommands.h"
#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "outcome.h"
#include "runreport.h"
#include "storecommands.h"
#include "targetoptions.h"
#include "terminal.h"

#include "json/strictjson.h"
#include "distrib/distributedjob.h"
#include "load/loadconfig.h"
#include "load/loadjob.h"
#include "load/suitejob.h"
#include "store/csvexport.h"
#include "store/resultstore.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>

namespace cwb::cli {

namespace {

struct RunOverrides
{
    QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("Measured seconds."), QStringLiteral("s")};
    QCommandLineOption users{QStringLiteral("users"), QStringLiteral("Virtual users (connections)."), QStringLiteral("n")};
    QCommandLineOption rps{QStringLiteral("rps"), QStringLiteral("Target total rate, ops/s; 0 = closed loop."), QStringLiteral("n")};
    QCommandLineOption pipeline{QStringLiteral("pipeline"), QStringLiteral("Requests in flight per user."), QStringLiteral("n")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("Worker threads (0 = automatic: one per core, one less for a local "
                                              "server; an open loop as many as its rate needs)."),
                               QStringLiteral("n")};
    QCommandLineOption warmup{QStringLiteral("warmup"), QStringLiteral("Warm-up seconds, excluded from results."), QStringLiteral("s")};
    QCommandLineOption prefix{QStringLiteral("prefix"), QStringLiteral("Key prefix."), QStringLiteral("text")};
    QCommandLineOption noCleanup{QStringLiteral("no-cleanup"), QStringLiteral("Keep the keys the run wrote (its namespace under the prefix).")};
    QCommandLineOption allowExisting{QStringLiteral("allow-existing-keys"),
                                     QStringLiteral("Run even when the prefix already holds keys (they are never deleted or overwritten).")};
    QCommandLineOption readFromReplicas{QStringLiteral("read-from-replicas"),
                                        QStringLiteral("Redis Cluster: send reads to the slots' replicas (READONLY).")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Write the result as JSON to FILE."), QStringLiteral("file")};
    QCommandLineOption csv{QStringLiteral("csv"), QStringLiteral("Write the per-second series as CSV to FILE."), QStringLiteral("file")};
    QCommandLineOption maxErrorRate{QStringLiteral("max-error-rate"), QStringLiteral("Exit 4 when the error rate (percent) is above this."), QStringLiteral("pct")};

    void addTo(QCommandLineParser &parser)
    {
        for (const auto *o : {&duration, &users, &rps, &pipeline, &threads, &warmup, &prefix, &noCleanup, &allowExisting,
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
            // toDouble() takes "nan" and "inf"; the config's own checks then see a real number.
            if (!ok || !std::isfinite(v)) {
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

    LoadRunOptions runOptions(const QCommandLineParser &parser) const
    {
        LoadRunOptions options;
        options.allowExistingKeys = parser.isSet(allowExisting);
        return options;
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

// Runs one configured test as a job with a progress line; a stop signal ends it early (still reported).
RunResult runOne(const LoadTestConfig &config, const Endpoint &endpoint, const LoadRunOptions &options)
{
    LoadJob job(config, endpoint, options);
    runInForeground(job, [&job] { printProgress(progressLine(job.progress())); });
    endProgress();
    return job.result().value_or(RunResult{});
}

// One line per agent under the progress line's numbers: how the distributed run stands.
QString agentsLine(const RunSnapshot &s)
{
    QStringList parts;
    for (const AgentSummary &a : s.agents)
        parts << QStringLiteral("%1 %2").arg(a.agent, a.state);
    return parts.isEmpty() ? QString() : QStringLiteral(" · ") + parts.join(QStringLiteral(", "));
}

// The same over agents: a coordinator splits it, the agents run it, the result is merged.
RunResult runDistributed(const LoadTestConfig &config, const Endpoint &endpoint, const CoordinatorOptions &options)
{
    DistributedLoadJob job(config, endpoint, options);
    runInForeground(job, [&job] { printProgress(progressLine(job.progress()) + agentsLine(job.progress())); });
    endProgress();
    return job.result().value_or(RunResult{});
}

// Saves a run that measured something (a failed one too, marked failed); false on a store error.
bool saveIfMeasured(ResultStore *store, const RunResult &result, const QString &preset, const QString &suiteId)
{
    if (!store || !runHasMeasurements(result))
        return true;
    return !saveRunToStore(*store, result, preset, suiteId).isEmpty();
}

} // namespace

int runCommand(const QStringList &args)
{
    QCommandLineParser parser;
    QCommandLineOption preset{QStringLiteral("preset"), QStringLiteral("A built-in preset (see `presets`)."), QStringLiteral("name")};
    QCommandLineOption configFile{QStringLiteral("config"), QStringLiteral("A test configuration JSON file."), QStringLiteral("file")};
    parser.addOption(preset);
    parser.addOption(configFile);
    CoordinatorOption coordinator;
    coordinator.addTo(parser);
    QCommandLineOption agents{QStringLiteral("agents"),
                              QStringLiteral("With --coordinator: the agents that run it: all (default), a number, or "
                                             "names separated by commas."),
                              QStringLiteral("all|N|names"), QStringLiteral("all")};
    parser.addOption(agents);
    QCommandLineOption agentKeys{QStringLiteral("agent-keys"),
                                 QStringLiteral("With --coordinator: shared (every agent on the same keys, default) or "
                                                "partitioned (each agent on its own slice of the key space)."),
                                 QStringLiteral("shared|partitioned"), QStringLiteral("shared")};
    parser.addOption(agentKeys);
    TargetOptions target;
    target.addTo(parser);
    RunOverrides overrides;
    overrides.addTo(parser);
    StoreOptions storeOptions;
    storeOptions.addTo(parser, true);
    if (!parseCommandLine(parser, args, QStringLiteral("Runs one load test, prints its summary and saves it in the result store.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
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
        const QString path = parser.value(configFile);
        QString readError;
        const auto text = readJsonFile(path, &readError);
        if (!text) {
            printError(QStringLiteral("--config: ") + readError);
            return ExitBadInput;
        }
        const auto parsed = parseLoadTestConfig(*text);
        if (!parsed.config) {
            for (const ConfigIssue &issue : parsed.errors)
                printError(QStringLiteral("%1: %2").arg(path, issue.toString()));
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
    const std::optional<double> maxErrorRate = numberOption(parser, overrides.maxErrorRate, 0, 100, -1);
    if (!maxErrorRate)
        return ExitBadInput;
    if (!refuseStoreOutputs(parser, {&overrides.json, &overrides.csv}, storeOptions.path(parser)))
        return ExitBadInput;
    for (const QCommandLineOption *distributed : {&agents, &agentKeys}) {
        if (parser.isSet(*distributed) && !coordinator.isSet(parser)) {
            printError(QStringLiteral("--%1: needs --coordinator URI").arg(distributed->names().first()));
            return ExitBadInput;
        }
    }
    const QString keysMode = parser.value(agentKeys);
    if (keysMode != QLatin1String("shared") && keysMode != QLatin1String("partitioned")) {
        printError(QStringLiteral("--agent-keys: '%1' is not shared or partitioned").arg(keysMode));
        return ExitBadInput;
    }
    const auto selection = AgentSelection::parse(parser.value(agents), &error);
    if (!selection) {
        printError(error);
        return ExitBadInput;
    }
    const std::optional<Endpoint> bus = coordinator.isSet(parser) ? coordinator.resolve(parser) : Endpoint{};
    if (!bus)
        return ExitBadInput;

    // The store opens before the run: a broken or read-only store should not cost a whole run.
    ResultStore store;
    const bool save = !parser.isSet(storeOptions.noSave);
    if (save && !storeOptions.openForWriting(parser, store))
        return ExitFailure;

    int exitCode = ExitOk;
    const auto endpoint = target.resolve(parser, merged.config->target, &exitCode);
    if (!endpoint)
        return exitCode;

    RunResult result;
    if (coordinator.isSet(parser)) {
        CoordinatorOptions options;
        options.bus = *bus;
        options.agents = *selection;
        options.keys = keysMode == QLatin1String("partitioned") ? AgentKeys::Partitioned : AgentKeys::Shared;
        options.allowExistingKeys = overrides.runOptions(parser).allowExistingKeys;
        result = runDistributed(*merged.config, *endpoint, options);
    } else {
        result = runOne(*merged.config, *endpoint, overrides.runOptions(parser));
    }
    printOut(formatRunReport(result));
    exitCode = finishRun(result, *maxErrorRate);
    if (!saveIfMeasured(save ? &store : nullptr, result, parser.isSet(preset) ? parser.value(preset) : QString(), {}))
        exitCode = strongerExit(exitCode, ExitFailure);
    if (parser.isSet(overrides.json) && !writeOutputFile(parser.value(overrides.json), QByteArray::fromStdString(runResultToJson(result).dump(2))))
        exitCode = strongerExit(exitCode, ExitFailure);
    if (parser.isSet(overrides.csv) && !writeOutputFile(parser.value(overrides.csv), runSeriesToCsv(result)))
        exitCode = strongerExit(exitCode, ExitFailure);
    return exitCode;
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
        printOut(helpText(parser));
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

    const std::optional<double> maxErrorRate = numberOption(parser, overrides.maxErrorRate, 0, 100, -1);
    if (!maxErrorRate || !refuseStoreOutputs(parser, {&overrides.json}, storeOptions.path(parser)))
        return ExitBadInput;
    ResultStore store;
    const bool save = !parser.isSet(storeOptions.noSave);
    if (save && !storeOptions.openForWriting(parser, store))
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
    // Each run is reported and saved as it ends, while the next one runs.
    const auto take = [&](const RunResult &result) {
        results.push_back(result);
        printOut(formatRunReport(result) + QLatin1Char('\n'));
        exitCode = strongerExit(exitCode, finishRun(result, *maxErrorRate));
        if (!saveIfMeasured(save ? &store : nullptr, result, result.config.testName, suiteId))
            exitCode = strongerExit(exitCode, ExitFailure);
        documents.push_back(runResultToJson(result));
    };
    TestSuite merged = *suite;
    merged.tests = tests;
    const std::unique_ptr<SuiteJob> job(makeSuiteJob(std::move(merged), *endpoint, overrides.runOptions(parser)));
    runInForeground(*job, [&] {
        const SuiteProgress &p = job->progress();
        while (results.size() < p.finished.size()) {
            endProgress();
            take(*p.finished[results.size()]);
        }
        printProgress(QStringLiteral("test %1 of %2: %3 %4").arg(p.index + 1).arg(p.total).arg(p.testName,
                                                                                                 progressLine(p.current)));
    });
    endProgress();
    if (job->result())
        while (results.size() < job->result()->runs.size())
            take(job->result()->runs[results.size()]);
    if (StopSignals::stopRequested())
        exitCode = strongerExit(exitCode, ExitInterrupted);
    printOut(formatSuiteReport(name, results));
    if (parser.isSet(overrides.json)) {
        const nlohmann::json doc{{"schema", "cache-workbench/suite"}, {"version", 1}, {"suite", name.toStdString()}, {"runs", documents}};
        if (!writeOutputFile(parser.value(overrides.json), QByteArray::fromStdString(doc.dump(2))))
            return strongerExit(exitCode, ExitFailure);
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
