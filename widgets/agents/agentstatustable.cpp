#include "agentstatustable.h"

#include "run/runsummaryview.h"
#include "tableitems.h"
#include "themedicon.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>

namespace cwb {

AgentStatusTable::AgentStatusTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("agentStatusTable"));
    setHorizontalHeaderLabels(
        {tr("Agent"), tr("State"), tr("Users"), tr("Operations"), tr("Errors"), tr("Ops/s"), tr("p99"), tr("Reason")});
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setToolTip(tr("Each agent of the distributed run: its state, its share of the load and, when it was lost or "
                  "refused, why"));
}

QString AgentStatusTable::stateText(const QString &state)
{
    if (state == QLatin1String("starting"))
        return tr("Starting");
    if (state == QLatin1String("running"))
        return tr("Running");
    if (state == QLatin1String("finished"))
        return tr("Finished");
    if (state == QLatin1String("lost"))
        return tr("Lost");
    if (state == QLatin1String("refused"))
        return tr("Refused");
    return state;
}

void AgentStatusTable::showLive(const std::vector<AgentSummary> &agents)
{
    showAgents(agents, -1);
}

void AgentStatusTable::showResult(const RunResult &result)
{
    showAgents(result.agents, result.measuredSec);
}

void AgentStatusTable::showAgents(const std::vector<AgentSummary> &agents, double measuredSec)
{
    const QLocale locale;
    setRowCount(0);
    for (const AgentSummary &a : agents) {
        const double opsPerSec = measuredSec < 0 ? a.throughput
            : measuredSec > 0                    ? double(a.operations - std::min(a.errors, a.operations)) / measuredSec
                                                 : 0;
        appendReadOnlyRow(this,
                          {a.agent, stateText(a.state), locale.toString(a.users), locale.toString(qulonglong(a.operations)),
                           locale.toString(qulonglong(a.errors)), locale.toString(opsPerSec, 'f', 0),
                           a.operations > 0 ? RunSummaryView::formatLatencyUs(a.p99Us) : tr("n/a"), a.failureReason},
                          Users);
        const int row = rowCount() - 1;
        item(row, Reason)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        // A lost or refusing agent stands out: its figures stop where it stopped.
        if (a.lost || a.state == QLatin1String("refused"))
            item(row, State)->setIcon(themedIcon(QStringLiteral("warning")));
    }
}

} // namespace cwb
