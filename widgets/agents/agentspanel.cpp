#include "agentspanel.h"

#include "serverprobe.h"
#include "tableitems.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace cwb {

namespace {

const auto kCoordinatorKey = QLatin1String("agents/coordinator");
const char *const kInvalidStyle = "QLineEdit[cwbInvalid=\"true\"] { border: 1px solid #da4453; border-radius: 3px;"
                                  " padding: 2px; }";

// A live agent refreshes its registration every kAgentHeartbeatEveryMs to kAgentHeartbeatTtlMs;
// one with less than a heartbeat's margin left has missed at least one.
constexpr qint64 kStaleBelowMs = kAgentHeartbeatTtlMs - 2 * kAgentHeartbeatEveryMs;

QString stateText(const QString &state)
{
    if (state == QLatin1String("idle"))
        return AgentsPanel::tr("Idle");
    // A run id is a UUID: its first group tells runs apart, the tool tip has all of it.
    if (state.startsWith(QLatin1String("running ")))
        return AgentsPanel::tr("Running %1").arg(state.mid(8).section(u'-', 0, 0));
    return state;
}

QString clockSkewText(qint64 offsetNs)
{
    const double ms = double(offsetNs) / 1e6;
    // A skew that rounds to nothing is "0.00", not "-0.00".
    return QLocale().toString(std::abs(ms) < 0.005 ? 0.0 : ms, 'f', 2);
}

QString healthText(qint64 ttlMs)
{
    if (ttlMs < 0)
        return AgentsPanel::tr("unknown");
    if (ttlMs < kStaleBelowMs)
        return AgentsPanel::tr("stale");
    return AgentsPanel::tr("expires in %1 s").arg(QLocale().toString(double(ttlMs) / 1000.0, 'f', 1));
}

} // namespace

AgentsPanel::AgentsPanel(QWidget *parent) : QWidget(parent), m_autoRefresh(new QTimer(this))
{
    setObjectName(QStringLiteral("agentsPanel"));
    auto *uriLabel = new QLabel(tr("Coordination &server:"), this);
    m_uri = new QLineEdit(this);
    m_uri->setObjectName(QStringLiteral("coordinatorUriEdit"));
    m_uri->setPlaceholderText(QStringLiteral("redis://host:6379/0"));
    m_uri->setToolTip(tr("The Redis server the agents were started with (--coordinator); saved without its "
                         "password"));
    m_uri->setClearButtonEnabled(true);
    m_uri->setStyleSheet(QLatin1String(kInvalidStyle));
    uriLabel->setBuddy(m_uri);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("coordinatorPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setToolTip(tr("The coordination server's password, kept in memory only"));
    passwordLabel->setBuddy(m_password);
    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshAgentsButton"));
    m_refresh->setToolTip(tr("List the agents connected to the coordination server now"));
    connect(m_refresh, &QPushButton::clicked, this, &AgentsPanel::refresh);
    connect(m_uri, &QLineEdit::returnPressed, this, &AgentsPanel::refresh);
    connect(m_password, &QLineEdit::returnPressed, this, &AgentsPanel::refresh);
    connect(m_uri, &QLineEdit::editingFinished, this, [this] {
        if (m_uri->text() != m_listedUri)
            refresh();
    });

    auto *row = new QHBoxLayout;
    row->addWidget(uriLabel);
    row->addWidget(m_uri, 3);
    row->addWidget(passwordLabel);
    row->addWidget(m_password, 1);
    row->addWidget(m_refresh);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("agentsStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    m_table->setHorizontalHeaderLabels({tr("Agent"), tr("Host"), tr("Version"), tr("Cores"), tr("Clock skew (ms)"),
                                        tr("State"), tr("Health"), tr("Allowed targets")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("Check the agents the next run uses"));
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() != Name)
            return;
        if (item->checkState() == Qt::Checked)
            m_checked.insert(item->text());
        else
            m_checked.remove(item->text());
        if (!m_lastAddress.isEmpty())
            showListedStatus();
        Q_EMIT chosenAgentsChanged();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    m_autoRefresh->setInterval(kRefreshEveryMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &AgentsPanel::autoRefresh);

    m_uri->setText(QSettings().value(kCoordinatorKey).toString());
    m_listedUri = m_uri->text();
    setStatus(tr("Enter the coordination server the agents were started with (agent --coordinator URI)."), false);
}

AgentsPanel::~AgentsPanel()
{
    if (m_job)
        m_job->discard();
}

std::optional<Endpoint> AgentsPanel::coordinator(QString *error) const
{
    const QString uri = m_uri->text().trimmed();
    if (uri.isEmpty()) {
        if (error)
            *error = tr("no coordination server entered");
        return std::nullopt;
    }
    std::optional<Endpoint> endpoint = parseEndpoint(uri, error);
    if (endpoint && !m_password->text().isEmpty())
        endpoint->password = m_password->text();
    return endpoint;
}

QStringList AgentsPanel::chosenAgents() const
{
    QStringList names;
    for (const AgentInfo &agent : m_agents)
        if (m_checked.contains(agent.name) && unavailableReason(agent).isEmpty())
            names << agent.name;
    return names;
}

void AgentsPanel::setChoiceLocked(bool locked)
{
    if (locked == m_locked)
        return;
    m_locked = locked;
    m_uri->setReadOnly(locked);
    m_password->setReadOnly(locked);
    showAgents();
}

QString AgentsPanel::unavailableReason(const AgentInfo &agent)
{
    if (agent.protocol != kCoordProtocol)
        return tr("Speaks protocol %1, this workbench %2: run the same workbench version on both.")
            .arg(agent.protocol)
            .arg(kCoordProtocol);
    if (agent.state != QLatin1String("idle"))
        return tr("Busy with a run (%1).").arg(agent.state);
    return {};
}

void AgentsPanel::refresh()
{
    if (m_job) // the URI may have changed: the older answer is no longer wanted
        std::exchange(m_job, nullptr)->discard();
    startListing();
}

void AgentsPanel::startListing()
{
    QString error;
    const std::optional<Endpoint> bus = coordinator(&error);
    if (!bus) {
        m_listedUri = m_uri->text();
        m_agents.clear();
        m_lastAddress.clear();
        showAgents();
        setStatus(tr("Not a coordination server URI: %1").arg(error), true);
        return;
    }
    m_listedUri = m_uri->text();
    QSettings().setValue(kCoordinatorKey, bus->displayUri()); // never the password
    if (m_agents.empty())
        setStatus(tr("Asking %1 for its agents…").arg(bus->address()), false);
    m_job = makeAgentListJob(*bus, kListTimeoutMs, this);
    connect(m_job, &jobs::JobBase::finished, this, &AgentsPanel::onListingFinished);
    m_job->start();
}

void AgentsPanel::onListingFinished()
{
    AgentListJob *job = std::exchange(m_job, nullptr);
    job->deleteLater();
    if (!job->result()) {
        m_agents.clear();
        m_lastAddress.clear();
        showAgents();
        setStatus(tr("Could not list the agents: %1").arg(job->failureReason()), true);
        Q_EMIT listingFailed(job->failureReason());
        return;
    }
    const AgentListing &listing = *job->result();
    if (!listing.agents) {
        // A refusal (an ACL without SCAN, a wrong database) is the server's own words; anything
        // on the way there (nobody listening, no answer, a wrong password) the target bar's.
        const bool serverSaidNo = listing.error.kind == RedisErrorKind::ServerError
            || listing.error.kind == RedisErrorKind::NoPermission || listing.error.kind == RedisErrorKind::None;
        const QString reason = serverSaidNo && !listing.reason.isEmpty()
            ? tr("%1 answered, but its agents could not be listed: %2").arg(listing.address, listing.reason)
            : ServerProbe::describeFailure(listing.error, listing.address, kListTimeoutMs);
        m_agents.clear();
        m_lastAddress.clear();
        showAgents();
        setStatus(reason, true);
        Q_EMIT listingFailed(reason);
        return;
    }
    m_agents = *listing.agents;
    m_lastAddress = listing.address;
    showAgents();
    showListedStatus();
    Q_EMIT agentsListed();
}

void AgentsPanel::showListedStatus()
{
    setStatus(m_agents.empty() ? tr("No agent is connected to %1. Start one with: cache-workbench-cli agent "
                                    "--coordinator URI --allow-target PATTERN")
                                     .arg(m_lastAddress)
                               : tr("%n agent(s) connected to %1, %2 chosen.", nullptr, int(m_agents.size()))
                                     .arg(m_lastAddress)
                                     .arg(checkedCount()),
              false);
}

int AgentsPanel::checkedCount() const
{
    return int(std::count_if(m_agents.begin(), m_agents.end(),
                             [this](const AgentInfo &agent) { return m_checked.contains(agent.name); }));
}

QStringList AgentsPanel::rowCells(const AgentInfo &a) const
{
    const QLocale locale;
    return {a.name,
            a.host,
            a.version,
            locale.toString(a.cores),
            clockSkewText(a.clockOffsetNs),
            stateText(a.state),
            healthText(a.ttlMs),
            a.allowTargets.join(QStringLiteral(", "))};
}

void AgentsPanel::showAgents()
{
    const QSignalBlocker block(m_table); // filling is not the user checking
    m_table->setRowCount(0);
    for (const AgentInfo &agent : m_agents) {
        appendReadOnlyRow(m_table, rowCells(agent), Cores);
        const int row = m_table->rowCount() - 1;
        for (int column : {State, Health, AllowedTargets})
            m_table->item(row, column)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        QTableWidgetItem *name = m_table->item(row, Name);
        m_table->item(row, State)->setToolTip(agent.state);
        const QString unavailable = unavailableReason(agent);
        name->setCheckState(m_checked.contains(agent.name) ? Qt::Checked : Qt::Unchecked);
        if (unavailable.isEmpty() && !m_locked) {
            name->setFlags(name->flags() | Qt::ItemIsUserCheckable);
            name->setToolTip(tr("Check to run the next test on %1 too").arg(agent.name));
        } else {
            name->setFlags(name->flags() & ~(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled));
            const QString why = unavailable.isEmpty() ? tr("The choice is fixed while a run uses the agents.")
                                                      : unavailable;
            for (int column = 0; column < ColumnCount; ++column)
                m_table->item(row, column)->setToolTip(why);
        }
    }
}

void AgentsPanel::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    // As the target bar does: problems in the error hue and a red frame on the field, the rest
    // muted; readable on light and dark palettes alike.
    QPalette pal = palette();
    QColor colour = pal.color(QPalette::WindowText);
    if (problem)
        colour = QColor(0xda, 0x44, 0x53);
    else
        colour.setAlphaF(0.7f);
    pal.setColor(QPalette::WindowText, colour);
    m_status->setPalette(pal);
    m_uri->setProperty("cwbInvalid", problem);
    m_uri->style()->unpolish(m_uri);
    m_uri->style()->polish(m_uri);
}

void AgentsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_autoRefresh->start();
    autoRefresh();
}

void AgentsPanel::autoRefresh()
{
    // Only the URI the user last confirmed: a half-typed one would flash errors while typing.
    if (!m_job && !m_uri->text().trimmed().isEmpty() && m_uri->text() == m_listedUri)
        startListing();
}

void AgentsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh->stop();
}

} // namespace cwb
