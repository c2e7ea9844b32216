#pragma once

#include "load/loadconfig.h"
#include "redis/endpoint.h"
#include "load/runresult.h"
#include "load/runsnapshot.h"

#include "pagecontext.h"

#include <QElapsedTimer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;

namespace cwb {

class AgentStatusTable;
class AgentsPanel;
class AsyncResultStore;
class LoadConfigForm;
class LoadRunner;
class PageHeader;
class RunCharts;
class RunSummaryView;
class MessageSink;
class TargetSource;

// Configure and run a load test; live throughput, latency percentiles and errors; the summary
// when it ends, with exports, baseline and comparison. Runs go through LoadRunner (its own
// thread) and finished runs are saved through AsyncResultStore (its own thread): nothing here
// blocks the event loop. "Run on: Agents" runs the test on the agents checked on the Agents tab
// (a DistributedLoadJob, distrib/distributedjob.h) instead of this machine; its merged snapshots
// and result are shown, saved and exported as a local run's are, with each agent's state beside.
class LoadTestPage : public QWidget
{
    Q_OBJECT
public:
    explicit LoadTestPage(const PageContext &context, QWidget *parent = nullptr);
    ~LoadTestPage() override;

    PageHeader *header() const { return m_header; }
    LoadConfigForm *form() const { return m_form; }
    RunCharts *charts() const { return m_charts; }
    RunSummaryView *summary() const { return m_summary; }
    QTabWidget *tabs() const { return m_tabs; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QComboBox *presetBox() const { return m_presets; }
    QComboBox *suiteBox() const { return m_suites; }
    QTableWidget *comparisonTable() const { return m_comparison; }
    LoadRunner *runner() const { return m_runner; }
    QComboBox *runOnBox() const { return m_runOn; }
    AgentsPanel *agentsPanel() const { return m_agentsPanel; }
    // Each agent of the running (or last) distributed run, live.
    AgentStatusTable *agentStatusTable() const { return m_agentStatus; }
    bool runsOnAgents() const;
    void setRunsOnAgents(bool onAgents);

    // The window's Start/Stop/Open/Save actions, bound once by the main window.
    void bindActions(QAction *start, QAction *stop, QAction *openConfig, QAction *saveConfig);

    bool isRunning() const;
    bool canStart() const;
    bool hasResult() const { return m_lastResult.has_value(); }
    const std::optional<RunResult> &lastResult() const { return m_lastResult; }
    // Store id of the last finished run once it is saved; empty before.
    QString lastSavedRunId() const { return m_lastSavedRunId; }
    QString runStateText() const { return m_runStateText; }

public Q_SLOTS:
    void start();
    void stop();
    void startSuite();
    // An empty path asks with a file dialog (see filechooser.h). They report problems through
    // message() and return false.
    bool openConfig(const QString &path = {});
    bool saveConfig(const QString &path = {});
    bool exportCsv(const QString &path = {});
    bool exportJson(const QString &path = {});
    bool exportPrometheus(const QString &path = {});
    bool generateReport(const QString &path = {});
    // Ctrl+E: one dialog, the format by the chosen file's suffix.
    bool exportWithDialog();
    void saveAsBaseline();
    void compareWithBaseline();

Q_SIGNALS:
    void runStateTextChanged(const QString &text);
    // The target's used_memory as the running load last read it (about once a second).
    void serverMemorySampled(qint64 bytes);
    void runningChanged(bool running);
    void resultAvailableChanged(bool available);
    void runSaved(const QString &runId);
    void comparisonShown();

private:
    QWidget *buildConfigPane();
    QWidget *buildRunPane();
    QWidget *buildAgentsTab();
    bool startConfig(const LoadTestConfig &config);
    bool startOnAgents(const LoadTestConfig &config, const Endpoint &target);
    void updateRunOnText();
    void watchStore();
    void onSnapshot(const RunSnapshot &snapshot);
    void onRunEnded(const RunResult &result, const QString &failure);
    void startNextSuiteTest();
    void updateControls();
    void setRunState(const QString &text);
    void applyPreset(int index);
    void loadSettings();
    void saveSettings() const;
    QString suggestedFileName(const QString &suffix) const;
    bool writeFile(const QString &path, const QByteArray &data);

    PageHeader *m_header = nullptr;
    LoadConfigForm *m_form = nullptr;
    RunCharts *m_charts = nullptr;
    RunSummaryView *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_splitter = nullptr;
    QComboBox *m_presets = nullptr;
    QComboBox *m_suites = nullptr;
    QPushButton *m_suiteButton = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_liveLabel = nullptr;
    QProgressBar *m_suiteProgress = nullptr;
    QLabel *m_suiteLabel = nullptr;
    QWidget *m_resultButtons = nullptr;
    QPushButton *m_baselineButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_reportButton = nullptr;
    QTableWidget *m_comparison = nullptr;
    QLabel *m_comparisonLabel = nullptr;
    QComboBox *m_runOn = nullptr;
    AgentsPanel *m_agentsPanel = nullptr;
    AgentStatusTable *m_agentStatus = nullptr;
    QWidget *m_agentRunBox = nullptr;
    QWidget *m_agentsTab = nullptr;

    AsyncResultStore *m_store = nullptr;
    TargetSource *m_target = nullptr;
    MessageSink *m_messages = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    LoadRunner *m_runner = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;

    std::optional<RunResult> m_lastResult;
    QString m_lastSavedRunId;
    quint64 m_pendingSave = 0;
    quint64 m_pendingBaseline = 0;
    QString m_runStateText;
    QString m_currentPreset;
    QElapsedTimer m_spectrumClock;

    // Suite in progress: its tests, the next index, and the store's suite id.
    std::optional<TestSuite> m_suite;
    int m_suiteIndex = 0;
    QString m_suiteId;
    bool m_stopRequested = false;
};

} // namespace cwb
