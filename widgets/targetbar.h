#pragma once

#include "redis/endpoint.h"
#include "redis/serversummary.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QToolButton;

namespace cwb {

class ServerProbe;

// The strip at the top of the main window that says which server everything works against:
// endpoint URI (validated as typed), password (held in memory only), Connect, and the
// "Start local sandbox" menu. Connecting runs on a worker thread (see ServerProbe).
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

    // The endpoint typed in, with the password field applied; nullopt while the URI is invalid.
    std::optional<Endpoint> endpoint() const;
    // Why the URI is invalid; empty when it is valid.
    QString validationError() const { return m_validationError; }
    State state() const { return m_state; }
    std::optional<ServerSummary> summary() const { return m_summary; }

    // The main window owns the sandbox; it reports its progress here.
    void setSandboxStarting(bool starting);
    void setSandboxRunning(bool running);

    // Connection test timeout, for tests that must not wait long.
    void setConnectTimeoutMs(int ms);

    // "Redis 7.0.15 · master" (plus " · cluster" when the server runs in cluster mode).
    static QString summaryText(const ServerSummary &summary);

public Q_SLOTS:
    void connectToTarget();

Q_SIGNALS:
    // A new valid endpoint was typed (or the password changed). Any earlier connection is stale.
    void endpointChanged(const cwb::Endpoint &endpoint);
    void connecting(const cwb::Endpoint &endpoint);
    void connected(const cwb::ServerSummary &summary);
    void connectionFailed(const QString &reason, const QString &details);
    void sandboxRequested(cwb::TargetBar::SandboxKind kind);
    void sandboxStopRequested();

private:
    void validate();
    void setState(State state, const QString &statusText = {});
    void updateConnectEnabled();
    void onProbeSucceeded(const ServerSummary &summary);
    void onProbeFailed(const QString &reason, const QString &details);

    QLineEdit *m_uriEdit = nullptr;
    QAction *m_uriErrorAction = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QToolButton *m_sandboxButton = nullptr;
    QAction *m_stopSandboxAction = nullptr;
    QLabel *m_statusLabel = nullptr;
    ServerProbe *m_probe = nullptr;

    QString m_validationError;
    QString m_statusText;
    std::optional<Endpoint> m_lastEmitted;
    std::optional<ServerSummary> m_summary;
    State m_state = State::Idle;
    bool m_sandboxStarting = false;
    bool m_wasInvalid = false;
};

} // namespace cwb
