#include "alertpanel.h"

#include "monitor/monitorservice.h"
#include "themedicon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cwb {

namespace {

enum Column { ColSeverity, ColState, ColRule, ColNode, ColValue, ColSince, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms);
    return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss"))
                                            : QLocale().toString(t, QLocale::ShortFormat);
}

QString stateText(AlertState state)
{
    switch (state) {
    case AlertState::Pending: return AlertPanel::tr("Pending");
    case AlertState::Firing: return AlertPanel::tr("Firing");
    case AlertState::Acknowledged: return AlertPanel::tr("Acknowledged");
    case AlertState::Resolved: return AlertPanel::tr("Resolved");
    }
    return {};
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Info: return AlertPanel::tr("Info");
    case Severity::Warning: return AlertPanel::tr("Warning");
    case Severity::Critical: return AlertPanel::tr("Critical");
    }
    return {};
}

} // namespace

QColor AlertPanel::severityColour(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QColor(0x1e, 0x88, 0xe5);
    case Severity::Warning: return QColor(0xef, 0x8f, 0x00);
    case Severity::Critical: return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QIcon AlertPanel::severityIcon(Severity severity)
{
    switch (severity) {
    case Severity::Info: return themedIcon(QStringLiteral("information"));
    case Severity::Warning: return themedIcon(QStringLiteral("warning"));
    case Severity::Critical: return themedIcon(QStringLiteral("error"));
    }
    return {};
}

AlertPanel::AlertPanel(MonitorService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_tabs(new QTabWidget(this)), m_list(new QTreeWidget(this)),
      m_history(new QTreeWidget(this)), m_stateFilter(new QComboBox(this)), m_severityFilter(new QComboBox(this)),
      m_expiry(new QComboBox(this)), m_ack(new QPushButton(tr("&Acknowledge"), this)),
      m_resolve(new QPushButton(tr("&Resolve"), this)), m_details(new QTextBrowser(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("alertPanel"));
    m_list->setObjectName(QStringLiteral("alertList"));
    m_history->setObjectName(QStringLiteral("alertHistory"));
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_severityFilter->setObjectName(QStringLiteral("severityFilter"));
    m_expiry->setObjectName(QStringLiteral("acknowledgeExpiry"));

    m_stateFilter->addItem(tr("Active"), QStringLiteral("active"));
    m_stateFilter->addItem(tr("All"), QString());
    m_stateFilter->addItem(tr("Firing"), alertStateName(AlertState::Firing));
    m_stateFilter->addItem(tr("Pending"), alertStateName(AlertState::Pending));
    m_stateFilter->addItem(tr("Acknowledged"), alertStateName(AlertState::Acknowledged));
    m_stateFilter->addItem(tr("Resolved"), alertStateName(AlertState::Resolved));
    m_stateFilter->setToolTip(tr("Show alerts in this state"));
    m_severityFilter->addItem(tr("Any severity"), QString());
    for (Severity s : {Severity::Critical, Severity::Warning, Severity::Info})
        m_severityFilter->addItem(severityIcon(s), severityText(s), severityName(s));
    m_severityFilter->setToolTip(tr("Show alerts of this severity"));
    m_expiry->addItem(tr("until resolved"), 0);
    m_expiry->addItem(tr("for 15 minutes"), 15 * 60);
    m_expiry->addItem(tr("for 1 hour"), 3600);
    m_expiry->addItem(tr("for 4 hours"), 4 * 3600);
    m_expiry->addItem(tr("for 1 day"), 86400);
    m_expiry->setToolTip(tr("How long an acknowledgement silences repeat notifications"));
    m_ack->setToolTip(tr("Acknowledge the selected alert: it stays open but stops repeating notifications (Ctrl+K)"));
    m_resolve->setToolTip(tr("Resolve the selected alert now (Ctrl+Shift+R)"));

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Severity"), tr("State"), tr("Rule"), tr("Node"), tr("Value"), tr("Since")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->header()->setSectionResizeMode(ColRule, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setAccessibleName(tr("Alerts"));

    m_history->setColumnCount(5);
    m_history->setHeaderLabels({tr("Time"), tr("Alert"), tr("Change"), tr("By"), tr("Note")});
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_history->setAccessibleName(tr("Alert history"));

    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select an alert to see its details."));

    m_ackAction = new QAction(tr("&Acknowledge"), this);
    m_ackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_ackAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_resolveAction = new QAction(tr("&Resolve"), this);
    m_resolveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resolveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_ackAction);
    addAction(m_resolveAction);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_severityFilter);
    filters->addStretch(1);
    filters->addWidget(m_summary);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_ack);
    buttons->addWidget(m_expiry);
    buttons->addWidget(m_resolve);
    buttons->addStretch(1);

    auto *alertsTab = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsTab);
    alertsLayout->setContentsMargins(4, 4, 4, 4);
    alertsLayout->addLayout(filters);
    auto *split = new QSplitter(Qt::Horizontal, alertsTab);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    alertsLayout->addWidget(split, 1);
    alertsLayout->addLayout(buttons);
    m_tabs->addTab(alertsTab, tr("Alerts"));
    m_tabs->addTab(m_history, tr("History"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_ack, &QPushButton::clicked, this, &AlertPanel::acknowledgeSelected);
    connect(m_resolve, &QPushButton::clicked, this, &AlertPanel::resolveSelected);
    connect(m_ackAction, &QAction::triggered, this, &AlertPanel::acknowledgeSelected);
    connect(m_resolveAction, &QAction::triggered, this, &AlertPanel::resolveSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        updateDetails();
    });
    connect(m_list, &QTreeWidget::customContextMenuRequested, this, &AlertPanel::showContextMenu);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &AlertPanel::refresh);
    connect(m_severityFilter, &QComboBox::currentIndexChanged, this, &AlertPanel::refresh);
    connect(m_service, &MonitorService::alertChanged, this, &AlertPanel::onAlertChanged);
    connect(m_service, &MonitorService::alertsRestored, this, &AlertPanel::refresh);
    // Values in the list follow the samples while it is on screen.
    connect(m_service, &MonitorService::samplesAdded, this, [this] {
        if (isVisible() && m_service->alerts().activeAlerts().size() > 0)
            refresh();
    });
    connect(m_service, &MonitorService::deliveryChanged, this, [this] { updateDetails(); });
    refresh();
}

QString AlertPanel::selectedAlertId() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, kIdRole).toString();
}

bool AlertPanel::selectAlert(const QString &alertId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toString() == alertId) {
            m_list->setCurrentItem(item);
            item->setSelected(true);
            return true;
        }
    }
    return false;
}

void AlertPanel::refresh()
{
    const QString selected = selectedAlertId();
    const QString state = m_stateFilter->currentData().toString();
    const QString severity = m_severityFilter->currentData().toString();
    std::vector<Alert> alerts(m_service->alerts().activeAlerts().begin(), m_service->alerts().activeAlerts().end());
    if (state != QLatin1String("active"))
        for (auto it = m_service->alerts().resolvedAlerts().rbegin(); it != m_service->alerts().resolvedAlerts().rend(); ++it)
            alerts.push_back(*it);
    // Most urgent first: firing before acknowledged before pending, then severity, then age.
    const auto rank = [](AlertState s) {
        switch (s) {
        case AlertState::Firing: return 0;
        case AlertState::Acknowledged: return 1;
        case AlertState::Pending: return 2;
        case AlertState::Resolved: return 3;
        }
        return 4;
    };
    std::stable_sort(alerts.begin(), alerts.end(), [&](const Alert &a, const Alert &b) {
        if (rank(a.state) != rank(b.state))
            return rank(a.state) < rank(b.state);
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.state == AlertState::Resolved ? a.resolvedAtMs > b.resolvedAtMs : a.startsAtMs < b.startsAtMs;
    });

    m_list->setUpdatesEnabled(false);
    m_list->clear();
    for (const Alert &a : alerts) {
        if (!state.isEmpty() && state != QLatin1String("active") && alertStateName(a.state) != state)
            continue;
        if (!severity.isEmpty() && severityName(a.severity) != severity)
            continue;
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, kIdRole, a.id);
        item->setIcon(ColSeverity, severityIcon(a.severity));
        item->setText(ColSeverity, severityText(a.severity));
        item->setForeground(ColSeverity, severityColour(a.severity));
        item->setText(ColState, stateText(a.state));
        if (a.state == AlertState::Firing) {
            QFont bold = item->font(ColState);
            bold.setBold(true);
            item->setFont(ColState, bold);
            item->setForeground(ColState, severityColour(a.severity));
        } else if (a.state == AlertState::Resolved) {
            item->setForeground(ColState, palette().color(QPalette::PlaceholderText));
        }
        item->setText(ColRule, a.ruleName);
        item->setToolTip(ColRule, a.condition);
        item->setText(ColNode, a.node);
        // The value that fired it (what the log and the notifications said), and where the
        // metric is now when that differs: "Value 0" beside "> 1 · Firing" explained nothing.
        const QLocale locale;
        const bool fired = a.firedAtMs > 0;
        item->setText(ColValue, fired && a.firedValue != a.value
                                    ? tr("%1 (now %2)").arg(locale.toString(a.firedValue, 'g', 4),
                                                            locale.toString(a.value, 'g', 4))
                                    : locale.toString(fired ? a.firedValue : a.value, 'g', 4));
        item->setText(ColSince, timeText(a.state == AlertState::Resolved ? a.resolvedAtMs
                                         : a.firedAtMs > 0               ? a.firedAtMs
                                                                         : a.startsAtMs));
    }
    for (int c = 0; c < ColumnCount; ++c)
        if (c != ColRule)
            m_list->resizeColumnToContents(c);
    m_list->setUpdatesEnabled(true);
    if (!selected.isEmpty())
        selectAlert(selected);
    m_summary->setText(tr("%1 firing, %2 pending, %3 acknowledged")
                           .arg(m_service->alerts().count(AlertState::Firing))
                           .arg(m_service->alerts().count(AlertState::Pending))
                           .arg(m_service->alerts().count(AlertState::Acknowledged)));
    updateButtons();
    updateDetails();
}

void AlertPanel::updateButtons()
{
    const auto alert = m_service->alerts().alert(selectedAlertId());
    const bool canAck = alert && (alert->state == AlertState::Firing || alert->state == AlertState::Acknowledged);
    const bool canResolve = alert && alert->isActive();
    m_ack->setEnabled(canAck);
    m_ackAction->setEnabled(canAck);
    m_expiry->setEnabled(canAck);
    m_resolve->setEnabled(canResolve);
    m_resolveAction->setEnabled(canResolve);
}

void AlertPanel::updateDetails()
{
    const auto alert = m_service->alerts().alert(selectedAlertId());
    if (!alert) {
        m_details->clear();
        return;
    }
    const Alert &a = *alert;
    const auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(name, value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<h3 style='color:%1'>%2</h3><table>")
                       .arg(severityColour(a.severity).name(), a.ruleName.toHtmlEscaped());
    html += row(tr("State"), stateText(a.state));
    html += row(tr("Severity"), severityText(a.severity));
    html += row(tr("Condition"), a.condition);
    if (a.firedAtMs > 0)
        html += row(tr("Value when fired"), QLocale().toString(a.firedValue, 'g', 6));
    html += row(tr("Latest value"), QLocale().toString(a.value, 'g', 6));
    if (!a.note.isEmpty())
        html += row(tr("Why"), a.note);
    html += row(tr("Target"), a.target);
    html += row(tr("Node"), a.node);
    html += row(tr("Started"), timeText(a.startsAtMs));
    html += row(tr("Fired"), timeText(a.firedAtMs));
    if (a.acknowledgedAtMs > 0)
        html += row(tr("Acknowledged"), tr("%1 by %2, %3")
                                            .arg(timeText(a.acknowledgedAtMs), a.acknowledgedBy,
                                                 a.acknowledgedUntilMs > 0 ? tr("until %1").arg(timeText(a.acknowledgedUntilMs))
                                                                           : tr("until resolved")));
    if (a.state == AlertState::Resolved)
        html += row(tr("Resolved"), tr("%1 by %2").arg(timeText(a.resolvedAtMs), a.resolvedBy));
    for (const DeliveryStatus &d : m_service->channels()->deliveries(a.id))
        html += row(tr("Sent via %1").arg(d.channel),
                    tr("%1 (%2): %3").arg(d.state, d.ok ? tr("ok") : d.inProgress ? tr("retrying") : tr("failed"), d.detail));
    html += QStringLiteral("</table><p><small>%1</small></p>").arg(a.id.toHtmlEscaped());
    m_details->setHtml(html);
}

qint64 AlertPanel::expiryFromNow() const
{
    const int seconds = m_expiry->currentData().toInt();
    return seconds > 0 ? m_service->now() + qint64(seconds) * 1000 : 0;
}

void AlertPanel::acknowledgeSelected()
{
    const QString id = selectedAlertId();
    if (id.isEmpty())
        return;
    QString error;
    if (!m_service->acknowledge(id, expiryFromNow(), &error))
        Q_EMIT errorOccurred(error);
}

void AlertPanel::resolveSelected()
{
    const QString id = selectedAlertId();
    if (id.isEmpty())
        return;
    QString error;
    if (!m_service->resolve(id, &error))
        Q_EMIT errorOccurred(error);
}

void AlertPanel::showContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    m_list->setCurrentItem(item);
    QMenu menu(this);
    menu.addAction(m_ackAction);
    menu.addAction(m_resolveAction);
    menu.addSeparator();
    const QString id = item->data(0, kIdRole).toString();
    menu.addAction(tr("Copy Alert ID"), this, [id] { QApplication::clipboard()->setText(id); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void AlertPanel::onAlertChanged(const AlertChange &change)
{
    addHistory({change});
    refresh();
}

void AlertPanel::addHistory(const std::vector<AlertChange> &changes)
{
    for (const AlertChange &c : changes) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, timeText(c.atMs));
        item->setText(1, c.alert.ruleName + QStringLiteral(" · ") + c.alert.node);
        item->setIcon(1, severityIcon(c.alert.severity));
        item->setText(2, c.reminder ? tr("reminder") : c.created ? stateText(c.to)
                                                                : stateText(c.from) + QStringLiteral(" → ") + stateText(c.to));
        item->setText(3, c.by);
        item->setText(4, c.note);
        item->setToolTip(1, c.alert.id);
        m_history->insertTopLevelItem(0, item);
    }
    while (m_history->topLevelItemCount() > 2000)
        delete m_history->takeTopLevelItem(m_history->topLevelItemCount() - 1);
}

} // namespace cwb
