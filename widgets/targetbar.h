#pragma once

#include "redis/endpoint.h"
#include "redis/serversummary.h"
#include "messagesink.h"

#include <QWidget>

#include <QPointer>
#include <QSet>

#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace cwb {

class CredentialStore;
class PermissionDialog;
class ServerProbe;

// The strip at the top of the main window that says which server everything works against:
// endpoint URI (validated as typed), "TLS…" settings, password (held in memory only), Connect,
// "Check permissions…" and the "Start local sandbox" menu. Connecting runs on a worker thread (see ServerProbe).
// With "Remember in keychain" ticked, a password that logged in is saved in the OS keychain
// and filled in again when that target is chosen without one; keychain calls are asynchronous
// and their failures arrive through message(), never as dialogs. The password itself is never
// put into QSettings: only the tick is.
// TLS settings live in the URI's query (rediss://host:6380?tls-ca=/etc/ca.pem), so everything
// that keeps the target - the saved window, load configurations, results - keeps them; the TLS
// dialog only edits that query. The key's pass phrase, like the password, is held in memory only
// and applies only to the key file it was entered for. Skipping verification shows a badge.
class TargetBar : public QWidget
{
    Q_OBJECT
public:
    enum class SandboxKind { Single, Cluster };
    Q_ENUM(SandboxKind)

    enum class State { Invalid, Idle, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit TargetBar(QWidget *parent = nullptr);
    ~TargetBar() override;

    QString uri() const;
    void setUri(const QString &uri);
    void setPassword(const QString &password);

    // The endpoint typed in, with the password field (and the TLS key's pass phrase) applied;
    // nullopt while the URI is invalid.
    std::optional<Endpoint> endpoint() const;
    // Replaces the URI's TLS settings (what the TLS dialog does on OK): switches between redis://
    // and rediss://, keeps the pass phrase in memory. Ignored while the URI is invalid or a socket.
    void setTlsOptions(const TlsOptions &options);
    // Why the URI is invalid; empty when it is valid.
    QString validationError() const { return m_validationError; }
    State state() const { return m_state; }
    std::optional<ServerSummary> summary() const { return m_summary; }

    // The main window owns the sandbox; it reports its progress here.
    void setSandboxStarting(bool starting);
    void setSandboxRunning(bool running);
    // What else learnt the connected server's role (a cluster watch after a failover): the
    // status follows it instead of keeping the role read at connect time.
    void setServerRole(const QString &role);

    // Connection test timeout, for tests that must not wait long.
    void setConnectTimeoutMs(int ms);

    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    // The key (URI without password) whose keychain entry fills the password field; empty when
    // the field holds a typed password or none.
    QString passwordFromKeychain() const { return m_keychainFilledKey; }
    CredentialStore *credentialStore() const { return m_credentials; }

    // "Redis 7.0.15 · master" (plus " · cluster" when the server runs in cluster mode).
    static QString summaryText(const ServerSummary &summary);

public Q_SLOTS:
    void connectToTarget();
    // Opens the TLS settings for the current target (window-modal, never blocking the caller).
    void editTls();
    // Opens a dialog that runs the permission check against the current target.
    void checkPermissions();

Q_SIGNALS:
    // A new valid endpoint was typed (or the password changed). Any earlier connection is stale.
    void endpointChanged(const cwb::Endpoint &endpoint);
    // The text stopped being a valid URI: there is no target until it is valid again.
    void endpointCleared();
    void connecting(const cwb::Endpoint &endpoint);
    void connected(const cwb::ServerSummary &summary);
    void connectionFailed(const QString &reason, const QString &details);
    void sandboxRequested(cwb::TargetBar::SandboxKind kind);
    void sandboxStopRequested();
    // A notice for the message bar.
    void message(cwb::MessageType type, const QString &text, const QString &details);

private:
    std::optional<Endpoint> currentEndpoint(QString *error) const;
    void validate();
    void updateTlsIndicators(const std::optional<Endpoint> &current);
    void setState(State state, const QString &statusText = {});
    void updateConnectEnabled();
    void onProbeSucceeded(const ServerSummary &summary);
    void onProbeFailed(const QString &reason, const QString &details);
    void onUriEdited();
    void onPasswordEdited();
    void onRememberToggled(bool remember);
    void lookUpKeychainPassword();
    void storePendingPassword();

    QLineEdit *m_uriEdit = nullptr;
    QAction *m_uriErrorAction = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QToolButton *m_tlsButton = nullptr;
    QLabel *m_insecureBadge = nullptr;
    QPushButton *m_connectButton = nullptr;
    QToolButton *m_checkButton = nullptr;
    QPointer<PermissionDialog> m_permissionDialog;
    QToolButton *m_sandboxButton = nullptr;
    QAction *m_stopSandboxAction = nullptr;
    QLabel *m_statusLabel = nullptr;
    QCheckBox *m_rememberBox = nullptr;
    ServerProbe *m_probe = nullptr;
    CredentialStore *m_credentials = nullptr;
    QTimer *m_lookupTimer = nullptr;

    QString m_validationError;
    QString m_statusText;
    std::optional<Endpoint> m_lastEmitted;
    std::optional<ServerSummary> m_summary;
    State m_state = State::Idle;
    bool m_sandboxStarting = false;
    bool m_wasInvalid = false;

    // Keychain bookkeeping. Passwords live here only in memory, like the field's own text.
    QString m_keychainFilledKey;         // the field was filled from this key's entry
    QSet<QString> m_keychainKnownKeys;   // keys read or written in this session
    QString m_pendingStoreKey;           // saved once the connection to it succeeds
    QString m_pendingStorePassword;
    quint64 m_lookupSerial = 0;          // only the newest lookup may fill the field
    bool m_fillingFromKeychain = false;

    // The TLS key's pass phrase, in memory only, and the key file it was entered for.
    QString m_tlsPassphrase;
    QString m_passphraseKeyFile;
};

} // namespace cwb
