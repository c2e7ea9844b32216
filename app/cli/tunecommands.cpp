#include "tunecommands.h"

#include "commandline.h"
#include "exitcodes.h"
#include "foreground.h"
#include "outcome.h"
#include "targetoptions.h"
#include "terminal.h"

#include "optimize/budgetguard.h"
#include "optimize/optimizejobs.h"
#include "load/keyprefix.h"
#include "redis/redisconnection.h"

#include <QCommandLineParser>
#include <QFile>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <atomic>
#include <optional>

namespace cwb::cli {

namespace {

void showProgress(const QString &message, double fraction)
{
    printProgress(QStringLiteral("[%1%] %2").arg(int(fraction * 100), 3).arg(message));
}

bool parseIntList(const QString &text, const QString &option, std::vector<int> *out)
{
    out->clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v <= 0) {
            printError(QStringLiteral("--%1: '%2' is not a positive integer").arg(option, part));
            return false;
        }
        out->push_back(v);
    }
    if (out->empty()) {
        printError(QStringLiteral("--%1: needs at least one value").arg(option));
        return false;
    }
    return true;
}

QString sweepTable(const Sweep &s)
{
    QString out = QStringLiteral("%1  %2  %3  %4\n")
                      .arg(s.parameterName, 20)
                      .arg(s.throughputUnit + QStringLiteral(" (mean)"), 18)
                      .arg(QStringLiteral("spread"), 16)
                      .arg(QStringLiteral("p99 µs"), 10);
    for (size_t i = 0; i < s.points.size(); ++i) {
        const SweepPoint &p = s.points[i];
        const Spread t = p.throughput();
        out += QStringLiteral("%1  %2  %3  %4%5\n")
                   .arg(p.parameter, 20, 'f', 0)
                   .arg(t.mean, 18, 'f', 0)
                   .arg(QStringLiteral("%1..%2").arg(t.min, 0, 'f', 0).arg(t.max, 0, 'f', 0), 16)
                   .arg(p.p99Us().mean, 10, 'f', 0)
                   .arg(int(i) == s.kneeIndex ? QStringLiteral("  <- knee") : QString());
    }
    if (!s.kneeReason.isEmpty())
        out += QStringLiteral("knee: ") + s.kneeReason + QLatin1Char('\n');
    if (s.stopped)
        out += QStringLiteral("stopped: ") + s.stopReason + QLatin1Char('\n');
    return out;
}

QString recommendationsText(const TuningReport &r)
{
    QString out = QStringLiteral("tuning %1: %2 in %3 s (peak used_memory growth %4, %5 keys cleaned up)\n")
                      .arg(r.target, r.status)
                      .arg(r.elapsedSec(), 0, 'f', 1)
                      .arg(formatByteSize(r.usedMemoryPeakDelta))
                      .arg(r.keysCleanedUp);
    for (const QString &n : r.notes)
        out += QStringLiteral("note: ") + n + QLatin1Char('\n');
    for (const Recommendation &x : r.recommendations) {
        out += QStringLiteral("\n* %1\n  %2 vs %3: %4 %5% %6 (± %7%), confidence: %8\n  %9\n")
                   .arg(x.title, x.value, x.baseline, x.metric)
                   .arg(x.gainPercent >= 0 ? QStringLiteral("+") + QString::number(x.gainPercent, 'f', 1)
                                           : QString::number(x.gainPercent, 'f', 1))
                   .arg(x.withinNoise ? QStringLiteral("(within noise)") : QString())
                   .arg(x.spreadPercent, 0, 'f', 1)
                   .arg(x.confidence, x.evidence);
    }
    if (!r.patch.isEmpty())
        out += QStringLiteral("\nload test changes: %1\n").arg(r.patch.describe());
    return out;
}

struct CommonOptions
{
    TargetOptions target;
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Write the report as JSON to FILE ('-' = stdout)."), QStringLiteral("file")};
    QCommandLineOption prefix{QStringLiteral("prefix"), QStringLiteral("Key prefix for everything written (default cwb:tune:)."), QStringLiteral("text")};
    QCommandLineOption memoryBudget{QStringLiteral("memory-budget"), QStringLiteral("Maximum growth of used_memory, e.g. 64MB (0 = unlimited)."), QStringLiteral("size")};
    QCommandLineOption allowExisting{QStringLiteral("allow-existing-keys"),
                                     QStringLiteral("Run even when the prefix already holds keys (they are never deleted or overwritten).")};

    // --prefix, checked by the validator every command shares; empty = the engine's default.
    bool prefixValue(const QCommandLineParser &parser, QString *out) const
    {
        if (!parser.isSet(prefix))
            return true;
        if (const QString problem = keyPrefixProblem(parser.value(prefix)); !problem.isEmpty()) {
            printError(QStringLiteral("--prefix: ") + problem);
            return false;
        }
        *out = parser.value(prefix);
        return true;
    }
    // --memory-budget as bytes (0 = unlimited); nullopt after printing the error.
    std::optional<qint64> memoryBudgetValue(const QCommandLineParser &parser, qint64 fallback) const
    {
        if (!parser.isSet(memoryBudget))
            return fallback;
        const auto v = parseByteSize(parser.value(memoryBudget));
        if (!v)
            printError(QStringLiteral("--memory-budget: '%1' is not a size up to 1 TiB (e.g. 64MB, 512KB)").arg(parser.value(memoryBudget)));
        return v;
    }
};

// A stopped session is exit 6, keys it could not remove exit 7 (with the line saying how).
int sessionExit(bool stopped, qint64 keysLeft, const QString &keyNamespace, const QString &target)
{
    return strongerExit(stopped ? ExitInterrupted : ExitOk,
                        reportKeysLeft(keysLeft, keyNamespace, QStringLiteral("the experiments' cleanup failed"), target));
}

// Runs an experiment job in the foreground. nullopt (after printing why, with *exitCode set) when
// it could not start: no result at all, or the target or prefix was refused before any write.
template <class Result>
std::optional<ExperimentOutcome<Result>> runExperiment(jobs::Job<jobs::StepProgress, ExperimentOutcome<Result>> *made,
                                                       int *exitCode)
{
    const std::unique_ptr<jobs::Job<jobs::StepProgress, ExperimentOutcome<Result>>> job(made);
    runInForeground(*job, [&job] { showProgress(job->progress().message, job->progress().fraction); });
    endProgress();
    std::optional<ExperimentOutcome<Result>> outcome = job->releaseResult();
    if (!outcome) {
        printError(job->failureReason());
        *exitCode = ExitFailure;
    } else if (outcome->setupError) {
        printError(outcome->setupError->message);
        *exitCode = outcome->setupError->kind == RedisErrorKind::None ? ExitBadInput : ExitCannotConnect;
        outcome.reset();
    }
    return outcome;
}

} // namespace

std::optional<double> parseDurationSec(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|min)?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("ms"))
        v /= 1000;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        v *= 60;
    if (v <= 0 || v > 7 * 24 * 3600.0)
        return std::nullopt;
    return v;
}

std::optional<qint64> parseByteSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double v = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    if (unit.startsWith(QLatin1Char('k')))
        v *= 1024;
    else if (unit.startsWith(QLatin1Char('m')))
        v *= 1024 * 1024;
    else if (unit.startsWith(QLatin1Char('g')))
        v *= 1024.0 * 1024 * 1024;
    if (v > 1024.0 * 1024 * 1024 * 1024)
        return std::nullopt; // beyond any server's memory (and beyond qint64 for absurd inputs)
    return qint64(v);
}

int tuneCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs short, bounded experiments (pipeline depth, pool size, compression, TTL policy) and "
                       "recommends settings from what it measured."));
    parser.addHelpOption();
    CommonOptions common;
    common.target.addTo(parser);
    QCommandLineOption budget{QStringLiteral("budget"), QStringLiteral("Time budget, e.g. 60s or 2m (default 60s)."), QStringLiteral("duration")};
    QCommandLineOption repeats{QStringLiteral("repeats"), QStringLiteral("Runs per sweep step, for the spread (default 2)."), QStringLiteral("n")};
    QCommandLineOption only{QStringLiteral("strategies"), QStringLiteral("Comma-separated subset of pipeline,pool,compression,ttl."), QStringLiteral("list")};
    for (const auto *o : {&common.json, &common.prefix, &common.memoryBudget, &common.allowExisting, &budget, &repeats, &only})
        parser.addOption(*o);
    if (!parser.parse(QStringList{QStringLiteral("tune")} + args)) {
        printError(parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("tune: unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return ExitBadInput;
    }
    TunerOptions options;
    if (parser.isSet(budget)) {
        const auto v = parseDurationSec(parser.value(budget));
        if (!v || *v < 5) {
            printError(QStringLiteral("--budget: '%1' is not a duration of at least 5 s (e.g. 60s, 2m)").arg(parser.value(budget)));
            return ExitBadInput;
        }
        options.budgetSec = *v;
    }
    const auto memoryBudget = common.memoryBudgetValue(parser, options.memoryBudgetBytes);
    const auto repeatCount = integerOption(parser, repeats, 1, 10, options.repeats);
    if (!memoryBudget || !repeatCount || !common.prefixValue(parser, &options.keyPrefix)
        || !refuseStoreOutputs(parser, {&common.json}))
        return ExitBadInput;
    options.memoryBudgetBytes = *memoryBudget;
    options.repeats = int(*repeatCount);
    options.allowExistingKeys = parser.isSet(common.allowExisting);
    if (parser.isSet(only)) {
        options.batching = options.pooling = options.compression = options.ttl = false;
        for (const QString &s : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (s == QLatin1String("pipeline"))
                options.batching = true;
            else if (s == QLatin1String("pool"))
                options.pooling = true;
            else if (s == QLatin1String("compression"))
                options.compression = true;
            else if (s == QLatin1String("ttl"))
                options.ttl = true;
            else {
                printError(QStringLiteral("--strategies: unknown strategy '%1' (pipeline, pool, compression, ttl)").arg(s));
                return ExitBadInput;
            }
        }
    }
    int exitCode = ExitOk;
    const auto endpoint = common.target.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
    if (!endpoint)
        return exitCode;
    {
        RedisConnection probe(*endpoint);
        if (!probe.connect()) {
            printError(QStringLiteral("cannot connect to %1: %2").arg(endpoint->displayUri(), probe.lastError().message));
            return ExitCannotConnect;
        }
    }

    const std::unique_ptr<TuningJob> job(makeTuningJob({*endpoint, options, std::nullopt}));
    runInForeground(*job, [&job] { showProgress(job->progress().message, job->progress().fraction); });
    endProgress();
    if (!job->result()) { // the body threw: nothing measured to report
        printError(QStringLiteral("tuning failed: ") + job->failureReason());
        return ExitFailure;
    }
    const TuningReport &report = job->result()->report;

    if (report.status == QLatin1String("failed")) {
        printError(QStringLiteral("tuning failed: ") + report.stopReason);
        return report.failureKind == RedisErrorKind::None ? ExitBadInput : ExitCannotConnect;
    }
    exitCode = sessionExit(report.status == QLatin1String("stopped"), report.keysLeft, report.keyNamespace, report.target);
    if (parser.isSet(common.json)) {
        if (!writeJsonFile(parser.value(common.json), tuningReportToJson(report)))
            return strongerExit(exitCode, ExitFailure);
        if (parser.value(common.json) == QLatin1String("-"))
            return exitCode;
    }
    printOut(recommendationsText(report));
    return exitCode;
}

int optimizeCommand(const QStringList &args)
{
    static const QStringList kinds{QStringLiteral("compression"), QStringLiteral("batching"), QStringLiteral("pooling"),
                                   QStringLiteral("ttl"), QStringLiteral("hotkeys")};
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs one optimisation experiment: compression, batching, pooling, ttl or hotkeys."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("experiment"), QStringLiteral("compression | batching | pooling | ttl | hotkeys"));
    CommonOptions common;
    common.target.addTo(parser);
    QCommandLineOption sizes{QStringLiteral("sizes"), QStringLiteral("compression: value sizes in bytes (comma-separated)."), QStringLiteral("list")};
    QCommandLineOption depths{QStringLiteral("depths"), QStringLiteral("batching: pipeline depths / batch sizes (comma-separated)."), QStringLiteral("list")};
    QCommandLineOption pools{QStringLiteral("pools"), QStringLiteral("pooling: pool sizes (comma-separated)."), QStringLiteral("list")};
    QCommandLineOption rps{QStringLiteral("rps"), QStringLiteral("pooling: fixed offered load in ops/s (default: probed)."), QStringLiteral("n")};
    QCommandLineOption step{QStringLiteral("step"), QStringLiteral("batching/pooling: seconds per step (default 1)."), QStringLiteral("s")};
    QCommandLineOption repeats{QStringLiteral("repeats"), QStringLiteral("batching/pooling: runs per step (default 1)."), QStringLiteral("n")};
    QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("ttl: replay seconds per policy (default 5)."), QStringLiteral("s")};
    QCommandLineOption scan{QStringLiteral("scan-prefix"), QStringLiteral("hotkeys: sample this prefix on the server instead of the replayed keys."), QStringLiteral("text")};
    for (const auto *o : {&common.json, &common.prefix, &common.memoryBudget, &common.allowExisting, &sizes, &depths, &pools, &rps, &step, &repeats, &duration, &scan})
        parser.addOption(*o);
    if (!parser.parse(QStringList{QStringLiteral("optimize")} + args)) {
        printError(parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1 || !kinds.contains(pos.first())) {
        printError(QStringLiteral("optimize: experiment must be one of %1").arg(kinds.join(QStringLiteral(", "))));
        return ExitBadInput;
    }
    const QString kind = pos.first();
    const std::optional<double> stepSec = numberOption(parser, step, 0.1, 3600, 1.0);
    const std::optional<double> repeatCount = numberOption(parser, repeats, 1, 100, 1);
    const std::optional<double> rate = numberOption(parser, rps, 0, 1e9, 0);
    const std::optional<double> ttlDuration = numberOption(parser, duration, 0.5, 3600, 5);
    const std::optional<qint64> memoryBudgetValue = common.memoryBudgetValue(parser, 0);
    QString prefix = QStringLiteral("cwb:tune:");
    if (!stepSec || !repeatCount || !rate || !ttlDuration || !memoryBudgetValue || !common.prefixValue(parser, &prefix)
        || !refuseStoreOutputs(parser, {&common.json}))
        return ExitBadInput;
    const qint64 memoryBudget = *memoryBudgetValue;
    std::vector<int> sizeList, depthList, poolList;
    if ((parser.isSet(sizes) && !parseIntList(parser.value(sizes), QStringLiteral("sizes"), &sizeList))
        || (parser.isSet(depths) && !parseIntList(parser.value(depths), QStringLiteral("depths"), &depthList))
        || (parser.isSet(pools) && !parseIntList(parser.value(pools), QStringLiteral("pools"), &poolList)))
        return ExitBadInput;

    nlohmann::json json{{"schema", "cache-workbench/optimize"}, {"version", 1}, {"experiment", kind.toStdString()}};
    QString text;
    int exitCode = ExitOk;

    if (kind == QLatin1String("ttl")) {
        // Runs on its own sandboxes with a memory limit: no target involved.
        TtlReplayOptions o;
        o.durationSec = *ttlDuration;
        const auto outcome = runExperiment(makeTtlJob(o), &exitCode);
        if (!outcome)
            return exitCode;
        const TtlResult &r = outcome->result;
        json["result"] = ttlToJson(r);
        if (!r.error.isEmpty()) {
            printError(QStringLiteral("ttl: ") + r.error);
            exitCode = ExitFailure;
        }
        for (const TtlPolicyResult &p : r.policies)
            text += QStringLiteral("%1: hit rate %2%, mean used_memory %3, evicted %4, expired %5, mean TTL %6 ms\n")
                        .arg(p.policy.name, 18)
                        .arg(p.hitRate * 100, 0, 'f', 1)
                        .arg(formatByteSize(qint64(p.meanUsedMemory)))
                        .arg(p.evictedKeys)
                        .arg(p.expiredKeys)
                        .arg(p.meanTtlMs, 0, 'f', 0);
    } else {
        const auto endpoint = common.target.resolve(parser, QStringLiteral("redis://127.0.0.1:6379"), &exitCode);
        if (!endpoint)
            return exitCode;
        const ExperimentTarget where{*endpoint, prefix, memoryBudget, parser.isSet(common.allowExisting)};
        // What every experiment on the target adds to the JSON, and its exit code for the keys it left.
        const auto finish = [&](const auto &outcome) {
            json["target"] = endpoint->displayUri().toStdString();
            json["peakUsedMemoryDelta"] = outcome.peakUsedMemoryDelta.value_or(0);
            json["keyNamespace"] = outcome.keyNamespace.toStdString();
            json["keysLeft"] = outcome.keysLeft;
            exitCode = strongerExit(exitCode, sessionExit(false, outcome.keysLeft, outcome.keyNamespace,
                                                          endpoint->displayUri()));
        };
        if (kind == QLatin1String("compression")) {
            CompressionOptions o;
            if (!sizeList.empty())
                o.sizes = sizeList;
            const auto outcome = runExperiment(makeCompressionJob(where, o), &exitCode);
            if (!outcome)
                return exitCode;
            finish(*outcome);
            const CompressionResult &r = outcome->result;
            json["result"] = compressionToJson(r);
            text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                        .arg(QStringLiteral("payload"), -11)
                        .arg(QStringLiteral("size"), 6)
                        .arg(QStringLiteral("codec"), -5)
                        .arg(QStringLiteral("ratio"), 6)
                        .arg(QStringLiteral("MEMORY USAGE"), 12)
                        .arg(QStringLiteral("GET p50 µs"), 10)
                        .arg(QStringLiteral("pays"), 4);
            for (const CompressionCell &c : r.cells)
                text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                            .arg(payloadKindName(c.kind), -11)
                            .arg(c.size, 6)
                            .arg(codecName(c.codec), -5)
                            .arg(c.ratio, 6, 'f', 3)
                            .arg(c.memoryUsage, 12, 'f', 0)
                            .arg(c.getP50Us, 10, 'f', 1)
                            .arg(c.codec == Codec::None ? QStringLiteral("-") : (c.pays ? QStringLiteral("yes") : QStringLiteral("no")), 4);
            for (const auto &[k, t] : r.thresholds)
                text += QStringLiteral("threshold %1: %2\n").arg(payloadKindName(k), t >= 0 ? QStringLiteral("%1 B").arg(t) : QStringLiteral("never (within the measured sizes)"));
            text += QStringLiteral("best codec: %1\nrule: %2\n").arg(codecName(r.bestCodec), r.rule);
            if (r.stopped)
                text += QStringLiteral("stopped: ") + r.stopReason + QLatin1Char('\n');
            // Nothing measured (MEMORY USAGE refused, the first write failed): not a result.
            if (r.stopped && r.cells.empty() && !StopSignals::stopRequested()) {
                printError(QStringLiteral("compression: ") + r.stopReason);
                exitCode = strongerExit(exitCode, ExitFailure);
            }
        } else if (kind == QLatin1String("batching")) {
            PipelineSweepOptions p;
            p.stepSec = *stepSec;
            p.repeats = int(*repeatCount);
            if (!depthList.empty())
                p.depths = depthList;
            BatchSweepOptions b;
            b.stepSec = std::min(0.5, *stepSec);
            if (!depthList.empty())
                b.sizes = depthList;
            const auto outcome = runExperiment(makeBatchingJob(where, p, b), &exitCode);
            if (!outcome)
                return exitCode;
            finish(*outcome);
            const Sweep &pipe = outcome->result.pipeline;
            const Sweep &batch = outcome->result.batch;
            json["result"] = {{"pipeline", sweepToJson(pipe)}, {"batch", sweepToJson(batch)},
                              {"recommendedPipeline", AutoTuner::recommendFromSweep(pipe)}};
            text = sweepTable(pipe) + QLatin1Char('\n') + sweepTable(batch)
                   + QStringLiteral("recommended pipeline depth (smallest within 10% of the best): %1\n").arg(AutoTuner::recommendFromSweep(pipe));
        } else if (kind == QLatin1String("pooling")) {
            PoolSweepOptions o;
            o.stepSec = *stepSec;
            o.repeats = int(*repeatCount);
            o.offeredRps = *rate;
            if (!poolList.empty())
                o.poolSizes = poolList;
            const auto outcome = runExperiment(makePoolingJob(where, o), &exitCode);
            if (!outcome)
                return exitCode;
            finish(*outcome);
            const PoolingResult &r = outcome->result;
            json["result"] = poolingToJson(r);
            text = QStringLiteral("offered load: %1 ops/s (open loop, pipeline 1)\n").arg(r.offeredRps, 0, 'f', 0) + sweepTable(r.sweep);
            text += r.recommendedPool > 0 ? QStringLiteral("recommended pool: %1 (%2)\n").arg(r.recommendedPool).arg(r.reason)
                                          : QStringLiteral("no pool size reached the plateau\n");
            const ConnectPerRequest &c = r.perRequest;
            text += QStringLiteral("connect per request: %1 ops/s, p50 %2 µs, p99 %3 µs; reused connection: %4 ops/s, p50 %5 µs, p99 %6 µs\n")
                        .arg(c.opsPerSec, 0, 'f', 0)
                        .arg(c.p50Us, 0, 'f', 0)
                        .arg(c.p99Us, 0, 'f', 0)
                        .arg(c.pooledOpsPerSec, 0, 'f', 0)
                        .arg(c.pooledP50Us, 0, 'f', 0)
                        .arg(c.pooledP99Us, 0, 'f', 0);
        } else {
            HotKeyExperimentOptions o;
            if (parser.isSet(scan))
                o.scanPrefix = parser.value(scan);
            const auto outcome = runExperiment(makeHotKeysJob(where, o), &exitCode);
            if (!outcome)
                return exitCode;
            finish(*outcome);
            const HotKeyExperimentResult &r = outcome->result;
            json["result"] = hotKeysToJson(r);
            if (!r.error.isEmpty()) {
                printError(QStringLiteral("hotkeys: ") + r.error);
                exitCode = ExitFailure;
            }
            text = QStringLiteral("client-side top %1 (space-saving, %2 counters, %3 keys observed, error <= %4):\n")
                       .arg(r.clientTop.size())
                       .arg(r.trackerCapacity)
                       .arg(r.totalObserved)
                       .arg(r.errorBound);
            for (const HotKeyEntry &e : r.clientTop)
                text += QStringLiteral("  %1 count %2 (true %3, error <= %4) share %5%%6\n")
                            .arg(QString::fromStdString(e.estimate.key), -24)
                            .arg(e.estimate.count)
                            .arg(e.trueCount)
                            .arg(e.estimate.error)
                            .arg(e.estimate.share * 100, 0, 'f', 1)
                            .arg(e.estimate.guaranteed ? QStringLiteral(" guaranteed") : QString());
            text += QStringLiteral("server side (policy %1, %2 keys sampled):\n").arg(r.server.policy).arg(r.server.scanned);
            if (!r.server.note.isEmpty())
                text += QStringLiteral("  ") + r.server.note + QLatin1Char('\n');
            for (const ServerKeySample &s : r.server.hottest)
                text += QStringLiteral("  hot %1 freq %2 (%3% of sampled)\n").arg(QString::fromUtf8(s.key), -24).arg(s.freq).arg(s.trafficShare * 100, 0, 'f', 1);
            for (const ServerKeySample &s : r.server.biggest)
                text += QStringLiteral("  big %1 %2 (%3% of sampled memory)\n").arg(QString::fromUtf8(s.key), -24).arg(formatByteSize(s.memoryBytes)).arg(s.memoryShare * 100, 0, 'f', 1);
        }
    }
    if (StopSignals::stopRequested())
        exitCode = strongerExit(exitCode, ExitInterrupted);
    if (parser.isSet(common.json)) {
        if (!writeJsonFile(parser.value(common.json), json))
            return ExitFailure;
        if (parser.value(common.json) == QLatin1String("-"))
            return exitCode;
    }
    printOut(text);
    return exitCode;
}

} // namespace cwb::cli
