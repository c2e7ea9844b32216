#include "runreport.h"

#include "load/runsnapshot.h"

#include <QStringList>

namespace cwb::cli {

namespace {

QString ms(double us)
{
    return QString::number(us / 1000.0, 'f', 3);
}

QString pad(const QString &text, int width, bool left = false)
{
    return left ? text.leftJustified(width) : text.rightJustified(width);
}

QString percent(double ratio)
{
    return ratio < 0 ? QStringLiteral("-") : QString::number(ratio * 100.0, 'f', 1) + QLatin1Char('%');
}

QString opsRow(const QString &name, const OpCounters &c, double seconds)
{
    const LatencySummary s = LatencySummary::from(c);
    const double rate = seconds > 0 ? double(c.successes()) / seconds : 0;
    const QString hit = c.hits + c.misses ? percent(double(c.hits) / double(c.hits + c.misses)) : QStringLiteral("-");
    const bool anyLatency = !c.latency.isEmpty();
    const auto lat = [&](double us) { return anyLatency ? ms(us) : QStringLiteral("-"); };
    return pad(name, 11, true) + pad(QString::number(c.count), 11) + pad(QString::number(c.errors), 9)
        + pad(QString::number(rate, 'f', 0), 10) + pad(hit, 7) + pad(lat(s.minUs), 9) + pad(lat(s.p50Us), 9)
        + pad(lat(s.p95Us), 9) + pad(lat(s.p99Us), 9) + pad(lat(s.p999Us), 9) + pad(lat(s.maxUs), 10)
        + QLatin1Char('\n');
}

} // namespace

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("-");
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0 ? QStringLiteral("%1 B").arg(bytes)
                     : QStringLiteral("%1 %2").arg(QString::number(value, 'f', 2), QLatin1String(units[unit]));
}

namespace {

// A distributed run's breakdown: one line per agent (nothing for a run on one machine). The
// merged percentiles above come from the union of the agents' histograms; the p99 here is each
// agent's own.
QString agentsTable(const std::vector<AgentSummary> &agents)
{
    if (agents.empty())
        return {};
    QString out = QStringLiteral("\n") + pad(QStringLiteral("agent"), 20, true) + pad(QStringLiteral("state"), 10, true)
        + pad(QStringLiteral("users"), 7) + pad(QStringLiteral("operations"), 12) + pad(QStringLiteral("errors"), 9)
        + pad(QStringLiteral("ops/s"), 10) + pad(QStringLiteral("p99 ms"), 10) + QLatin1Char('\n');
    for (const AgentSummary &a : agents) {
        out += pad(a.agent, 20, true) + pad(a.state, 10, true) + pad(QString::number(a.users), 7)
            + pad(QString::number(a.operations), 12) + pad(QString::number(a.errors), 9)
            + pad(QString::number(a.throughput, 'f', 0), 10) + pad(ms(a.p99Us), 10);
        if (!a.failureReason.isEmpty())
            out += QStringLiteral("  ") + a.failureReason;
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString formatRunReport(const RunResult &r)
{
    QString out;
    const auto &c = r.config;
    out += QStringLiteral("%1 against %2").arg(c.testName, r.target);
    if (!r.server.version.isEmpty())
        out += QStringLiteral(" (Redis %1)").arg(r.server.version);
    out += QLatin1Char('\n');
    if (const QString warning = insecureTlsWarning(r); !warning.isEmpty())
        out += QStringLiteral("*** %1 ***\n").arg(warning);
    out += QStringLiteral("status %1").arg(runStatusName(r.status));
    if (r.status == RunStatus::Failed) {
        out += QStringLiteral(": %1\n").arg(r.failureReason);
        // A run that failed during its load still shows what it measured.
        if (r.total().count == 0 && r.series.empty())
            return out;
    } else {
        out += QStringLiteral(" · ");
    }
    out += QStringLiteral("measured %1 s · %2 users on %3 threads · %4 · pipeline %5\n")
               .arg(QString::number(r.measuredSec, 'f', 1))
               .arg(c.concurrentUsers)
               .arg(r.client.workerThreads)
               .arg(c.isOpenLoop() ? QStringLiteral("open loop at %1 ops/s target").arg(c.requestsPerSecond)
                                   : QStringLiteral("closed loop"))
               .arg(c.pipeline);
    out += QLatin1Char('\n');
    out += pad(QStringLiteral("operation"), 11, true) + pad(QStringLiteral("count"), 11) + pad(QStringLiteral("errors"), 9)
        + pad(QStringLiteral("ops/s"), 10) + pad(QStringLiteral("hit"), 7) + pad(QStringLiteral("min"), 9)
        + pad(QStringLiteral("p50"), 9) + pad(QStringLiteral("p95"), 9) + pad(QStringLiteral("p99"), 9)
        + pad(QStringLiteral("p99.9"), 9) + pad(QStringLiteral("max ms"), 10) + QLatin1Char('\n');
    for (int i = 0; i < kOpTypeCount; ++i) {
        if (r.totals.ops[size_t(i)].count)
            out += opsRow(opTypeName(OpType(i)), r.totals.ops[size_t(i)], r.measuredSec);
    }
    const OpCounters all = r.total();
    out += opsRow(QStringLiteral("total"), all, r.measuredSec);
    out += QLatin1Char('\n');
    out += QStringLiteral("throughput %1 ops/s · error rate %2 · hit rate %3\n")
               .arg(QString::number(r.throughput(), 'f', 1), percent(r.errorRate()), percent(r.hitRate()));
    if (all.errors)
        out += QStringLiteral("errors by class: %1\n").arg(describeErrorCounts(all.errorsByKind));
    for (const QString &warning : r.warnings)
        out += QStringLiteral("warning: %1\n").arg(warning);
    if (const uint64_t connectErrors = r.totals.connectErrorCount())
        out += QStringLiteral("connection errors: %1 (%2), reconnects %3\n")
                   .arg(connectErrors)
                   .arg(describeErrorCounts(r.totals.connectErrors))
                   .arg(r.totals.reconnects);
    int outageSeconds = 0;
    for (const auto &s : r.series)
        // Connection trouble, not errors the server answered with (NOPERM, OOM, ...).
        outageSeconds += (s.connectErrors > 0 || (s.ops > 0 && s.errors == s.ops && s.connectedUsers == 0)) ? 1 : 0;
    if (outageSeconds)
        out += QStringLiteral("seconds with connection failures: %1 of %2\n").arg(outageSeconds).arg(r.series.size());
    const auto &sv = r.server;
    out += QStringLiteral("server: used memory %1 before, %2 after, %3 peak · CPU %4\n")
               .arg(formatBytes(sv.usedMemoryBefore), formatBytes(sv.usedMemoryAfter), formatBytes(sv.usedMemoryPeak),
                    sv.cpuSeconds >= 0 && r.measuredSec > 0
                        ? QString::number(100.0 * sv.cpuSeconds / r.measuredSec, 'f', 1) + QLatin1Char('%')
                        : QStringLiteral("-"));
    const double clientCpu = r.client.cpuUserSec + r.client.cpuSystemSec;
    out += QStringLiteral("workbench: CPU %1 (%2 µs per operation) · RSS %3 peak\n")
               .arg(r.measuredSec > 0 ? QString::number(100.0 * clientCpu / r.measuredSec, 'f', 1) + QLatin1Char('%')
                                      : QStringLiteral("-"),
                    QString::number(r.clientCpuUsPerOp(), 'f', 2), formatBytes(r.client.rssPeak));
    if (r.keysCleanedUp >= 0)
        out += QStringLiteral("cleanup: %1 keys under '%2' removed\n").arg(r.keysCleanedUp).arg(r.keyNamespace);
    out += agentsTable(r.agents);
    return out;
}

QString formatSuiteReport(const QString &suiteName, const std::vector<RunResult> &results)
{
    QString out = QStringLiteral("suite %1: %2 tests\n\n").arg(suiteName).arg(results.size());
    out += pad(QStringLiteral("test"), 26, true) + pad(QStringLiteral("status"), 10) + pad(QStringLiteral("ops/s"), 10)
        + pad(QStringLiteral("p50 ms"), 9) + pad(QStringLiteral("p99 ms"), 9) + pad(QStringLiteral("errors"), 8)
        + pad(QStringLiteral("hit"), 7) + QLatin1Char('\n');
    OpCounters combined;
    double seconds = 0;
    for (const RunResult &r : results) {
        const LatencySummary s = LatencySummary::from(r.total());
        out += pad(r.config.testName, 26, true) + pad(runStatusName(r.status), 10)
            + pad(QString::number(r.throughput(), 'f', 0), 10) + pad(ms(s.p50Us), 9) + pad(ms(s.p99Us), 9)
            + pad(percent(r.errorRate()), 8) + pad(percent(r.hitRate()), 7) + QLatin1Char('\n');
        combined.merge(r.total());
        seconds += r.measuredSec;
    }
    const LatencySummary s = LatencySummary::from(combined);
    const double errorRate = combined.count ? double(combined.errors) / double(combined.count) : 0;
    const double hitRate =
        combined.hits + combined.misses ? double(combined.hits) / double(combined.hits + combined.misses) : -1;
    out += pad(QStringLiteral("combined"), 26, true) + pad(QString(), 10)
        + pad(QString::number(seconds > 0 ? double(combined.successes()) / seconds : 0, 'f', 0), 10)
        + pad(ms(s.p50Us), 9) + pad(ms(s.p99Us), 9) + pad(percent(errorRate), 8) + pad(percent(hitRate), 7)
        + QLatin1Char('\n');
    return out;
}

} // namespace cwb::cli
