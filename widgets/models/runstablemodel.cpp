#include "runstablemodel.h"

#include "run/runsummaryview.h"

#include <QFont>
#include <QLocale>

namespace cwb {

RunsTableModel::RunsTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunsTableModel::setRuns(std::vector<RunRow> rows, QHash<QString, QString> verdicts)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_verdicts = std::move(verdicts);
    endResetModel();
}

int RunsTableModel::rowOf(const QString &runId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].runId == runId)
            return int(i);
    return -1;
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunsTableModel::statusText(const RunRow &row)
{
    if (row.status == QLatin1String("completed"))
        return tr("completed");
    if (row.status == QLatin1String("stopped"))
        return row.measuredSec >= 0 ? tr("stopped after %1 s").arg(QLocale().toString(row.measuredSec, 'f', 1))
                                    : tr("stopped");
    if (row.status == QLatin1String("failed"))
        return tr("failed");
    return row.status;
}

QString RunsTableModel::verdictText(const RunRow &row) const
{
    if (row.isBaseline)
        return tr("baseline");
    // Never "improved" for a run that was cut short: its length, not the server, changed.
    if (row.status != QLatin1String("completed"))
        return tr("not comparable (%1)").arg(statusText(row));
    const QString v = m_verdicts.value(row.runId);
    if (v == QLatin1String("improved"))
        return tr("improved");
    if (v == QLatin1String("unchanged"))
        return tr("unchanged");
    if (v == QLatin1String("regressed"))
        return tr("regressed");
    if (v == QLatin1String("not comparable"))
        return tr("not comparable");
    return tr("no baseline");
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow &r = m_rows[size_t(index.row())];
    const QLocale locale;
    if (role == kRunIdRole)
        return r.runId;
    if (role == kSortRole) {
        switch (index.column()) {
        case Name: return r.testName;
        case Preset: return r.preset;
        case Target: return r.target;
        case Date: return r.startedAt;
        case Status: return r.status;
        case Throughput: return r.throughput;
        case P99: return r.p99Us;
        case ErrorRate: return r.errorRate;
        case Verdict: return verdictText(r);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return r.testName;
        case Preset: return r.preset.isEmpty() ? tr("custom") : r.preset;
        case Target: return r.target;
        case Date: return locale.toString(r.startedAt.toLocalTime(), QLocale::ShortFormat);
        case Status: return statusText(r);
        case Throughput: return r.throughput < 0 ? tr("n/a") : locale.toString(r.throughput, 'f', 0);
        case P99: return RunSummaryView::formatLatencyUs(r.p99Us);
        case ErrorRate: return r.errorRate < 0 ? tr("n/a") : locale.toString(100.0 * r.errorRate, 'f', 2) + u'%';
        case Verdict: return verdictText(r);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Throughput && index.column() <= ErrorRate)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && r.isBaseline) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole) {
        QString tip = tr("Run %1 (%2, %3)").arg(r.runId, r.status, r.source);
        if (r.isBaseline)
            tip += u'\n' + tr("The baseline for this test name and target");
        return tip;
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name: return tr("Name");
        case Preset: return tr("Preset");
        case Target: return tr("Target");
        case Date: return tr("Date");
        case Status: return tr("Status");
        case Throughput: return tr("Throughput (ops/s)");
        case P99: return tr("p99");
        case ErrorRate: return tr("Error rate");
        case Verdict: return tr("Verdict vs baseline");
        }
    }
    if (role == Qt::ToolTipRole && section == Verdict)
        return tr("Compared with the baseline of the same test name and target");
    return {};
}

} // namespace cwb
