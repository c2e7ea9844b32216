#include "csvexport.h"

#include "load/runsnapshot.h"

namespace cwb {

namespace {

QString number(double value, int decimals = 3)
{
    return QString::number(value, 'f', decimals);
}

QString integer(qint64 value)
{
    return QString::number(value);
}

} // namespace

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\r') || bytes.contains('\n')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

QByteArray csvRow(const QStringList &fields)
{
    QByteArray row;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            row.append(',');
        row.append(csvField(fields[i]));
    }
    row.append("\r\n");
    return row;
}

QByteArray runSeriesToCsv(const RunResult &r)
{
    QByteArray out = csvRow({QStringLiteral("run_id"), QStringLiteral("test"), QStringLiteral("second"),
                             QStringLiteral("duration_s"), QStringLiteral("ops"), QStringLiteral("ops_per_sec"),
                             QStringLiteral("errors"), QStringLiteral("connect_errors"), QStringLiteral("reads"),
                             QStringLiteral("writes"), QStringLiteral("deletes"), QStringLiteral("invalidations"),
                             QStringLiteral("hits"), QStringLiteral("misses"), QStringLiteral("p50_us"),
                             QStringLiteral("p95_us"), QStringLiteral("p99_us"), QStringLiteral("max_us"),
                             QStringLiteral("client_cpu_percent"), QStringLiteral("client_rss_bytes"),
                             QStringLiteral("server_used_memory"), QStringLiteral("server_cpu_percent"),
                             QStringLiteral("connected_users")});
    out.reserve(out.size() + qsizetype(r.series.size()) * 160);
    for (const SecondSample &s : r.series) {
        out.append(csvRow({r.runId, r.config.testName, number(s.t, 1), number(s.durationSec, 1), integer(qint64(s.ops)),
                           number(s.opsPerSec(), 1), integer(qint64(s.errors)), integer(qint64(s.connectErrors)),
                           integer(qint64(s.opsByType[0])), integer(qint64(s.opsByType[1])),
                           integer(qint64(s.opsByType[2])), integer(qint64(s.opsByType[3])), integer(qint64(s.hits)),
                           integer(qint64(s.misses)), number(s.p50Us, 1), number(s.p95Us, 1), number(s.p99Us, 1),
                           number(s.maxUs, 1), s.clientCpuPercent < 0 ? QString() : number(s.clientCpuPercent, 1),
                           s.clientRssBytes < 0 ? QString() : integer(s.clientRssBytes),
                           s.serverUsedMemory < 0 ? QString() : integer(s.serverUsedMemory),
                           s.serverCpuPercent < 0 ? QString() : number(s.serverCpuPercent, 1),
                           integer(s.connectedUsers)}));
    }
    return out;
}

QByteArray runSummaryToCsv(const RunResult &r)
{
    QByteArray out = csvRow({QStringLiteral("run_id"), QStringLiteral("test"), QStringLiteral("target"),
                             QStringLiteral("started_at"), QStringLiteral("status"), QStringLiteral("operation"),
                             QStringLiteral("count"), QStringLiteral("errors"), QStringLiteral("ops_per_sec"),
                             QStringLiteral("hit_rate"), QStringLiteral("min_us"), QStringLiteral("mean_us"),
                             QStringLiteral("p50_us"), QStringLiteral("p95_us"), QStringLiteral("p99_us"),
                             QStringLiteral("p999_us"), QStringLiteral("max_us")});
    const auto row = [&](const QString &name, const OpCounters &c) {
        const LatencySummary s = LatencySummary::from(c);
        const double rate = r.measuredSec > 0 ? double(c.successes()) / r.measuredSec : 0;
        const QString hitRate = c.hits + c.misses ? number(double(c.hits) / double(c.hits + c.misses), 4) : QString();
        out.append(csvRow({r.runId, r.config.testName, r.target, r.startedAt.toString(Qt::ISODateWithMs),
                           runStatusName(r.status), name, integer(qint64(c.count)), integer(qint64(c.errors)),
                           number(rate, 1), hitRate, number(s.minUs, 1), number(s.meanUs, 1), number(s.p50Us, 1),
                           number(s.p95Us, 1), number(s.p99Us, 1), number(s.p999Us, 1), number(s.maxUs, 1)}));
    };
    for (int i = 0; i < kOpTypeCount; ++i)
        row(opTypeName(OpType(i)), r.totals.ops[size_t(i)]);
    row(QStringLiteral("total"), r.total());
    // A cluster run: the operations each node served, one row per node.
    for (const auto &[address, counters] : r.totals.nodes)
        row(QStringLiteral("node ") + address, counters);
    return out;
}

} // namespace cwb
