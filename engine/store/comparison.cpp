#include "comparison.h"

#include <cmath>

namespace cwb {

namespace {

// Below this many operations an op type's percentiles are too noisy to gate on.
constexpr qint64 kMinOpsForKey = 100;
// Rates: changes smaller than this (0.1 percentage points) are noise, whatever the relative change.
constexpr double kRateFloor = 0.001;

struct Spec
{
    QString key;
    QString label;
    QString unit;
    bool higherIsBetter;
    bool isKey;
    bool isRate;
};

MetricDelta judge(const Spec &spec, std::optional<double> current, std::optional<double> baseline, double threshold)
{
    MetricDelta m;
    m.key = spec.key;
    m.label = spec.label;
    m.unit = spec.unit;
    m.higherIsBetter = spec.higherIsBetter;
    m.isKey = spec.isKey;
    m.current = current;
    m.baseline = baseline;
    if (!current || !baseline || !std::isfinite(*current) || !std::isfinite(*baseline)) {
        m.verdict = Verdict::NotComparable;
        return m;
    }
    m.delta = *current - *baseline;
    m.deltaPercent = *baseline != 0 ? 100.0 * m.delta / std::fabs(*baseline) : 0;
    bool significant;
    if (spec.isRate)
        significant = std::fabs(m.delta) >= kRateFloor && (*baseline == 0 || std::fabs(m.deltaPercent) > threshold);
    else if (*baseline == 0)
        significant = *current != 0; // from nothing to something: always a change
    else
        significant = std::fabs(m.deltaPercent) > threshold;
    if (!significant)
        m.verdict = Verdict::Unchanged;
    else
        m.verdict = (m.delta > 0) == spec.higherIsBetter ? Verdict::Improved : Verdict::Regressed;
    return m;
}

bool opIsComparable(const OpMetrics &o, bool imported)
{
    if (imported)
        return o.throughput || o.p50Us || o.p99Us;
    return o.count && *o.count >= kMinOpsForKey;
}

Comparison compareMetrics(const RunMetrics &cur, bool curImported, const RunMetrics &base, bool baseImported,
                          double threshold)
{
    Comparison c;
    c.thresholdPercent = threshold;
    const QString us = QStringLiteral("µs");
    const auto add = [&](const Spec &spec, std::optional<double> a, std::optional<double> b) {
        c.metrics.push_back(judge(spec, a, b, threshold));
    };
    add({QStringLiteral("throughput"), QStringLiteral("Throughput"), QStringLiteral("ops/s"), true, true, false},
        cur.throughput, base.throughput);
    add({QStringLiteral("p50Us"), QStringLiteral("p50 latency"), us, false, true, false}, cur.p50Us, base.p50Us);
    add({QStringLiteral("p95Us"), QStringLiteral("p95 latency"), us, false, true, false}, cur.p95Us, base.p95Us);
    add({QStringLiteral("p99Us"), QStringLiteral("p99 latency"), us, false, true, false}, cur.p99Us, base.p99Us);
    add({QStringLiteral("maxUs"), QStringLiteral("max latency"), us, false, false, false}, cur.maxUs, base.maxUs);
    add({QStringLiteral("errorRate"), QStringLiteral("Error rate"), QStringLiteral("%"), false, true, true},
        cur.errorRate, base.errorRate);
    add({QStringLiteral("hitRate"), QStringLiteral("Hit rate"), QStringLiteral("%"), true, true, true}, cur.hitRate,
        base.hitRate);
    add({QStringLiteral("serverMemoryBytes"), QStringLiteral("Server memory"), QStringLiteral("bytes"), false, false,
         false},
        cur.serverMemoryBytes, base.serverMemoryBytes);
    add({QStringLiteral("clientCpuUsPerOp"), QStringLiteral("Client CPU per operation"), QStringLiteral("µs/op"), false,
         false, false},
        cur.clientCpuUsPerOp, base.clientCpuUsPerOp);

    for (int i = 0; i < kOpTypeCount; ++i) {
        const OpMetrics &a = cur.byOp[size_t(i)];
        const OpMetrics &b = base.byOp[size_t(i)];
        if (!opIsComparable(a, curImported) || !opIsComparable(b, baseImported))
            continue;
        const QString op = opTypeName(OpType(i));
        const QString k = op + QLatin1Char('.');
        add({k + QStringLiteral("throughput"), op + QStringLiteral(" throughput"), QStringLiteral("ops/s"), true, true,
             false},
            a.throughput, b.throughput);
        add({k + QStringLiteral("p50Us"), op + QStringLiteral(" p50 latency"), us, false, true, false}, a.p50Us, b.p50Us);
        add({k + QStringLiteral("p95Us"), op + QStringLiteral(" p95 latency"), us, false, true, false}, a.p95Us, b.p95Us);
        add({k + QStringLiteral("p99Us"), op + QStringLiteral(" p99 latency"), us, false, true, false}, a.p99Us, b.p99Us);
    }

    bool anyComparable = false;
    bool anyImproved = false;
    bool anyRegressed = false;
    for (const MetricDelta &m : c.metrics) {
        if (!m.isKey || m.verdict == Verdict::NotComparable)
            continue;
        anyComparable = true;
        anyImproved |= m.verdict == Verdict::Improved;
        anyRegressed |= m.verdict == Verdict::Regressed;
    }
    c.overall = !anyComparable ? Verdict::NotComparable
        : anyRegressed         ? Verdict::Regressed
        : anyImproved          ? Verdict::Improved
                               : Verdict::Unchanged;
    return c;
}

} // namespace

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Improved: return QStringLiteral("improved");
    case Verdict::Unchanged: return QStringLiteral("unchanged");
    case Verdict::Regressed: return QStringLiteral("regressed");
    case Verdict::NotComparable: return QStringLiteral("not comparable");
    }
    return {};
}

const MetricDelta *Comparison::find(const QString &key) const
{
    for (const MetricDelta &m : metrics) {
        if (m.key == key)
            return &m;
    }
    return nullptr;
}

namespace {

// A stopped 6.8 s run "improving" on a 20 s baseline is an artefact of its length, not news.
void refuseIncomplete(Comparison &c, const RunResult &run, const RunResult &against)
{
    for (const RunResult *r : {&run, &against}) {
        if (r->status == RunStatus::Completed)
            continue;
        c.overall = Verdict::NotComparable;
        c.notComparableReason = QStringLiteral("run %1 %2 after %3 s")
                                    .arg(r->runId, runStatusName(r->status), QString::number(r->measuredSec, 'f', 1));
        return;
    }
}

} // namespace

Comparison compareRuns(const StoredRun &run, const StoredRun &against, double thresholdPercent)
{
    const bool curImported = run.meta.source != QLatin1String(kSourceWorkbench);
    const bool baseImported = against.meta.source != QLatin1String(kSourceWorkbench);
    Comparison c = compareMetrics(runMetrics(run), curImported, runMetrics(against), baseImported, thresholdPercent);
    c.runId = run.result.runId;
    c.againstId = against.result.runId;
    refuseIncomplete(c, run.result, against.result);
    return c;
}

Comparison compareRuns(const RunResult &run, const RunResult &against, double thresholdPercent)
{
    Comparison c = compareMetrics(runMetrics(run), false, runMetrics(against), false, thresholdPercent);
    c.runId = run.runId;
    c.againstId = against.runId;
    refuseIncomplete(c, run, against);
    return c;
}

} // namespace cwb
