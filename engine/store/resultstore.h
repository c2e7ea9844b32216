#pragma once

// The result store: every run, suite, baseline, benchmark result, alert and monitoring sample
// the workbench keeps, in one SQLite file (Qt SQL, QSQLITE driver).
//
// Where the file lives (resolveStorePath): an explicit path argument > env CWB_DB_PATH >
// QSettings key "store/path" > QStandardPaths::AppDataLocation + "/results.sqlite".
//
// THREADING RULE: a ResultStore owns one uniquely named QSqlDatabase connection, and Qt SQL
// connections may only be used on the thread that created them. So a ResultStore is created,
// opened, used and destroyed on ONE thread and is never shared. Another thread opens its own
// ResultStore on the same file (WAL mode lets readers and one writer work concurrently; a
// writer waits up to 5 s for another writer's lock). The GUI never touches a ResultStore on
// its thread: it uses AsyncResultStore (asyncresultstore.h), which owns a ResultStore on a
// worker QThread.
//
// All methods report failure by their return value and set lastError() to a one-line message.

#include "load/runresult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace cwb {

// Where runs come from. Imported runs keep the figures of the tool that measured them.
inline constexpr const char *kSourceWorkbench = "workbench";
inline constexpr const char *kSourceMemtier = "memtier";
inline constexpr const char *kSourceRedisBenchmark = "redis-benchmark";

// What the store knows about a run besides the RunResult itself.
struct RunMeta
{
    QString source = QString::fromLatin1(kSourceWorkbench); // "workbench", "memtier", "redis-benchmark"
    QString preset;     // preset name when started from one; empty otherwise (informational)
    QString suiteId;    // suite grouping, empty when not part of a suite
    QString sourceFile; // imported runs: the file name it came from
    // Imported runs: the figures exactly as the source reported them, keyed like RunMetrics
    // (see runmetrics.h): {"throughput": .., "p50Us": .., "p95Us": .., "p99Us": .., "p999Us": ..,
    // "maxUs": .., "errorRate": .., "hitRate": .., "serverMemoryBytes": .., "clientCpuUsPerOp": ..,
    // "ops": <count>, "byOp": {"read": {"throughput":..,"p50Us":..,..,"count":..}, ...},
    // plus source-specific extras (e.g. "tests" of redis-benchmark)).
    // A key that is absent was not measured by the source. Empty object for workbench runs
    // (their figures come from the histograms).
    nlohmann::json sourceMetrics = nlohmann::json::object();
    // Metric keys the source did not measure ("hitRate", "serverMemory", "clientCpuPerOp",
    // "p95Us", "series", "histograms", ...). Shown to the user; comparisons skip them.
    QStringList notMeasured;
};

// A run as stored: the RunResult (with series and per-op histograms) plus its metadata.
struct StoredRun
{
    RunResult result;
    RunMeta meta;
    bool isBaseline = false; // the baseline for its testName + target (filled by loadRun)
};

// One row of listRuns(): the summary columns only, for fast tables. Figures are -1 when the
// run did not measure them (e.g. hit rate without reads, p95 from redis-benchmark < 7).
struct RunRow
{
    QString runId;
    QString testName;
    QString preset;
    QString target;     // display URI, never a password
    QString source;     // "workbench", "memtier", "redis-benchmark"
    QString status;     // runStatusName(): "completed", "stopped", "failed"
    QString suiteId;    // empty when not part of a suite
    QDateTime startedAt;
    QDateTime finishedAt;
    double throughput = -1; // successful ops/s
    double p50Us = -1;
    double p95Us = -1;
    double p99Us = -1;
    double maxUs = -1;
    double errorRate = -1; // 0..1
    double hitRate = -1;   // 0..1
    qint64 ops = -1;
    double measuredSec = -1;
    bool isBaseline = false;
};

struct RunFilter
{
    QString text;    // substring (case-insensitive) of test name, run id, target or preset
    QString testName; // exact, when not empty
    QString preset;  // exact, when not empty
    QString target;  // exact, when not empty
    QString source;  // exact, when not empty
    QString suiteId; // exact, when not empty
    bool baselinesOnly = false;
    int limit = 100; // <= 0: no limit
    int offset = 0;
};
// Newest first (startedAt descending).

struct SuiteRow
{
    QString suiteId;
    QString name;
    QDateTime startedAt;
    int runCount = 0;
};

struct BaselineRow
{
    QString testName;
    QString target;
    QString runId;
    QDateTime setAt;
};

// A benchmark result (benchmarks helper): a free-form JSON document plus indexed columns.
struct BenchmarkRecord
{
    QString id;
    QString benchmark; // doc["benchmark"]
    QString target;    // doc["target"]
    QDateTime startedAt; // doc["startedAt"] (ISO 8601), or the time it was saved
    // doc["keyMetrics"]["throughput" | "p50Us" | "p99Us"]; -1 when absent.
    double throughput = -1;
    double p50Us = -1;
    double p99Us = -1;
    nlohmann::json doc;
};

// One change of an alert's state (monitoring helper). appendAlertTransition() creates the
// alert on its first transition and updates its current state on every later one.
struct AlertTransition
{
    QString alertId;    // stable id of the alert instance (e.g. rule id + label hash)
    QString ruleId;
    nlohmann::json labels = nlohmann::json::object();
    QString severity;   // "info", "warning", "critical", ... (free text)
    QString fromState;  // empty for the first transition
    QString toState;    // "pending", "firing", "resolved", "acknowledged", ... (free text)
    QDateTime at;       // when the change happened
    QString changedBy;  // "rule-engine", a user name, ...
    QString message;    // what changed / why, one line
    nlohmann::json value; // optional: the measured value(s) at the transition
};

struct AlertRecord
{
    QString alertId;
    QString ruleId;
    nlohmann::json labels = nlohmann::json::object();
    QString severity;
    QString state;        // current state (toState of the latest transition)
    QDateTime firstSeen;  // first transition
    QDateTime updatedAt;  // latest transition
    QString lastChangedBy;
    QString lastMessage;
};

struct AlertHistoryRow
{
    qint64 id = 0;
    AlertTransition transition;
};

// One monitoring poll of one target: metrics as a JSON object of name -> number (or any JSON).
struct MonitoringSample
{
    QDateTime at;
    QString target; // display URI, never a password
    nlohmann::json metrics = nlohmann::json::object();
};

class ResultStore
{
public:
    static constexpr int kSchemaVersion = 1;

    ResultStore();
    ~ResultStore();
    ResultStore(const ResultStore &) = delete;
    ResultStore &operator=(const ResultStore &) = delete;

    // The path used when open() gets none: env CWB_DB_PATH > QSettings "store/path" >
    // AppDataLocation/results.sqlite. An explicit non-empty path always wins.
    static QString resolveStorePath(const QString &explicitPath = {});

    // Opens (creating folders and the file when missing), sets WAL + foreign keys, creates or
    // migrates the schema. Only a store of ours is ever touched: a path that holds anything
    // else (a directory, a text file, another application's SQLite database) or a store of a
    // newer schema is refused with a sentence in lastError() and left exactly as it was. A
    // store locked by another process is waited for (5 s) and then reported as locked. Two
    // processes creating the same new store at once take turns. Only a store of ours whose
    // pages are damaged is moved aside to "<path>.corrupt-<yyyyMMdd-HHmmss>" (never deleted);
    // a fresh store replaces it, recoveryMessage() says so, and open() returns true.
    // A store this process may not write is opened read-only (see isWritable()).
    bool open(const QString &path = {});
    bool isOpen() const;
    void close();
    QString path() const;
    QString lastError() const;
    // Non-empty after open() moved a bad file aside: one line naming both paths, for the user.
    QString recoveryMessage() const;
    int schemaVersion() const; // PRAGMA user_version of the open file
    // False when the file (or its folder, for -wal/-shm) is read-only: a command that will save
    // asks before it starts any work.
    bool isWritable() const;

    // ---- runs
    // Writes the run, its series, histograms and metadata in ONE transaction: either all of it
    // is stored or nothing. A run with an existing id replaces it. An empty result.runId gets
    // a new UUID. Returns the run id, empty on failure.
    QString saveRun(const RunResult &result, const QString &suiteId = {});
    QString saveRun(const StoredRun &run);
    std::optional<StoredRun> loadRun(const QString &runId);
    std::vector<RunRow> listRuns(const RunFilter &filter = {});
    int countRuns(const RunFilter &filter = {});
    // Resolves a full id or a unique prefix (like git). Empty + lastError() when none or
    // ambiguous ("ambiguous run id prefix 'ab': 3 runs match").
    QString resolveRunId(const QString &idOrPrefix);
    bool deleteRun(const QString &runId); // also removes its baseline mark

    // ---- suites
    QString createSuite(const QString &name, const QDateTime &startedAt = QDateTime::currentDateTimeUtc());
    std::vector<SuiteRow> listSuites(int limit = 100);
    std::optional<SuiteRow> suite(const QString &suiteId);
    QString resolveSuiteId(const QString &idOrPrefix);

    // ---- baselines: one per (testName, target)
    bool setBaseline(const QString &runId);   // for the run's testName + target; replaces any other
    bool clearBaseline(const QString &runId); // clears the baseline of the run's testName + target
    bool clearBaseline(const QString &testName, const QString &target);
    QString baselineFor(const QString &testName, const QString &target); // run id or empty
    std::vector<BaselineRow> listBaselines();

    // ---- benchmark results
    // doc must be an object with a string "benchmark"; "target", "startedAt" (ISO 8601) and
    // "keyMetrics" {"throughput","p50Us","p99Us"} are indexed when present. Returns the new id
    // (doc["id"] when given as a string, else a UUID), empty on failure.
    QString saveBenchmarkResult(const nlohmann::json &doc);
    // Newest first; empty name/target = any.
    std::vector<BenchmarkRecord> listBenchmarkResults(const QString &benchmark = {}, const QString &target = {},
                                                      int limit = 100);
    std::optional<BenchmarkRecord> loadBenchmarkResult(const QString &id);
    bool deleteBenchmarkResult(const QString &id);

    // ---- alerts
    // Upserts the alert's current state and appends a history row, in one transaction.
    bool appendAlertTransition(const AlertTransition &transition);
    // Current state of every alert (activeOnly: state not "resolved"), most recently updated first.
    std::vector<AlertRecord> loadAlerts(bool activeOnly = false);
    // Transitions, newest first; empty alertId = all alerts.
    std::vector<AlertHistoryRow> loadAlertHistory(const QString &alertId = {}, int limit = 1000);

    // ---- monitoring samples
    bool appendMonitoringSamples(const std::vector<MonitoringSample> &samples); // one transaction
    // Samples of one target (empty = all) with from <= at <= to (invalid = unbounded), oldest first.
    std::vector<MonitoringSample> loadMonitoringSamples(const QString &target, const QDateTime &from = {},
                                                        const QDateTime &to = {}, int limit = 100000);
    // Deletes samples older than `cutoff`; returns how many, -1 on failure.
    int purgeMonitoringSamplesOlderThan(const QDateTime &cutoff);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace cwb
