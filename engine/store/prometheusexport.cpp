#include "prometheusexport.h"

#include "runmetrics.h"

#include <cmath>

namespace cwb {

namespace {

QByteArray promNumber(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(v, 'g', 17);
}

class Writer
{
public:
    explicit Writer(QByteArray base)
        : m_base(std::move(base))
    {
    }

    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += help;
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(const QByteArray &name, const QList<QPair<QByteArray, QString>> &labels, double value)
    {
        m_out += name;
        m_out += '{';
        m_out += m_base;
        for (const auto &[key, v] : labels) {
            m_out += ',';
            m_out += key;
            m_out += "=\"";
            m_out += prometheusLabelValue(v);
            m_out += '"';
        }
        m_out += "} ";
        m_out += promNumber(value);
        m_out += '\n';
    }

    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_base;
    QByteArray m_out;
};

using Labels = QList<QPair<QByteArray, QString>>;

} // namespace

QByteArray prometheusLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray runToPrometheus(const RunResult &result)
{
    StoredRun run;
    run.result = result;
    return runToPrometheus(run);
}

QByteArray runToPrometheus(const StoredRun &run)
{
    const RunResult &r = run.result;
    const bool imported = run.meta.source != QLatin1String(kSourceWorkbench);
    const QByteArray base = "run_id=\"" + prometheusLabelValue(r.runId) + "\",test=\"" + prometheusLabelValue(r.config.testName)
        + "\",target=\"" + prometheusLabelValue(r.target) + '"';
    Writer w(base);
    const RunMetrics m = runMetrics(run);

    w.family("cwb_run_info", "gauge", "Run metadata; the value is always 1.");
    w.sample("cwb_run_info",
             {{"status", runStatusName(r.status)},
              {"source", run.meta.source},
              {"started", r.startedAt.toString(Qt::ISODateWithMs)}},
             1);

    w.family("cwb_run_measured_seconds", "gauge", "Length of the measurement window (warm-up excluded).");
    w.sample("cwb_run_measured_seconds", {}, r.measuredSec);

    if (!imported) {
        w.family("cwb_run_operations_total", "counter", "Operations by type, failed ones included.");
        for (int i = 0; i < kOpTypeCount; ++i)
            w.sample("cwb_run_operations_total", {{"op", opTypeName(OpType(i))}}, double(r.totals.ops[size_t(i)].count));

        w.family("cwb_run_errors_total", "counter", "Failed operations by type and error kind.");
        for (int i = 0; i < kOpTypeCount; ++i) {
            const OpCounters &c = r.totals.ops[size_t(i)];
            for (int k = 1; k < kRedisErrorKindCount; ++k) {
                w.sample("cwb_run_errors_total", {{"op", opTypeName(OpType(i))}, {"kind", errorKindName(RedisErrorKind(k))}},
                         double(c.errorsByKind[size_t(k)]));
            }
        }

        const OpCounters &reads = r.totals.op(OpType::Read);
        w.family("cwb_run_hits_total", "counter", "Reads that found their key.");
        w.sample("cwb_run_hits_total", {{"op", opTypeName(OpType::Read)}}, double(reads.hits));
        w.family("cwb_run_misses_total", "counter", "Reads that did not find their key.");
        w.sample("cwb_run_misses_total", {{"op", opTypeName(OpType::Read)}}, double(reads.misses));

        w.family("cwb_run_latency_seconds", "summary",
                 "Latency of successful operations, from the merged histograms (op=\"all\": every type).");
        const auto summary = [&w](const QString &op, const LatencyHistogram &h) {
            for (const double q : {0.5, 0.95, 0.99, 0.999}) {
                w.sample("cwb_run_latency_seconds", {{"op", op}, {"quantile", QString::number(q)}},
                         h.isEmpty() ? std::nan("") : double(h.percentileNs(q * 100)) / 1e9);
            }
            w.sample("cwb_run_latency_seconds_sum", {{"op", op}}, h.meanNs() * double(h.count()) / 1e9);
            w.sample("cwb_run_latency_seconds_count", {{"op", op}}, double(h.count()));
        };
        summary(QStringLiteral("all"), r.total().latency);
        for (int i = 0; i < kOpTypeCount; ++i)
            summary(opTypeName(OpType(i)), r.totals.ops[size_t(i)].latency);
    } else {
        // An imported run has the source's quantiles only: exported as gauges, since a summary
        // needs _sum and _count the sources do not give.
        w.family("cwb_run_latency_quantile_seconds", "gauge", "Latency quantiles as reported by the importing source.");
        const auto q = [&w](const QString &op, const char *quantile, std::optional<double> us) {
            if (us)
                w.sample("cwb_run_latency_quantile_seconds", {{"op", op}, {"quantile", QLatin1String(quantile)}}, *us / 1e6);
        };
        q(QStringLiteral("all"), "0.5", m.p50Us);
        q(QStringLiteral("all"), "0.95", m.p95Us);
        q(QStringLiteral("all"), "0.99", m.p99Us);
        q(QStringLiteral("all"), "0.999", m.p999Us);
        for (int i = 0; i < kOpTypeCount; ++i) {
            const OpMetrics &o = m.byOp[size_t(i)];
            q(opTypeName(OpType(i)), "0.5", o.p50Us);
            q(opTypeName(OpType(i)), "0.95", o.p95Us);
            q(opTypeName(OpType(i)), "0.99", o.p99Us);
        }
    }

    if (m.throughput) {
        w.family("cwb_run_throughput_ops", "gauge", "Successful operations per second over the measured window.");
        w.sample("cwb_run_throughput_ops", {}, *m.throughput);
    }
    if (m.errorRate) {
        w.family("cwb_run_error_ratio", "gauge", "Failed operations / all operations.");
        w.sample("cwb_run_error_ratio", {}, *m.errorRate);
    }
    if (m.hitRate) {
        w.family("cwb_run_hit_ratio", "gauge", "Read hits / (hits + misses).");
        w.sample("cwb_run_hit_ratio", {}, *m.hitRate);
    }
    const ServerObservation &sv = r.server;
    if (sv.usedMemoryBefore >= 0 || sv.usedMemoryAfter >= 0 || sv.usedMemoryPeak >= 0) {
        w.family("cwb_run_server_used_memory_bytes", "gauge", "Server used_memory before, after and at peak during the run.");
        if (sv.usedMemoryBefore >= 0)
            w.sample("cwb_run_server_used_memory_bytes", {{"phase", QStringLiteral("before")}}, double(sv.usedMemoryBefore));
        if (sv.usedMemoryAfter >= 0)
            w.sample("cwb_run_server_used_memory_bytes", {{"phase", QStringLiteral("after")}}, double(sv.usedMemoryAfter));
        if (sv.usedMemoryPeak >= 0)
            w.sample("cwb_run_server_used_memory_bytes", {{"phase", QStringLiteral("peak")}}, double(sv.usedMemoryPeak));
    }
    if (sv.maxMemory > 0) {
        w.family("cwb_run_server_max_memory_bytes", "gauge", "Server maxmemory setting.");
        w.sample("cwb_run_server_max_memory_bytes", {}, double(sv.maxMemory));
    }
    if (!imported) {
        w.family("cwb_run_client_cpu_seconds_total", "counter", "CPU time of the workbench process over the window.");
        w.sample("cwb_run_client_cpu_seconds_total", {{"mode", QStringLiteral("user")}}, r.client.cpuUserSec);
        w.sample("cwb_run_client_cpu_seconds_total", {{"mode", QStringLiteral("system")}}, r.client.cpuSystemSec);
    }
    return w.take();
}

} // namespace cwb
