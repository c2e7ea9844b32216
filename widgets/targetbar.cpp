#include "targetbar.h"

#include "serverprobe.h"
#include "themedicon.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace cwb {

namespace {

const char *const kInvalidProperty = "cwbInvalid";

// A red frame says "this field is wrong" in light and dark themes alike; everything else
// keeps the style's own look.
const char *const kInvalidStyle = "QLineEdit[cwbInvalid=\"true\"] { border: 1px solid #da4453; border-radius: 3px;"
                                  " padding: 2px; }";

} // namespace

TargetBar::TargetBar(QWidget *parent) : QWidget(parent), m_probe(new ServerProbe(this))
{
    setObjectName(QStringLiteral("targetBar"));

    auto *serverLabel = new QLabel(tr("S&erver:"), this);
    m_uriEdit = new QLineEdit(this);
    m_uriEdit->setObjectName(QStringLiteral("uriEdit"));
    m_uriEdit->setText(QStringLiteral("redis://127.0.0.1:6379"));
    m_uriEdit->setPlaceholderText(QStringLiteral("redis://host:6379"));
    m_uriEdit->setClearButtonEnabled(true);
    m_uriEdit->setToolTip(tr("The Redis server to work against: redis://[user@]host[:port][/db] or "
                             "unix:///path/to/redis.sock"));
    m_uriEdit->setAccessibleName(tr("Server URI"));
    m_uriEdit->setStyleSheet(QLatin1String(kInvalidStyle));
    m_uriEdit->setMinimumWidth(260);
    serverLabel->setBuddy(m_uriEdit);
    m_uriErrorAction = m_uriEdit->addAction(themedIcon(QStringLiteral("warning")), QLineEdit::TrailingPosition);
    m_uriErrorAction->setVisible(false);

    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("none"));
    m_passwordEdit->setToolTip(tr("Password for AUTH, if the server needs one. Kept in memory only: never saved, "
                                  "logged or exported."));
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_passwordEdit->setMaximumWidth(180);
    passwordLabel->setBuddy(m_passwordEdit);

    m_connectButton = new QPushButton(themedIcon(QStringLiteral("connect")), tr("&Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setToolTip(tr("Test the connection and read the server's version, role and memory"));

    m_sandboxButton = new QToolButton(this);
    m_sandboxButton->setObjectName(QStringLiteral("sandboxButton"));
    m_sandboxButton->setIcon(themedIcon(QStringLiteral("sandbox")));
    m_sandboxButton->setText(tr("Start local sandbox"));
    m_sandboxButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_sandboxButton->setPopupMode(QToolButton::InstantPopup);
    m_sandboxButton->setToolTip(tr("Start a throw-away Redis on this machine and connect to it; "
                                   "it stops when the application quits"));
    auto *menu = new QMenu(m_sandboxButton);
    QAction *single = menu->addAction(tr("Single server"));
    single->setObjectName(QStringLiteral("sandboxSingleAction"));
    single->setToolTip(tr("One redis-server on a free loopback port"));
    QAction *cluster = menu->addAction(tr("Cluster (3 masters, 3 replicas)"));
    cluster->setObjectName(QStringLiteral("sandboxClusterAction"));
    cluster->setToolTip(tr("Six redis-server nodes forming a Redis Cluster on loopback"));
    menu->addSeparator();
    m_stopSandboxAction = menu->addAction(themedIcon(QStringLiteral("stop")), tr("Stop sandbox"));
    m_stopSandboxAction->setObjectName(QStringLiteral("sandboxStopAction"));
    m_stopSandboxAction->setEnabled(false);
    menu->setToolTipsVisible(true);
    m_sandboxButton->setMenu(menu);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("targetStatusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);

    // Fields and buttons on one row; the state or validation message right under the URI,
    // where the eye already is.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(2);
    layout->addWidget(serverLabel, 0, 0);
    layout->addWidget(m_uriEdit, 0, 1);
    layout->addItem(new QSpacerItem(8, 0), 0, 2);
    layout->addWidget(passwordLabel, 0, 3);
    layout->addWidget(m_passwordEdit, 0, 4);
    layout->addWidget(m_connectButton, 0, 5);
    layout->addWidget(m_sandboxButton, 0, 6);
    layout->addWidget(m_statusLabel, 1, 1, 1, 6);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(4, 1);
    layout->setColumnStretch(7, 1);

    connect(m_uriEdit, &QLineEdit::textChanged, this, &TargetBar::validate);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &TargetBar::validate);
    connect(m_uriEdit, &QLineEdit::returnPressed, this, &TargetBar::connectToTarget);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &TargetBar::connectToTarget);
    connect(m_connectButton, &QPushButton::clicked, this, &TargetBar::connectToTarget);
    connect(single, &QAction::triggered, this, [this] { Q_EMIT sandboxRequested(SandboxKind::Single); });
    connect(cluster, &QAction::triggered, this, [this] { Q_EMIT sandboxRequested(SandboxKind::Cluster); });
    connect(m_stopSandboxAction, &QAction::triggered, this, &TargetBar::sandboxStopRequested);
    connect(m_probe, &ServerProbe::succeeded, this, &TargetBar::onProbeSucceeded);
    connect(m_probe, &ServerProbe::failed, this, &TargetBar::onProbeFailed);

    validate();
    setState(State::Idle);
}

TargetBar::~TargetBar() = default;

QString TargetBar::uri() const
{
    return m_uriEdit->text().trimmed();
}

void TargetBar::setUri(const QString &uri)
{
    m_uriEdit->setText(uri);
}

void TargetBar::setPassword(const QString &password)
{
    m_passwordEdit->setText(password);
}

std::optional<Endpoint> TargetBar::endpoint() const
{
    std::optional<Endpoint> endpoint = parseEndpoint(uri());
    if (endpoint && !m_passwordEdit->text().isEmpty())
        endpoint->password = m_passwordEdit->text();
    return endpoint;
}

void TargetBar::setConnectTimeoutMs(int ms)
{
    m_probe->setTimeoutMs(ms);
}

void TargetBar::setSandboxStarting(bool starting)
{
    m_sandboxStarting = starting;
    m_sandboxButton->setEnabled(!starting);
    m_uriEdit->setReadOnly(starting);
    if (starting)
        m_statusLabel->setText(tr("Starting sandbox…"));
    else
        setState(m_state, m_statusText);
    updateConnectEnabled();
}

void TargetBar::setSandboxRunning(bool running)
{
    m_stopSandboxAction->setEnabled(running);
}

void TargetBar::connectToTarget()
{
    const std::optional<Endpoint> target = endpoint();
    if (!target || m_probe->isBusy() || m_sandboxStarting)
        return;
    m_summary.reset();
    setState(State::Connecting, tr("Connecting to %1…").arg(target->address()));
    Q_EMIT connecting(*target);
    m_probe->probe(*target);
}

void TargetBar::validate()
{
    QString error;
    std::optional<Endpoint> current = parseEndpoint(uri(), &error);
    const bool invalid = !current;
    m_validationError = invalid ? (error.isEmpty() ? tr("not a valid URI") : error) : QString();
    if (current && !m_passwordEdit->text().isEmpty())
        current->password = m_passwordEdit->text();

    m_uriEdit->setProperty(kInvalidProperty, invalid);
    // A dynamic property restyles only once the style looks at the widget again.
    m_uriEdit->style()->unpolish(m_uriEdit);
    m_uriEdit->style()->polish(m_uriEdit);
    m_uriErrorAction->setVisible(invalid);
    m_uriErrorAction->setToolTip(m_validationError);
    m_uriEdit->setToolTip(invalid ? tr("Invalid server URI: %1").arg(m_validationError)
                                  : tr("The Redis server to work against: redis://[user@]host[:port][/db] or "
                                       "unix:///path/to/redis.sock"));

    const bool changed = current != m_lastEmitted || invalid != m_wasInvalid;
    m_wasInvalid = invalid;
    if (changed) {
        // Whatever was learnt about the previous target no longer applies.
        m_lastEmitted = current;
        m_probe->cancel();
        m_summary.reset();
        if (invalid) {
            setState(State::Invalid, tr("Invalid URI: %1").arg(m_validationError));
        } else {
            setState(State::Idle);
            Q_EMIT endpointChanged(*current);
        }
    }
    updateConnectEnabled();
}

void TargetBar::setState(State state, const QString &statusText)
{
    m_state = state;
    m_statusText = statusText;
    m_statusLabel->setText(statusText.isEmpty() && state == State::Idle
                               ? tr("Not connected. Press Connect, or start a local sandbox to try things out.")
                               : statusText);
    // Problems in the error hue, everything else muted: both readable on light and dark palettes.
    QPalette pal = palette();
    QColor colour = pal.color(QPalette::WindowText);
    if (state == State::Invalid || state == State::Failed)
        colour = QColor(0xda, 0x44, 0x53);
    else if (state != State::Connected)
        colour.setAlphaF(0.7f);
    pal.setColor(QPalette::WindowText, colour);
    m_statusLabel->setPalette(pal);
    // The label stays short; the message bar carries the full error text.
    m_statusLabel->setToolTip(state == State::Failed || state == State::Invalid ? statusText : tr("Connection state"));
    updateConnectEnabled();
}

void TargetBar::updateConnectEnabled()
{
    m_connectButton->setEnabled(m_state != State::Invalid && m_state != State::Connecting && !m_sandboxStarting);
}

void TargetBar::onProbeSucceeded(const ServerSummary &summary)
{
    m_summary = summary;
    setState(State::Connected, summaryText(summary));
    Q_EMIT connected(summary);
}

void TargetBar::onProbeFailed(const QString &reason, const QString &details)
{
    setState(State::Failed, tr("Connection failed"));
    m_statusLabel->setToolTip(reason);
    Q_EMIT connectionFailed(reason, details);
}

QString TargetBar::summaryText(const ServerSummary &summary)
{
    QString text = tr("Redis %1 · %2").arg(summary.version, summary.role);
    if (summary.mode == QLatin1String("cluster"))
        text += tr(" · cluster");
    return text;
}

} // namespace cwb
