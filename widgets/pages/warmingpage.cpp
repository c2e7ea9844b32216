#include "warmingpage.h"

#include "pageheader.h"
#include "servicebanner.h"
#include "service/warmservice.h"
#include "targetsource.h"
#include "warming/cronexpression.h"
#include "warming/memoryguard.h"
#include "warming/warmscheduler.h"
#include "warmingplandialog.h"
#include "warmingtimeline.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <bit>

namespace cwb {

namespace {

enum PlanColumn { PlanName, PlanStrategy, PlanPriority, PlanSchedule, PlanNextRun, PlanLastResult, PlanColumnCount };
enum HistoryColumn { HistStarted, HistPlan, HistTrigger, HistStatus, HistKeys, HistBytes, HistDuration, HistReason, HistColumnCount };

constexpr int kTickMs = 15000; // cron has minute resolution; four looks a minute is plenty
constexpr qint64 kStaleHeartbeatSec = 120;

QTableWidget *makeWarmingTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    // Columns follow their contents as rows arrive (a run added at the top included), so
    // nothing is cut; the last one takes the rest and wraps its long text onto more lines.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setWordWrap(true);
    table->setAlternatingRowColors(true);
    return table;
}

// The values of a bit set in order, e.g. {0, 15, 30, 45}.
std::vector<int> bitsOf(uint64_t bits, int from, int to)
{
    std::vector<int> values;
    for (int v = from; v <= to; ++v) {
        if (bits & (uint64_t(1) << v))
            values.push_back(v);
    }
    return values;
}

// The step when the values are 0, n, 2n, ... up to the maximum; 0 otherwise.
int regularStep(const std::vector<int> &values, int max)
{
    if (values.size() < 2 || values.front() != 0)
        return 0;
    const int step = values[1] - values[0];
    for (size_t i = 1; i < values.size(); ++i) {
        if (values[i] - values[i - 1] != step)
            return 0;
    }
    return values.back() + step > max ? step : 0;
}

} // namespace

WarmingPage::WarmingPage(const PageContext &context, QWidget *parent) : QWidget(parent), m_source(context.target)
{
    Q_ASSERT(m_source);
    setObjectName(QStringLiteral("warmingpage"));
    m_header = new PageHeader(
        tr("Warming"),
        tr("Fill the cache ahead of traffic from key lists, datasets, another server or recorded traffic, on a schedule."),
        this);
    m_plansPath = defaultWarmingPlansPath();
    m_historyPath = defaultWarmingHistoryPath();

    m_scheduler = new WarmScheduler(this);
    m_scheduler->setHistoryPath(m_historyPath);
    // Queued: the scheduler emits from its worker thread.
    connect(m_scheduler, &WarmScheduler::progress, this, &WarmingPage::onProgress, Qt::QueuedConnection);
    connect(m_scheduler, &WarmScheduler::planFinished, this, &WarmingPage::onFinished, Qt::QueuedConnection);
    connect(m_scheduler, &WarmScheduler::planStarted, this, [this](const QString &name) {
        ++m_running;
        m_awaitingStart = false;
        updateButtons();
        m_status->setText(tr("Running %1 ...").arg(name));
        m_progress->setRange(0, 0);
        m_progress->show();
    }, Qt::QueuedConnection);

    m_newPlan = new QPushButton(tr("New plan..."), this);
    m_newPlan->setToolTip(tr("Write a plan from a strategy template"));
    m_editPlan = new QPushButton(tr("Edit..."), this);
    m_import = new QPushButton(tr("Import..."), this);
    m_import->setToolTip(tr("Add the plans of a JSON plan file"));
    m_remove = new QPushButton(tr("Remove..."), this);
    m_remove->setObjectName(QStringLiteral("warmremove"));
    m_runNow = new QPushButton(tr("Run now"), this);
    m_runNow->setObjectName(QStringLiteral("warmrunnow"));
    m_runNow->setToolTip(tr("Run the selected plan against the current target now"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("warmcancel"));
    m_cancel->setToolTip(tr("Stop the running plan after its current batch"));
    connect(m_newPlan, &QPushButton::clicked, this, &WarmingPage::onNewPlan);
    connect(m_editPlan, &QPushButton::clicked, this, &WarmingPage::onEditPlan);
    connect(m_import, &QPushButton::clicked, this, &WarmingPage::onImportPlans);
    connect(m_remove, &QPushButton::clicked, this, &WarmingPage::onRemovePlan);
    connect(m_runNow, &QPushButton::clicked, this, &WarmingPage::onRunNow);
    connect(m_cancel, &QPushButton::clicked, m_scheduler, &WarmScheduler::cancelCurrent);

    m_plansTable = makeWarmingTable({tr("Plan"), tr("Strategy"), tr("Priority"), tr("Schedule"), tr("Next run"), tr("Last result")}, this);
    m_plansTable->setObjectName(QStringLiteral("warmplans"));
    connect(m_plansTable, &QTableWidget::itemSelectionChanged, this, &WarmingPage::updateButtons);
    connect(m_plansTable, &QTableWidget::cellDoubleClicked, this, &WarmingPage::onEditPlan);

    m_timeline = new WarmingTimeline(this);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("warmprogress"));
    m_progress->hide();
    m_status = new QLabel(tr("Idle"), this);
    m_status->setObjectName(QStringLiteral("warmstatus"));
    m_targetLabel = new QLabel(this);
    m_targetLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serviceBanner = new ServiceBanner(this);
    m_serviceBanner->setObjectName(QStringLiteral("warmservicebanner"));
    m_serviceBanner->setToolTip(tr("Plans saved here are picked up by the service. Run now runs a plan from this window."));

    m_historyTable = makeWarmingTable({tr("Started"), tr("Plan"), tr("Trigger"), tr("Status"), tr("Keys"), tr("Bytes"),
                                tr("Duration"), tr("Why it stopped")}, this);
    m_historyTable->setObjectName(QStringLiteral("warmhistory"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_newPlan, m_editPlan, m_import, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_targetLabel);
    buttons->addWidget(m_runNow);
    buttons->addWidget(m_cancel);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_status, 1);
    progressRow->addWidget(m_progress, 1);

    auto *planBox = new QWidget(this);
    auto *planLayout = new QVBoxLayout(planBox);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(m_plansTable, 1);
    planLayout->addWidget(new QLabel(tr("Next 24 hours"), planBox));
    planLayout->addWidget(m_timeline);

    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addLayout(progressRow);
    historyLayout->addWidget(new QLabel(tr("History"), historyBox));
    historyLayout->addWidget(m_historyTable, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(planBox);
    splitter->addWidget(historyBox);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_serviceBanner);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    m_tickTimer = new QTimer(this);
    m_tickTimer->setInterval(kTickMs);
    connect(m_tickTimer, &QTimer::timeout, this, [this] {
        tick();
        refreshPlans(); // next-run times move on
    });
    m_tickTimer->start();
    tick(); // sets the mark: schedules fire from now on (unless a daemon runs them)

    loadPlans();
    m_history = readWarmHistory(m_historyPath, 200);
    refreshHistory();
    connect(m_source, &TargetSource::endpointChanged, this, [this] { setTarget(m_source->endpoint()); });
    setTarget(m_source->endpoint());
}

WarmingPage::~WarmingPage()
{
    // The scheduler is a child and would be deleted after this body: stop it first so no
    // queued signal arrives at a half-destroyed page.
    m_tickTimer->stop();
    m_scheduler->cancelAll();
    disconnect(m_scheduler, nullptr, this, nullptr);
}

void WarmingPage::tick()
{
    const bool wasOwned = m_scheduleOwner.has_value();
    if (checkScheduleOwner())
        return;
    if (wasOwned) {
        // Take over from where the daemon last looked: what fell due since then runs once
        // (within the catch-up grace), nothing it already ran runs again.
        const QDateTime now = m_scheduler->now();
        const auto last = ServiceLock::lastRecord(m_plansPath, QString::fromLatin1(kWarmServiceName));
        const bool known = last && last->heartbeat.isValid() && last->heartbeat <= now;
        m_scheduler->setMark(known ? last->heartbeat : now);
        m_status->setText(tr("The warming service stopped: schedules run from this window again."));
    }
    m_scheduler->tick();
}

bool WarmingPage::checkScheduleOwner()
{
    m_scheduleOwner = ServiceLock::holder(m_plansPath, QString::fromLatin1(kWarmServiceName));
    if (!m_scheduleOwner) {
        m_serviceBanner->hide();
        return false;
    }
    QString text = tr("Schedules are run by the warming service (%1).").arg(ServiceBanner::holderText(*m_scheduleOwner));
    // The daemon writes its heartbeat every second: one much older means it is stuck, not idle.
    const QDateTime heartbeat = m_scheduleOwner->heartbeat;
    if (heartbeat.isValid() && heartbeat.secsTo(QDateTime::currentDateTimeUtc()) > kStaleHeartbeatSec)
        text += QLatin1Char(' ')
            + tr("It has not looked at the schedule since %1.")
                  .arg(QLocale().toString(heartbeat.toLocalTime(), QLocale::ShortFormat));
    m_serviceBanner->setText(text);
    m_serviceBanner->show();
    return true;
}

void WarmingPage::setTarget(const std::optional<Endpoint> &endpoint)
{
    m_target = endpoint;
    m_scheduler->setDefaultTarget(endpoint);
    m_targetLabel->setText(endpoint ? tr("Target: %1").arg(endpoint->displayUri()) : tr("No target"));
    updateButtons();
}

void WarmingPage::loadPlans()
{
    m_plans.clear();
    if (QFile::exists(m_plansPath)) {
        const PlanFileResult loaded = loadWarmingPlans(m_plansPath);
        if (loaded.errors.empty())
            m_plans = loaded.plans;
        else
            m_status->setText(tr("Saved plans could not be read: %1").arg(loaded.errors.front().toString()));
    }
    m_scheduler->setPlans(m_plans);
    refreshPlans();
}

bool WarmingPage::savePlans(QString *error)
{
    m_scheduler->setPlans(m_plans);
    refreshPlans();
    return saveWarmingPlans(m_plansPath, m_plans, error);
}

bool WarmingPage::addPlan(const WarmingPlan &plan, QString *error)
{
    const auto issues = validateWarmingPlan(plan);
    if (!issues.empty()) {
        if (error)
            *error = issues.front().toString();
        return false;
    }
    const auto it = std::find_if(m_plans.begin(), m_plans.end(), [&](const WarmingPlan &p) { return p.name == plan.name; });
    if (it != m_plans.end())
        *it = plan;
    else
        m_plans.push_back(plan);
    return savePlans(error);
}

bool WarmingPage::removePlan(const QString &name)
{
    const auto removed = std::erase_if(m_plans, [&](const WarmingPlan &p) { return p.name == name; });
    if (!removed)
        return false;
    QString error;
    if (!savePlans(&error))
        m_status->setText(error);
    return true;
}

bool WarmingPage::runNow(const QString &name)
{
    const auto it = std::find_if(m_plans.begin(), m_plans.end(), [&](const WarmingPlan &p) { return p.name == name; });
    if (it == m_plans.end())
        return false;
    if (it->target.isEmpty() && !m_target) {
        m_status->setText(tr("Choose a target first: the plan names no server of its own."));
        return false;
    }
    if (!m_scheduler->runNow(name))
        return false;
    m_status->setText(tr("Queued %1").arg(name));
    m_awaitingStart = true;
    updateButtons();
    return true;
}

QString WarmingPage::scheduleInWords(const QString &cron, const QString &timezone)
{
    if (cron.trimmed().isEmpty())
        return tr("on demand");
    const auto expr = CronExpression::parse(cron);
    if (!expr)
        return tr("invalid schedule");
    const QString zone = timezone.compare(QLatin1String("local"), Qt::CaseInsensitive) == 0 ? tr("local time")
                         : timezone.compare(QLatin1String("utc"), Qt::CaseInsensitive) == 0 ? tr("UTC")
                                                                                              : timezone;
    const auto minutes = bitsOf(expr->minutes(), 0, 59);
    const auto hours = bitsOf(expr->hours(), 0, 23);
    const auto days = bitsOf(expr->daysOfMonth(), 1, 31);
    const auto weekdays = bitsOf(expr->daysOfWeek(), 0, 6);
    const bool everyDay = expr->dayOfMonthIsStar() && expr->dayOfWeekIsStar() && days.size() == 31 && weekdays.size() == 7
        && std::popcount(expr->months()) == 12;
    const bool allHours = hours.size() == 24;
    QString words;
    if (everyDay && allHours && minutes.size() == 60) {
        words = tr("every minute");
    } else if (everyDay && allHours && regularStep(minutes, 59)) {
        words = tr("every %1 minutes").arg(regularStep(minutes, 59));
    } else if (everyDay && allHours && minutes.size() == 1) {
        words = tr("hourly at :%1").arg(minutes.front(), 2, 10, QLatin1Char('0'));
    } else if (everyDay && minutes.size() == 1 && regularStep(hours, 23)) {
        words = tr("every %1 hours at :%2").arg(regularStep(hours, 23)).arg(minutes.front(), 2, 10, QLatin1Char('0'));
    } else if (minutes.size() == 1 && hours.size() == 1 && std::popcount(expr->months()) == 12) {
        const QString time = QStringLiteral("%1:%2").arg(hours.front(), 2, 10, QLatin1Char('0')).arg(minutes.front(), 2, 10, QLatin1Char('0'));
        if (everyDay) {
            words = tr("daily at %1").arg(time);
        } else if (expr->dayOfMonthIsStar() && days.size() == 31) {
            QStringList names;
            for (int d : weekdays)
                names << QLocale().dayName(d == 0 ? 7 : d, QLocale::ShortFormat);
            words = tr("%1 at %2").arg(names.join(QStringLiteral(", ")), time);
        } else if (expr->dayOfWeekIsStar() && weekdays.size() == 7) {
            QStringList numbers;
            for (int d : days)
                numbers << QString::number(d);
            words = tr("monthly on day %1 at %2").arg(numbers.join(QStringLiteral(", ")), time);
        }
    }
    if (words.isEmpty())
        words = tr("custom schedule");
    return tr("%1 (%2)").arg(words, zone);
}

void WarmingPage::refreshPlans()
{
    const QString selected = selectedPlanName();
    m_plansTable->setRowCount(int(m_plans.size()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = 0; row < int(m_plans.size()); ++row) {
        const WarmingPlan &plan = m_plans[size_t(row)];
        const auto set = [&](int column, const QString &text, const QString &tip = {}) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_plansTable->setItem(row, column, item);
        };
        set(PlanName, plan.name, plan.enabled ? plan.name : tr("%1 (disabled)").arg(plan.name));
        set(PlanStrategy, warmStrategyName(plan.strategy), warmStrategyDescription(plan.strategy));
        const QString priority = plan.priority == WarmPriority::High     ? tr("high")
                                 : plan.priority == WarmPriority::Medium ? tr("medium")
                                                                         : tr("low");
        set(PlanPriority, priority);
        const QString words = scheduleInWords(plan.schedule, plan.timezone);
        set(PlanSchedule, plan.schedule.isEmpty() ? words : words + QStringLiteral("  ·  ") + plan.schedule);
        const auto next = plan.enabled ? WarmScheduler::nextFireTime(plan, now) : std::nullopt;
        set(PlanNextRun, next ? QLocale().toString(next->toLocalTime(), QLocale::ShortFormat) : tr("-"));
        QString last = tr("never run");
        for (auto it = m_history.rbegin(); it != m_history.rend(); ++it) {
            if (it->planName == plan.name) {
                last = it->summary();
                break;
            }
        }
        set(PlanLastResult, last);
        if (plan.name == selected)
            m_plansTable->selectRow(row);
    }
    m_plansTable->resizeColumnsToContents();
    m_plansTable->horizontalHeader()->setStretchLastSection(true);
    m_timeline->setPlans(m_plans, now);
    updateButtons();
}

void WarmingPage::addHistoryRow(const WarmRunRecord &record, bool atTop)
{
    const int row = atTop ? 0 : m_historyTable->rowCount();
    m_historyTable->insertRow(row);
    const auto set = [&](int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(text);
        m_historyTable->setItem(row, column, item);
    };
    set(HistStarted, QLocale().toString(record.startedAt.toLocalTime(), QLocale::ShortFormat));
    set(HistPlan, record.planName);
    set(HistTrigger, record.trigger == QLatin1String("schedule") ? tr("schedule") : tr("manual"));
    QString status;
    switch (record.status) {
    case WarmRunStatus::Completed: status = tr("completed"); break;
    case WarmRunStatus::Cancelled: status = tr("cancelled"); break;
    case WarmRunStatus::MemoryLimit: status = tr("memory limit"); break;
    case WarmRunStatus::Failed: status = tr("failed"); break;
    }
    set(HistStatus, status);
    set(HistKeys, record.skipped > 0 ? tr("%1 (%2 skipped)").arg(record.keysWritten).arg(record.skipped)
                                     : QString::number(record.keysWritten));
    set(HistBytes, formatBytes(record.bytesWritten));
    set(HistDuration, tr("%1 s").arg(double(record.durationMs) / 1000.0, 0, 'f', 1));
    QString reason = record.stopReason;
    for (const auto &[key, value] : record.report)
        reason += (reason.isEmpty() ? QString() : QStringLiteral("; ")) + key + QStringLiteral(" = ") + value;
    if (!record.messages.isEmpty())
        reason += (reason.isEmpty() ? QString() : QStringLiteral("; ")) + record.messages.join(QStringLiteral("; "));
    set(HistReason, reason);
}

void WarmingPage::refreshHistory()
{
    m_historyTable->setRowCount(0);
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it)
        addHistoryRow(*it, false);
    m_historyTable->resizeColumnsToContents();
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
}

void WarmingPage::updateButtons()
{
    const bool hasSelection = !selectedPlanName().isEmpty();
    m_editPlan->setEnabled(hasSelection);
    m_remove->setEnabled(hasSelection);
    // One run at a time by hand: a second click would silently queue another that Cancel misses.
    m_runNow->setEnabled(hasSelection && m_running == 0 && !m_awaitingStart);
    m_cancel->setEnabled(m_running > 0);
}

QString WarmingPage::selectedPlanName() const
{
    const auto rows = m_plansTable->selectionModel() ? m_plansTable->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty() || rows.first().row() >= int(m_plans.size()))
        return {};
    return m_plans[size_t(rows.first().row())].name;
}

QStringList WarmingPage::planNamesExcept(const QString &name) const
{
    QStringList names;
    for (const WarmingPlan &plan : m_plans) {
        if (plan.name != name)
            names << plan.name;
    }
    return names;
}

void WarmingPage::onNewPlan()
{
    WarmingPlanDialog dialog(this);
    dialog.setTakenNames(planNamesExcept({}));
    if (dialog.exec() != QDialog::Accepted || !dialog.plan())
        return;
    QString error;
    if (!addPlan(*dialog.plan(), &error))
        m_status->setText(error);
}

void WarmingPage::onEditPlan()
{
    const QString name = selectedPlanName();
    const auto it = std::find_if(m_plans.begin(), m_plans.end(), [&](const WarmingPlan &p) { return p.name == name; });
    if (it == m_plans.end())
        return;
    WarmingPlanDialog dialog(this);
    dialog.setTakenNames(planNamesExcept(name));
    dialog.setPlan(*it);
    if (dialog.exec() != QDialog::Accepted || !dialog.plan())
        return;
    if (dialog.plan()->name != name)
        std::erase_if(m_plans, [&](const WarmingPlan &p) { return p.name == name; });
    QString error;
    if (!addPlan(*dialog.plan(), &error))
        m_status->setText(error);
}

void WarmingPage::onImportPlans()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Warming Plans"), QString(),
                                                      tr("Plan files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const PlanFileResult loaded = loadWarmingPlans(path);
    if (!loaded.errors.empty()) {
        QStringList lines;
        for (const PlanIssue &issue : loaded.errors)
            lines << issue.toString();
        m_status->setText(tr("Not imported: %1").arg(lines.join(QStringLiteral("; "))));
        return;
    }
    for (const WarmingPlan &plan : loaded.plans) {
        QString error;
        if (!addPlan(plan, &error)) {
            m_status->setText(error);
            return;
        }
    }
    m_status->setText(tr("Plans imported: %1").arg(loaded.plans.size()));
}

void WarmingPage::onRemovePlan()
{
    const QString name = selectedPlanName();
    if (name.isEmpty())
        return;
    QMessageBox ask(QMessageBox::Question, tr("Remove Warming Plan"),
                    tr("Remove the warming plan \u201c%1\u201d?").arg(name), QMessageBox::NoButton, this);
    ask.setObjectName(QStringLiteral("confirmremoveplan"));
    ask.setInformativeText(tr("Its schedule stops. The keys it wrote stay until they expire; its run history is kept."));
    QPushButton *remove = ask.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() == remove)
        removePlan(name);
}

void WarmingPage::onRunNow()
{
    const QString name = selectedPlanName();
    if (!name.isEmpty())
        runNow(name);
}

void WarmingPage::onProgress(const WarmProgress &progress)
{
    if (progress.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000.0 * double(std::min(progress.keysWritten + progress.skipped, progress.total))
                                 / double(progress.total)));
    }
    QString text = tr("%1: %2 keys, %3, batch of %4")
                       .arg(progress.planName)
                       .arg(progress.keysWritten)
                       .arg(formatBytes(progress.bytesWritten))
                       .arg(progress.batchSize);
    if (progress.skipped > 0)
        text += tr(", %1 skipped (%2)").arg(progress.skipped).arg(skippedBreakdown(progress.skippedBy));
    m_status->setText(text);
}

void WarmingPage::onFinished(const WarmRunRecord &record)
{
    m_running = std::max(0, m_running - 1);
    m_history.push_back(record);
    updateButtons();
    addHistoryRow(record, true);
    m_progress->setVisible(m_scheduler->isBusy());
    m_status->setText(tr("%1: %2").arg(record.planName, record.summary()));
    refreshPlans();
}

} // namespace cwb
