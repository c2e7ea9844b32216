#include "mainwindow.h"

#include "messagebar.h"
#include "pagehost.h"
#include "config/loadconfigform.h"
#include "pages/benchmarkspage.h"
#include "pages/clusterpage.h"
#include "pages/loadtestpage.h"
#include "pages/monitoringpage.h"
#include "pages/optimisationpage.h"
#include "pages/resultspage.h"
#include "pages/warmingpage.h"
#include "preferencesdialog.h"
#include "sandboxlauncher.h"
#include "jobs/joblauncher.h"
#include "load/loadrunner.h"
#include "monitor/monitorservice.h"
#include "store/asyncresultstore.h"
#include "targetbar.h"
#include "targetsource.h"
#include "themedicon.h"
#include "translation.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cwb {

namespace {

const auto kGeometryKey = QLatin1String("window/geometry");
const auto kStateKey = QLatin1String("window/state");
const auto kPageKey = QLatin1String("window/page");
const auto kUriKey = QLatin1String("target/uri");

QFrame *separator(Qt::Orientation orientation, QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(orientation == Qt::Horizontal ? QFrame::HLine : QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

// Smaller windows are allowed (and some window managers force them): the pages then scroll.
constexpr QSize kMinimumSize(800, 560);

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_sandbox(new SandboxLauncher(this)), m_store(new AsyncResultStore({}, this)),
      m_target(new TargetSource(this)), m_launcher(new jobs::JobLauncher(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Cache Workbench"));
    setWindowIcon(applicationIcon());

    buildCentralArea();
    buildMenus();
    buildStatusBar();
    wirePages();

    connect(m_targetBar, &TargetBar::connecting, this, &MainWindow::onConnecting);
    connect(m_targetBar, &TargetBar::connected, this, &MainWindow::onConnected);
    connect(m_targetBar, &TargetBar::connectionFailed, this, &MainWindow::onConnectionFailed);
    connect(m_targetBar, &TargetBar::endpointChanged, this, &MainWindow::onEndpointChanged);
    connect(m_targetBar, &TargetBar::message, this, &MainWindow::showWindowMessage);
    // Pages see the target only through the target source.
    connect(m_targetBar, &TargetBar::endpointChanged, m_target, [this] { m_target->setEndpoint(m_targetBar->endpoint()); });
    connect(m_targetBar, &TargetBar::endpointCleared, m_target,
            [this] { m_target->setEndpoint(std::nullopt, m_targetBar->validationError()); });
    connect(m_targetBar, &TargetBar::connected, m_target, &TargetSource::setConnected);
    m_target->setEndpoint(m_targetBar->endpoint(), m_targetBar->validationError()); // the bar's first text
    connect(m_messageBar, &MessageBar::dismissed, this, [this] {
        if (m_barOwner >= 0)
            m_pageMessages[m_barOwner].reset();
        m_barOwner = -1;
    });
    connect(m_launcher, &jobs::JobLauncher::runningChanged, this, [this](int count) {
        // Quitting waits for the stopped runs to hand in their results (saved as stopped).
        if (m_quitting && count == 0)
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    connect(m_targetBar, &TargetBar::sandboxRequested, this, [this](TargetBar::SandboxKind kind) {
        if (!m_sandbox->isRunning())
            m_uriBeforeSandbox = m_targetBar->uri();
        m_messageBar->dismiss();
        m_targetBar->setSandboxStarting(true);
        statusBar()->showMessage(kind == TargetBar::SandboxKind::Cluster ? tr("Starting a local Redis Cluster sandbox…")
                                                                         : tr("Starting a local Redis sandbox…"));
        m_sandbox->start(kind == TargetBar::SandboxKind::Cluster ? SandboxLauncher::Kind::Cluster
                                                                 : SandboxLauncher::Kind::Single);
    });
    connect(m_targetBar, &TargetBar::sandboxStopRequested, m_sandbox, &SandboxLauncher::stop);
    connect(m_sandbox, &SandboxLauncher::started, this, &MainWindow::onSandboxStarted);
    connect(m_sandbox, &SandboxLauncher::failed, this, &MainWindow::onSandboxFailed);
    connect(m_sandbox, &SandboxLauncher::stopped, this, [this] {
        m_targetBar->setSandboxRunning(false);
        statusBar()->showMessage(tr("Local sandbox stopped"), 5000);
    });

    restoreSettings();
}

MainWindow::~MainWindow() = default;

PageContext MainWindow::contextFor(Page page)
{
    auto *sink = new MessageSink(this);
    m_pageSinks[int(page)] = sink;
    connect(sink, &MessageSink::posted, this, [this, page](MessageType type, const QString &text, const QString &details) {
        showPageMessage(page, type, text, details);
    });
    return {m_target, m_store, sink, m_launcher};
}

void MainWindow::showPageMessage(Page page, MessageType type, const QString &text, const QString &details)
{
    m_pageMessages[int(page)] = PageMessage{type, text, details};
    if (currentPage() == page) {
        m_barOwner = int(page);
        m_messageBar->showMessage(type, text, details);
    }
}

void MainWindow::showWindowMessage(MessageType type, const QString &text, const QString &details)
{
    m_barOwner = -1;
    m_messageBar->showMessage(type, text, details);
}

void MainWindow::onPageChanged(int row)
{
    // A page's message leaves with it and comes back with it; the window's own stays.
    if (m_barOwner >= 0 && m_barOwner != row) {
        const QSignalBlocker block(m_messageBar);
        m_messageBar->dismiss();
        m_barOwner = -1;
    }
    if (row >= 0 && row < kPageCount && m_pageMessages[row]) {
        const PageMessage &message = *m_pageMessages[row];
        m_barOwner = row;
        m_messageBar->showMessage(message.type, message.text, message.details);
    }
}

void MainWindow::buildCentralArea()
{
    m_targetBar = new TargetBar(this);
    m_messageBar = new MessageBar(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setToolTip(tr("Choose a page (Ctrl+1 to Ctrl+7)"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The sidebar reads as part of the window, not as an editable list.
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));

    struct Entry
    {
        QString title;
        QString icon;
        QString tip;
        QWidget *page;
    };
    const Entry entries[kPageCount] = {
        {tr("Load Test"), QStringLiteral("loadtest"), tr("Configure and run a load test"),
         new LoadTestPage(contextFor(Page::LoadTest), m_pages)},
        {tr("Benchmarks"), QStringLiteral("benchmarks"), tr("Run benchmark suites"),
         new BenchmarksPage(contextFor(Page::Benchmarks), m_pages)},
        {tr("Cluster"), QStringLiteral("cluster"), tr("Inspect the cluster topology"),
         new ClusterPage(contextFor(Page::Cluster), m_pages)},
        {tr("Optimisation"), QStringLiteral("optimisation"), tr("Check settings and get tuning advice"),
         new OptimisationPage(contextFor(Page::Optimisation), m_pages)},
        {tr("Warming"), QStringLiteral("warming"), tr("Pre-load the cache"),
         new WarmingPage(contextFor(Page::Warming), m_pages)},
        {tr("Monitoring"), QStringLiteral("monitoring"), tr("Watch the server live"),
         new MonitoringPage(contextFor(Page::Monitoring), m_pages)},
        {tr("Results"), QStringLiteral("results"), tr("Browse, compare and export past runs"),
         new ResultsPage(contextFor(Page::Results), m_pages)},
    };
    for (const Entry &entry : entries) {
        auto *item = new QListWidgetItem(themedIcon(entry.icon), entry.title, m_navigation);
        item->setToolTip(entry.tip);
        item->setSizeHint(QSize(0, 34));
        m_pages->addWidget(entry.page);
        // The page area's margins frame every page alike; a page's own would move its title.
        if (entry.page->layout())
            entry.page->layout()->setContentsMargins(0, 0, 0, 0);
    }
    // Wide enough for the longest label in the current language, and no wider. Measured from
    // the font: the view cannot size its items before it is shown.
    int textWidth = 0;
    for (const Entry &entry : entries)
        textWidth = qMax(textWidth, m_navigation->fontMetrics().horizontalAdvance(entry.title));
    m_navigation->setFixedWidth(textWidth + m_navigation->iconSize().width() + 48);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
    if (auto *optimisation = qobject_cast<OptimisationPage *>(entries[int(Page::Optimisation)].page))
        connect(optimisation, &OptimisationPage::applyToTestConfiguration, this, &MainWindow::loadConfigPatchRequested);
    m_navigation->setCurrentRow(0);

    auto *pageArea = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(pageArea);
    pageLayout->setContentsMargins(12, 10, 12, 10);
    pageLayout->addWidget(m_messageBar);
    pageLayout->addWidget(scrollAround(m_pages, pageArea), 1);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_navigation);
    body->addWidget(separator(Qt::Vertical, this));
    body->addWidget(pageArea, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_targetBar);
    layout->addWidget(separator(Qt::Horizontal, this));
    layout->addLayout(body, 1);
    setCentralWidget(central);
    // Below this the pages scroll; the window itself never needs more than a 1280x800 screen.
    setMinimumSize(kMinimumSize.expandedTo(minimumSizeHint()));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_openConfig = file->addAction(tr("&Open Configuration…"));
    m_openConfig->setObjectName(QStringLiteral("openConfigAction"));
    m_openConfig->setShortcut(QKeySequence::Open);
    m_openConfig->setStatusTip(tr("Open a saved load test configuration"));
    m_saveConfig = file->addAction(tr("&Save Configuration…"));
    m_saveConfig->setObjectName(QStringLiteral("saveConfigAction"));
    m_saveConfig->setShortcut(QKeySequence::Save);
    m_saveConfig->setStatusTip(tr("Save the current load test configuration (without passwords)"));
    m_export = file->addAction(tr("&Export Results…"));
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setStatusTip(tr("Export the selected results as CSV, JSON or a report"));
    // Nothing to open, save or export until the pages that own configurations and results exist.
    m_openConfig->setEnabled(false);
    m_saveConfig->setEnabled(false);
    m_export->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    quit->setStatusTip(tr("Quit Cache Workbench and stop any local sandbox"));

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    m_start = run->addAction(themedIcon(QStringLiteral("start")), tr("&Start"));
    m_start->setObjectName(QStringLiteral("startAction"));
    m_start->setShortcut(QKeySequence(Qt::Key_F5));
    m_start->setStatusTip(tr("Start the configured run"));
    m_start->setEnabled(false);
    m_stop = run->addAction(themedIcon(QStringLiteral("stop")), tr("S&top"));
    m_stop->setObjectName(QStringLiteral("stopAction"));
    // Not Esc: Esc belongs to whatever has focus (a filter field, a dialog) and must never end a run.
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_stop->setStatusTip(tr("Stop the run in progress"));
    m_stop->setEnabled(false);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_pageActions = new QActionGroup(this);
    for (int row = 0; row < m_navigation->count(); ++row) {
        QListWidgetItem *item = m_navigation->item(row);
        QAction *action = view->addAction(item->icon(), item->text());
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
        action->setStatusTip(item->toolTip());
        m_pageActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_pageActions->actions().size())
            m_pageActions->actions().at(row)->setChecked(true);
    });
    m_pageActions->actions().at(m_navigation->currentRow())->setChecked(true);
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setStatusTip(tr("Use the whole screen for the window"));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen) : (windowState() & ~Qt::WindowFullScreen));
    });

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *preferences = settings->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setStatusTip(tr("Change the interface language and other preferences"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Cache Workbench"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    about->setStatusTip(tr("Version and licence information"));
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
    aboutQt->setStatusTip(tr("The Qt version this program uses"));
}

void MainWindow::buildStatusBar()
{
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionStateLabel"));
    m_connectionLabel->setToolTip(tr("Connection to the target server"));
    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("serverVersionLabel"));
    m_versionLabel->setToolTip(tr("Redis version of the target server"));
    m_memoryLabel = new QLabel(this);
    m_memoryLabel->setObjectName(QStringLiteral("usedMemoryLabel"));
    m_memoryLabel->setToolTip(tr("Memory used by the target server when it was last read"));
    m_runStateLabel = new QLabel(tr("Idle"), this);
    m_runStateLabel->setObjectName(QStringLiteral("runStateLabel"));
    m_runStateLabel->setToolTip(tr("State of the current run"));

    for (QLabel *label : {m_connectionLabel, m_versionLabel, m_memoryLabel, m_runStateLabel}) {
        // Spacing instead of separators: the style decides whether it draws any.
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }
    onEndpointChanged();
}

void MainWindow::wirePages()
{
    auto *loadTest = static_cast<LoadTestPage *>(page(Page::LoadTest));
    auto *results = static_cast<ResultsPage *>(page(Page::Results));
    loadTest->bindActions(m_start, m_stop, m_openConfig, m_saveConfig);
    connect(static_cast<ClusterPage *>(page(Page::Cluster)), &ClusterPage::targetRoleSeen, m_targetBar,
            &TargetBar::setServerRole);
    auto *monitoring = static_cast<MonitoringPage *>(page(Page::Monitoring));
    connect(monitoring, &MonitoringPage::firingCountChanged, this,
            [this](int count) { setPageBadge(Page::Monitoring, count); });
    // A running load test's snapshots feed monitoring too (throughput, p99, errors of the run).
    connect(loadTest->runner(), &LoadRunner::snapshotAvailable, monitoring->service(), &MonitorService::ingestRunSnapshot);
    connect(loadTest, &LoadTestPage::runStateTextChanged, this, &MainWindow::updateRunState);
    connect(m_launcher, &jobs::JobLauncher::runningChanged, this, &MainWindow::updateRunState);
    connect(loadTest, &LoadTestPage::serverMemorySampled, this, [this](qint64 bytes) {
        m_memoryLabel->setText(tr("%1 used").arg(QLocale().formattedDataSize(bytes, 1)));
        m_memoryLabel->show();
    });
    // The optimisation page's "Apply to test configuration" changes the load test form.
    connect(this, &MainWindow::loadConfigPatchRequested, loadTest, [this, loadTest](const LoadConfigPatch &patch) {
        loadTest->form()->setConfig(patch.applyTo(loadTest->form()->config()));
        setCurrentPage(Page::LoadTest);
        m_pageSinks[int(Page::LoadTest)]->post(MessageType::Information,
                                               tr("Applied the tuner's recommendation: %1").arg(patch.describe()));
    });
    connect(m_store, &AsyncResultStore::openFailed, this, [this](const QString &error) {
        showWindowMessage(MessageType::Error, tr("The result store could not be opened."), error);
    });
    connect(m_store, &AsyncResultStore::opened, this, [this](const QString &, const QString &recovery) {
        if (!recovery.isEmpty())
            showWindowMessage(MessageType::Warning, tr("The result store was damaged and has been reset."),
                                      recovery);
    });
    // Ctrl+E exports what the current page shows: the last run, or the selected results.
    connect(m_export, &QAction::triggered, this, [this, loadTest, results] {
        if (currentPage() == Page::Results)
            results->exportSelection();
        else if (currentPage() == Page::LoadTest)
            loadTest->exportWithDialog();
    });
    connect(loadTest, &LoadTestPage::resultAvailableChanged, this, &MainWindow::updateExportEnabled);
    connect(results, &ResultsPage::selectionChanged, this, &MainWindow::updateExportEnabled);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::updateExportEnabled);
    updateExportEnabled();
}

void MainWindow::updateExportEnabled()
{
    const auto *loadTest = static_cast<LoadTestPage *>(page(Page::LoadTest));
    const auto *results = static_cast<ResultsPage *>(page(Page::Results));
    m_export->setEnabled((currentPage() == Page::LoadTest && loadTest->hasResult())
                         || (currentPage() == Page::Results && results->hasSelection()));
}

void MainWindow::setPageBadge(Page page, int count)
{
    QListWidgetItem *item = m_navigation->item(static_cast<int>(page));
    if (!item)
        return;
    // The plain icon is kept on the item so the badge can be redrawn or removed.
    constexpr int kPlainIconRole = Qt::UserRole + 41;
    constexpr int kBadgeRole = Qt::UserRole + 42;
    if (!item->data(kPlainIconRole).isValid())
        item->setData(kPlainIconRole, item->icon());
    const QIcon plain = item->data(kPlainIconRole).value<QIcon>();
    item->setData(kBadgeRole, count);
    const QString title = item->text();
    if (count <= 0) {
        item->setIcon(plain);
        item->setData(Qt::AccessibleTextRole, QVariant());
        return;
    }
    const int size = m_navigation->iconSize().width();
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = plain.pixmap(QSize(size, size), dpr);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    QFont font = m_navigation->font();
    font.setBold(true);
    font.setPixelSize(qMax(8, size * 9 / 22));
    painter.setFont(font);
    const int diameter = qMax(size * 13 / 22, painter.fontMetrics().horizontalAdvance(text) + 4);
    const QRectF badge(size - diameter, 0, diameter, size * 13 / 22);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    painter.end();
    item->setIcon(QIcon(pixmap));
    item->setData(Qt::AccessibleTextRole, tr("%1, %n firing alert(s)", nullptr, count).arg(title));
}

int MainWindow::pageBadge(Page page) const
{
    const QListWidgetItem *item = m_navigation->item(static_cast<int>(page));
    return item ? item->data(Qt::UserRole + 42).toInt() : 0;
}

void MainWindow::setRunStateText(const QString &text)
{
    m_runStateLabel->setText(text);
}

void MainWindow::updateRunState()
{
    if (m_quitting)
        return;
    const auto *loadTest = static_cast<LoadTestPage *>(page(Page::LoadTest));
    const QList<jobs::JobBase *> running = m_launcher->running();
    // The load test says most about itself; any other job at least says that it runs.
    if (loadTest->isRunning() || running.isEmpty()) {
        setRunStateText(loadTest->runStateText());
        return;
    }
    QStringList names;
    for (const jobs::JobBase *job : running)
        names << job->name();
    setRunStateText(tr("Running: %1").arg(names.join(QStringLiteral(", "))));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(qMax(0, m_navigation->currentRow()));
}

void MainWindow::setCurrentPage(Page page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

QWidget *MainWindow::page(Page page) const
{
    return m_pages->widget(static_cast<int>(page));
}

void MainWindow::onConnecting(const Endpoint &endpoint)
{
    m_connectingAddress = endpoint.address();
    // A banner about the previous attempt would now be misleading.
    if (m_messageBar->type() == MessageBar::Type::Error)
        m_messageBar->dismiss();
    m_connectionLabel->setText(tr("Connecting to %1…").arg(m_connectingAddress));
    m_versionLabel->hide();
    m_memoryLabel->hide();
}

void MainWindow::onConnected(const ServerSummary &summary)
{
    m_connectionLabel->setText(tr("Connected to %1").arg(m_connectingAddress));
    m_versionLabel->setText(tr("Redis %1").arg(summary.version));
    m_versionLabel->show();
    m_memoryLabel->setText(tr("%1 used").arg(QLocale().formattedDataSize(summary.usedMemoryBytes, 1)));
    m_memoryLabel->show();
}

void MainWindow::onConnectionFailed(const QString &reason, const QString &details)
{
    m_connectionLabel->setText(tr("Not connected"));
    m_versionLabel->hide();
    m_memoryLabel->hide();
    showWindowMessage(MessageType::Error, reason, details);
}

void MainWindow::onEndpointChanged()
{
    m_connectionLabel->setText(tr("Not connected"));
    m_versionLabel->hide();
    m_memoryLabel->hide();
}

void MainWindow::onSandboxStarted(const Endpoint &endpoint)
{
    m_targetBar->setSandboxStarting(false);
    m_targetBar->setSandboxRunning(true);
    m_targetBar->setPassword(endpoint.password);
    m_targetBar->setUri(endpoint.displayUri());
    statusBar()->showMessage(tr("Local sandbox running at %1; it stops when you quit").arg(endpoint.address()), 10000);
    m_targetBar->connectToTarget();
}

void MainWindow::onSandboxFailed(const QString &reason)
{
    m_targetBar->setSandboxStarting(false);
    statusBar()->clearMessage();
    showWindowMessage(MessageType::Error, tr("The local sandbox did not start."), reason);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    const QString before = languageSetting();
    dialog.setLanguage(before);
    if (dialog.exec() != QDialog::Accepted || dialog.language() == before)
        return;
    setLanguageSetting(dialog.language());
    showWindowMessage(MessageType::Information,
                              tr("The new language takes effect the next time Cache Workbench starts."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cache Workbench"),
                       tr("<h3>Cache Workbench %1</h3>"
                          "<p>Load tests, benchmarks, cluster inspection, cache warming and monitoring for "
                          "Redis used as a cache.</p><p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(CWB_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1200, 780);
    restoreState(settings.value(kStateKey).toByteArray());

    const QString uri = settings.value(kUriKey).toString();
    if (!uri.isEmpty())
        m_targetBar->setUri(uri);

    const int row = settings.value(kPageKey, 0).toInt();
    if (row >= 0 && row < m_navigation->count())
        m_navigation->setCurrentRow(row);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPageKey, m_navigation->currentRow());
    // displayUri() leaves the password out; an invalid URI is not saved at all, since it
    // might be a half-typed one with a password in it.
    // Nor is the local sandbox's: its ephemeral port dies with it, so the next start would
    // offer an address nothing listens on. The target before the sandbox stays saved.
    const bool onSandbox = m_sandbox->isRunning() && m_targetBar->endpoint()
                           && m_targetBar->endpoint()->address() == m_sandbox->endpoint().address();
    if (const std::optional<Endpoint> endpoint = parseEndpoint(onSandbox ? m_uriBeforeSandbox : m_targetBar->uri()))
        settings.setValue(kUriKey, endpoint->displayUri());
    else if (onSandbox)
        settings.remove(kUriKey);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_launcher->runningCount() > 0) {
        event->ignore();
        if (!m_quitting)
            askToStopAndQuit();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::askToStopAndQuit()
{
    if (m_quitQuestion && m_quitQuestion->isVisible())
        return; // asked already
    // Window-modal and not exec(): the runs go on (and the event loop with them) while it is asked.
    m_quitQuestion = new QMessageBox(QMessageBox::Question, tr("Quit Cache Workbench"),
                                     tr("A run is in progress. Stop it and quit? What it measured so far is saved "
                                        "as a stopped run, and the keys it wrote are removed."),
                                     QMessageBox::NoButton, this);
    m_quitQuestion->setObjectName(QStringLiteral("quitWhileRunning"));
    m_quitQuestion->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *stop = m_quitQuestion->addButton(tr("Stop and Quit"), QMessageBox::AcceptRole);
    stop->setObjectName(QStringLiteral("stopAndQuit"));
    m_quitQuestion->setDefaultButton(m_quitQuestion->addButton(QMessageBox::Cancel));
    connect(m_quitQuestion, &QMessageBox::buttonClicked, this, [this, stop](QAbstractButton *button) {
        if (button == stop)
            stopAndQuit();
    });
    m_quitQuestion->open();
}

void MainWindow::stopAndQuit()
{
    m_quitting = true;
    setRunStateText(tr("Stopping before quitting…"));
    // Each job still hands in its partial result (the load test saves it as stopped) and
    // removes its keys; the last one to finish closes the window (see runningChanged).
    m_launcher->stopAll();
    if (m_launcher->runningCount() == 0)
        close();
}

} // namespace cwb
