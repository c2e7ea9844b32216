#pragma once

#include "optimize/autotuner.h"
#include "optimize/hotkeyscan.h"
#include "optimize/loadconfigpatch.h"
#include "redis/endpoint.h"

#include <QWidget>

#include <atomic>
#include <mutex>
#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;

namespace cwb {

class PageHeader;

// The auto-tuner in the GUI: pick strategies and budgets, run on a worker thread (progress,
// cancel), see each sweep as a chart (throughput and p99 against the swept parameter), the
// hot/big keys and the recommendations with their measured gains; "Apply to test
// configuration" hands the recommended LoadTestConfig changes to whoever listens.
class OptimisationPage : public QWidget
{
    Q_OBJECT
public:
    explicit OptimisationPage(QWidget *parent = nullptr);
    ~OptimisationPage() override;

    PageHeader *header() const { return m_header; }
    // Where experiments run; asked at each start (the target bar's current endpoint).
    void setEndpointProvider(std::function<std::optional<Endpoint>()> provider) { m_endpointProvider = std::move(provider); }
    void setTunerOptions(const TunerOptions &options); // fills the form
    TunerOptions tunerOptions() const;
    bool hotKeysSelected() const;
    bool isRunning() const { return m_thread != nullptr; }
    const TuningReport &lastReport() const { return m_report; }

    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *applyButton() const { return m_apply; }
    QTableWidget *recommendationTable() const { return m_recommendations; }
    QTableWidget *keyTable() const { return m_keys; }
    QCustomPlot *pipelinePlot() const { return m_pipelinePlot; }
    QCustomPlot *poolPlot() const { return m_poolPlot; }

public slots:
    void start();
    void cancel();

signals:
    void applyToTestConfiguration(const cwb::LoadConfigPatch &patch);
    void finished();

private:
    void onProgress(const QString &message, double fraction);
    void onFinished(const TuningReport &report, const HotKeyExperimentResult &hotKeys, bool ranHotKeys);
    void plotSweep(QCustomPlot *plot, const Sweep &sweep);
    void setRunning(bool running);

    PageHeader *m_header = nullptr;
    QCheckBox *m_pipeline = nullptr;
    QCheckBox *m_pool = nullptr;
    QCheckBox *m_compression = nullptr;
    QCheckBox *m_ttl = nullptr;
    QCheckBox *m_hotKeys = nullptr;
    QSpinBox *m_budget = nullptr;
    QSpinBox *m_memoryBudget = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_apply = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QCustomPlot *m_pipelinePlot = nullptr;
    QCustomPlot *m_poolPlot = nullptr;
    QTableWidget *m_recommendations = nullptr;
    QTableWidget *m_keys = nullptr;

    std::function<std::optional<Endpoint>()> m_endpointProvider;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stop;
    // The tuner lives on the worker's stack; the mutex keeps cancel() from reaching it while
    // the worker clears the pointer and destroys it.
    std::mutex m_tunerMutex;
    AutoTuner *m_tuner = nullptr;
    TuningReport m_report;
};

} // namespace cwb
