#include "runsummaryview.h"

#include "agents/agentstatustable.h"
#include "load/keyprefix.h"
#include "load/runsnapshot.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QCoreApplication>
#include <QLocale>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cwb {

namespace {

QTableWidget *makeTable(QWidget *parent, const QStringList &headers, const QString &name)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}

QString bytes(qint64 value)
{
    return value < 0 ? QCoreApplication::translate("cwb::RunSummaryView", "not measured")
                     : QLocale().formattedDataSize(value, 1);
}

} // namespace

QString RunSummaryView::formatLatencyUs(double us)
{
    const QLocale locale;
    if (us < 0)
        return tr("n/a");
    if (us >= 1e6)
        return tr("%1 s").arg(locale.toString(us / 1e6, 'f', 2));
    if (us >= 100)
        return tr("%1 ms").arg(locale.toString(us / 1000.0, 'f', us >= 10000 ? 1 : 2));
    return tr("%1 ms").arg(locale.toString(us / 1000.0, 'f', 3));
}

RunSummaryView::RunSummaryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("runSummary"));
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("summaryHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_percentiles = makeTable(this,
                              {tr("Operation"), tr("Count"), tr("Errors"), tr("Ops/s"), tr("Min"), tr("Mean"),
                               tr("p50"), tr("p95"), tr("p99"), tr("p99.9"), tr("Max")},
                              QStringLiteral("percentileTable"));
    m_percentiles->setToolTip(tr("Latency of successful operations per type, measured by the workbench"));
    m_errors = makeTable(this, {tr("Error class"), tr("Count")}, QStringLiteral("errorTable"));
    m_errors->setToolTip(tr("Failed operations and connection attempts by cause"));
    m_resources = makeTable(this, {tr("Measure"), tr("Value")}, QStringLiteral("resourceTable"));
    m_resources->setToolTip(tr("Server memory and CPU, and the workbench's own CPU cost"));

    m_nodes = makeTable(this,
                        {tr("Node"), tr("Operations"), tr("Share"), tr("Errors"), tr("Ops/s"), tr("p50"), tr("p99"),
                         tr("Max")},
                        QStringLiteral("nodeTable"));
    m_nodes->setToolTip(tr("Operations by the cluster node that served them, and their latency"));

    auto *percentileBox = new QGroupBox(tr("Latency percentiles"), this);
    (new QVBoxLayout(percentileBox))->addWidget(m_percentiles);
    auto *errorBox = new QGroupBox(tr("Errors"), this);
    (new QVBoxLayout(errorBox))->addWidget(m_errors);
    auto *resourceBox = new QGroupBox(tr("Memory and CPU"), this);
    (new QVBoxLayout(resourceBox))->addWidget(m_resources);

    m_nodeBox = new QGroupBox(tr("Load per node"), this);
    (new QVBoxLayout(m_nodeBox))->addWidget(m_nodes);
    m_agents = new AgentStatusTable(this);
    m_agents->setObjectName(QStringLiteral("summaryAgentTable"));
    m_agentBox = new QGroupBox(tr("Load per agent"), this);
    (new QVBoxLayout(m_agentBox))->addWidget(m_agents);

    auto *grid = m_grid = new QGridLayout;
    grid->addWidget(percentileBox, 0, 0, 1, 2);
    grid->addWidget(m_nodeBox, 1, 0, 1, 2);
    grid->addWidget(m_agentBox, 2, 0, 1, 2);
    grid->addWidget(errorBox, 3, 0);
    grid->addWidget(resourceBox, 3, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(3, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addLayout(grid, 1);
    clear();
}

void RunSummaryView::showNodeBox(bool show)
{
    m_nodeBox->setVisible(show);
    m_grid->setRowStretch(1, show ? 1 : 0);
}

void RunSummaryView::showAgentBox(bool show)
{
    m_agentBox->setVisible(show);
    // As tall as its rows (up to four, then it scrolls): the percentiles keep their room.
    const int rows = std::clamp(m_agents->rowCount(), 1, 4);
    m_agents->setMaximumHeight(m_agents->horizontalHeader()->sizeHint().height()
                               + rows * m_agents->verticalHeader()->defaultSectionSize() + 2 * m_agents->frameWidth()
                               + m_agents->horizontalScrollBar()->sizeHint().height());
}

void RunSummaryView::clear()
{
    m_hasResult = false;
    m_headline->setText(tr("No finished run yet. Start a load test to see its summary here."));
    for (QTableWidget *t : {m_percentiles, m_errors, m_resources, m_nodes})
        t->setRowCount(0);
    m_agents->setRowCount(0);
    showNodeBox(false);
    showAgentBox(false);
}

void RunSummaryView::showResult(const RunResult &r)
{
    const QLocale locale;
    m_hasResult = true;
    const double hitRate = r.hitRate();
    const QString status = r.status == RunStatus::Completed ? tr("Completed")
        : r.status == RunStatus::Stopped                   ? tr("Stopped early")
                                                           : tr("Failed");
    QString headline = tr("<b>%1</b> — %2 against %3, %4 s measured.<br>"
                          "<b>%5</b> ops/s · p99 <b>%6</b> · errors <b>%7%</b> · hit rate <b>%8</b>")
                           .arg(r.config.testName.toHtmlEscaped(), status, r.target.toHtmlEscaped(),
                                locale.toString(r.measuredSec, 'f', 1), locale.toString(r.throughput(), 'f', 0),
                                formatLatencyUs(double(r.total().latency.percentileNs(99)) / 1000.0),
                                locale.toString(100.0 * r.errorRate(), 'f', 2),
                                hitRate < 0 ? tr("n/a") : locale.toString(100.0 * hitRate, 'f', 1) + u'%');
    if (r.status == RunStatus::Failed && !r.failureReason.isEmpty())
        headline += QStringLiteral("<br>") + tr("Reason: %1").arg(r.failureReason.toHtmlEscaped());
    if (r.tlsInsecure)
        headline += QStringLiteral("<br><b>") + tr("Insecure: the server's TLS certificate was not verified; these figures may come from anyone on the path.") + QStringLiteral("</b>");
    for (const QString &warning : r.warnings)
        headline += QStringLiteral("<br>") + tr("Warning: %1").arg(warning.toHtmlEscaped());
    if (r.keysLeft != 0 && !r.keyNamespace.isEmpty()) {
        // Keys of ours left in the user's cache: what, why, and the command that removes them.
        headline += QStringLiteral("<br><b>")
            + keysLeftMessage(r.keysLeft, r.keyNamespace, r.cleanupNote, r.target).toHtmlEscaped()
            + QStringLiteral("</b>");
    }
    m_headline->setText(headline);

    // Percentiles per operation type and in total.
    m_percentiles->setRowCount(0);
    auto addOp = [&](const QString &name, const OpCounters &c) {
        if (c.count == 0)
            return;
        const LatencySummary s = LatencySummary::from(c);
        const int row = m_percentiles->rowCount();
        m_percentiles->insertRow(row);
        const double rate = r.measuredSec > 0 ? double(c.successes()) / r.measuredSec : 0;
        setRow(m_percentiles, row,
               {name, locale.toString(qulonglong(c.count)), locale.toString(qulonglong(c.errors)),
                locale.toString(rate, 'f', 0), formatLatencyUs(s.minUs), formatLatencyUs(s.meanUs),
                formatLatencyUs(s.p50Us), formatLatencyUs(s.p95Us), formatLatencyUs(s.p99Us),
                formatLatencyUs(s.p999Us), formatLatencyUs(s.maxUs)});
    };
    const QString opNames[kOpTypeCount] = {tr("Read"), tr("Write"), tr("Delete"), tr("Invalidate")};
    for (int op = 0; op < kOpTypeCount; ++op)
        addOp(opNames[op], r.totals.op(OpType(op)));
    addOp(tr("All"), r.total());

    // Errors by class, operations and connection attempts together.
    m_errors->setRowCount(0);
    const OpCounters total = r.total();
    for (int k = 1; k < kRedisErrorKindCount; ++k) {
        const uint64_t n = total.errorsByKind[size_t(k)] + r.totals.connectErrors[size_t(k)];
        if (n == 0)
            continue;
        const int row = m_errors->rowCount();
        m_errors->insertRow(row);
        setRow(m_errors, row, {errorKindName(RedisErrorKind(k)), locale.toString(qulonglong(n))});
    }
    if (m_errors->rowCount() == 0) {
        m_errors->insertRow(0);
        setRow(m_errors, 0, {tr("none"), locale.toString(0)});
    }

    m_resources->setRowCount(0);
    const double cpuPerOp = r.clientCpuUsPerOp();
    const QList<QStringList> rows = {
        {tr("Server"), tr("Redis %1 (%2, %3)").arg(r.server.version, r.server.mode, r.server.role)},
        {tr("Server memory before"), bytes(r.server.usedMemoryBefore)},
        {tr("Server memory after"), bytes(r.server.usedMemoryAfter)},
        {tr("Server memory peak"), bytes(r.server.usedMemoryPeak)},
        {tr("Server CPU"), r.server.cpuSeconds < 0 ? tr("not measured")
                                                   : tr("%1 s").arg(locale.toString(r.server.cpuSeconds, 'f', 2))},
        {tr("Evicted / expired keys"), tr("%1 / %2").arg(r.server.evictedKeys).arg(r.server.expiredKeys)},
        {tr("Client CPU per operation"),
         cpuPerOp < 0 ? tr("not measured") : tr("%1 µs").arg(locale.toString(cpuPerOp, 'f', 2))},
        {tr("Client memory peak"), bytes(r.client.rssPeak)},
        {tr("Worker threads"), locale.toString(r.client.workerThreads)},
        {tr("Keys cleaned up"), r.keysCleanedUp < 0 ? tr("no cleanup") : locale.toString(r.keysCleanedUp)},
    };
    for (const QStringList &cells : rows) {
        const int row = m_resources->rowCount();
        m_resources->insertRow(row);
        setRow(m_resources, row, cells);
    }
    showNodes(r);
    m_agents->showResult(r);
    showAgentBox(!r.agents.empty());
}

void RunSummaryView::showNodes(const RunResult &r)
{
    const QLocale locale;
    m_nodes->setRowCount(0);
    showNodeBox(!r.totals.nodes.empty());
    const double all = double(r.total().count);
    for (const auto &[address, counters] : r.totals.nodes) {
        const LatencySummary s = LatencySummary::from(counters);
        const double rate = r.measuredSec > 0 ? double(counters.successes()) / r.measuredSec : 0;
        const int row = m_nodes->rowCount();
        m_nodes->insertRow(row);
        setRow(m_nodes, row,
               {address, locale.toString(qulonglong(counters.count)),
                all > 0 ? locale.toString(100.0 * double(counters.count) / all, 'f', 1) + u'%' : tr("n/a"),
                locale.toString(qulonglong(counters.errors)), locale.toString(rate, 'f', 0), formatLatencyUs(s.p50Us),
                formatLatencyUs(s.p99Us), formatLatencyUs(s.maxUs)});
    }
}

} // namespace cwb
