#include "loadtestpage.h"

#include "agents/agentspanel.h"
#include "agents/agentstatustable.h"
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "config/loadconfigform.h"
#include "distrib/distributedjob.h"
#include "filechooser.h"
#include "json/strictjson.h"
#include "load/loadrunner.h"
#include "pageheader.h"
#include "run/runsummaryview.h"
#include "store/asyncresultstore.h"
#include "store/comparison.h"
#include "store/csvexport.h"
#include "store/htmlreport.h"
#include "store/prometheusexport.h"
#include "messagesink.h"
#include "targetsource.h"
#include "themedicon.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace cwb {

namespace {

const auto kConfigKey = QLatin1String("loadtest/lastConfig");
const auto kSplitterKey = QLatin1String("loadtest/splitter");
const auto kRunOnAgentsKey = QLatin1String("loadtest/runOnAgents");
constexpr int kProgressSteps = 1000;

QString seconds(double s)
{
    const int total = int(std::lround(std::max(0.0, s)));
    if (total >= 3600)
        return QStringLiteral("%1:%2:%3").arg(total / 3600).arg(total / 60 % 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString phaseText(RunPhase phase)
{
    switch (phase) {
    case RunPhase::Connecting:
        return LoadTestPage::tr("Connecting");
    case RunPhase::WarmingUp:
        return LoadTestPage::tr("Warming up");
    case RunPhase::Running:
        return LoadTestPage::tr("Running");
    case RunPhase::Stopping:
        return LoadTestPage::tr("Stopping");
    case RunPhase::Finished:
        return LoadTestPage::tr("Finished");
    case RunPhase::Failed:
        return LoadTestPage::tr("Failed");
    }
    return {};
}

} // namespace

LoadTestPage::LoadTestPage(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_store(context.store), m_target(context.target), m_messages(context.messages),
      m_launcher(context.launcher), m_runner(new LoadRunner(this))
{
    Q_ASSERT(m_target && m_messages && m_launcher);
    m_runner->setLauncher(m_launcher);
    setObjectName(QStringLiteral("loadtestpage"));
    m_header = new PageHeader(
        tr("Load Test"),
        tr("Configure a load test against the target server and watch throughput, latency and errors live."), this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("loadTestSplitter"));
    m_splitter->addWidget(buildConfigPane());
    m_splitter->addWidget(buildRunPane());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({400, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_splitter, 1);

    connect(m_runner, &LoadRunner::snapshotAvailable, this, &LoadTestPage::onSnapshot);
    connect(m_runner, &LoadRunner::runFinished, this, [this](const RunResult &r) { onRunEnded(r, {}); });
    connect(m_runner, &LoadRunner::runFailed, this,
            [this](const QString &reason, const RunResult &r) { onRunEnded(r, reason); });
    connect(m_form, &LoadConfigForm::validityChanged, this, &LoadTestPage::updateControls);
    connect(m_form, &LoadConfigForm::configChanged, this, [this] {
        // An edit after picking a preset makes it a custom test; the picker says so.
        if (m_presets->currentIndex() > 0 && presetByName(m_presets->currentText()) != m_form->config()) {
            const QSignalBlocker block(m_presets);
            m_presets->setCurrentIndex(0);
            m_currentPreset.clear();
        }
    });

    watchStore();
    loadSettings();
    setRunState(tr("Idle"));
    updateControls();
}

LoadTestPage::~LoadTestPage()
{
    saveSettings();
}

QWidget *LoadTestPage::buildConfigPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 6, 0);

    auto *presetRow = new QHBoxLayout;
    auto *presetLabel = new QLabel(tr("Pr&eset:"), pane);
    m_presets = new QComboBox(pane);
    m_presets->setObjectName(QStringLiteral("presetBox"));
    m_presets->setToolTip(tr("Fill the form from a built-in test; any edit makes it a custom test"));
    m_presets->addItem(tr("Custom"));
    m_presets->addItems(presetNames());
    presetLabel->setBuddy(m_presets);
    connect(m_presets, &QComboBox::activated, this, &LoadTestPage::applyPreset);
    auto *openButton = new QPushButton(tr("Open…"), pane);
    openButton->setObjectName(QStringLiteral("openConfigButton"));
    openButton->setToolTip(tr("Load a configuration from a JSON file (Ctrl+O)"));
    connect(openButton, &QPushButton::clicked, this, [this] { openConfig(); });
    auto *saveButton = new QPushButton(tr("Save…"), pane);
    saveButton->setObjectName(QStringLiteral("saveConfigButton"));
    saveButton->setToolTip(tr("Save the configuration as JSON, without any password (Ctrl+S)"));
    connect(saveButton, &QPushButton::clicked, this, [this] { saveConfig(); });
    presetRow->addWidget(presetLabel);
    presetRow->addWidget(m_presets, 1);
    presetRow->addWidget(openButton);
    presetRow->addWidget(saveButton);
    layout->addLayout(presetRow);

    auto *runOnRow = new QHBoxLayout;
    auto *runOnLabel = new QLabel(tr("R&un on:"), pane);
    m_runOn = new QComboBox(pane);
    m_runOn->setObjectName(QStringLiteral("runOnBox"));
    m_runOn->setToolTip(tr("Where the load comes from: this machine, or the agents checked on the Agents tab "
                           "(one run, merged exactly)"));
    m_runOn->addItem(tr("This machine"));
    m_runOn->addItem(tr("Agents"));
    runOnLabel->setBuddy(m_runOn);
    connect(m_runOn, &QComboBox::activated, this, [this](int index) {
        if (index == 1)
            m_tabs->setCurrentWidget(m_agentsTab); // where the agents are chosen
        updateControls();
    });
    runOnRow->addWidget(runOnLabel);
    runOnRow->addWidget(m_runOn, 1);
    layout->addLayout(runOnRow);

    m_form = new LoadConfigForm(pane);
    auto *scroll = new QScrollArea(pane);
    scroll->setObjectName(QStringLiteral("configScroll"));
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_form->sizeHint().width() + 24);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_form->issueSummary()); // fixed height, below the fields: nothing moves

    auto *suiteBox = new QGroupBox(tr("Suite"), pane);
    auto *suiteLayout = new QHBoxLayout(suiteBox);
    m_suites = new QComboBox(suiteBox);
    m_suites->setObjectName(QStringLiteral("suiteBox"));
    m_suites->setToolTip(tr("A built-in sequence of tests, run one after another against the target"));
    for (const QString &name : suiteNames()) {
        const auto suite = suiteByName(name);
        m_suites->addItem(name);
        if (suite)
            m_suites->setItemData(m_suites->count() - 1,
                                  tr("%1 (%n test(s))", nullptr, int(suite->tests.size())).arg(suite->description),
                                  Qt::ToolTipRole);
    }
    m_suiteButton = new QPushButton(themedIcon(QStringLiteral("start")), tr("Run s&uite"), suiteBox);
    m_suiteButton->setObjectName(QStringLiteral("runSuiteButton"));
    m_suiteButton->setToolTip(tr("Run every test of the chosen suite in turn; each is saved to the results"));
    connect(m_suiteButton, &QPushButton::clicked, this, &LoadTestPage::startSuite);
    suiteLayout->addWidget(m_suites, 1);
    suiteLayout->addWidget(m_suiteButton);
    layout->addWidget(suiteBox);
    return pane;
}

QWidget *LoadTestPage::buildRunPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 0, 0);

    // Run control: start/stop, progress with elapsed and remaining time, live figures.
    auto *control = new QHBoxLayout;
    m_startButton = new QPushButton(themedIcon(QStringLiteral("start")), tr("Start"), pane);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setToolTip(tr("Start the load test against the target (F5)"));
    connect(m_startButton, &QPushButton::clicked, this, &LoadTestPage::start);
    m_stopButton = new QPushButton(themedIcon(QStringLiteral("stop")), tr("Stop"), pane);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_stopButton->setToolTip(tr("Stop the run; what was measured so far is kept (Shift+F5 or Esc)"));
    connect(m_stopButton, &QPushButton::clicked, this, &LoadTestPage::stop);
    m_progress = new QProgressBar(pane);
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setToolTip(tr("Progress of the current run, warm-up included"));
    m_progressLabel = new QLabel(tr("Not running"), pane);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setMinimumWidth(m_progressLabel->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 34);
    control->addWidget(m_startButton);
    control->addWidget(m_stopButton);
    control->addWidget(m_progress, 1);
    control->addWidget(m_progressLabel);
    layout->addLayout(control);

    m_liveLabel = new QLabel(pane);
    m_liveLabel->setObjectName(QStringLiteral("liveLabel"));
    m_liveLabel->setToolTip(tr("Figures of the last tenth of a second"));
    layout->addWidget(m_liveLabel);

    auto *suiteRow = new QHBoxLayout;
    m_suiteLabel = new QLabel(pane);
    m_suiteLabel->setObjectName(QStringLiteral("suiteLabel"));
    m_suiteProgress = new QProgressBar(pane);
    m_suiteProgress->setObjectName(QStringLiteral("suiteProgress"));
    m_suiteProgress->setToolTip(tr("Tests of the suite completed"));
    m_suiteProgress->setFormat(tr("%v of %m tests"));
    suiteRow->addWidget(m_suiteLabel);
    suiteRow->addWidget(m_suiteProgress, 1);
    m_suiteLabel->hide();
    m_suiteProgress->hide();
    layout->addLayout(suiteRow);

    m_tabs = new QTabWidget(pane);
    m_tabs->setObjectName(QStringLiteral("runTabs"));
    m_charts = new RunCharts(m_tabs);
    m_tabs->addTab(m_charts, tr("&Live charts"));

    auto *summaryPage = new QWidget(m_tabs);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    m_summary = new RunSummaryView(summaryPage);
    summaryLayout->addWidget(m_summary, 3);

    m_comparisonLabel = new QLabel(summaryPage);
    m_comparisonLabel->setObjectName(QStringLiteral("comparisonLabel"));
    m_comparisonLabel->setWordWrap(true);
    m_comparison = new QTableWidget(0, 5, summaryPage);
    m_comparison->setObjectName(QStringLiteral("comparisonTable"));
    m_comparison->setHorizontalHeaderLabels({tr("Metric"), tr("Baseline"), tr("This run"), tr("Change"), tr("Verdict")});
    m_comparison->verticalHeader()->hide();
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparison->horizontalHeader()->setStretchLastSection(true);
    m_comparison->setToolTip(tr("This run against the baseline of its test name and target"));
    m_comparisonLabel->hide();
    m_comparison->hide();
    summaryLayout->addWidget(m_comparisonLabel);
    summaryLayout->addWidget(m_comparison, 2);

    // Two rows, baseline actions above exports: in one row the six buttons (longer in German)
    // made the page wider than a 1280-pixel window.
    m_resultButtons = new QWidget(summaryPage);
    auto *rows = new QVBoxLayout(m_resultButtons);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    rows->addLayout(buttons);
    auto addButton = [&](const QString &name, const QString &text, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, m_resultButtons);
        b->setObjectName(name);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    m_baselineButton = addButton(QStringLiteral("baselineButton"), tr("Save as &baseline"),
                                 tr("Make this run the baseline for its test name and target"),
                                 &LoadTestPage::saveAsBaseline);
    m_compareButton = addButton(QStringLiteral("compareButton"), tr("&Compare with baseline"),
                                tr("Compare this run with the baseline of its test name and target"),
                                &LoadTestPage::compareWithBaseline);
    buttons->addStretch(1);
    buttons = new QHBoxLayout;
    rows->addLayout(buttons);
    addButton(QStringLiteral("exportCsvButton"), tr("Export C&SV…"), tr("The per-second series as CSV"),
              [this] { exportCsv(); });
    addButton(QStringLiteral("exportJsonButton"), tr("Export &JSON…"),
              tr("Every metric, per-operation percentiles and histograms as JSON"), [this] { exportJson(); });
    addButton(QStringLiteral("exportPrometheusButton"), tr("Export &Prometheus…"),
              tr("The run's metrics in the Prometheus text format"), [this] { exportPrometheus(); });
    m_reportButton = addButton(QStringLiteral("reportButton"), tr("&Report…"),
                               tr("A self-contained HTML report with tables and charts"), [this] { generateReport(); });
    buttons->addStretch(1);
    summaryLayout->addWidget(m_resultButtons);
    m_tabs->addTab(summaryPage, tr("S&ummary"));
    m_tabs->addTab(buildAgentsTab(), tr("A&gents"));

    layout->addWidget(m_tabs, 1);
    return pane;
}

QWidget *LoadTestPage::buildAgentsTab()
{
    m_agentsTab = new QWidget(m_tabs);
    m_agentsTab->setObjectName(QStringLiteral("agentsTab"));
    auto *layout = new QVBoxLayout(m_agentsTab);
    m_agentsPanel = new AgentsPanel(m_agentsTab);
    connect(m_agentsPanel, &AgentsPanel::chosenAgentsChanged, this, &LoadTestPage::updateRunOnText);
    connect(m_agentsPanel, &AgentsPanel::agentsListed, this, &LoadTestPage::updateRunOnText);
    connect(m_agentsPanel, &AgentsPanel::chosenAgentsChanged, this, [this] {
        if (!m_agentsPanel->chosenAgents().isEmpty() && !runsOnAgents()) // checking one means "run there"
            setRunsOnAgents(true);
    });
    layout->addWidget(m_agentsPanel, 3);

    auto *runBox = new QGroupBox(tr("Agents of this run"), m_agentsTab);
    m_agentRunBox = runBox;
    m_agentStatus = new AgentStatusTable(runBox);
    (new QVBoxLayout(runBox))->addWidget(m_agentStatus);
    runBox->hide(); // until a distributed run starts
    layout->addWidget(runBox, 2);
    return m_agentsTab;
}

bool LoadTestPage::runsOnAgents() const
{
    return m_runOn->currentIndex() == 1;
}

void LoadTestPage::setRunsOnAgents(bool onAgents)
{
    m_runOn->setCurrentIndex(onAgents ? 1 : 0);
    updateControls();
}

void LoadTestPage::updateRunOnText()
{
    const int chosen = m_agentsPanel->checkedCount();
    m_runOn->setItemText(1, chosen > 0 ? tr("Agents (%n chosen)", nullptr, chosen) : tr("Agents"));
}

void LoadTestPage::watchStore()
{
    AsyncResultStore *store = m_store;
    if (!store)
        return;
    connect(store, &AsyncResultStore::runSaved, this, [this](quint64 request, const QString &runId) {
        if (request != m_pendingSave)
            return;
        m_pendingSave = 0;
        m_lastSavedRunId = runId;
        updateControls();
        Q_EMIT runSaved(runId);
    });
    connect(store, &AsyncResultStore::baselineChanged, this, [this](quint64 request, const QString &) {
        if (request != m_pendingBaseline)
            return;
        m_pendingBaseline = 0;
        m_messages->post(MessageType::Information, tr("This run is now the baseline for its test and target."), {});
    });
    connect(store, &AsyncResultStore::requestFailed, this, [this](quint64 request, const QString &error) {
        if (request == m_pendingBaseline) {
            m_pendingBaseline = 0;
            m_messages->post(MessageType::Error, tr("The baseline could not be set."), error);
        }
        if (request == m_pendingSave) {
            m_pendingSave = 0;
            m_messages->post(MessageType::Error, tr("The run could not be saved to the results."), error);
        }
    });
    updateControls();
}

void LoadTestPage::bindActions(QAction *start, QAction *stop, QAction *openConfig, QAction *saveConfig)
{
    m_startAction = start;
    m_stopAction = stop;
    connect(start, &QAction::triggered, this, &LoadTestPage::start);
    connect(stop, &QAction::triggered, this, &LoadTestPage::stop);
    connect(openConfig, &QAction::triggered, this, [this] { this->openConfig(); });
    connect(saveConfig, &QAction::triggered, this, [this] { this->saveConfig(); });
    openConfig->setEnabled(true);
    saveConfig->setEnabled(true);
    updateControls();
}

bool LoadTestPage::isRunning() const
{
    return m_runner->isRunning();
}

bool LoadTestPage::canStart() const
{
    return !isRunning() && m_form->isValid();
}

void LoadTestPage::updateControls()
{
    const bool running = isRunning();
    m_startButton->setEnabled(canStart());
    m_stopButton->setEnabled(running);
    m_suiteButton->setEnabled(!running && m_suites->count() > 0);
    m_presets->setEnabled(!running);
    m_form->setEnabled(!running);
    m_runOn->setEnabled(!running);
    m_agentsPanel->setChoiceLocked(running);
    updateRunOnText();
    m_startButton->setToolTip(runsOnAgents() ? tr("Start the load test on the agents checked on the Agents tab (F5)")
                                             : tr("Start the load test against the target (F5)"));
    if (m_startAction)
        m_startAction->setEnabled(canStart());
    if (m_stopAction)
        m_stopAction->setEnabled(running);
    const bool saved = !m_lastSavedRunId.isEmpty() && m_store;
    m_baselineButton->setEnabled(saved);
    m_compareButton->setEnabled(saved);
    m_resultButtons->setEnabled(m_lastResult.has_value());
}

void LoadTestPage::setRunState(const QString &text)
{
    if (text == m_runStateText)
        return;
    m_runStateText = text;
    Q_EMIT runStateTextChanged(text);
}

void LoadTestPage::applyPreset(int index)
{
    if (index <= 0)
        return;
    if (const auto preset = presetByName(m_presets->itemText(index))) {
        m_form->setConfig(*preset);
        m_currentPreset = m_presets->itemText(index);
        const QSignalBlocker block(m_presets);
        m_presets->setCurrentIndex(index);
    }
}

void LoadTestPage::start()
{
    if (!canStart())
        return;
    m_suite.reset();
    m_suiteLabel->hide();
    m_suiteProgress->hide();
    startConfig(m_form->config());
}

bool LoadTestPage::startConfig(const LoadTestConfig &config)
{
    const std::optional<Endpoint> endpoint = m_target->endpoint();
    if (!endpoint) {
        m_messages->post(MessageType::Error, tr("Enter a valid target server first."), m_target->validationError());
        return false;
    }
    LoadTestConfig c = config;
    c.target = endpoint->displayUri();
    m_stopRequested = false;
    m_lastResult.reset();
    m_lastSavedRunId.clear();
    m_charts->clear();
    m_summary->clear();
    m_comparison->hide();
    m_comparisonLabel->hide();
    m_tabs->setCurrentIndex(0);
    m_progress->setValue(0);
    m_progress->setToolTip(tr("Progress of the current run, warm-up included"));
    m_liveLabel->clear();
    m_spectrumClock.invalidate();
    m_agentStatus->setRowCount(0);
    m_agentRunBox->setVisible(runsOnAgents());
    if (runsOnAgents() ? !startOnAgents(c, *endpoint) : !m_runner->start(c, *endpoint))
        return false;
    saveSettings();
    setRunState(tr("Connecting to %1…").arg(endpoint->address()));
    m_progressLabel->setText(tr("Connecting…"));
    updateControls();
    Q_EMIT resultAvailableChanged(false);
    Q_EMIT runningChanged(true);
    return true;
}

// The same test over the agents checked on the Agents tab, as `run --coordinator URI --agents
// NAMES` runs it; each agent takes the target's password from its own machine.
bool LoadTestPage::startOnAgents(const LoadTestConfig &config, const Endpoint &target)
{
    QString error;
    const std::optional<Endpoint> bus = m_agentsPanel->coordinator(&error);
    if (!bus) {
        m_messages->post(MessageType::Error, tr("Enter the coordination server on the Agents tab first."), error);
        return false;
    }
    const QStringList names = m_agentsPanel->chosenAgents();
    if (names.isEmpty()) {
        m_messages->post(MessageType::Error, tr("Check at least one idle agent on the Agents tab first."), {});
        m_tabs->setCurrentWidget(m_agentsTab);
        return false;
    }
    CoordinatorOptions options;
    options.bus = *bus;
    options.agents.kind = AgentSelection::Kind::Names;
    options.agents.names = names;
    options.allowExistingKeys = false; // as a run on this machine: never beside keys not ours
    auto *job = new DistributedLoadJob(config, target, options);
    return m_runner->start(job, job->runId());
}

void LoadTestPage::stop()
{
    if (!isRunning())
        return;
    m_stopRequested = true;
    m_runner->stop();
    setRunState(tr("Stopping…"));
    m_progressLabel->setText(tr("Stopping…"));
}

void LoadTestPage::startSuite()
{
    if (isRunning())
        return;
    const auto suite = suiteByName(m_suites->currentText());
    if (!suite || suite->tests.empty()) {
        m_messages->post(MessageType::Error, tr("The suite '%1' could not be loaded.").arg(m_suites->currentText()), {});
        return;
    }
    m_suite = suite;
    m_suiteIndex = 0;
    m_suiteId.clear();
    m_suiteProgress->setRange(0, int(suite->tests.size()));
    m_suiteProgress->setValue(0);
    m_suiteProgress->show();
    m_suiteLabel->show();
    if (m_store) {
        // The suite's id groups its runs in the store; the first test waits for it (a few ms).
        m_store->submit<QString>([name = suite->name](ResultStore &store) { return store.createSuite(name); },
                                 [this](QString id) {
                                     m_suiteId = id;
                                     startNextSuiteTest();
                                 });
        m_suiteButton->setEnabled(false);
        m_startButton->setEnabled(false);
    } else {
        startNextSuiteTest();
    }
}

void LoadTestPage::startNextSuiteTest()
{
    if (!m_suite)
        return;
    if (m_suiteIndex >= int(m_suite->tests.size()) || m_stopRequested) {
        const bool stopped = m_stopRequested;
        m_suiteLabel->setText(stopped ? tr("Suite '%1' stopped after %2 of %3 tests")
                                            .arg(m_suite->name)
                                            .arg(m_suiteIndex)
                                            .arg(m_suite->tests.size())
                                      : tr("Suite '%1' finished: %2 tests").arg(m_suite->name).arg(m_suite->tests.size()));
        m_suite.reset();
        updateControls();
        return;
    }
    const LoadTestConfig &test = m_suite->tests[size_t(m_suiteIndex)];
    m_suiteLabel->setText(tr("Suite '%1': test %2 of %3 (%4)")
                              .arg(m_suite->name)
                              .arg(m_suiteIndex + 1)
                              .arg(m_suite->tests.size())
                              .arg(test.testName));
    m_currentPreset = test.testName;
    m_form->setConfig(test);
    if (!startConfig(test)) {
        m_suite.reset();
        updateControls();
    }
}

void LoadTestPage::onSnapshot(const RunSnapshot &s)
{
    m_charts->appendSeconds(s.newSeconds);
    m_charts->appendAgentSeconds(s);
    for (auto it = s.newSeconds.rbegin(); it != s.newSeconds.rend(); ++it)
        if (it->serverUsedMemory >= 0) {
            Q_EMIT serverMemorySampled(it->serverUsedMemory);
            break;
        }
    // The spectrum walks the whole histogram: twice a second is plenty for the eye.
    if (s.totalLatency && (!m_spectrumClock.isValid() || m_spectrumClock.elapsed() >= 500)) {
        m_charts->setDistribution(*s.totalLatency);
        m_spectrumClock.start();
    }
    m_progress->setValue(int(s.progress() * kProgressSteps));
    const QString phase = phaseText(s.phase);
    m_progressLabel->setText(tr("%1 · %2 elapsed · %3 remaining")
                                 .arg(phase, seconds(s.elapsedSec), seconds(s.plannedSec - s.elapsedSec)));
    const QLocale locale;
    m_liveLabel->setText(tr("Now: %1 ops/s · p99 %2 · %3 errors/s · %4 of %5 users connected")
                             .arg(locale.toString(s.intervalOpsPerSec, 'f', 0),
                                  RunSummaryView::formatLatencyUs(s.intervalP99Us),
                                  locale.toString(s.intervalErrorsPerSec, 'f', 0))
                             .arg(s.connectedUsers)
                             .arg(s.totalUsers));
    if (!s.agents.empty()) {
        m_agentStatus->showLive(s.agents);
        int running = 0, lost = 0;
        for (const AgentSummary &a : s.agents) {
            running += a.state == QLatin1String("running");
            lost += a.lost;
        }
        QString agents = tr("%1 of %n agent(s) running", nullptr, int(s.agents.size())).arg(running);
        if (lost > 0)
            agents += tr(", %n lost", nullptr, lost);
        m_liveLabel->setText(m_liveLabel->text() + QStringLiteral(" · ") + agents);
    }
    if (!m_stopRequested)
        setRunState(tr("%1 %2 / %3").arg(phase, seconds(s.elapsedSec), seconds(s.plannedSec)));
}

void LoadTestPage::onRunEnded(const RunResult &result, const QString &failure)
{
    m_lastResult = result;
    // Only a completed run reached the end; a stopped or failed one shows where it ended.
    if (failure.isEmpty() && result.status == RunStatus::Completed)
        m_progress->setValue(kProgressSteps);
    m_progress->setToolTip(result.status == RunStatus::Completed
                               ? tr("Progress of the current run, warm-up included")
                               : tr("The run ended at %1% of its planned length")
                                     .arg(100 * m_progress->value() / kProgressSteps));
    m_liveLabel->clear(); // "Now: …" describes a running load only
    if (!failure.isEmpty()) {
        m_progressLabel->setText(tr("Failed"));
        setRunState(tr("Run failed"));
        m_messages->post(MessageType::Error, tr("The load test failed."), failure);
    } else {
        m_progressLabel->setText(result.status == RunStatus::Stopped ? tr("Stopped after %1 s measured")
                                                                         .arg(QLocale().toString(result.measuredSec, 'f', 1))
                                                                   : tr("Completed"));
        setRunState(result.status == RunStatus::Stopped ? tr("Stopped") : tr("Completed"));
    }
    // The final picture: every second and the exact total distribution.
    m_charts->showRun(result);
    m_summary->showResult(result);
    if (!result.agents.empty())
        m_agentStatus->showLive(result.agents); // the agents' last states, as the run left them
    m_tabs->setCurrentIndex(1);

    // A distributed run that lost an agent failed, yet what every agent measured is real: it is
    // kept, as `run --coordinator` keeps it (status and reason say what happened).
    const bool measured = result.total().count > 0 || !result.series.empty();
    if (m_store && (result.status != RunStatus::Failed || (!result.agents.empty() && measured))) {
        StoredRun stored;
        stored.result = result;
        // Empty, not null: the store's columns are NOT NULL and a null QString binds as NULL.
        stored.meta.preset = m_currentPreset.isEmpty() ? QStringLiteral("") : m_currentPreset;
        stored.meta.suiteId = m_suite && !m_suiteId.isEmpty() ? m_suiteId : QStringLiteral("");
        m_pendingSave = m_store->saveStoredRun(stored);
    }
    updateControls();
    Q_EMIT runningChanged(false);
    Q_EMIT resultAvailableChanged(true);

    if (m_suite) {
        m_suiteProgress->setValue(++m_suiteIndex);
        if (!failure.isEmpty())
            m_stopRequested = true; // an unreachable server fails every later test the same way
        // A run stopped from elsewhere (the window stopping every job before it quits) ends
        // the suite as the Stop button does: no further test starts.
        if (result.status == RunStatus::Stopped)
            m_stopRequested = true;
        startNextSuiteTest();
    }
}

QString LoadTestPage::suggestedFileName(const QString &suffix) const
{
    const QString name = m_lastResult ? m_lastResult->config.testName : m_form->config().testName;
    const QString stamp = m_lastResult ? m_lastResult->startedAt.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))
                                       : QString();
    QString base = name.isEmpty() ? QStringLiteral("run") : name;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    if (!stamp.isEmpty())
        base += u'-' + stamp;
    return QDir::home().filePath(base + u'.' + suffix);
}

bool LoadTestPage::writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_messages->post(MessageType::Error, tr("Could not write %1.").arg(QDir::toNativeSeparators(path)), file.errorString());
        return false;
    }
    m_messages->post(MessageType::Information, tr("Saved %1.").arg(QDir::toNativeSeparators(path)), {});
    return true;
}

bool LoadTestPage::openConfig(const QString &givenPath)
{
    const QString path = givenPath.isEmpty() ? chooseOpenFile(this, tr("Open Configuration"), QDir::homePath(),
                                                              tr("Load test configurations (*.json);;All files (*)"))
                                             : givenPath;
    if (path.isEmpty())
        return false;
    QString readError;
    const auto text = readJsonFile(path, &readError);
    if (!text) {
        m_messages->post(MessageType::Error, tr("Could not open %1.").arg(QDir::toNativeSeparators(path)), readError);
        return false;
    }
    const LoadConfigParseResult parsed = parseLoadTestConfig(*text);
    if (!parsed.config) {
        QStringList lines;
        for (const ConfigIssue &issue : parsed.errors)
            lines.append(issue.toString());
        m_messages->post(MessageType::Error,
                       tr("%1 is not a valid load test configuration: %2")
                           .arg(QFileInfo(path).fileName(), parsed.errors.empty() ? QString() : parsed.errors.front().toString()),
                       lines.join(u'\n'));
        return false;
    }
    m_form->setConfig(*parsed.config);
    m_currentPreset.clear();
    m_presets->setCurrentIndex(0);
    return true;
}

bool LoadTestPage::saveConfig(const QString &givenPath)
{
    const QString path = givenPath.isEmpty()
        ? chooseSaveFile(this, tr("Save Configuration"),
                         QDir::home().filePath(m_form->config().testName + QStringLiteral(".json")),
                         tr("Load test configurations (*.json)"))
        : givenPath;
    if (path.isEmpty())
        return false;
    LoadTestConfig c = m_form->config();
    if (const auto &endpoint = m_target->endpoint())
        c.target = endpoint->displayUri(); // never the password
    return writeFile(path, QByteArray::fromStdString(loadTestConfigToJson(c).dump(2)) + '\n');
}

bool LoadTestPage::exportCsv(const QString &givenPath)
{
    if (!m_lastResult)
        return false;
    const QString path = givenPath.isEmpty()
        ? chooseSaveFile(this, tr("Export CSV"), suggestedFileName(QStringLiteral("csv")), tr("CSV files (*.csv)"))
        : givenPath;
    return !path.isEmpty() && writeFile(path, runSeriesToCsv(*m_lastResult));
}

bool LoadTestPage::exportJson(const QString &givenPath)
{
    if (!m_lastResult)
        return false;
    const QString path = givenPath.isEmpty()
        ? chooseSaveFile(this, tr("Export JSON"), suggestedFileName(QStringLiteral("json")), tr("JSON files (*.json)"))
        : givenPath;
    return !path.isEmpty() && writeFile(path, QByteArray::fromStdString(runResultToJson(*m_lastResult).dump(2)) + '\n');
}

bool LoadTestPage::exportPrometheus(const QString &givenPath)
{
    if (!m_lastResult)
        return false;
    const QString path = givenPath.isEmpty() ? chooseSaveFile(this, tr("Export Prometheus Metrics"),
                                                              suggestedFileName(QStringLiteral("prom")),
                                                              tr("Prometheus text format (*.prom *.txt)"))
                                             : givenPath;
    return !path.isEmpty() && writeFile(path, runToPrometheus(*m_lastResult));
}

bool LoadTestPage::generateReport(const QString &givenPath)
{
    if (!m_lastResult)
        return false;
    const QString path = givenPath.isEmpty() ? chooseSaveFile(this, tr("Save Report"), suggestedFileName(QStringLiteral("html")),
                                                              tr("HTML reports (*.html)"))
                                             : givenPath;
    if (path.isEmpty())
        return false;
    StoredRun run;
    run.result = *m_lastResult;
    run.meta.preset = m_currentPreset;
    return writeFile(path, runReportHtml(run));
}

bool LoadTestPage::exportWithDialog()
{
    if (!m_lastResult)
        return false;
    const QString path = chooseSaveFile(this, tr("Export Results"), suggestedFileName(QStringLiteral("csv")),
                                        tr("CSV files (*.csv);;JSON files (*.json);;Prometheus text format (*.prom);;"
                                           "HTML reports (*.html)"));
    if (path.isEmpty())
        return false;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return exportJson(path);
    if (suffix == QLatin1String("prom") || suffix == QLatin1String("txt"))
        return exportPrometheus(path);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return generateReport(path);
    return exportCsv(path);
}

void LoadTestPage::saveAsBaseline()
{
    if (!m_store || m_lastSavedRunId.isEmpty())
        return;
    // Through the store's own call, so views of stored runs hear storeChanged and refresh.
    m_pendingBaseline = m_store->setBaseline(m_lastSavedRunId);
}

void LoadTestPage::compareWithBaseline()
{
    if (!m_store || m_lastSavedRunId.isEmpty() || !m_lastResult)
        return;
    struct Outcome
    {
        bool hasBaseline = false;
        QString error;
        Comparison comparison;
    };
    const QString runId = m_lastSavedRunId;
    m_store->submit<std::shared_ptr<Outcome>>(
        [runId](ResultStore &store) {
            auto out = std::make_shared<Outcome>();
            const auto run = store.loadRun(runId);
            if (!run) {
                out->error = store.lastError();
                return out;
            }
            const QString baselineId = store.baselineFor(run->result.config.testName, run->result.target);
            if (baselineId.isEmpty())
                return out;
            const auto baseline = store.loadRun(baselineId);
            if (!baseline) {
                out->error = store.lastError();
                return out;
            }
            out->hasBaseline = true;
            out->comparison = compareRuns(*run, *baseline);
            return out;
        },
        [this](std::shared_ptr<Outcome> out) {
            if (!out->error.isEmpty()) {
                m_messages->post(MessageType::Error, tr("The comparison failed."), out->error);
                return;
            }
            m_comparisonLabel->show();
            if (!out->hasBaseline) {
                m_comparisonLabel->setText(tr("There is no baseline for this test and target yet. "
                                              "Use \"Save as baseline\" on a run you trust."));
                m_comparison->hide();
                Q_EMIT comparisonShown();
                return;
            }
            const Comparison &c = out->comparison;
            if (!c.notComparableReason.isEmpty())
                m_comparisonLabel->setText(tr("Against the baseline: <b>not comparable</b> (%1); the figures are "
                                              "listed without a verdict.")
                                               .arg(c.notComparableReason.toHtmlEscaped()));
            else
                m_comparisonLabel->setText(tr("Against the baseline: <b>%1</b> (changes within ±%2% count as unchanged)")
                                               .arg(verdictName(c.overall))
                                               .arg(c.thresholdPercent));
            const QLocale locale;
            auto value = [&](const std::optional<double> &v) {
                return v ? locale.toString(*v, 'f', 2) : tr("n/a");
            };
            m_comparison->setRowCount(0);
            for (const MetricDelta &m : c.metrics) {
                const int row = m_comparison->rowCount();
                m_comparison->insertRow(row);
                const QStringList cells = {m.label + (m.unit.isEmpty() ? QString() : QStringLiteral(" (") + m.unit + u')'),
                                           value(m.baseline), value(m.current),
                                           m.baseline && m.current ? locale.toString(m.deltaPercent, 'f', 1) + u'%' : tr("n/a"),
                                           verdictName(m.verdict)};
                for (int col = 0; col < cells.size(); ++col)
                    m_comparison->setItem(row, col, new QTableWidgetItem(cells.at(col)));
            }
            m_comparison->show();
            Q_EMIT comparisonShown();
        });
}

void LoadTestPage::loadSettings()
{
    QSettings settings;
    const QByteArray json = settings.value(kConfigKey).toByteArray();
    if (!json.isEmpty())
        if (const LoadConfigParseResult parsed = parseLoadTestConfig(json); parsed.config)
            m_form->setConfig(*parsed.config);
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_runOn->setCurrentIndex(settings.value(kRunOnAgentsKey, false).toBool() ? 1 : 0);
}

void LoadTestPage::saveSettings() const
{
    QSettings settings;
    // The form's own target (a URI without password) or nothing: never the endpoint's password.
    settings.setValue(kConfigKey, QByteArray::fromStdString(loadTestConfigToJson(m_form->config()).dump()));
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kRunOnAgentsKey, runsOnAgents());
}

} // namespace cwb
