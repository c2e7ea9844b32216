#include "targetbar.h"

#include "messagebar.h"
#include "redis/credentialstore.h"
#include "serverprobe.h"
#include "target/permissiondialog.h"
#include "target/tlsdialog.h"
#include "themedicon.h"

#include <QAction>
#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>

namespace cwb {

namespace {

const char *const kInvalidProperty = "cwbInvalid";
// Only whether to use the keychain is a setting; the password never is.
const char *const kRememberKey = "target/rememberPasswordInKeychain";

// A red frame says "this field is wrong" in light and dark themes alike; everything else
// keeps the style's own look.
const char *const kInvalidStyle = "QLineEdit[cwbInvalid=\"true\"] { border: 1px solid #da4453; border-radius: 3px;"
                                  " padding: 2px; }";
// Skipped verification must not go unnoticed: white on the error hue, whatever the theme.
const char *const kBadgeStyle = "QLabel { background: #da4453; color: white; border-radius: 3px; padding: 1px 6px;"
                                " font-weight: bold; }";

QString uriHelp()
{
    return TargetBar::tr("The Redis server to work against: redis://[user:@]host[:port][/db], rediss://… for TLS, or "
                         "unix:///path/to/redis.sock");
}

} // namespace

TargetBar::TargetBar(QWidget *parent)
    : QWidget(parent), m_probe(new ServerProbe(this)), m_credentials(new CredentialStore(this)),
      m_lookupTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("targetBar"));

    auto *serverLabel = new QLabel(tr("S&erver:"), this);
    m_uriEdit = new QLineEdit(this);
    m_uriEdit->setObjectName(QStringLiteral("uriEdit"));
    m_uriEdit->setText(QStringLiteral("redis://127.0.0.1:6379"));
    m_uriEdit->setPlaceholderText(QStringLiteral("redis://host:6379"));
    m_uriEdit->setClearButtonEnabled(true);
    m_uriEdit->setToolTip(uriHelp());
    m_uriEdit->setAccessibleName(tr("Server URI"));
    m_uriEdit->setStyleSheet(QLatin1String(kInvalidStyle));
    // With the TLS button and the INSECURE badge beside it, the German row still fits 1280 px at 220.
    m_uriEdit->setMinimumWidth(220);
    serverLabel->setBuddy(m_uriEdit);
    // Ctrl+L, as in a browser's address bar: the label's mnemonic shares its letter with menus.
    auto *focusServer = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    focusServer->setObjectName(QStringLiteral("focusServerShortcut"));
    connect(focusServer, &QShortcut::activated, this, [this] {
        m_uriEdit->setFocus(Qt::ShortcutFocusReason);
        m_uriEdit->selectAll();
    });
    m_uriErrorAction = m_uriEdit->addAction(themedIcon(QStringLiteral("warning")), QLineEdit::TrailingPosition);
    m_uriErrorAction->setVisible(false);

    m_tlsButton = new QToolButton(this);
    m_tlsButton->setObjectName(QStringLiteral("tlsButton"));
    // No mnemonic: every letter of it is taken on some page already (Tab reaches it after the URI).
    m_tlsButton->setText(tr("TLS…"));
    m_tlsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Checked while the target speaks TLS: the button doubles as the indicator.
    m_tlsButton->setCheckable(true);
    m_tlsButton->setAccessibleName(tr("TLS settings"));
    m_insecureBadge = new QLabel(tr("INSECURE"), this);
    m_insecureBadge->setObjectName(QStringLiteral("insecureTlsBadge"));
    m_insecureBadge->setStyleSheet(QLatin1String(kBadgeStyle));
    m_insecureBadge->setToolTip(tr("TLS without verification: the server's certificate and host name are not checked, "
                                   "so anyone on the path can read and change this traffic. Change it under TLS…"));
    m_insecureBadge->hide();

    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("none"));
    m_passwordEdit->setToolTip(tr("Password for AUTH, if the server needs one. Kept in memory only: never saved, "
                                  "logged or exported."));
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_passwordEdit->setMaximumWidth(180);
    m_passwordEdit->setMinimumWidth(90); // the placeholder stays readable when the row is full
    passwordLabel->setBuddy(m_passwordEdit);

    m_rememberBox = new QCheckBox(tr("Remember in keychain"), this);
    m_rememberBox->setObjectName(QStringLiteral("rememberPasswordBox"));
    m_rememberBox->setToolTip(tr("Save a password that logged in successfully in the system keychain and fill it in "
                                 "when this server is chosen again. Unticking forgets the password saved for the "
                                 "current server. Never stored anywhere else."));
    m_rememberBox->setChecked(QSettings().value(QLatin1String(kRememberKey), false).toBool());
    // Typing a URI changes it on every key: ask the keychain once the typing pauses.
    m_lookupTimer->setSingleShot(true);
    m_lookupTimer->setInterval(300);

    m_connectButton = new QPushButton(themedIcon(QStringLiteral("connect")), tr("&Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setToolTip(tr("Test the connection and read the server's version, role and memory"));

    m_checkButton = new QToolButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkPermissionsButton"));
    m_checkButton->setText(tr("Check permissions…"));
    m_checkButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_checkButton->setToolTip(tr("Find out which features work with this user on this server (renamed commands, ACL "
                                 "limits), why not, and the ACL line that enables them"));

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
    layout->addWidget(m_tlsButton, 0, 2);
    layout->addWidget(m_insecureBadge, 0, 3);
    layout->addItem(new QSpacerItem(8, 0), 0, 4);
    layout->addWidget(passwordLabel, 0, 5);
    layout->addWidget(m_passwordEdit, 0, 6);
    layout->addWidget(m_rememberBox, 0, 7);
    layout->addWidget(m_connectButton, 0, 8);
    layout->addWidget(m_checkButton, 0, 9);
    layout->addWidget(m_sandboxButton, 0, 10);
    layout->addWidget(m_statusLabel, 1, 1, 1, 10);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(6, 1);
    layout->setColumnStretch(11, 1);

    connect(m_uriEdit, &QLineEdit::textChanged, this, &TargetBar::onUriEdited);
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &TargetBar::onPasswordEdited);
    connect(m_rememberBox, &QCheckBox::toggled, this, &TargetBar::onRememberToggled);
    connect(m_lookupTimer, &QTimer::timeout, this, &TargetBar::lookUpKeychainPassword);
    connect(m_uriEdit, &QLineEdit::returnPressed, this, &TargetBar::connectToTarget);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &TargetBar::connectToTarget);
    connect(m_connectButton, &QPushButton::clicked, this, &TargetBar::connectToTarget);
    connect(m_tlsButton, &QToolButton::clicked, this, &TargetBar::editTls);
    connect(m_checkButton, &QToolButton::clicked, this, &TargetBar::checkPermissions);
    connect(single, &QAction::triggered, this, [this] { Q_EMIT sandboxRequested(SandboxKind::Single); });
    connect(cluster, &QAction::triggered, this, [this] { Q_EMIT sandboxRequested(SandboxKind::Cluster); });
    connect(m_stopSandboxAction, &QAction::triggered, this, &TargetBar::sandboxStopRequested);
    connect(m_probe, &ServerProbe::succeeded, this, &TargetBar::onProbeSucceeded);
    connect(m_probe, &ServerProbe::failed, this, &TargetBar::onProbeFailed);

    validate();
    setState(State::Idle);
    m_lookupTimer->start();
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
    return currentEndpoint(nullptr);
}

std::optional<Endpoint> TargetBar::currentEndpoint(QString *error) const
{
    std::optional<Endpoint> endpoint = parseEndpoint(uri(), error);
    if (!endpoint)
        return endpoint;
    if (!m_passwordEdit->text().isEmpty())
        endpoint->password = m_passwordEdit->text();
    // A pass phrase belongs to the key it was typed for: never offered to another key file.
    if (endpoint->tls.enabled && !m_tlsPassphrase.isEmpty() && endpoint->tls.keyFile == m_passphraseKeyFile)
        endpoint->tls.keyPassphrase = m_tlsPassphrase;
    return endpoint;
}

void TargetBar::setTlsOptions(const TlsOptions &options)
{
    std::optional<Endpoint> current = parseEndpoint(uri());
    if (!current || current->transport != Endpoint::Transport::Tcp)
        return;
    // The URI is written anew without its password: the field keeps it instead.
    if (!current->password.isEmpty() && m_passwordEdit->text().isEmpty())
        setPassword(current->password);
    m_tlsPassphrase = options.enabled ? options.keyPassphrase : QString();
    m_passphraseKeyFile = options.enabled ? options.keyFile : QString();
    current->tls = options;
    current->tls.keyPassphrase.clear();
    setUri(current->displayUri());
    validate(); // the text may be the same while the pass phrase changed
}

void TargetBar::editTls()
{
    const std::optional<Endpoint> current = endpoint();
    updateTlsIndicators(current); // a click toggled the button: its check state follows the URI only
    if (!current || current->transport != Endpoint::Transport::Tcp)
        return;
    TlsOptions options = current->tls;
    options.enabled = true; // asking for TLS settings on a redis:// target means wanting TLS
    auto *dialog = new TlsDialog(options, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setTlsOptions(dialog->options()); });
    dialog->open();
}

void TargetBar::checkPermissions()
{
    const std::optional<Endpoint> target = endpoint();
    if (!target)
        return;
    if (m_permissionDialog)
        m_permissionDialog->close(); // about an older target, maybe
    m_permissionDialog = new PermissionDialog(*target, m_probe->timeoutMs(), this);
    m_permissionDialog->show();
}

void TargetBar::updateTlsIndicators(const std::optional<Endpoint> &current)
{
    const bool tcp = current && current->transport == Endpoint::Transport::Tcp;
    const bool tls = tcp && current->tls.enabled;
    m_tlsButton->setEnabled(tcp && !m_sandboxStarting);
    m_tlsButton->setChecked(tls);
    m_tlsButton->setToolTip(!tcp  ? tr("TLS needs a redis:// or rediss:// URI")
                            : tls ? tr("TLS is on (rediss://). Change the CA, client certificate, server name, version "
                                       "or ciphers")
                                  : tr("Speak TLS to this server: CA, client certificate, server name, version, "
                                       "ciphers"));
    m_insecureBadge->setVisible(tls && current->tls.insecure);
}

void TargetBar::setConnectTimeoutMs(int ms)
{
    m_probe->setTimeoutMs(ms);
}

bool TargetBar::rememberPassword() const
{
    return m_rememberBox->isChecked();
}

void TargetBar::setRememberPassword(bool remember)
{
    m_rememberBox->setChecked(remember);
}

void TargetBar::setSandboxStarting(bool starting)
{
    m_sandboxStarting = starting;
    m_sandboxButton->setEnabled(!starting);
    m_uriEdit->setReadOnly(starting);
    updateTlsIndicators(endpoint());
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
    // Saved only once the login works, so a mistyped password is never remembered; and not
    // again when it came from the keychain in the first place.
    const QString key = CredentialStore::keyFor(*target);
    const bool store = m_rememberBox->isChecked() && !target->password.isEmpty() && m_keychainFilledKey != key;
    m_pendingStoreKey = store ? key : QString();
    m_pendingStorePassword = store ? target->password : QString();
    setState(State::Connecting, tr("Connecting to %1…").arg(target->address()));
    Q_EMIT connecting(*target);
    m_probe->probe(*target);
}

void TargetBar::validate()
{
    QString error;
    const std::optional<Endpoint> current = currentEndpoint(&error);
    const bool invalid = !current;
    m_validationError = invalid ? (error.isEmpty() ? tr("not a valid URI") : error) : QString();
    updateTlsIndicators(current);

    m_uriEdit->setProperty(kInvalidProperty, invalid);
    // A dynamic property restyles only once the style looks at the widget again.
    m_uriEdit->style()->unpolish(m_uriEdit);
    m_uriEdit->style()->polish(m_uriEdit);
    m_uriErrorAction->setVisible(invalid);
    m_uriErrorAction->setToolTip(m_validationError);
    m_uriEdit->setToolTip(invalid ? tr("Invalid server URI: %1").arg(m_validationError) : uriHelp());

    const bool changed = current != m_lastEmitted || invalid != m_wasInvalid;
    m_wasInvalid = invalid;
    if (invalid && !changed) {
        // Still invalid, maybe for another reason: the status says why this text is wrong.
        setState(State::Invalid, tr("Invalid URI: %1").arg(m_validationError));
        Q_EMIT endpointCleared();
    }
    if (changed) {
        // Whatever was learnt about the previous target no longer applies.
        m_lastEmitted = current;
        m_probe->cancel();
        m_summary.reset();
        if (invalid) {
            setState(State::Invalid, tr("Invalid URI: %1").arg(m_validationError));
            Q_EMIT endpointCleared();
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
    m_checkButton->setEnabled(m_state != State::Invalid && !m_sandboxStarting);
}

void TargetBar::onProbeSucceeded(const ServerSummary &summary)
{
    m_summary = summary;
    setState(State::Connected, summaryText(summary));
    Q_EMIT connected(summary);
    storePendingPassword();
}

void TargetBar::onProbeFailed(const QString &reason, const QString &details)
{
    m_pendingStoreKey.clear();
    m_pendingStorePassword.clear();
    setState(State::Failed, tr("Connection failed"));
    m_statusLabel->setToolTip(reason);
    Q_EMIT connectionFailed(reason, details);
}

void TargetBar::onUriEdited()
{
    // A password read from the keychain belongs to its target: never send it to another one.
    if (!m_keychainFilledKey.isEmpty()) {
        const std::optional<Endpoint> current = parseEndpoint(uri());
        if (!current || CredentialStore::keyFor(*current) != m_keychainFilledKey) {
            m_fillingFromKeychain = true;
            m_passwordEdit->clear();
            m_fillingFromKeychain = false;
            m_keychainFilledKey.clear();
            m_passwordEdit->setToolTip(tr("Password for AUTH, if the server needs one. Kept in memory only: never "
                                          "saved, logged or exported."));
        }
    }
    validate();
    m_lookupTimer->start();
}

void TargetBar::onPasswordEdited()
{
    if (!m_fillingFromKeychain)
        m_keychainFilledKey.clear();
    validate();
}

void TargetBar::onRememberToggled(bool remember)
{
    QSettings().setValue(QLatin1String(kRememberKey), remember);
    if (remember) {
        m_lookupTimer->start();
        return;
    }
    m_pendingStoreKey.clear();
    m_pendingStorePassword.clear();
    // Forget only what this session saw in the keychain: no D-Bus call for targets that
    // were never remembered.
    const std::optional<Endpoint> current = parseEndpoint(uri());
    if (!current)
        return;
    const QString key = CredentialStore::keyFor(*current);
    if (!m_keychainKnownKeys.contains(key))
        return;
    m_keychainKnownKeys.remove(key);
    m_credentials->deletePassword(key, this, [this, key](const CredentialResult &result) {
        if (result.ok())
            Q_EMIT message(MessageType::Information,
                           tr("The password for %1 was removed from the keychain.").arg(key), {});
        else if (result.status != CredentialResult::Status::NotFound)
            Q_EMIT message(MessageType::Warning,
                           tr("The password for %1 could not be removed from the keychain.").arg(key), result.error);
    });
}

void TargetBar::lookUpKeychainPassword()
{
    const std::optional<Endpoint> current = parseEndpoint(uri());
    if (!m_rememberBox->isChecked() || !current || !current->password.isEmpty() || !m_passwordEdit->text().isEmpty())
        return;
    const QString key = CredentialStore::keyFor(*current);
    const quint64 serial = ++m_lookupSerial;
    m_credentials->readPassword(key, this, [this, key, serial](const CredentialResult &result) {
        // Answers arrive later: apply one only to the target it was asked for, and never over
        // a password typed meanwhile.
        const std::optional<Endpoint> now = parseEndpoint(uri());
        if (serial != m_lookupSerial || !now || CredentialStore::keyFor(*now) != key || !m_passwordEdit->text().isEmpty())
            return;
        if (result.ok() && !result.password.isEmpty()) {
            m_keychainKnownKeys.insert(key);
            m_fillingFromKeychain = true;
            m_passwordEdit->setText(result.password);
            m_fillingFromKeychain = false;
            m_keychainFilledKey = key;
            m_passwordEdit->setToolTip(tr("Password filled in from the system keychain for %1.").arg(key));
        } else if (!result.ok() && result.status != CredentialResult::Status::NotFound) {
            Q_EMIT message(MessageType::Warning,
                           tr("No password could be read from the keychain for %1.").arg(key), result.error);
        }
    });
}

void TargetBar::storePendingPassword()
{
    if (m_pendingStoreKey.isEmpty())
        return;
    const QString key = m_pendingStoreKey;
    const QString password = m_pendingStorePassword;
    m_pendingStoreKey.clear();
    m_pendingStorePassword.clear();
    m_credentials->writePassword(key, password, this, [this, key](const CredentialResult &result) {
        if (result.ok()) {
            m_keychainKnownKeys.insert(key);
            Q_EMIT message(MessageType::Information,
                           tr("The password for %1 was saved in the keychain.").arg(key), {});
        } else {
            Q_EMIT message(MessageType::Warning,
                           tr("The password for %1 was not saved in the keychain.").arg(key), result.error);
        }
    });
}

void TargetBar::setServerRole(const QString &role)
{
    if (m_state != State::Connected || !m_summary || m_summary->role == role)
        return;
    m_summary->role = role;
    setState(State::Connected, summaryText(*m_summary));
}

QString TargetBar::summaryText(const ServerSummary &summary)
{
    QString text = tr("Redis %1 · %2").arg(summary.version, summary.role);
    if (summary.mode == QLatin1String("cluster"))
        text += tr(" · cluster");
    return text;
}

} // namespace cwb
