#include "storecommands.h"

#include "commandline.h"

#include "exitcodes.h"
#include "terminal.h"

#include "store/comparison.h"
#include "store/csvexport.h"
#include "store/htmlreport.h"
#include "store/importers.h"
#include "store/prometheusexport.h"
#include "store/resultstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace cwb::cli {

namespace {

constexpr double kMaxThresholdPercent = 1e6;

bool writeOut(const QCommandLineParser &parser, const QCommandLineOption &out, const QByteArray &bytes)
{
    if (!parser.isSet(out)) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    return writeOutputFile(parser.value(out), bytes);
}

QString num(double v, int decimals = 1)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v, 'f', decimals);
}

QString opt(std::optional<double> v, int decimals = 1)
{
    return v ? QString::number(*v, 'f', decimals) : QStringLiteral("-");
}

QString optPct(std::optional<double> v)
{
    return v ? QString::number(*v * 100.0, 'f', 2) + QLatin1Char('%') : QStringLiteral("-");
}

// Resolves RUN (full id or unique prefix) and loads it; prints the error.
std::optional<StoredRun> loadRunArg(ResultStore &store, const QString &arg)
{
    const QString id = store.resolveRunId(arg);
    if (id.isEmpty()) {
        printError(store.lastError());
        return std::nullopt;
    }
    auto run = store.loadRun(id);
    if (!run)
        printError(store.lastError());
    return run;
}

QByteArray runJson(const StoredRun &run)
{
    nlohmann::json doc = runResultToJson(run.result);
    nlohmann::json notMeasured = nlohmann::json::array();
    for (const QString &k : run.meta.notMeasured)
        notMeasured.push_back(k.toStdString());
    doc["store"] = {{"source", run.meta.source.toStdString()},
                    {"preset", run.meta.preset.toStdString()},
                    {"suiteId", run.meta.suiteId.toStdString()},
                    {"sourceFile", run.meta.sourceFile.toStdString()},
                    {"isBaseline", run.isBaseline},
                    {"sourceMetrics", run.meta.sourceMetrics},
                    {"notMeasured", notMeasured}};
    return QByteArray::fromStdString(doc.dump(2)) + '\n';
}

QString comparisonTable(const Comparison &c)
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5\n")
                      .arg(QStringLiteral("metric").leftJustified(28), QStringLiteral("baseline").rightJustified(14),
                           QStringLiteral("this run").rightJustified(14), QStringLiteral("delta %").rightJustified(9),
                           QStringLiteral("verdict"));
    for (const MetricDelta &m : c.metrics) {
        const bool rate = m.unit == QLatin1String("%");
        const auto v = [rate](std::optional<double> x) { return rate ? optPct(x) : opt(x, 1); };
        out += QStringLiteral("%1 %2 %3 %4 %5%6\n")
                   .arg(QString(m.label + (rate || m.unit.isEmpty() ? QString() : QStringLiteral(" (") + m.unit + QLatin1Char(')')))
                            .leftJustified(28),
                        v(m.baseline).rightJustified(14), v(m.current).rightJustified(14),
                        (m.verdict == Verdict::NotComparable ? QStringLiteral("-")
                                                             : QString::number(m.deltaPercent, 'f', 1))
                            .rightJustified(9),
                        verdictName(m.verdict), m.isKey ? QString() : QStringLiteral(" (info)"));
    }
    out += QStringLiteral("overall: %1 (threshold %2%)\n").arg(verdictName(c.overall)).arg(c.thresholdPercent);
    return out;
}

} // namespace

void StoreOptions::addTo(QCommandLineParser &parser, bool withNoSave)
{
    parser.addOption(db);
    if (withNoSave)
        parser.addOption(noSave);
}

QString StoreOptions::path(const QCommandLineParser &parser) const
{
    return ResultStore::resolveStorePath(parser.isSet(db) ? parser.value(db) : QString());
}

bool StoreOptions::open(const QCommandLineParser &parser, ResultStore &store) const
{
    if (!store.open(path(parser))) {
        printError(store.lastError());
        return false;
    }
    if (!store.recoveryMessage().isEmpty())
        printError(store.recoveryMessage());
    return true;
}

bool StoreOptions::openForWriting(const QCommandLineParser &parser, ResultStore &store) const
{
    if (!open(parser, store))
        return false;
    if (!store.isWritable()) {
        printError(QStringLiteral("the result store %1 is read-only, so nothing could be saved; give a writable --db "
                                  "or --no-save")
                       .arg(store.path()));
        return false;
    }
    return true;
}

QString saveRunToStore(ResultStore &store, const RunResult &result, const QString &preset, const QString &suiteId)
{
    StoredRun run;
    run.result = result;
    run.meta.preset = preset;
    run.meta.suiteId = suiteId;
    const QString id = store.saveRun(run);
    if (id.isEmpty()) {
        printError(QStringLiteral("the result was not saved: ") + store.lastError());
        return {};
    }
    printOut(QStringLiteral("saved run %1\n").arg(id));
    return id;
}

int runsCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption text{QStringLiteral("filter"), QStringLiteral("Substring of test name, id, target or preset."), QStringLiteral("text")};
    QCommandLineOption test{QStringLiteral("test"), QStringLiteral("Only this test name."), QStringLiteral("name")};
    QCommandLineOption target{QStringLiteral("target"), QStringLiteral("Only this target URI."), QStringLiteral("uri")};
    QCommandLineOption source{QStringLiteral("source"), QStringLiteral("Only runs from workbench, memtier or redis-benchmark."), QStringLiteral("source")};
    QCommandLineOption suite{QStringLiteral("suite"), QStringLiteral("Only runs of this suite id."), QStringLiteral("id")};
    QCommandLineOption limit{QStringLiteral("limit"), QStringLiteral("At most N runs (default 50; 0 = all)."), QStringLiteral("n"), QStringLiteral("50")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")};
    for (const auto *o : {&text, &test, &target, &source, &suite, &limit, &json})
        parser.addOption(*o);
    if (!parseCommandLine(parser, args, QStringLiteral("Lists stored runs, newest first.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    RunFilter filter;
    const std::optional<qint64> limitValue = integerOption(parser, limit, 0, 1000000, 50);
    if (!limitValue)
        return ExitBadInput;
    filter.limit = int(*limitValue);
    filter.text = parser.value(text);
    filter.testName = parser.value(test);
    filter.target = parser.value(target);
    filter.source = parser.value(source);
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    if (parser.isSet(suite)) {
        filter.suiteId = db.resolveSuiteId(parser.value(suite));
        if (filter.suiteId.isEmpty()) {
            printError(db.lastError());
            return ExitBadInput;
        }
    }
    const std::vector<RunRow> rows = db.listRuns(filter);
    if (rows.empty() && !db.lastError().isEmpty()) {
        printError(db.lastError());
        return ExitFailure;
    }
    if (parser.isSet(json)) {
        nlohmann::json out = nlohmann::json::array();
        for (const RunRow &r : rows) {
            out.push_back({{"runId", r.runId.toStdString()},     {"testName", r.testName.toStdString()},
                           {"preset", r.preset.toStdString()},   {"target", r.target.toStdString()},
                           {"source", r.source.toStdString()},   {"status", r.status.toStdString()},
                           {"suiteId", r.suiteId.toStdString()}, {"startedAt", r.startedAt.toString(Qt::ISODateWithMs).toStdString()},
                           {"throughput", r.throughput},         {"p50Us", r.p50Us},
                           {"p95Us", r.p95Us},                   {"p99Us", r.p99Us},
                           {"maxUs", r.maxUs},                   {"errorRate", r.errorRate},
                           {"hitRate", r.hitRate},               {"ops", r.ops},
                           {"isBaseline", r.isBaseline}});
        }
        printOut(QString::fromStdString(out.dump(2)) + QLatin1Char('\n'));
        return ExitOk;
    }
    QString out = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                      .arg(QStringLiteral("ID").leftJustified(9), QStringLiteral("STARTED (UTC)").leftJustified(17),
                           QStringLiteral("TEST").leftJustified(22), QStringLiteral("SOURCE").leftJustified(15),
                           QStringLiteral("STATUS").leftJustified(9), QStringLiteral("OPS/S").rightJustified(10),
                           QStringLiteral("P99 µs").rightJustified(9), QStringLiteral("ERRORS").rightJustified(7),
                           QStringLiteral("TARGET"));
    for (const RunRow &r : rows) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(QString(r.runId.left(8) + (r.isBaseline ? QStringLiteral("*") : QStringLiteral(" "))),
                        r.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")).leftJustified(17),
                        r.testName.left(22).leftJustified(22), r.source.leftJustified(15), r.status.leftJustified(9),
                        num(r.throughput, 0).rightJustified(10), num(r.p99Us, 0).rightJustified(9),
                        QString(r.errorRate < 0 ? QStringLiteral("-") : QString::number(r.errorRate * 100.0, 'f', 2) + QLatin1Char('%')).rightJustified(7),
                        r.target);
    }
    out += QStringLiteral("%1 run(s)%2; * = baseline\n").arg(rows.size()).arg(filter.limit > 0 && int(rows.size()) == filter.limit ? QStringLiteral(" (limit reached, use --limit)") : QString());
    printOut(out);
    return ExitOk;
}

int showCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print the run's JSON document.")};
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id or unique prefix."));
    if (!parseCommandLine(parser, args, QStringLiteral("Shows a stored run: summary and percentiles.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("show: give one RUN (id or prefix)"));
        return ExitBadInput;
    }
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    const auto run = loadRunArg(db, parser.positionalArguments().first());
    if (!run)
        return ExitBadInput;
    if (parser.isSet(json)) {
        printOut(QString::fromUtf8(runJson(*run)));
        return ExitOk;
    }
    const RunResult &r = run->result;
    const RunMetrics m = runMetrics(*run);
    QString out;
    out += QStringLiteral("run        %1%2\n").arg(r.runId, run->isBaseline ? QStringLiteral("  (baseline)") : QString());
    out += QStringLiteral("test       %1%2\n").arg(r.config.testName, run->meta.preset.isEmpty() ? QString() : QStringLiteral("  (preset %1)").arg(run->meta.preset));
    out += QStringLiteral("target     %1\n").arg(r.target);
    out += QStringLiteral("source     %1%2\n").arg(run->meta.source, run->meta.sourceFile.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(run->meta.sourceFile));
    out += QStringLiteral("status     %1%2\n").arg(runStatusName(r.status), r.failureReason.isEmpty() ? QString() : QStringLiteral(": ") + r.failureReason);
    out += QStringLiteral("started    %1\n").arg(r.startedAt.toUTC().toString(Qt::ISODate));
    out += QStringLiteral("measured   %1 s\n").arg(r.measuredSec, 0, 'f', 1);
    if (!run->meta.suiteId.isEmpty())
        out += QStringLiteral("suite      %1\n").arg(run->meta.suiteId);
    out += QStringLiteral("throughput %1 ops/s\n").arg(opt(m.throughput));
    out += QStringLiteral("errors     %1\n").arg(optPct(m.errorRate));
    out += QStringLiteral("hit rate   %1\n").arg(optPct(m.hitRate));
    if (m.serverMemoryBytes)
        out += QStringLiteral("server mem %1 MiB (peak)\n").arg(*m.serverMemoryBytes / 1048576.0, 0, 'f', 1);
    if (m.clientCpuUsPerOp)
        out += QStringLiteral("client CPU %1 µs/op\n").arg(*m.clientCpuUsPerOp, 0, 'f', 2);
    out += QStringLiteral("\nlatency µs      count      ops/s       p50       p95       p99     p99.9       max\n");
    const auto line = [&out](const QString &name, std::optional<qint64> count, std::optional<double> tp, std::optional<double> p50,
                             std::optional<double> p95, std::optional<double> p99, std::optional<double> p999,
                             std::optional<double> mx) {
        out += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(name.leftJustified(11), (count ? QString::number(*count) : QStringLiteral("-")).rightJustified(10),
                        opt(tp, 0).rightJustified(10), opt(p50).rightJustified(9), opt(p95).rightJustified(9),
                        opt(p99).rightJustified(9), opt(p999).rightJustified(9), opt(mx).rightJustified(9));
    };
    line(QStringLiteral("all"), m.ops, m.throughput, m.p50Us, m.p95Us, m.p99Us, m.p999Us, m.maxUs);
    for (int i = 0; i < kOpTypeCount; ++i) {
        const OpMetrics &o = m.byOp[size_t(i)];
        if (!o.throughput && !o.p50Us && !(o.count && *o.count > 0))
            continue;
        std::optional<double> p999;
        const LatencyHistogram &h = r.totals.ops[size_t(i)].latency;
        if (!h.isEmpty())
            p999 = double(h.percentileNs(99.9)) / 1000.0;
        line(opTypeName(OpType(i)), o.count, o.throughput, o.p50Us, o.p95Us, o.p99Us, p999, o.maxUs);
    }
    if (!run->meta.notMeasured.isEmpty())
        out += QStringLiteral("\nnot measured by %1: %2\n").arg(run->meta.source, run->meta.notMeasured.join(QStringLiteral(", ")));
    printOut(out);
    return ExitOk;
}

int baselineCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("set RUN | clear RUN | show"));
    if (!parseCommandLine(parser, args, QStringLiteral("Marks a run as the baseline for its test name and target.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0);
    if (!((action == QLatin1String("set") || action == QLatin1String("clear")) && pos.size() == 2)
        && !(action == QLatin1String("show") && pos.size() == 1)) {
        printError(QStringLiteral("baseline: expected `baseline set RUN`, `baseline clear RUN` or `baseline show`"));
        return ExitBadInput;
    }
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    if (action == QLatin1String("show")) {
        QString out;
        for (const BaselineRow &b : db.listBaselines())
            out += QStringLiteral("%1  %2  %3\n").arg(b.runId, b.testName, b.target);
        printOut(out.isEmpty() ? QStringLiteral("no baselines\n") : out);
        return ExitOk;
    }
    const QString id = db.resolveRunId(pos.at(1));
    if (id.isEmpty()) {
        printError(db.lastError());
        return ExitBadInput;
    }
    const bool ok = action == QLatin1String("set") ? db.setBaseline(id) : db.clearBaseline(id);
    if (!ok) {
        printError(db.lastError());
        return ExitFailure;
    }
    printOut(action == QLatin1String("set") ? QStringLiteral("baseline set: %1\n").arg(id)
                                            : QStringLiteral("baseline cleared for the test and target of %1\n").arg(id));
    return ExitOk;
}

int compareCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption against{QStringLiteral("against"), QStringLiteral("Reference run (default: the baseline of RUN's test and target)."), QStringLiteral("run")};
    QCommandLineOption threshold{QStringLiteral("threshold"), QStringLiteral("Regression threshold in percent (default 10)."), QStringLiteral("pct"), QStringLiteral("10")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print the comparison as JSON.")};
    for (const auto *o : {&against, &threshold, &json})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id or unique prefix."));
    if (!parseCommandLine(parser, args, QStringLiteral("Compares a run with its baseline or another run; exit 5 when it regressed.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("compare: give one RUN (id or prefix)"));
        return ExitBadInput;
    }
    // A threshold of NaN or infinity would call every change "unchanged" and silently disable
    // a CI regression gate.
    const std::optional<double> pct = numberOption(parser, threshold, 0, kMaxThresholdPercent, 10);
    if (!pct)
        return ExitBadInput;
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    const auto run = loadRunArg(db, parser.positionalArguments().first());
    if (!run)
        return ExitBadInput;
    QString againstId;
    if (parser.isSet(against)) {
        againstId = db.resolveRunId(parser.value(against));
        if (againstId.isEmpty()) {
            printError(QStringLiteral("--against: ") + db.lastError());
            return ExitBadInput;
        }
    } else {
        againstId = db.baselineFor(run->result.config.testName, run->result.target);
        if (againstId.isEmpty()) {
            printError(QStringLiteral("compare: no baseline for test '%1' on %2; set one with `baseline set RUN` or give --against RUN")
                           .arg(run->result.config.testName, run->result.target));
            return ExitBadInput;
        }
    }
    const auto reference = db.loadRun(againstId);
    if (!reference) {
        printError(db.lastError());
        return ExitFailure;
    }
    const Comparison c = compareRuns(*run, *reference, *pct);
    if (parser.isSet(json)) {
        nlohmann::json metrics = nlohmann::json::array();
        for (const MetricDelta &m : c.metrics) {
            metrics.push_back({{"key", m.key.toStdString()},
                               {"label", m.label.toStdString()},
                               {"unit", m.unit.toStdString()},
                               {"key_metric", m.isKey},
                               {"higherIsBetter", m.higherIsBetter},
                               {"baseline", m.baseline ? nlohmann::json(*m.baseline) : nlohmann::json()},
                               {"current", m.current ? nlohmann::json(*m.current) : nlohmann::json()},
                               {"delta", m.delta},
                               {"deltaPercent", m.deltaPercent},
                               {"verdict", verdictName(m.verdict).toStdString()}});
        }
        const nlohmann::json doc{{"schema", "cache-workbench/comparison"},
                                 {"version", 1},
                                 {"runId", c.runId.toStdString()},
                                 {"againstId", c.againstId.toStdString()},
                                 {"thresholdPercent", c.thresholdPercent},
                                 {"overall", verdictName(c.overall).toStdString()},
                                 {"metrics", metrics}};
        printOut(QString::fromStdString(doc.dump(2)) + QLatin1Char('\n'));
    } else {
        printOut(QStringLiteral("comparing %1 (%2) against %3 (%4)\n\n")
                     .arg(run->result.runId.left(8), run->meta.source, reference->result.runId.left(8), reference->meta.source)
                 + comparisonTable(c));
    }
    return c.overall == Verdict::Regressed ? ExitRegressed : ExitOk;
}

int exportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption runOpt{QStringLiteral("run"), QStringLiteral("Run id or unique prefix."), QStringLiteral("id")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("csv (per second), csv-summary, json or prom."), QStringLiteral("format")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("file")};
    for (const auto *o : {&runOpt, &format, &out})
        parser.addOption(*o);
    if (!parseCommandLine(parser, args, QStringLiteral("Exports a stored run as CSV, JSON or Prometheus text.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (!parser.isSet(runOpt) || !parser.isSet(format)) {
        printError(QStringLiteral("export: give --run ID and --format csv|csv-summary|json|prom"));
        return ExitBadInput;
    }
    const QString f = parser.value(format);
    const QStringList formats{QStringLiteral("csv"), QStringLiteral("csv-summary"), QStringLiteral("json"), QStringLiteral("prom")};
    if (!formats.contains(f)) {
        printError(QStringLiteral("--format: unknown format '%1'; use csv, csv-summary, json or prom").arg(f));
        return ExitBadInput;
    }
    if (!refuseStoreOutputs(parser, {&out}, store.path(parser)))
        return ExitBadInput;
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    const auto run = loadRunArg(db, parser.value(runOpt));
    if (!run)
        return ExitBadInput;
    QByteArray bytes;
    if (f == QLatin1String("csv"))
        bytes = runSeriesToCsv(run->result);
    else if (f == QLatin1String("csv-summary"))
        bytes = runSummaryToCsv(run->result);
    else if (f == QLatin1String("json"))
        bytes = runJson(*run);
    else
        bytes = runToPrometheus(*run);
    return writeOut(parser, out, bytes) ? ExitOk : ExitFailure;
}

namespace {

// PDF needs QtGui, which the CLI must not link: the GUI binary next to us renders it headless.
int renderPdf(const QByteArray &html, const QString &outPath)
{
    const QString gui = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("cache-workbench"));
    if (!QFileInfo(gui).isExecutable()) {
        printError(QStringLiteral("--format pdf: needs the GUI binary %1 (PDF rendering uses Qt's printing support); "
                                  "use --format html instead")
                       .arg(gui));
        return ExitFailure;
    }
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("report.html"));
    QSaveFile file(in);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly) || file.write(html) != html.size() || !file.commit()) {
        printError(QStringLiteral("cannot write a temporary file for the PDF"));
        return ExitFailure;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(gui, {QStringLiteral("--render-pdf"), in, outPath});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        printError(QStringLiteral("--format pdf: the renderer did not finish within 60 s"));
        return ExitFailure;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        printError(QStringLiteral("--format pdf: rendering failed: %1").arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

int reportCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption runOpt{QStringLiteral("run"), QStringLiteral("Report on one run."), QStringLiteral("id")};
    QCommandLineOption suiteOpt{QStringLiteral("suite"), QStringLiteral("Report on a suite."), QStringLiteral("id")};
    QCommandLineOption compareOpt{QStringLiteral("compare"), QStringLiteral("Compare run A with run B (B as positional argument; default: A's baseline)."), QStringLiteral("A")};
    QCommandLineOption threshold{QStringLiteral("threshold"), QStringLiteral("Regression threshold in percent (default 10)."), QStringLiteral("pct"), QStringLiteral("10")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("html or pdf (default html)."), QStringLiteral("format"), QStringLiteral("html")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("file")};
    for (const auto *o : {&runOpt, &suiteOpt, &compareOpt, &threshold, &format, &out})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("With --compare A: the reference run."), QStringLiteral("[B]"));
    if (!parseCommandLine(parser, args, QStringLiteral("Writes a self-contained HTML (or PDF) performance report.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    if (int(parser.isSet(runOpt)) + int(parser.isSet(suiteOpt)) + int(parser.isSet(compareOpt)) != 1) {
        printError(QStringLiteral("report: give exactly one of --run ID, --suite ID or --compare A [B]"));
        return ExitBadInput;
    }
    const QString f = parser.value(format);
    if (f != QLatin1String("html") && f != QLatin1String("pdf")) {
        printError(QStringLiteral("--format: unknown format '%1'; use html or pdf").arg(f));
        return ExitBadInput;
    }
    if (!parser.isSet(out)) {
        printError(QStringLiteral("report: give --out FILE"));
        return ExitBadInput;
    }
    if (!refuseStoreOutputs(parser, {&out}, store.path(parser)))
        return ExitBadInput;
    ResultStore db;
    if (!store.open(parser, db))
        return ExitFailure;
    QByteArray html;
    if (parser.isSet(runOpt)) {
        const auto run = loadRunArg(db, parser.value(runOpt));
        if (!run)
            return ExitBadInput;
        html = runReportHtml(*run);
    } else if (parser.isSet(suiteOpt)) {
        const QString id = db.resolveSuiteId(parser.value(suiteOpt));
        const auto suite = id.isEmpty() ? std::nullopt : db.suite(id);
        if (!suite) {
            printError(db.lastError());
            return ExitBadInput;
        }
        RunFilter filter;
        filter.suiteId = id;
        filter.limit = 0;
        std::vector<RunRow> rows = db.listRuns(filter);
        std::reverse(rows.begin(), rows.end()); // in the order they ran
        std::vector<StoredRun> runs;
        for (const RunRow &row : rows) {
            if (auto run = db.loadRun(row.runId))
                runs.push_back(std::move(*run));
        }
        html = suiteReportHtml(*suite, runs);
    } else {
        const std::optional<double> pct = numberOption(parser, threshold, 0, kMaxThresholdPercent, 10);
        if (!pct)
            return ExitBadInput;
        const auto run = loadRunArg(db, parser.value(compareOpt));
        if (!run)
            return ExitBadInput;
        std::optional<StoredRun> reference;
        if (!parser.positionalArguments().isEmpty()) {
            reference = loadRunArg(db, parser.positionalArguments().first());
        } else {
            const QString base = db.baselineFor(run->result.config.testName, run->result.target);
            if (base.isEmpty())
                printError(QStringLiteral("report: no baseline for test '%1' on %2; give B").arg(run->result.config.testName, run->result.target));
            else
                reference = db.loadRun(base);
        }
        if (!reference)
            return ExitBadInput;
        html = comparisonReportHtml(*run, *reference, compareRuns(*run, *reference, *pct));
    }
    if (f == QLatin1String("pdf"))
        return renderPdf(html, parser.value(out));
    return writeOut(parser, out, html) ? ExitOk : ExitFailure;
}

int importCommand(const QStringList &args)
{
    QCommandLineParser parser;
    StoreOptions store;
    store.addTo(parser, false);
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("memtier (--json-out-file) or redis-benchmark (--csv)."), QStringLiteral("format")};
    QCommandLineOption name{QStringLiteral("name"), QStringLiteral("Test name of the imported run (default: the tool's name)."), QStringLiteral("name")};
    QCommandLineOption target{QStringLiteral("target"), QStringLiteral("Target the file was measured against (URI, no password)."), QStringLiteral("uri")};
    for (const auto *o : {&format, &name, &target})
        parser.addOption(*o);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The tool's output file."));
    if (!parseCommandLine(parser, args, QStringLiteral("Imports a memtier_benchmark or redis-benchmark result as a run.")))
        return ExitBadInput;
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(helpText(parser));
        return ExitOk;
    }
    const auto fmt = importFormatFromName(parser.value(format));
    if (!fmt) {
        printError(QStringLiteral("--format: give memtier or redis-benchmark"));
        return ExitBadInput;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("import: give one FILE"));
        return ExitBadInput;
    }
    if (parser.value(target).contains(QLatin1Char('@'))) {
        printError(QStringLiteral("--target: give the URI without credentials"));
        return ExitBadInput;
    }
    const ImportResult imported = importRunFile(*fmt, parser.positionalArguments().first(), parser.value(name), parser.value(target));
    if (!imported.run) {
        printError(imported.error);
        return ExitBadInput;
    }
    ResultStore db;
    if (!store.openForWriting(parser, db))
        return ExitFailure;
    const QString id = db.saveRun(*imported.run);
    if (id.isEmpty()) {
        printError(db.lastError());
        return ExitFailure;
    }
    printOut(QStringLiteral("imported run %1\n").arg(id));
    if (!imported.run->meta.notMeasured.isEmpty())
        printOut(QStringLiteral("not measured by %1: %2\n").arg(imported.run->meta.source, imported.run->meta.notMeasured.join(QStringLiteral(", "))));
    return ExitOk;
}

} // namespace cwb::cli
