#pragma once

#include "store/resultstore.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace cwb {

// Stored runs as table rows (RunRow from the store's listRuns) plus each run's verdict against
// the baseline of its test name and target. Display text is formatted; kSortRole gives the raw
// value so a QSortFilterProxyModel sorts numbers as numbers and dates as dates.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Preset, Target, Date, Status, Throughput, P99, ErrorRate, Verdict, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kRunIdRole = Qt::UserRole + 2;

    explicit RunsTableModel(QObject *parent = nullptr);

    // verdicts: run id -> "improved" / "unchanged" / "regressed" / "not comparable"; a missing
    // id means there is no baseline to judge against.
    void setRuns(std::vector<RunRow> rows, QHash<QString, QString> verdicts = {});
    const RunRow &run(int row) const { return m_rows[size_t(row)]; }
    int rowOf(const QString &runId) const;
    QString verdict(const QString &runId) const { return m_verdicts.value(runId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QString statusText(const RunRow &row);
    QString verdictText(const RunRow &row) const;

    std::vector<RunRow> m_rows;
    QHash<QString, QString> m_verdicts;
};

} // namespace cwb
