#include "resultstore.h"

#include "runmetrics.h"
#include "storefile.h"
#include "storeschema.h"

#include <algorithm>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUuid>
#include <QVariant>

namespace cwb {

using nlohmann::json;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant msOf(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
QVariant txt(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

QVariant nullableDouble(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

double orMinusOne(const QVariant &v)
{
    return v.isNull() ? -1.0 : v.toDouble();
}

QString jsonText(const json &j)
{
    return QString::fromStdString(j.dump());
}

json parseJsonOr(const QVariant &text, json fallback)
{
    const QByteArray bytes = text.toString().toUtf8();
    json parsed = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

constexpr int kBusyTimeoutMs = 5000;

// SQLITE_BUSY / SQLITE_LOCKED (and their extended codes): another connection holds a lock.
bool isLockError(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    return (code & 0xff) == 5 || (code & 0xff) == 6;
}

// SQLITE_CORRUPT / SQLITE_NOTADB: the file's pages cannot be trusted.
bool isDamageError(const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt();
    return (code & 0xff) == 11 || (code & 0xff) == 26;
}

// A store opened read-write needs the file and, for its -wal and -shm, the folder.
bool storeIsWritable(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isWritable())
        return false;
    const QFileInfo folder(file.absolutePath());
    if (folder.isWritable())
        return true;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QFileInfo extra(path + QLatin1String(suffix));
        if (!extra.exists() || !extra.isWritable())
            return false;
    }
    return true;
}

} // namespace

struct ResultStore::Private
{
    QString connectionName;
    QString path;
    QString lastError;
    QString recoveryMessage;
    int version = 0;
    bool readOnly = false;

    // How preparing an opened file went: only a damaged file of our own may be moved aside.
    enum class Prepared { Ok, Failed, Damaged };

    QSqlDatabase db() const { return QSqlDatabase::database(connectionName, false); }

    bool fail(const QString &what, const QSqlError &error)
    {
        lastError = what + QStringLiteral(": ") + error.text();
        return false;
    }
    bool fail(const QString &what)
    {
        lastError = what;
        return false;
    }

    bool exec(QSqlQuery &q, const QString &what)
    {
        if (!q.exec())
            return fail(what, q.lastError());
        return true;
    }
    bool execSql(const QString &sql)
    {
        QSqlQuery q(db());
        if (!q.exec(sql))
            return fail(QStringLiteral("store: ") + sql.left(60), q.lastError());
        return true;
    }

    void closeConnection()
    {
        if (connectionName.isEmpty())
            return;
        {
            QSqlDatabase d = db();
            if (d.isValid())
                d.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
        connectionName.clear();
    }

    bool connect(const QString &file)
    {
        closeConnection();
        connectionName = QStringLiteral("cwb-store-") + newId();
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        // Another process (the CLI while the GUI is open) may hold the write lock briefly.
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
        if (readOnly) {
            // A WAL database needs its -shm to be read, which a user without write access to the
            // folder cannot create: read the file as it is instead (nothing is written).
            d.setDatabaseName(QUrl::fromLocalFile(file).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
            options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
        } else {
            d.setDatabaseName(file);
        }
        d.setConnectOptions(options);
        if (!d.open())
            return fail(QStringLiteral("cannot open the result store %1").arg(file), d.lastError());
        return true;
    }

    // A failed statement of the opening checks: a lock is waited for (the busy timeout) and then
    // reported as such, never taken for damage.
    Prepared failQuery(const QString &what, const QSqlError &error)
    {
        if (isLockError(error)) {
            lastError = QStringLiteral("the result store %1 is locked by another process (waited %2 s); try again "
                                       "when it has finished")
                            .arg(path)
                            .arg(kBusyTimeoutMs / 1000);
            return Prepared::Failed;
        }
        fail(what, error);
        return isDamageError(error) ? Prepared::Damaged : Prepared::Failed;
    }

    // Checks that the open file is a store of ours and brings its schema up to date.
    Prepared prepare()
    {
        QSqlQuery q(db());
        // The first statements touch the file header: a non-database file fails here.
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return failQuery(QStringLiteral("not a readable SQLite database"), q.lastError());
        version = q.value(0).toInt();
        if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
            return failQuery(QStringLiteral("not a readable SQLite database"), q.lastError());
        const int appId = q.value(0).toInt();
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return failQuery(QStringLiteral("unreadable schema"), q.lastError());
        const int objects = q.value(0).toInt();
        if (objects > 0 && appId != storeschema::kApplicationId) {
            fail(QStringLiteral("%1 is a SQLite database of another application, not a Cache Workbench result store; "
                                "it was left untouched (choose another file with --db or CWB_DB_PATH)")
                     .arg(path));
            return Prepared::Failed;
        }
        if (version > kSchemaVersion) {
            fail(QStringLiteral("the result store %1 was written by a newer Cache Workbench (schema %2, this build knows "
                                "%3); it was left untouched")
                     .arg(path)
                     .arg(version)
                     .arg(kSchemaVersion));
            return Prepared::Failed;
        }
        // quick_check reads every page once: catches a truncated or damaged file before we
        // write into it. It is fast (milliseconds for thousands of runs).
        if (objects > 0) {
            if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
                return failQuery(QStringLiteral("damaged database"), q.lastError());
            if (q.value(0).toString() != QLatin1String("ok")) {
                fail(QStringLiteral("damaged database (%1)").arg(q.value(0).toString()));
                return Prepared::Damaged;
            }
        }
        q.finish();
        if (readOnly) {
            if (version < kSchemaVersion) {
                fail(QStringLiteral("the result store %1 is read-only and needs an upgrade to schema %2").arg(path).arg(kSchemaVersion));
                return Prepared::Failed;
            }
            return Prepared::Ok;
        }
        if (!switchToWal())
            return Prepared::Failed;
        // NORMAL in WAL mode: a committed transaction survives a process kill; only a power
        // loss may drop the very last commits, never corrupt the file.
        if (!execSetting(QStringLiteral("PRAGMA synchronous=NORMAL")) || !execSetting(QStringLiteral("PRAGMA foreign_keys=ON")))
            return Prepared::Failed;
        return migrate() ? Prepared::Ok : Prepared::Failed;
    }

    // SQLite does not run the busy handler for a journal-mode change (it needs the file to
    // itself), so processes creating a new store at once would fail at once: WAL persists in the
    // file, so read the mode first and retry the switch within the same busy budget.
    bool switchToWal()
    {
        QElapsedTimer waited;
        waited.start();
        for (int pauseMs = 5;; pauseMs = std::min(pauseMs * 2, 100)) {
            QSqlQuery q(db());
            if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next()
                && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
                return true;
            q.finish();
            if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
                && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
                return true;
            // A refused switch either fails with a lock error or answers with the old mode.
            const QSqlError error = q.lastError();
            const bool locked = error.type() == QSqlError::NoError || isLockError(error);
            if (!locked || waited.elapsed() >= kBusyTimeoutMs) {
                if (error.type() == QSqlError::NoError)
                    lastError = QStringLiteral("the result store %1 is locked by another process (waited %2 s); try "
                                               "again when it has finished")
                                    .arg(path)
                                    .arg(kBusyTimeoutMs / 1000);
                else
                    failQuery(QStringLiteral("store: PRAGMA journal_mode=WAL"), error);
                return false;
            }
            q.finish();
            QThread::msleep(pauseMs);
        }
    }

    bool execSetting(const QString &sql)
    {
        QSqlQuery q(db());
        if (q.exec(sql))
            return true;
        failQuery(QStringLiteral("store: ") + sql, q.lastError());
        return false;
    }

    // Each step runs in an IMMEDIATE transaction that reads the version again, so two
    // processes creating the same new store at once take turns: the second finds the schema
    // the first created instead of failing on it.
    bool migrate()
    {
        const auto &steps = storeschema::migrations();
        while (version < kSchemaVersion) {
            if (!execSetting(QStringLiteral("BEGIN IMMEDIATE")))
                return false;
            QSqlQuery q(db());
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                failQuery(QStringLiteral("cannot read the schema version"), q.lastError());
                execSql(QStringLiteral("ROLLBACK"));
                return false;
            }
            version = q.value(0).toInt();
            q.finish();
            if (version >= kSchemaVersion) {
                execSql(QStringLiteral("ROLLBACK"));
                break;
            }
            for (const QString &sql : steps[size_t(version)]) {
                if (!execSql(sql)) {
                    const QString why = lastError;
                    execSql(QStringLiteral("ROLLBACK"));
                    lastError = QStringLiteral("migration to schema %1 failed: ").arg(version + 1) + why;
                    return false;
                }
            }
            if (!execSql(QStringLiteral("PRAGMA user_version=%1").arg(version + 1))
                || !execSql(QStringLiteral("PRAGMA application_id=%1").arg(storeschema::kApplicationId))
                || !execSql(QStringLiteral("COMMIT"))) {
                const QString why = lastError;
                execSql(QStringLiteral("ROLLBACK"));
                lastError = QStringLiteral("cannot commit the schema migration: ") + why;
                return false;
            }
            ++version;
        }
        return true;
    }

    QString resolvePrefix(const char *table, const char *what, const QString &prefix)
    {
        if (prefix.isEmpty()) {
            fail(QStringLiteral("empty %1 id").arg(QLatin1String(what)));
            return {};
        }
        QSqlQuery q(db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id FROM %1 WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 3").arg(QLatin1String(table)));
        q.addBindValue(prefix.size());
        q.addBindValue(prefix);
        if (!exec(q, QStringLiteral("cannot look up the %1").arg(QLatin1String(what))))
            return {};
        QStringList found;
        while (q.next())
            found << q.value(0).toString();
        if (found.isEmpty()) {
            fail(QStringLiteral("no %1 with id or prefix '%2'").arg(QLatin1String(what), prefix));
            return {};
        }
        if (found.size() > 1 && !found.contains(prefix)) {
            fail(QStringLiteral("ambiguous %1 id prefix '%2': several match (%3...)")
                       .arg(QLatin1String(what), prefix, found.join(QStringLiteral(", "))));
            return {};
        }
        return found.contains(prefix) ? prefix : found.first();
    }
};

ResultStore::ResultStore()
    : d(std::make_unique<Private>())
{
}

ResultStore::~ResultStore()
{
    close();
}

QString ResultStore::resolveStorePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("CWB_DB_PATH");
    if (!env.isEmpty())
        return env;
    const QString setting = QSettings().value(QStringLiteral("store/path")).toString();
    if (!setting.isEmpty())
        return setting;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/results.sqlite");
}

bool ResultStore::open(const QString &path)
{
    close();
    d->recoveryMessage.clear();
    d->lastError.clear();
    d->version = 0;
    d->path = resolveStorePath(path);
    const QFileInfo info(d->path);

    // Only a store of ours (or nothing yet) is opened: anything else is left exactly as it is.
    const StorePathInfo what = inspectStorePath(d->path);
    switch (what.kind) {
    case StorePathKind::Directory:
    case StorePathKind::NotSqlite:
    case StorePathKind::ForeignSqlite:
    case StorePathKind::Unreadable:
        return d->fail(QStringLiteral("%1 is %2, not a Cache Workbench result store; it was left untouched (choose "
                                      "another file with --db or CWB_DB_PATH)")
                           .arg(d->path, what.description));
    case StorePathKind::Missing:
        if (!QDir().mkpath(info.absolutePath()))
            return d->fail(QStringLiteral("cannot create the folder %1 for the result store").arg(info.absolutePath()));
        break;
    case StorePathKind::Empty:
    case StorePathKind::Store:
        break;
    }
    d->readOnly = what.kind == StorePathKind::Store && !storeIsWritable(d->path);

    Private::Prepared prepared = Private::Prepared::Failed;
    if (d->connect(d->path))
        prepared = d->prepare();
    if (prepared == Private::Prepared::Ok)
        return true;
    d->closeConnection();
    // A damaged file is moved aside only when it is our own store; never deleted.
    if (prepared != Private::Prepared::Damaged || what.kind != StorePathKind::Store || d->readOnly)
        return false;
    const QString why = d->lastError;
    const QString aside = d->path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    if (!QFile::rename(d->path, aside))
        return d->fail(QStringLiteral("the result store %1 is damaged (%2) and could not be moved aside").arg(d->path, why));
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString extra = d->path + QLatin1String(suffix);
        if (QFile::exists(extra))
            QFile::rename(extra, aside + QLatin1String(suffix));
    }
    d->recoveryMessage = QStringLiteral("The result store %1 was damaged (%2); it was moved to %3 and a new, empty store was created.")
                             .arg(d->path, why, aside);
    d->version = 0;
    d->lastError.clear();
    if (d->connect(d->path) && d->prepare() == Private::Prepared::Ok)
        return true;
    d->closeConnection();
    return false;
}

bool ResultStore::isOpen() const
{
    return !d->connectionName.isEmpty() && d->db().isOpen();
}

void ResultStore::close()
{
    d->closeConnection();
}

QString ResultStore::path() const
{
    return d->path;
}

QString ResultStore::lastError() const
{
    return d->lastError;
}

QString ResultStore::recoveryMessage() const
{
    return d->recoveryMessage;
}

int ResultStore::schemaVersion() const
{
    return d->version;
}

bool ResultStore::isWritable() const
{
    return isOpen() && !d->readOnly;
}

// ---------------------------------------------------------------- runs

QString ResultStore::saveRun(const RunResult &result, const QString &suiteId)
{
    StoredRun run;
    run.result = result;
    run.meta.suiteId = suiteId;
    return saveRun(run);
}

QString ResultStore::saveRun(const StoredRun &run)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    const RunResult &r = run.result;
    const QString id = r.runId.isEmpty() ? newId() : r.runId;

    // The detail document: everything but the series and the histograms, which get their own
    // tables (compact and queryable).
    RunResult light;
    light.runId = id;
    light.config = r.config;
    light.target = r.target;
    light.startedAt = r.startedAt;
    light.finishedAt = r.finishedAt;
    light.status = r.status;
    light.failureReason = r.failureReason;
    light.failureKind = r.failureKind;
    light.measuredSec = r.measuredSec;
    light.server = r.server;
    light.client = r.client;
    light.keysCleanedUp = r.keysCleanedUp;
    light.keyNamespace = r.keyNamespace;
    light.keysLeft = r.keysLeft;
    light.cleanupNote = r.cleanupNote;
    light.tls = r.tls;
    light.tlsInsecure = r.tlsInsecure;
    light.warnings = r.warnings;
    light.cluster = r.cluster;
    // A distributed run's per-agent breakdown (a line per agent): the summary and reports show it.
    light.agents = r.agents;
    // Per-node counters stay in the detail document, histograms included: a handful of nodes
    // is small, and the run summary shows each node's percentiles.
    light.totals.nodes = r.totals.nodes;
    light.totals.movedRedirects = r.totals.movedRedirects;
    light.totals.askRedirects = r.totals.askRedirects;
    light.totals.connectErrors = r.totals.connectErrors;
    light.totals.reconnects = r.totals.reconnects;
    light.totals.bytesSent = r.totals.bytesSent;
    light.totals.bytesReceived = r.totals.bytesReceived;
    for (int i = 0; i < kOpTypeCount; ++i) {
        OpCounters &c = light.totals.ops[size_t(i)];
        const OpCounters &src = r.totals.ops[size_t(i)];
        c.count = src.count;
        c.errors = src.errors;
        c.errorsByKind = src.errorsByKind;
        c.hits = src.hits;
        c.misses = src.misses;
    }
    json detail = runResultToJson(light);
    detail.erase("series");
    for (auto &[name, op] : detail["operations"].items()) {
        (void)name;
        op.erase("histogram");
        op.erase("latencyUs");
    }
    detail["summary"].erase("latencyUs");
    for (auto &[address, node] : detail["nodes"].items()) {
        (void)address;
        node.erase("latencyUs");
    }
    const json config = detail["config"];
    detail.erase("config");

    const RunMetrics m = runMetrics(run);
    QSqlDatabase db = d->db();
    if (!db.transaction()) {
        d->fail(QStringLiteral("cannot start saving the run"), db.lastError());
        return {};
    }
    auto rollback = [&] {
        db.rollback();
        return QString();
    };

    if (!run.meta.suiteId.isEmpty()) {
        // A suite id given without createSuite(): make the grouping exist (keeps saveRun usable
        // on its own, e.g. by importers and tests).
        QSqlQuery s(db);
        s.prepare(QStringLiteral("INSERT OR IGNORE INTO suites (id, name, started_ms) VALUES (?, ?, ?)"));
        s.addBindValue(run.meta.suiteId);
        s.addBindValue(run.meta.suiteId);
        s.addBindValue(r.startedAt.isValid() ? r.startedAt.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
        if (!d->exec(s, QStringLiteral("cannot save the suite")))
            return rollback();
    }

    {
        // Replacing a run: its old rows go first (cascade), then everything is written anew.
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
        del.addBindValue(id);
        if (!d->exec(del, QStringLiteral("cannot replace the run")))
            return rollback();
    }

    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO runs (id, test_name, preset, source, source_file, target, status, started_ms, finished_ms,"
        " suite_id, throughput, p50_us, p95_us, p99_us,"
        " max_us, error_rate, hit_rate, ops, measured_sec, series_count, histogram_count)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    int histogramCount = 0;
    for (const OpCounters &c : r.totals.ops)
        histogramCount += c.latency.isEmpty() ? 0 : 1;
    q.addBindValue(id);
    q.addBindValue(txt(r.config.testName));
    q.addBindValue(txt(run.meta.preset));
    q.addBindValue(txt(run.meta.source));
    q.addBindValue(txt(run.meta.sourceFile));
    q.addBindValue(txt(r.target));
    q.addBindValue(runStatusName(r.status));
    q.addBindValue(msOf(r.startedAt));
    q.addBindValue(msOf(r.finishedAt));
    q.addBindValue(run.meta.suiteId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(run.meta.suiteId));
    q.addBindValue(nullableDouble(m.throughput));
    q.addBindValue(nullableDouble(m.p50Us));
    q.addBindValue(nullableDouble(m.p95Us));
    q.addBindValue(nullableDouble(m.p99Us));
    q.addBindValue(nullableDouble(m.maxUs));
    q.addBindValue(nullableDouble(m.errorRate));
    q.addBindValue(nullableDouble(m.hitRate));
    q.addBindValue(m.ops ? QVariant(*m.ops) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(r.measuredSec);
    q.addBindValue(qint64(r.series.size()));
    q.addBindValue(histogramCount);
    if (!d->exec(q, QStringLiteral("cannot save the run")))
        return rollback();

    {
        QSqlQuery details(db);
        details.prepare(QStringLiteral("INSERT INTO run_details (run_id, config_json, detail_json, source_metrics, not_measured)"
                                       " VALUES (?, ?, ?, ?, ?)"));
        json notMeasured = json::array();
        for (const QString &k : run.meta.notMeasured)
            notMeasured.push_back(k.toStdString());
        details.addBindValue(id);
        details.addBindValue(jsonText(config));
        details.addBindValue(jsonText(detail));
        details.addBindValue(jsonText(run.meta.sourceMetrics.is_object() ? run.meta.sourceMetrics : json::object()));
        details.addBindValue(jsonText(notMeasured));
        if (!d->exec(details, QStringLiteral("cannot save the run's details")))
            return rollback();
    }

    if (!r.series.empty()) {
        QSqlQuery s(db);
        s.prepare(QStringLiteral("INSERT INTO run_series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?)"));
        qint64 seq = 0;
        for (const SecondSample &x : r.series) {
            s.bindValue(0, id);
            s.bindValue(1, seq++);
            s.bindValue(2, x.t);
            s.bindValue(3, x.durationSec);
            s.bindValue(4, qint64(x.ops));
            s.bindValue(5, qint64(x.errors));
            s.bindValue(6, qint64(x.connectErrors));
            for (int i = 0; i < kOpTypeCount; ++i)
                s.bindValue(7 + i, qint64(x.opsByType[size_t(i)]));
            s.bindValue(11, qint64(x.hits));
            s.bindValue(12, qint64(x.misses));
            s.bindValue(13, x.p50Us);
            s.bindValue(14, x.p95Us);
            s.bindValue(15, x.p99Us);
            s.bindValue(16, x.maxUs);
            s.bindValue(17, x.clientCpuPercent);
            s.bindValue(18, x.clientRssBytes);
            s.bindValue(19, x.serverUsedMemory);
            s.bindValue(20, x.serverCpuPercent);
            s.bindValue(21, x.connectedUsers);
            if (!d->exec(s, QStringLiteral("cannot save the run's series")))
                return rollback();
        }
    }

    QSqlQuery h(db);
    h.prepare(QStringLiteral("INSERT INTO run_histograms (run_id, op, data) VALUES (?, ?, ?)"));
    for (int i = 0; i < kOpTypeCount; ++i) {
        const LatencyHistogram &hist = r.totals.ops[size_t(i)].latency;
        if (hist.isEmpty())
            continue;
        h.bindValue(0, id);
        h.bindValue(1, opTypeName(OpType(i)));
        h.bindValue(2, hist.toBytes());
        if (!d->exec(h, QStringLiteral("cannot save the run's histograms")))
            return rollback();
    }

    if (!db.commit()) {
        d->fail(QStringLiteral("cannot commit the run"), db.lastError());
        return rollback();
    }
    return id;
}

std::optional<StoredRun> ResultStore::loadRun(const QString &runId)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return std::nullopt;
    }
    QSqlDatabase db = d->db();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT d.config_json, d.detail_json, r.preset, r.source, r.source_file, r.suite_id,"
                             " d.source_metrics, d.not_measured, r.test_name, r.target,"
                             " EXISTS (SELECT 1 FROM baselines b WHERE b.run_id = r.id)"
                             " FROM runs r JOIN run_details d ON d.run_id = r.id WHERE r.id = ?"));
    q.addBindValue(runId);
    if (!d->exec(q, QStringLiteral("cannot load the run")))
        return std::nullopt;
    if (!q.next()) {
        d->fail(QStringLiteral("no run with id %1").arg(runId));
        return std::nullopt;
    }
    json detail = parseJsonOr(q.value(1), json());
    if (!detail.is_object()) {
        d->fail(QStringLiteral("run %1: damaged detail document").arg(runId));
        return std::nullopt;
    }
    detail["config"] = parseJsonOr(q.value(0), json::object());
    QString error;
    auto parsed = runResultFromJson(detail, &error);
    if (!parsed) {
        d->fail(QStringLiteral("run %1: %2").arg(runId, error));
        return std::nullopt;
    }
    StoredRun run;
    run.result = std::move(*parsed);
    run.result.runId = runId;
    run.result.target = q.value(9).toString();
    run.meta.preset = q.value(2).toString();
    run.meta.source = q.value(3).toString();
    run.meta.sourceFile = q.value(4).toString();
    run.meta.suiteId = q.value(5).toString();
    run.meta.sourceMetrics = parseJsonOr(q.value(6), json::object());
    for (const json &k : parseJsonOr(q.value(7), json::array())) {
        if (k.is_string())
            run.meta.notMeasured << QString::fromStdString(k.get<std::string>());
    }
    run.isBaseline = q.value(10).toBool();
    q.finish();

    QSqlQuery s(db);
    s.setForwardOnly(true);
    s.prepare(QStringLiteral("SELECT t, duration, ops, errors, connect_errors, ops_read, ops_write, ops_delete,"
                             " ops_invalidate, hits, misses, p50_us, p95_us, p99_us, max_us, client_cpu_percent,"
                             " client_rss_bytes, server_used_memory, server_cpu_percent, connected_users"
                             " FROM run_series WHERE run_id = ? ORDER BY seq"));
    s.addBindValue(runId);
    if (!d->exec(s, QStringLiteral("cannot load the run's series")))
        return std::nullopt;
    while (s.next()) {
        SecondSample x;
        x.t = s.value(0).toDouble();
        x.durationSec = s.value(1).toDouble();
        x.ops = s.value(2).toULongLong();
        x.errors = s.value(3).toULongLong();
        x.connectErrors = s.value(4).toULongLong();
        for (int i = 0; i < kOpTypeCount; ++i)
            x.opsByType[size_t(i)] = s.value(5 + i).toULongLong();
        x.hits = s.value(9).toULongLong();
        x.misses = s.value(10).toULongLong();
        x.p50Us = s.value(11).toDouble();
        x.p95Us = s.value(12).toDouble();
        x.p99Us = s.value(13).toDouble();
        x.maxUs = s.value(14).toDouble();
        x.clientCpuPercent = s.value(15).toDouble();
        x.clientRssBytes = s.value(16).toLongLong();
        x.serverUsedMemory = s.value(17).toLongLong();
        x.serverCpuPercent = s.value(18).toDouble();
        x.connectedUsers = s.value(19).toInt();
        run.result.series.push_back(x);
    }

    QSqlQuery h(db);
    h.setForwardOnly(true);
    h.prepare(QStringLiteral("SELECT op, data FROM run_histograms WHERE run_id = ?"));
    h.addBindValue(runId);
    if (!d->exec(h, QStringLiteral("cannot load the run's histograms")))
        return std::nullopt;
    while (h.next()) {
        const QString op = h.value(0).toString();
        for (int i = 0; i < kOpTypeCount; ++i) {
            if (opTypeName(OpType(i)) != op)
                continue;
            auto hist = LatencyHistogram::fromBytes(h.value(1).toByteArray());
            if (!hist) {
                d->fail(QStringLiteral("run %1: damaged %2 histogram").arg(runId, op));
                return std::nullopt;
            }
            run.result.totals.ops[size_t(i)].latency = std::move(*hist);
        }
    }
    return run;
}

namespace {

struct Where
{
    QStringList clauses;
    QVariantList values;
};

Where runWhere(const RunFilter &f)
{
    Where w;
    if (!f.text.isEmpty()) {
        w.clauses << QStringLiteral("(r.test_name LIKE ? ESCAPE '\\' OR r.id LIKE ? ESCAPE '\\'"
                                    " OR r.target LIKE ? ESCAPE '\\' OR r.preset LIKE ? ESCAPE '\\')");
        const QString p = likePattern(f.text);
        w.values << p << p << p << p;
    }
    const auto exact = [&w](const char *column, const QString &value) {
        if (!value.isEmpty()) {
            w.clauses << QStringLiteral("r.%1 = ?").arg(QLatin1String(column));
            w.values << value;
        }
    };
    exact("test_name", f.testName);
    exact("preset", f.preset);
    exact("target", f.target);
    exact("source", f.source);
    exact("suite_id", f.suiteId);
    if (f.baselinesOnly)
        w.clauses << QStringLiteral("b.run_id IS NOT NULL");
    return w;
}

} // namespace

std::vector<RunRow> ResultStore::listRuns(const RunFilter &filter)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<RunRow> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    const Where w = runWhere(filter);
    QString sql = QStringLiteral(
        "SELECT r.id, r.test_name, r.preset, r.target, r.source, r.status, r.suite_id, r.started_ms, r.finished_ms,"
        " r.throughput, r.p50_us, r.p95_us, r.p99_us, r.max_us, r.error_rate, r.hit_rate, r.ops, r.measured_sec,"
        " b.run_id IS NOT NULL"
        " FROM runs r LEFT JOIN baselines b ON b.run_id = r.id");
    if (!w.clauses.isEmpty())
        sql += QStringLiteral(" WHERE ") + w.clauses.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY r.started_ms DESC, r.id");
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(filter.limit).arg(std::max(0, filter.offset));
    else if (filter.offset > 0)
        sql += QStringLiteral(" LIMIT -1 OFFSET %1").arg(filter.offset);
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!d->exec(q, QStringLiteral("cannot list runs")))
        return rows;
    while (q.next()) {
        RunRow row;
        row.runId = q.value(0).toString();
        row.testName = q.value(1).toString();
        row.preset = q.value(2).toString();
        row.target = q.value(3).toString();
        row.source = q.value(4).toString();
        row.status = q.value(5).toString();
        row.suiteId = q.value(6).toString();
        row.startedAt = timeOf(q.value(7));
        row.finishedAt = timeOf(q.value(8));
        row.throughput = orMinusOne(q.value(9));
        row.p50Us = orMinusOne(q.value(10));
        row.p95Us = orMinusOne(q.value(11));
        row.p99Us = orMinusOne(q.value(12));
        row.maxUs = orMinusOne(q.value(13));
        row.errorRate = orMinusOne(q.value(14));
        row.hitRate = orMinusOne(q.value(15));
        row.ops = q.value(16).isNull() ? -1 : q.value(16).toLongLong();
        row.measuredSec = orMinusOne(q.value(17));
        row.isBaseline = q.value(18).toBool();
        rows.push_back(std::move(row));
    }
    return rows;
}

int ResultStore::countRuns(const RunFilter &filter)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return -1;
    }
    const Where w = runWhere(filter);
    QString sql = QStringLiteral("SELECT count(*) FROM runs r LEFT JOIN baselines b ON b.run_id = r.id");
    if (!w.clauses.isEmpty())
        sql += QStringLiteral(" WHERE ") + w.clauses.join(QStringLiteral(" AND "));
    QSqlQuery q(d->db());
    q.prepare(sql);
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!d->exec(q, QStringLiteral("cannot count runs")) || !q.next())
        return -1;
    return q.value(0).toInt();
}


QString ResultStore::resolveRunId(const QString &idOrPrefix)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    return d->resolvePrefix("runs", "run", idOrPrefix);
}

bool ResultStore::deleteRun(const QString &runId)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    if (!d->exec(q, QStringLiteral("cannot delete the run")))
        return false;
    if (q.numRowsAffected() < 1)
        return d->fail(QStringLiteral("no run with id %1").arg(runId));
    return true;
}

// ---------------------------------------------------------------- suites

QString ResultStore::createSuite(const QString &name, const QDateTime &startedAt)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    const QString id = newId();
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT INTO suites (id, name, started_ms) VALUES (?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(txt(name));
    q.addBindValue(startedAt.isValid() ? startedAt.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch());
    if (!d->exec(q, QStringLiteral("cannot create the suite")))
        return {};
    return id;
}

std::vector<SuiteRow> ResultStore::listSuites(int limit)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<SuiteRow> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT s.id, s.name, s.started_ms, (SELECT count(*) FROM runs r WHERE r.suite_id = s.id)"
                                 " FROM suites s ORDER BY s.started_ms DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    if (!q.exec(sql)) {
        d->fail(QStringLiteral("cannot list suites"), q.lastError());
        return rows;
    }
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), timeOf(q.value(2)), q.value(3).toInt()});
    return rows;
}

std::optional<SuiteRow> ResultStore::suite(const QString &suiteId)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return std::nullopt;
    }
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT s.id, s.name, s.started_ms, (SELECT count(*) FROM runs r WHERE r.suite_id = s.id)"
                             " FROM suites s WHERE s.id = ?"));
    q.addBindValue(suiteId);
    if (!d->exec(q, QStringLiteral("cannot load the suite")))
        return std::nullopt;
    if (!q.next()) {
        d->fail(QStringLiteral("no suite with id %1").arg(suiteId));
        return std::nullopt;
    }
    return SuiteRow{q.value(0).toString(), q.value(1).toString(), timeOf(q.value(2)), q.value(3).toInt()};
}

QString ResultStore::resolveSuiteId(const QString &idOrPrefix)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    return d->resolvePrefix("suites", "suite", idOrPrefix);
}

// ---------------------------------------------------------------- baselines

bool ResultStore::setBaseline(const QString &runId)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO baselines (test_name, target, run_id, set_ms)"
                             " SELECT test_name, target, id, ? FROM runs WHERE id = ?"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(runId);
    if (!d->exec(q, QStringLiteral("cannot set the baseline")))
        return false;
    if (q.numRowsAffected() < 1)
        return d->fail(QStringLiteral("no run with id %1").arg(runId));
    return true;
}

bool ResultStore::clearBaseline(const QString &runId)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT test_name, target FROM runs WHERE id = ?"));
    q.addBindValue(runId);
    if (!d->exec(q, QStringLiteral("cannot clear the baseline")))
        return false;
    if (!q.next())
        return d->fail(QStringLiteral("no run with id %1").arg(runId));
    const QString testName = q.value(0).toString();
    const QString target = q.value(1).toString();
    q.finish();
    return clearBaseline(testName, target);
}

bool ResultStore::clearBaseline(const QString &testName, const QString &target)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM baselines WHERE test_name = ? AND target = ?"));
    q.addBindValue(testName);
    q.addBindValue(target);
    return d->exec(q, QStringLiteral("cannot clear the baseline"));
}

QString ResultStore::baselineFor(const QString &testName, const QString &target)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("SELECT run_id FROM baselines WHERE test_name = ? AND target = ?"));
    q.addBindValue(testName);
    q.addBindValue(target);
    if (!d->exec(q, QStringLiteral("cannot look up the baseline")) || !q.next())
        return {};
    return q.value(0).toString();
}

std::vector<BaselineRow> ResultStore::listBaselines()
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<BaselineRow> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QSqlQuery q(d->db());
    if (!q.exec(QStringLiteral("SELECT test_name, target, run_id, set_ms FROM baselines ORDER BY test_name, target"))) {
        d->fail(QStringLiteral("cannot list baselines"), q.lastError());
        return rows;
    }
    while (q.next())
        rows.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), timeOf(q.value(3))});
    return rows;
}

// ---------------------------------------------------------------- benchmark results

namespace {

std::optional<double> jsonNumber(const json &j, const char *key)
{
    if (!j.is_object())
        return std::nullopt;
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? std::optional<double>(it->get<double>()) : std::nullopt;
}

QString jsonString(const json &j, const char *key)
{
    if (!j.is_object())
        return {};
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

QString ResultStore::saveBenchmarkResult(const json &doc)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return {};
    }
    const QString benchmark = jsonString(doc, "benchmark");
    if (benchmark.isEmpty()) {
        d->fail(QStringLiteral("benchmark result: \"benchmark\" must be a non-empty string"));
        return {};
    }
    QString id = jsonString(doc, "id");
    if (id.isEmpty())
        id = newId();
    QDateTime started = QDateTime::fromString(jsonString(doc, "startedAt"), Qt::ISODateWithMs);
    if (!started.isValid())
        started = QDateTime::currentDateTimeUtc();
    const json metrics = doc.value("keyMetrics", json::object());
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO benchmark_results (id, benchmark, target, started_ms, throughput,"
                             " p50_us, p99_us, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(benchmark);
    q.addBindValue(txt(jsonString(doc, "target")));
    q.addBindValue(started.toMSecsSinceEpoch());
    q.addBindValue(nullableDouble(jsonNumber(metrics, "throughput")));
    q.addBindValue(nullableDouble(jsonNumber(metrics, "p50Us")));
    q.addBindValue(nullableDouble(jsonNumber(metrics, "p99Us")));
    q.addBindValue(jsonText(doc));
    if (!d->exec(q, QStringLiteral("cannot save the benchmark result")))
        return {};
    return id;
}

namespace {

BenchmarkRecord benchmarkFrom(const QSqlQuery &q)
{
    BenchmarkRecord r;
    r.id = q.value(0).toString();
    r.benchmark = q.value(1).toString();
    r.target = q.value(2).toString();
    r.startedAt = timeOf(q.value(3));
    r.throughput = orMinusOne(q.value(4));
    r.p50Us = orMinusOne(q.value(5));
    r.p99Us = orMinusOne(q.value(6));
    r.doc = parseJsonOr(q.value(7), json::object());
    return r;
}

const char kBenchmarkColumns[] = "SELECT id, benchmark, target, started_ms, throughput, p50_us, p99_us, doc FROM benchmark_results";

} // namespace

std::vector<BenchmarkRecord> ResultStore::listBenchmarkResults(const QString &benchmark, const QString &target, int limit)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<BenchmarkRecord> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QStringList where;
    QVariantList values;
    if (!benchmark.isEmpty()) {
        where << QStringLiteral("benchmark = ?");
        values << benchmark;
    }
    if (!target.isEmpty()) {
        where << QStringLiteral("target = ?");
        values << target;
    }
    QString sql = QLatin1String(kBenchmarkColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY started_ms DESC, id");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!d->exec(q, QStringLiteral("cannot list benchmark results")))
        return rows;
    while (q.next())
        rows.push_back(benchmarkFrom(q));
    return rows;
}

std::optional<BenchmarkRecord> ResultStore::loadBenchmarkResult(const QString &id)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return std::nullopt;
    }
    QSqlQuery q(d->db());
    q.prepare(QLatin1String(kBenchmarkColumns) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!d->exec(q, QStringLiteral("cannot load the benchmark result")))
        return std::nullopt;
    if (!q.next()) {
        d->fail(QStringLiteral("no benchmark result with id %1").arg(id));
        return std::nullopt;
    }
    return benchmarkFrom(q);
}

bool ResultStore::deleteBenchmarkResult(const QString &id)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM benchmark_results WHERE id = ?"));
    q.addBindValue(id);
    if (!d->exec(q, QStringLiteral("cannot delete the benchmark result")))
        return false;
    if (q.numRowsAffected() < 1)
        return d->fail(QStringLiteral("no benchmark result with id %1").arg(id));
    return true;
}

// ---------------------------------------------------------------- alerts

bool ResultStore::appendAlertTransition(const AlertTransition &t)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    if (t.alertId.isEmpty() || t.toState.isEmpty())
        return d->fail(QStringLiteral("alert transition: alertId and toState must not be empty"));
    const QDateTime at = t.at.isValid() ? t.at : QDateTime::currentDateTimeUtc();
    const QString labels = jsonText(t.labels.is_null() ? json::object() : t.labels);
    QSqlDatabase db = d->db();
    if (!db.transaction())
        return d->fail(QStringLiteral("cannot record the alert"), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO alerts (id, rule_id, labels, severity, state, first_ms, updated_ms, changed_by, message)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT(id) DO UPDATE SET rule_id = excluded.rule_id, labels = excluded.labels,"
                             " severity = excluded.severity, state = excluded.state, updated_ms = excluded.updated_ms,"
                             " changed_by = excluded.changed_by, message = excluded.message"));
    q.addBindValue(t.alertId);
    q.addBindValue(txt(t.ruleId));
    q.addBindValue(labels);
    q.addBindValue(txt(t.severity));
    q.addBindValue(txt(t.toState));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(txt(t.changedBy));
    q.addBindValue(txt(t.message));
    if (!d->exec(q, QStringLiteral("cannot record the alert"))) {
        db.rollback();
        return false;
    }
    QSqlQuery h(db);
    h.prepare(QStringLiteral("INSERT INTO alert_history (alert_id, rule_id, labels, severity, from_state, to_state, at_ms,"
                             " changed_by, message, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    h.addBindValue(t.alertId);
    h.addBindValue(txt(t.ruleId));
    h.addBindValue(labels);
    h.addBindValue(txt(t.severity));
    h.addBindValue(txt(t.fromState));
    h.addBindValue(txt(t.toState));
    h.addBindValue(at.toMSecsSinceEpoch());
    h.addBindValue(txt(t.changedBy));
    h.addBindValue(txt(t.message));
    h.addBindValue(jsonText(t.value));
    if (!d->exec(h, QStringLiteral("cannot record the alert history"))) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        db.rollback();
        return d->fail(QStringLiteral("cannot commit the alert"), db.lastError());
    }
    return true;
}

std::vector<AlertRecord> ResultStore::loadAlerts(bool activeOnly)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<AlertRecord> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, rule_id, labels, severity, state, first_ms, updated_ms, changed_by, message FROM alerts");
    if (activeOnly)
        sql += QStringLiteral(" WHERE state <> 'resolved'");
    sql += QStringLiteral(" ORDER BY updated_ms DESC, id");
    if (!q.exec(sql)) {
        d->fail(QStringLiteral("cannot load alerts"), q.lastError());
        return rows;
    }
    while (q.next()) {
        AlertRecord a;
        a.alertId = q.value(0).toString();
        a.ruleId = q.value(1).toString();
        a.labels = parseJsonOr(q.value(2), json::object());
        a.severity = q.value(3).toString();
        a.state = q.value(4).toString();
        a.firstSeen = timeOf(q.value(5));
        a.updatedAt = timeOf(q.value(6));
        a.lastChangedBy = q.value(7).toString();
        a.lastMessage = q.value(8).toString();
        rows.push_back(std::move(a));
    }
    return rows;
}

std::vector<AlertHistoryRow> ResultStore::loadAlertHistory(const QString &alertId, int limit)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<AlertHistoryRow> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QString sql = QStringLiteral("SELECT id, alert_id, rule_id, labels, severity, from_state, to_state, at_ms, changed_by,"
                                 " message, value FROM alert_history");
    if (!alertId.isEmpty())
        sql += QStringLiteral(" WHERE alert_id = ?");
    sql += QStringLiteral(" ORDER BY at_ms DESC, id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!alertId.isEmpty())
        q.addBindValue(alertId);
    if (!d->exec(q, QStringLiteral("cannot load the alert history")))
        return rows;
    while (q.next()) {
        AlertHistoryRow r;
        r.id = q.value(0).toLongLong();
        r.transition.alertId = q.value(1).toString();
        r.transition.ruleId = q.value(2).toString();
        r.transition.labels = parseJsonOr(q.value(3), json::object());
        r.transition.severity = q.value(4).toString();
        r.transition.fromState = q.value(5).toString();
        r.transition.toState = q.value(6).toString();
        r.transition.at = timeOf(q.value(7));
        r.transition.changedBy = q.value(8).toString();
        r.transition.message = q.value(9).toString();
        r.transition.value = parseJsonOr(q.value(10), json());
        rows.push_back(std::move(r));
    }
    return rows;
}

// ---------------------------------------------------------------- monitoring samples

bool ResultStore::appendMonitoringSamples(const std::vector<MonitoringSample> &samples)
{
    if (!isOpen())
        return d->fail(QStringLiteral("the result store is not open"));
    if (samples.empty())
        return true;
    QSqlDatabase db = d->db();
    if (!db.transaction())
        return d->fail(QStringLiteral("cannot save monitoring samples"), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO monitoring_samples (at_ms, target, metrics) VALUES (?, ?, ?)"));
    for (const MonitoringSample &s : samples) {
        q.bindValue(0, (s.at.isValid() ? s.at : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
        q.bindValue(1, txt(s.target));
        q.bindValue(2, jsonText(s.metrics));
        if (!d->exec(q, QStringLiteral("cannot save monitoring samples"))) {
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        db.rollback();
        return d->fail(QStringLiteral("cannot commit monitoring samples"), db.lastError());
    }
    return true;
}

std::vector<MonitoringSample> ResultStore::loadMonitoringSamples(const QString &target, const QDateTime &from,
                                                                 const QDateTime &to, int limit)
{
    d->lastError.clear(); // an empty result is not an error
    std::vector<MonitoringSample> rows;
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return rows;
    }
    QStringList where;
    QVariantList values;
    if (!target.isEmpty()) {
        where << QStringLiteral("target = ?");
        values << target;
    }
    if (from.isValid()) {
        where << QStringLiteral("at_ms >= ?");
        values << from.toMSecsSinceEpoch();
    }
    if (to.isValid()) {
        where << QStringLiteral("at_ms <= ?");
        values << to.toMSecsSinceEpoch();
    }
    QString sql = QStringLiteral("SELECT at_ms, target, metrics FROM monitoring_samples");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY at_ms, id");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    QSqlQuery q(d->db());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!d->exec(q, QStringLiteral("cannot load monitoring samples")))
        return rows;
    while (q.next())
        rows.push_back({timeOf(q.value(0)), q.value(1).toString(), parseJsonOr(q.value(2), json::object())});
    return rows;
}

int ResultStore::purgeMonitoringSamplesOlderThan(const QDateTime &cutoff)
{
    if (!isOpen()) {
        d->fail(QStringLiteral("the result store is not open"));
        return -1;
    }
    if (!cutoff.isValid()) {
        d->fail(QStringLiteral("purge: invalid cutoff time"));
        return -1;
    }
    QSqlQuery q(d->db());
    q.prepare(QStringLiteral("DELETE FROM monitoring_samples WHERE at_ms < ?"));
    q.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!d->exec(q, QStringLiteral("cannot purge monitoring samples")))
        return -1;
    return q.numRowsAffected();
}

} // namespace cwb
