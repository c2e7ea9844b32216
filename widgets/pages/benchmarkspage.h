#pragma once

#include "bench/benchmarksequence.h"
#include "pagecontext.h"
#include "redis/endpoint.h"

#include <QMap>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace cwb {

class AsyncResultStore;
class PageHeader;
class SeriesChart;

// The ten specialised benchmarks: a checklist, Run selected / Run all on a worker thread with
// per-benchmark progress and Cancel, a results table, charts (latency per operation, the
// stress ramp, memory before/after/peak) and the stored trend of the selected benchmark.
class BenchmarksPage : public QWidget
{
    Q_OBJECT
public:
    explicit BenchmarksPage(const PageContext &context, QWidget *parent = nullptr);
    ~BenchmarksPage() override;

    PageHeader *header() const { return m_header; }

    void setUseSandbox(bool on);
    // Parameter overrides per benchmark (tests and power users; the defaults are short).
    void setParameters(const QString &benchmark, const QMap<QString, double> &parameters);

    void setChecked(const QStringList &names);
    QStringList checkedNames() const;
    bool isRunning() const { return m_job != nullptr; }
    const BenchmarkResult *result(const QString &name) const;

    // For tests: the widgets.
    QTableWidget *checklist() const { return m_checklist; }
    QTableWidget *resultsTable() const { return m_results; }
    QCustomPlot *latencyChart() const { return m_latencyChart; }
    QCustomPlot *memoryChart() const { return m_memoryChart; }
    SeriesChart *rampChart() const { return m_rampChart; }
    SeriesChart *trendChart() const { return m_trendChart; }
    QLabel *trendVerdict() const { return m_trendVerdict; }

public slots:
    void runSelected();
    void runAll();
    void cancel();

signals:
    void benchmarkFinished(const QString &name);
    void runFinished();
    void trendShown(const QString &name);

private:
    // The target of the connection bar; used unless "Run on a local sandbox" is ticked.
    void setTarget(const std::optional<Endpoint> &endpoint);
    void start(const QStringList &names);
    void onProgress(const QString &name, double fraction, const QString &what);
    void onResult(const BenchmarkResult &result);
    void onFinished(const QString &error, bool stopped);
    void showResult(const QString &name);
    void showLatency(const BenchmarkResult &result);
    void showMemory(const BenchmarkResult &result);
    void showRamp();
    void loadTrend(const QString &name, const QString &target);
    void updateButtons();
    int rowOf(const QString &name) const;
    QString selectedName() const;

    PageHeader *m_header = nullptr;
    QTableWidget *m_checklist = nullptr;
    QCheckBox *m_sandbox = nullptr;
    QLabel *m_targetLabel = nullptr;
    QPushButton *m_runSelected = nullptr;
    QPushButton *m_runAll = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_results = nullptr;
    QCustomPlot *m_latencyChart = nullptr;
    QCustomPlot *m_memoryChart = nullptr;
    SeriesChart *m_rampChart = nullptr;
    SeriesChart *m_trendChart = nullptr;
    QLabel *m_trendVerdict = nullptr;

    // Results are saved to and trends read from the store; none = no history.
    AsyncResultStore *m_store = nullptr;
    TargetSource *m_target = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    std::optional<Endpoint> m_endpoint;
    std::map<QString, QMap<QString, double>> m_parameters;
    std::map<QString, BenchmarkResult> m_resultsByName;
    BenchmarkSequenceJob *m_job = nullptr;
    size_t m_resultsShown = 0; // of the job's finished results
};

} // namespace cwb
