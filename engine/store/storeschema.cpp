#include "storeschema.h"

namespace cwb::storeschema {

namespace {

// Schema v1. Times are milliseconds since the epoch (UTC) so that sorting and range queries
// use integer indexes. Summary columns of `runs` duplicate figures derivable from the
// histograms so that listing thousands of runs reads one narrow table; NULL = not measured.
QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE suites ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " started_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE runs ("
                       " id TEXT PRIMARY KEY,"
                       " test_name TEXT NOT NULL,"
                       " preset TEXT NOT NULL DEFAULT '',"
                       " source TEXT NOT NULL DEFAULT 'workbench',"
                       " source_file TEXT NOT NULL DEFAULT '',"
                       " target TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " started_ms INTEGER,"
                       " finished_ms INTEGER,"
                       " suite_id TEXT REFERENCES suites(id) ON DELETE SET NULL,"
                       " throughput REAL, p50_us REAL, p95_us REAL, p99_us REAL, max_us REAL,"
                       " error_rate REAL, hit_rate REAL, ops INTEGER, measured_sec REAL,"
                       " series_count INTEGER NOT NULL DEFAULT 0,"
                       " histogram_count INTEGER NOT NULL DEFAULT 0)"),
        // The documents live apart from the summary row: listing thousands of runs then reads
        // a narrow table only.
        QStringLiteral("CREATE TABLE run_details ("
                       " run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,"
                       " config_json TEXT NOT NULL,"
                       " detail_json TEXT NOT NULL,"
                       " source_metrics TEXT NOT NULL DEFAULT '{}',"
                       " not_measured TEXT NOT NULL DEFAULT '[]')"),
        QStringLiteral("CREATE INDEX runs_started ON runs(started_ms DESC, id)"),
        QStringLiteral("CREATE INDEX runs_test_target ON runs(test_name, target)"),
        QStringLiteral("CREATE INDEX runs_suite ON runs(suite_id)"),
        QStringLiteral("CREATE TABLE run_series ("
                       " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " seq INTEGER NOT NULL,"
                       " t REAL NOT NULL, duration REAL NOT NULL,"
                       " ops INTEGER NOT NULL, errors INTEGER NOT NULL, connect_errors INTEGER NOT NULL,"
                       " ops_read INTEGER NOT NULL, ops_write INTEGER NOT NULL,"
                       " ops_delete INTEGER NOT NULL, ops_invalidate INTEGER NOT NULL,"
                       " hits INTEGER NOT NULL, misses INTEGER NOT NULL,"
                       " p50_us REAL NOT NULL, p95_us REAL NOT NULL, p99_us REAL NOT NULL, max_us REAL NOT NULL,"
                       " client_cpu_percent REAL NOT NULL, client_rss_bytes INTEGER NOT NULL,"
                       " server_used_memory INTEGER NOT NULL, server_cpu_percent REAL NOT NULL,"
                       " connected_users INTEGER NOT NULL,"
                       " PRIMARY KEY (run_id, seq)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE run_histograms ("
                       " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " op TEXT NOT NULL,"
                       " data BLOB NOT NULL,"
                       " PRIMARY KEY (run_id, op)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE baselines ("
                       " test_name TEXT NOT NULL,"
                       " target TEXT NOT NULL,"
                       " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " set_ms INTEGER NOT NULL,"
                       " PRIMARY KEY (test_name, target))"),
        QStringLiteral("CREATE INDEX baselines_run ON baselines(run_id)"),
        QStringLiteral("CREATE TABLE benchmark_results ("
                       " id TEXT PRIMARY KEY,"
                       " benchmark TEXT NOT NULL,"
                       " target TEXT NOT NULL DEFAULT '',"
                       " started_ms INTEGER NOT NULL,"
                       " throughput REAL, p50_us REAL, p99_us REAL,"
                       " doc TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX benchmark_results_name ON benchmark_results(benchmark, target, started_ms DESC)"),
        QStringLiteral("CREATE TABLE alerts ("
                       " id TEXT PRIMARY KEY,"
                       " rule_id TEXT NOT NULL,"
                       " labels TEXT NOT NULL,"
                       " severity TEXT NOT NULL,"
                       " state TEXT NOT NULL,"
                       " first_ms INTEGER NOT NULL,"
                       " updated_ms INTEGER NOT NULL,"
                       " changed_by TEXT NOT NULL,"
                       " message TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE alert_history ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " alert_id TEXT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,"
                       " rule_id TEXT NOT NULL,"
                       " labels TEXT NOT NULL,"
                       " severity TEXT NOT NULL,"
                       " from_state TEXT NOT NULL,"
                       " to_state TEXT NOT NULL,"
                       " at_ms INTEGER NOT NULL,"
                       " changed_by TEXT NOT NULL,"
                       " message TEXT NOT NULL,"
                       " value TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX alert_history_alert ON alert_history(alert_id, at_ms)"),
        QStringLiteral("CREATE TABLE monitoring_samples ("
                       " id INTEGER PRIMARY KEY,"
                       " at_ms INTEGER NOT NULL,"
                       " target TEXT NOT NULL,"
                       " metrics TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX monitoring_samples_target ON monitoring_samples(target, at_ms)"),
        QStringLiteral("CREATE INDEX monitoring_samples_at ON monitoring_samples(at_ms)"),
    };
}

} // namespace

const std::vector<QStringList> &migrations()
{
    static const std::vector<QStringList> all{schemaV1()};
    return all;
}

} // namespace cwb::storeschema
