#pragma once

#include "optimize/loadconfigpatch.h"
#include "optimize/optimizejobs.h"
#include "pagecontext.h"
#include "redis/endpoint.h"

#include <QWidget>

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
class QTabWidget;

namespace cwb {

class KeyScanPanel;
class PageHeader;

// The auto-tuner in the GUI: pick strategies and budgets, run as a tuning job (progress,
// cancel), see each sweep as a chart (throughput and p99 against the swept parameter), the
// hot/big keys of the target (a read-only scan) and of a synthetic demonstration trace, and the
// recommendations with their measured gains; "Apply to test
// configuration" hands the recommended LoadTestConfig changes to whoever listens.
class OptimisationPage : public QWidget
{
    Q_OBJECT
public:
    explicit OptimisationPage(const PageContext &context, QWidget *parent = nullptr);
    ~OptimisationPage() override;

    PageHeader *header() const { return m_header; }
    void setTunerOptions(const TunerOptions &options); // fills the form
    TunerOptions tunerOptions() const;
    bool hotKeysSelected() const;
    bool isRunning() const { return m_job != nullptr; }
    const TuningReport &lastReport() const { return m_report; }

    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *applyButton() const { return m_apply; }
    QTableWidget *recommendationTable() const { return m_recommendations; }
    QTableWidget *keyTable() const { return m_keys; } // the demonstration's keys
    KeyScanPanel *keyScan() const { return m_keyScan; }
    QCustomPlot *pipelinePlot() const { return m_pipelinePlot; }
    QCustomPlot *poolPlot() const { return m_poolPlot; }

public slots:
    void start();
    void cancel();

signals:
    void applyToTestConfiguration(const cwb::LoadConfigPatch &patch);
    void finished();

private:
    QWidget *buildKeyTabs(const PageContext &context);
    void onProgress(const jobs::StepProgress &progress);
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
    KeyScanPanel *m_keyScan = nullptr;
    QTabWidget *m_keyTabs = nullptr;

    // Where experiments run; asked at each start.
    TargetSource *m_target = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    TuningJob *m_job = nullptr; // the tuner lives on its thread; only its stop is reachable here
    TuningReport m_report;
};

} // namespace cwb
