#pragma once

#include "agentlistjob.h"

#include <QSet>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace cwb {

// The agents of distributed runs (issue 18), as `agents --coordinator URI` lists them: a
// coordination server's URI (saved without its password; a password typed beside it stays in
// memory), the live agents with host, version, cores, clock skew, state, health and the targets
// their operators allowed, and a check box per agent to choose it for the next run. Agents of
// another protocol or busy with a run are shown but cannot be chosen; the tool tip says why.
//
// Listing is a one-off job (agentlistjob.h): the GUI never waits on the network. While the panel
// is visible it refreshes every two seconds, one listing at a time.
class AgentsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { Name, Host, Version, Cores, ClockSkew, State, Health, AllowedTargets, ColumnCount };
    static constexpr int kRefreshEveryMs = 2000;
    static constexpr int kListTimeoutMs = 2000;

    explicit AgentsPanel(QWidget *parent = nullptr);
    ~AgentsPanel() override;

    QLineEdit *uriEdit() const { return m_uri; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *refreshButton() const { return m_refresh; }
    QLabel *statusLabel() const { return m_status; }
    QTableWidget *table() const { return m_table; }

    // The coordination server as entered (the password field's password, else the URI's), or
    // nullopt and why.
    std::optional<Endpoint> coordinator(QString *error = nullptr) const;
    // The live agents the last listing found, by name.
    const std::vector<AgentInfo> &agents() const { return m_agents; }
    // The agents the user checked that can run now (live, idle, of this protocol), by name.
    QStringList chosenAgents() const;
    // The listed agents the user checked, whether or not they can run now (busy with our run).
    int checkedCount() const;
    bool isRefreshing() const { return m_job != nullptr; }
    // While a run uses the chosen agents, neither the server nor the choice changes.
    void setChoiceLocked(bool locked);

    // Why `agent` cannot be chosen, or an empty string when it can.
    static QString unavailableReason(const AgentInfo &agent);

public Q_SLOTS:
    // Lists the agents now; a listing still running for another URI is dropped.
    void refresh();

Q_SIGNALS:
    void agentsListed();
    void listingFailed(const QString &reason);
    void chosenAgentsChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void startListing();
    void autoRefresh();
    void onListingFinished();
    void showAgents();
    void setStatus(const QString &text, bool problem);
    void showListedStatus();
    QStringList rowCells(const AgentInfo &agent) const;

    QLineEdit *m_uri = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QTimer *m_autoRefresh = nullptr;

    AgentListJob *m_job = nullptr;
    std::vector<AgentInfo> m_agents;
    QSet<QString> m_checked; // by name: a check survives refreshes and an agent's busy spell
    bool m_locked = false;
    QString m_lastAddress; // of the last successful listing
    QString m_listedUri; // the URI text of the last listing: auto-refresh sticks to it
};

} // namespace cwb
