// The store through the CLI, end to end: a sandbox run is saved, listed, shown, made the
// baseline, compared (exit 0), exported in every format and reported; two imported real
// redis-benchmark runs compare as a regression (exit 5).

#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::Literals::StringLiterals;

class TestCliStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runIsSavedAndListed();
    void showAndPrefix();
    void baselineAndCompare();
    void exportsEveryFormat();
    void htmlReports();
    void importedRegressionExits5();
    void badInput();
    void noSaveSkipsTheStore();

private:
    QStringList db() const { return {u"--db"_s, m_db}; }
    QTemporaryDir m_dir;
    QString m_db;
    QString m_runId;
};

void TestCliStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(u"cli.sqlite"_s);
    const auto r = cwb::test::runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--sandbox"_s, u"--duration"_s,
                                      u"2"_s, u"--rps"_s, u"0"_s, u"--users"_s, u"4"_s, u"--threads"_s, u"1"_s, u"--db"_s, m_db},
                                     60000);
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    const auto m = QRegularExpression(u"saved run ([0-9a-f-]{36})"_s).match(QString::fromUtf8(r.out));
    QVERIFY2(m.hasMatch(), r.out.constData());
    m_runId = m.captured(1);
}

void TestCliStore::runIsSavedAndListed()
{
    const auto r = cwb::test::runCli(QStringList{u"runs"_s} + db());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(m_runId.left(8).toUtf8()), r.out.constData());
    QVERIFY(r.out.contains("basic-cache-load"));
    const auto j = cwb::test::runCli(QStringList{u"runs"_s, u"--json"_s} + db());
    const auto doc = nlohmann::json::parse(j.out.toStdString());
    QCOMPARE(doc.size(), size_t(1));
    QCOMPARE(QString::fromStdString(doc[0]["runId"].get<std::string>()), m_runId);
    QVERIFY(doc[0]["throughput"].get<double>() > 0);
    QCOMPARE(doc[0]["source"].get<std::string>(), std::string("workbench"));
}

void TestCliStore::showAndPrefix()
{
    const auto r = cwb::test::runCli(QStringList{u"show"_s, m_runId.left(6)} + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(m_runId.toUtf8()));
    QVERIFY(r.out.contains("p99"));
    QVERIFY(r.out.contains("read"));
    const auto missing = cwb::test::runCli(QStringList{u"show"_s, u"zzzz"_s} + db());
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("no run with id or prefix 'zzzz'"));
}

void TestCliStore::baselineAndCompare()
{
    auto r = cwb::test::runCli(QStringList{u"compare"_s, m_runId} + db());
    QCOMPARE(r.exitCode, 2); // no baseline yet
    QVERIFY2(r.err.contains("no baseline"), r.err.constData());
    r = cwb::test::runCli(QStringList{u"baseline"_s, u"set"_s, m_runId.left(8)} + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = cwb::test::runCli(QStringList{u"baseline"_s, u"show"_s} + db());
    QVERIFY(r.out.contains(m_runId.toUtf8()));
    r = cwb::test::runCli(QStringList{u"compare"_s, m_runId, u"--json"_s} + db());
    QVERIFY2(r.exitCode == 0, r.out.constData());
    const auto doc = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(doc["overall"].get<std::string>(), std::string("unchanged"));
    QCOMPARE(QString::fromStdString(doc["againstId"].get<std::string>()), m_runId);
    r = cwb::test::runCli(QStringList{u"runs"_s} + db());
    QVERIFY(r.out.contains((m_runId.left(8) + u"*"_s).toUtf8()));
}

void TestCliStore::exportsEveryFormat()
{
    const QStringList formats{u"csv"_s, u"csv-summary"_s, u"json"_s, u"prom"_s};
    for (const QString &format : formats) {
        const QString out = m_dir.filePath(u"export."_s + format);
        const auto r = cwb::test::runCli(QStringList{u"export"_s, u"--run"_s, m_runId, u"--format"_s, format, u"--out"_s, out} + db());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray data = f.readAll();
        QVERIFY2(data.size() > 50, qPrintable(format));
        if (format == u"json"_s) {
            const auto doc = nlohmann::json::parse(data.toStdString());
            QCOMPARE(QString::fromStdString(doc["runId"].get<std::string>()), m_runId);
            QCOMPARE(doc["store"]["isBaseline"].get<bool>(), true);
            QVERIFY(doc["series"].size() >= 2);
        } else if (format == u"prom"_s) {
            QVERIFY(data.contains("# TYPE cwb_run_latency_seconds summary"));
        } else {
            QVERIFY(data.contains("\r\n"));
        }
    }
    // To stdout without --out.
    const auto r = cwb::test::runCli(QStringList{u"export"_s, u"--run"_s, m_runId, u"--format"_s, u"prom"_s} + db());
    QVERIFY(r.out.startsWith("# HELP"));
}

void TestCliStore::htmlReports()
{
    const QString out = m_dir.filePath(u"report.html"_s);
    auto r = cwb::test::runCli(QStringList{u"report"_s, u"--run"_s, m_runId, u"--format"_s, u"html"_s, u"--out"_s, out} + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray html = f.readAll();
    QVERIFY(html.contains("<svg"));
    QVERIFY(html.contains(m_runId.toUtf8()));
    const QString cmp = m_dir.filePath(u"compare.html"_s);
    r = cwb::test::runCli(QStringList{u"report"_s, u"--compare"_s, m_runId, u"--format"_s, u"html"_s, u"--out"_s, cmp} + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile c(cmp);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QVERIFY(c.readAll().contains("Overall verdict"));
}

void TestCliStore::importedRegressionExits5()
{
    const QStringList common{u"--name"_s, u"rb-set-get"_s, u"--target"_s, u"redis://127.0.0.1:6379"_s};
    auto r = cwb::test::runCli(QStringList{u"import"_s, u"--format"_s, u"redis-benchmark"_s,
                                           QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get.csv")}
                               + common + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString fast = QRegularExpression(u"imported run ([0-9a-f-]{36})"_s).match(QString::fromUtf8(r.out)).captured(1);
    r = cwb::test::runCli(QStringList{u"import"_s, u"--format"_s, u"redis-benchmark"_s,
                                      QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get-64k-values.csv")}
                          + common + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString slow = QRegularExpression(u"imported run ([0-9a-f-]{36})"_s).match(QString::fromUtf8(r.out)).captured(1);
    QVERIFY(!fast.isEmpty() && !slow.isEmpty());
    QVERIFY(cwb::test::runCli(QStringList{u"baseline"_s, u"set"_s, fast} + db()).exitCode == 0);

    r = cwb::test::runCli(QStringList{u"compare"_s, slow} + db()); // against the baseline
    QCOMPARE(r.exitCode, 5);
    QVERIFY2(r.out.contains("overall: regressed"), r.out.constData());
    // A threshold above every change: unchanged.
    r = cwb::test::runCli(QStringList{u"compare"_s, slow, u"--threshold"_s, u"5000"_s} + db());
    QVERIFY2(r.exitCode == 0, r.out.constData());
    // The other way round it is an improvement.
    r = cwb::test::runCli(QStringList{u"compare"_s, fast, u"--against"_s, slow} + db());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("overall: improved"));
    // memtier import too.
    r = cwb::test::runCli(QStringList{u"import"_s, u"--format"_s, u"memtier"_s, QStringLiteral(CWB_TEST_DATA_DIR "/memtier-all-stats.json")} + db());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("not measured by memtier"));
}

void TestCliStore::badInput()
{
    auto r = cwb::test::runCli(QStringList{u"export"_s, u"--run"_s, m_runId, u"--format"_s, u"xml"_s} + db());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--format"));
    r = cwb::test::runCli(QStringList{u"compare"_s, m_runId, u"--threshold"_s, u"abc"_s} + db());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--threshold"));
    r = cwb::test::runCli(QStringList{u"import"_s, u"--format"_s, u"redis-benchmark"_s, QStringLiteral(CWB_TEST_DATA_DIR "/memtier-all-stats.json")} + db());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("line 1"));
    r = cwb::test::runCli(QStringList{u"baseline"_s, u"frobnicate"_s} + db());
    QCOMPARE(r.exitCode, 2);
    // A corrupt store: moved aside with a message, the command still works.
    const QString bad = m_dir.filePath(u"bad.sqlite"_s);
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("garbage, not sqlite");
    f.close();
    r = cwb::test::runCli({u"runs"_s, u"--db"_s, bad});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("moved to"), r.err.constData());
}

void TestCliStore::noSaveSkipsTheStore()
{
    const QString other = m_dir.filePath(u"nosave.sqlite"_s);
    const auto r = cwb::test::runCli({u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--sandbox"_s, u"--duration"_s, u"1"_s,
                                      u"--no-save"_s, u"--db"_s, other},
                                     60000);
    QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
    QVERIFY(!r.out.contains("saved run"));
    QVERIFY(!QFile::exists(other));
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
