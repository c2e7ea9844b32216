#pragma once

#include "pagecontext.h"
#include "store/resultstore.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace cwb {

class AsyncResultStore;
class PageHeader;
class PercentileSpectrumChart;
class RunCharts;
class RunSummaryView;
class RunsTableModel;
class SeriesChart;

// Stored runs: a sortable, filterable table; open one to see its charts and summary; select
// two to overlay them with a delta table; mark the baseline; delete; export the selection.
// Every store access goes through AsyncResultStore (worker thread).
class ResultsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPage(const PageContext &context, QWidget *parent = nullptr);

    PageHeader *header() const { return m_header; }
    QTableView *table() const { return m_table; }
    RunsTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTabWidget *detailTabs() const { return m_details; }
    RunCharts *charts() const { return m_charts; }
    RunSummaryView *summary() const { return m_summary; }
    SeriesChart *overlayChart() const { return m_overlay; }
    QTableWidget *deltaTable() const { return m_delta; }

    bool hasSelection() const;
    QStringList selectedRunIds() const;
    // The run shown in the detail tabs; empty before one is opened.
    QString openRunId() const { return m_openRunId; }

public Q_SLOTS:
    void refresh();
    void openRun(const QString &runId);
    void openSelected();
    void compareSelected();
    void toggleBaseline();
    void deleteSelected();
    // The selected rows as a table (CSV) or full documents (JSON, array of runs). An empty
    // path asks with a file dialog; the format follows the suffix.
    bool exportSelection(const QString &path = {});

Q_SIGNALS:
    void selectionChanged();
    void refreshed();
    void runOpened(const QString &runId);
    void comparisonShown();

private:
    void updateButtons();
    void showComparison(const StoredRun &a, const StoredRun &b);

    PageHeader *m_header = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    RunsTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_baselineButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTabWidget *m_details = nullptr;
    RunCharts *m_charts = nullptr;
    RunSummaryView *m_summary = nullptr;
    QWidget *m_compareTab = nullptr;
    SeriesChart *m_overlay = nullptr;
    PercentileSpectrumChart *m_overlaySpectrum = nullptr;
    QTableWidget *m_delta = nullptr;
    QLabel *m_compareLabel = nullptr;

    AsyncResultStore *m_store = nullptr;
    MessageSink *m_messages = nullptr;
    QString m_openRunId;
    quint64 m_generation = 0; // drops answers to refreshes that a newer one overtook
};

} // namespace cwb
