// The store through the CLI, end to end: a sandbox run is saved, listed, shown, made the
// baseline, compared (exit 0), exported in every format and reported; two imported real
// redis-benchmark runs compare as a regression (exit 5).

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include <unistd.h>

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
    void pathsThatAreNotStoresAreLeftAlone();
    void lockedStoreIsReportedNotReplaced();
    void outputsOnTheStoreAreRefused();
    void concurrentCreationLosesNothing();
    void readOnlyStoreIsRefusedBeforeTheRun();
    void noStoreStressCommand();

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
    // A threshold that is not a finite number would disable the regression gate: refused.
    for (const QString &bad : {u"nan"_s, u"inf"_s, u"-inf"_s, u"-1"_s}) {
        r = cwb::test::runCli(QStringList{u"compare"_s, m_runId, u"--threshold"_s, bad} + db());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--threshold"), r.err.constData());
        r = cwb::test::runCli(QStringList{u"report"_s, u"--compare"_s, m_runId, u"--threshold"_s, bad, u"--out"_s,
                                          m_dir.filePath(u"x.html"_s)} + db());
        QCOMPARE(r.exitCode, 2);
    }
}

// A --db that is not a store of ours is refused with a sentence and left exactly as it was,
// by every command, the read-only ones included.
void TestCliStore::pathsThatAreNotStoresAreLeftAlone()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"folder"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString text = dir.filePath(u"notes.txt"_s);
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("garbage, not sqlite\n");
    t.close();
    const QString foreign = dir.filePath(u"other-app.sqlite"_s);
    QVERIFY(cwb::test::writeForeignSqlite(foreign));
    const auto bytesOf = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
    };
    const QByteArray textBefore = bytesOf(text), foreignBefore = bytesOf(foreign);
    for (const QString &path : {folder, text, foreign}) {
        for (const QStringList &command : {QStringList{u"runs"_s}, QStringList{u"baseline"_s, u"show"_s},
                                           QStringList{u"import"_s, u"--format"_s, u"redis-benchmark"_s,
                                                       QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get.csv")},
                                           QStringList{u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                                       u"redis://127.0.0.1:1"_s}}) {
            const auto r = cwb::test::runCli(command + QStringList{u"--db"_s, path});
            QVERIFY2(r.exitCode == 1, qPrintable(command.join(u' ') + u" "_s + path + u": "_s + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("not a Cache Workbench result store") && r.err.contains("left untouched"),
                     r.err.constData());
        }
    }
    QVERIFY(QFileInfo(folder).isDir());
    QCOMPARE(bytesOf(text), textBefore);
    QCOMPARE(bytesOf(foreign), foreignBefore);
    QCOMPARE(QDir(dir.path()).entryList({u"*.corrupt-*"_s}).size(), 0);
}

// A store that another process holds locked is waited for and then reported as locked: never
// taken for a damaged file and replaced.
void TestCliStore::lockedStoreIsReportedNotReplaced()
{
    const QString store = m_dir.filePath(u"locked.sqlite"_s);
    QVERIFY(QFile::copy(m_db, store));
    cwb::test::Child holder;
    QVERIFY2(holder.start(QStringLiteral(CWB_STORE_HELPER_PATH), {u"lock"_s, store}), qPrintable(holder.errorString()));
    QCOMPARE(holder.readLine(10000).value_or("(nothing)").trimmed(), QByteArray("locked"));
    auto r = cwb::test::runCli({u"runs"_s, u"--db"_s, store});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("is locked by another process"), r.err.constData());
    QCOMPARE(QDir(m_dir.path()).entryList({u"locked.sqlite.corrupt-*"_s}).size(), 0);
    holder.closeStdin(); // the helper lets go
    QVERIFY(holder.waitForFinished(10000));
    r = cwb::test::runCli({u"runs"_s, u"--db"_s, store});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains(m_runId.left(8).toUtf8())); // the runs it held are all there
}

// --json, --out and reports never land on the store or its -wal/-shm, by any name.
void TestCliStore::outputsOnTheStoreAreRefused()
{
    QFile store(m_db);
    QVERIFY(store.open(QIODevice::ReadOnly));
    const QByteArray header = store.read(100);
    store.close();
    const QString link = m_dir.filePath(u"link-to-store.json"_s);
    QVERIFY(QFile::link(m_db, link));
    const QList<QStringList> commands{
        {u"export"_s, u"--run"_s, m_runId, u"--format"_s, u"json"_s, u"--out"_s, m_db},
        {u"export"_s, u"--run"_s, m_runId, u"--format"_s, u"csv"_s, u"--out"_s, m_db + u"-wal"_s},
        {u"export"_s, u"--run"_s, m_runId, u"--format"_s, u"csv"_s, u"--out"_s, link},
        {u"report"_s, u"--run"_s, m_runId, u"--out"_s, m_db + u"-shm"_s},
        {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, u"redis://127.0.0.1:1"_s, u"--json"_s, m_db},
        {u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s, u"redis://127.0.0.1:1"_s, u"--no-save"_s,
         u"--csv"_s, link},
    };
    for (const QStringList &command : commands) {
        const auto r = cwb::test::runCli(command + db());
        QVERIFY2(r.exitCode == 2, qPrintable(command.join(u' ') + u": "_s + QString::number(r.exitCode)));
        QVERIFY2(r.err.contains("is the result store"), r.err.constData());
    }
    QVERIFY(store.open(QIODevice::ReadOnly));
    QCOMPARE(store.read(100), header);
    store.close();
    const auto r = cwb::test::runCli(QStringList{u"runs"_s} + db());
    QVERIFY2(r.exitCode == 0 && r.out.contains(m_runId.left(8).toUtf8()), r.err.constData());
}

// Processes creating the same new store at once take turns: every run that printed its id is in it.
void TestCliStore::concurrentCreationLosesNothing()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(u"new/fresh.sqlite"_s);
    std::vector<std::unique_ptr<cwb::test::Child>> importers;
    for (int i = 0; i < 6; ++i) {
        auto p = std::make_unique<cwb::test::Child>();
        QVERIFY(p->start(QStringLiteral(CWB_CLI_PATH), {u"import"_s, u"--format"_s, u"redis-benchmark"_s,
                                                        QStringLiteral(CWB_TEST_DATA_DIR "/redis-benchmark-set-get.csv"),
                                                        u"--db"_s, fresh}));
        importers.push_back(std::move(p));
    }
    QStringList ids;
    for (auto &p : importers) {
        QVERIFY(p->waitForFinished(60000));
        const QByteArray out = p->takeOut();
        QVERIFY2(p->exitCode() == 0, p->takeErr().constData());
        const auto m = QRegularExpression(u"imported run ([0-9a-f-]{36})"_s).match(QString::fromUtf8(out));
        QVERIFY2(m.hasMatch(), out.constData());
        ids << m.captured(1);
    }
    const auto r = cwb::test::runCli({u"runs"_s, u"--json"_s, u"--db"_s, fresh});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto doc = nlohmann::json::parse(r.out.toStdString());
    QCOMPARE(doc.size(), size_t(6));
    for (const auto &row : doc)
        QVERIFY(ids.contains(QString::fromStdString(row["runId"].get<std::string>())));
    QCOMPARE(QDir(dir.filePath(u"new"_s)).entryList({u"*.corrupt-*"_s}).size(), 0);
}

// A store this process may not write is found before the load starts, not after it.
void TestCliStore::readOnlyStoreIsRefusedBeforeTheRun()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run the CLI as another user");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                  | QFileDevice::ReadOther | QFileDevice::ExeOther));
    const QString copy = dir.filePath(u"readonly.sqlite"_s);
    QVERIFY(QFile::copy(m_db, copy));
    QVERIFY(QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const QStringList asNobody{u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, QStringLiteral(CWB_CLI_PATH)};
    const QStringList home{u"HOME="_s + dir.path()};
    // As "nobody", with a target nothing listens on: exit 3 would mean the run had started.
    cwb::test::Child cli;
    QVERIFY(cli.start(u"setpriv"_s, asNobody + QStringList{u"run"_s, u"--preset"_s, u"basic-cache-load"_s, u"--target"_s,
                                                           u"redis://127.0.0.1:1"_s, u"--db"_s, copy}, home));
    QVERIFY(cli.waitForFinished(30000));
    const QByteArray err = cli.takeErr();
    if (err.contains("Permission denied") && !err.contains("read-only"))
        QSKIP("the build tree is not readable by nobody");
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(err.contains("is read-only"), err.constData());
    // Reading it still works for that user.
    cwb::test::Child reader;
    QVERIFY(reader.start(u"setpriv"_s, asNobody + QStringList{u"runs"_s, u"--db"_s, copy}, home));
    QVERIFY(reader.waitForFinished(30000));
    QVERIFY2(reader.exitCode() == 0, reader.takeErr().constData());
    QVERIFY(reader.takeOut().contains(m_runId.left(8).toUtf8()));
}

// The shipped CLI has no command that writes made-up runs.
void TestCliStore::noStoreStressCommand()
{
    const auto r = cwb::test::runCli({u"store-stress"_s, u"--db"_s, m_dir.filePath(u"stress.sqlite"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command 'store-stress'"));
    QVERIFY(!QFile::exists(m_dir.filePath(u"stress.sqlite"_s)));
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
