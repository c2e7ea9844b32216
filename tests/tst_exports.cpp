// Exports of a real run (sandbox redis-server): CSV read back by an RFC 4180 parser, Prometheus
// text checked by promtool and by the rules of the exposition format, JSON parsed back with
// every field.

#include "testsupport.h"

#include "load/loadrun.h"
#include "store/csvexport.h"
#include "store/prometheusexport.h"
#include "store/htmlreport.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;

namespace {

// RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CR, LF
// and doubled quotes. Returns nullopt (with the reason) on anything else.
std::optional<std::vector<QStringList>> parseCsv(const QByteArray &data, QString *error)
{
    std::vector<QStringList> records;
    QStringList record;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = data.size();
    bool fieldStarted = false;
    while (i < n) {
        const char c = data[i];
        if (c == '"' && !fieldStarted) {
            ++i;
            for (;;) {
                if (i >= n) {
                    *error = u"unterminated quoted field"_s;
                    return std::nullopt;
                }
                if (data[i] == '"') {
                    if (i + 1 < n && data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += data[i++];
            }
            fieldStarted = true;
            if (i < n && data[i] != ',' && data[i] != '\r') {
                *error = u"text after a closing quote at byte %1"_s.arg(i);
                return std::nullopt;
            }
            continue;
        }
        if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == '\r') {
            if (i + 1 >= n || data[i + 1] != '\n') {
                *error = u"CR without LF at byte %1"_s.arg(i);
                return std::nullopt;
            }
            record << QString::fromUtf8(field);
            records.push_back(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == '\n' || c == '"') {
            *error = u"bare %1 in an unquoted field at byte %2"_s.arg(c == '\n' ? u"LF"_s : u"quote"_s).arg(i);
            return std::nullopt;
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    if (fieldStarted || !record.isEmpty()) {
        *error = u"last record does not end with CRLF"_s;
        return std::nullopt;
    }
    return records;
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvFieldsRoundTrip();
    void seriesCsv();
    void summaryCsv();
    void jsonEveryField();
    void prometheusPassesPromtool();
    void prometheusFormatRules();
    void htmlReportIsSelfContained();

private:
    cwb::RunResult m_run;
};

void TestExports::initTestCase()
{
    cwb::SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    cwb::LoadTestConfig config;
    config.testName = u"exports"_s;
    config.durationSec = 2;
    config.concurrentUsers = 2;
    config.threads = 1;
    config.requestsPerSecond = 0;
    config.keySpace = 500;
    config.target = redis.endpoint().displayUri();
    cwb::LoadRun run(config, redis.endpoint());
    m_run = run.execute();
    QVERIFY2(m_run.status == cwb::RunStatus::Completed, qPrintable(m_run.failureReason));
    QVERIFY(m_run.series.size() >= 2);
    QVERIFY(m_run.total().count > 100);
}

void TestExports::csvFieldsRoundTrip()
{
    const QStringList fields{u"plain"_s, u"with,comma"_s, u"with \"quotes\""_s, u"line\r\nbreak"_s, u""_s, u"ünïcödé"_s};
    QString error;
    const auto parsed = parseCsv(cwb::csvRow(fields) + cwb::csvRow({u"x"_s}), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->size(), size_t(2));
    QCOMPARE(parsed->at(0), fields);
}

void TestExports::seriesCsv()
{
    QString error;
    const auto rows = parseCsv(cwb::runSeriesToCsv(m_run), &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->size(), m_run.series.size() + 1); // header + one row per second
    const QStringList header = rows->front();
    QCOMPARE(header.mid(0, 3), (QStringList{u"run_id"_s, u"test"_s, u"second"_s}));
    for (size_t i = 1; i < rows->size(); ++i) {
        const QStringList &row = rows->at(i);
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row.at(0), m_run.runId);
        QCOMPARE(row.at(1), m_run.config.testName);
        for (qsizetype c = 2; c < row.size(); ++c) {
            bool ok = false;
            row.at(c).toDouble(&ok);
            QVERIFY2(ok, qPrintable(u"row %1, %2: '%3' is not a number"_s.arg(i).arg(header.at(c), row.at(c))));
        }
    }
    // The ops column matches the series.
    const qsizetype opsColumn = header.indexOf(u"ops"_s);
    QVERIFY2(opsColumn >= 0, qPrintable(header.join(u","_s)));
    uint64_t sum = 0;
    for (size_t i = 1; i < rows->size(); ++i)
        sum += rows->at(i).at(opsColumn).toULongLong();
    uint64_t expected = 0;
    for (const cwb::SecondSample &s : m_run.series)
        expected += s.ops;
    QCOMPARE(sum, expected);
}

void TestExports::summaryCsv()
{
    QString error;
    const auto rows = parseCsv(cwb::runSummaryToCsv(m_run), &error);
    QVERIFY2(rows, qPrintable(error));
    QVERIFY(rows->size() >= 2);
    const QStringList header = rows->front();
    for (size_t i = 1; i < rows->size(); ++i)
        QCOMPARE(rows->at(i).size(), header.size());
    bool sawTotal = false;
    for (size_t i = 1; i < rows->size(); ++i)
        sawTotal |= rows->at(i).contains(u"total"_s);
    QVERIFY(sawTotal);
}

void TestExports::jsonEveryField()
{
    const std::string text = cwb::runResultToJson(m_run).dump(2);
    const nlohmann::json doc = nlohmann::json::parse(text);
    for (const char *key : {"schema", "version", "runId", "testName", "status", "failureReason", "failureKind", "target",
                            "startedAt", "finishedAt", "measuredSeconds", "config", "summary", "operations", "series",
                            "server", "client", "keysCleanedUp"})
        QVERIFY2(doc.contains(key), key);
    QCOMPARE(doc["schema"].get<std::string>(), std::string("cache-workbench/run"));
    for (const char *key : {"operations", "successes", "errors", "errorsByKind", "throughput", "errorRate", "latencyUs"})
        QVERIFY2(doc["summary"].contains(key), key);
    for (const char *key : {"min", "mean", "p50", "p95", "p99", "p999", "max"})
        QVERIFY2(doc["summary"]["latencyUs"].contains(key), key);
    QString error;
    const auto back = cwb::runResultFromJson(doc, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->runId, m_run.runId);
    QCOMPARE(back->config, m_run.config);
    QCOMPARE(back->target, m_run.target);
    QCOMPARE(back->status, m_run.status);
    QCOMPARE(back->measuredSec, m_run.measuredSec);
    QCOMPARE(back->startedAt, m_run.startedAt);
    QCOMPARE(back->series.size(), m_run.series.size());
    for (int op = 0; op < cwb::kOpTypeCount; ++op) {
        QCOMPARE(back->totals.ops[size_t(op)].count, m_run.totals.ops[size_t(op)].count);
        QVERIFY(back->totals.ops[size_t(op)].latency == m_run.totals.ops[size_t(op)].latency);
    }
    QCOMPARE(back->server.usedMemoryPeak, m_run.server.usedMemoryPeak);
    QCOMPARE(back->client.cpuUserSec, m_run.client.cpuUserSec);
}

void TestExports::prometheusPassesPromtool()
{
    // CI installs Debian's prometheus package (scripts/install-deps.sh): no promtool is a failure.
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    QVERIFY2(!promtool.isEmpty(), "promtool not found: install the prometheus package (scripts/install-deps.sh)");
    cwb::RunResult tricky = m_run;
    tricky.config.testName = u"quote \" backslash \\ newline \n end"_s;
    for (const cwb::RunResult *run : {&m_run, &tricky}) {
        cwb::test::Child p;
        QVERIFY2(p.start(promtool, {u"check"_s, u"metrics"_s}), qPrintable(p.errorString()));
        p.write(cwb::runToPrometheus(*run));
        p.closeStdin();
        QVERIFY(p.waitForFinished(20000));
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.takeOut() + p.takeErr())));
    }
}

void TestExports::prometheusFormatRules()
{
    QCOMPARE(cwb::prometheusLabelValue(u"a\"b\\c\nd"_s), QByteArray("a\\\"b\\\\c\\nd"));
    const QByteArray text = cwb::runToPrometheus(m_run);
    QVERIFY(text.endsWith('\n'));
    const QRegularExpression sample(uR"(^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\} (\S+)$)"_s);
    QSet<QByteArray> typed;
    QMap<QByteArray, QByteArray> types;
    int samples = 0;
    for (const QByteArray &line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
            const QList<QByteArray> parts = line.split(' ');
            QVERIFY(parts.size() >= 4);
            if (parts[1] == "TYPE") {
                QVERIFY2(!typed.contains(parts[2]), line.constData()); // one TYPE per family
                typed.insert(parts[2]);
                types[parts[2]] = parts[3];
            }
            continue;
        }
        const auto m = sample.match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        QByteArray family = m.captured(1).toUtf8();
        for (const char *suffix : {"_sum", "_count"}) {
            if (family.endsWith(suffix) && types.value(family.chopped(qstrlen(suffix))) == "summary")
                family.chop(qstrlen(suffix));
        }
        QVERIFY2(typed.contains(family), QByteArray("sample before its TYPE: " + line).constData());
        bool ok = false;
        const QString value = m.captured(3);
        value.toDouble(&ok);
        QVERIFY2(ok || value == u"NaN"_s || value == u"+Inf"_s, line.constData());
        ++samples;
    }
    QVERIFY(samples > 20);
    QCOMPARE(types.value("cwb_run_latency_seconds"), QByteArray("summary"));
    QCOMPARE(types.value("cwb_run_operations_total"), QByteArray("counter"));
    QVERIFY(text.contains(QByteArray("cwb_run_latency_seconds{run_id=\"" + m_run.runId.toUtf8())));
    QVERIFY(text.contains("quantile=\"0.999\""));
    QVERIFY(text.contains("cwb_run_throughput_ops{"));
    // The merged histogram's count equals the successful operations.
    const QRegularExpression count(uR"(cwb_run_latency_seconds_count\{[^}]*op="all"\} (\d+))"_s);
    const auto cm = count.match(QString::fromUtf8(text));
    QVERIFY(cm.hasMatch());
    QCOMPARE(cm.captured(1).toULongLong(), m_run.total().latency.count());
}

void TestExports::htmlReportIsSelfContained()
{
    cwb::StoredRun run;
    run.result = m_run;
    const QByteArray html = cwb::runReportHtml(run);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<svg"));
    QVERIFY(html.contains("p99"));
    QVERIFY(!html.contains("src=\"http"));
    QVERIFY(!html.contains("<script"));
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
