#pragma once

#include "monitor/alertengine.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QAction;

namespace cwb {

class MonitorService;

// Alerts of a MonitorService: a filterable list (firing, pending, acknowledged, resolved) with
// severity icons and colours, the selected alert's details and deliveries, Acknowledge (with
// an expiry) and Resolve as buttons, keyboard shortcuts and a context menu, and a history tab
// of every transition.
class AlertPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertPanel(MonitorService *service, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QTreeWidget *historyList() const { return m_history; }
    QPushButton *acknowledgeButton() const { return m_ack; }
    QPushButton *resolveButton() const { return m_resolve; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    QComboBox *severityFilter() const { return m_severityFilter; }
    QComboBox *acknowledgeExpiry() const { return m_expiry; }
    QTextBrowser *details() const { return m_details; }

    QString selectedAlertId() const;
    bool selectAlert(const QString &alertId);
    // Rebuilds the list from the service (keeps the selection).
    void refresh();
    // Transitions loaded from the store (newest first) go to the history tab.
    void addHistory(const std::vector<AlertChange> &changes);

    static QColor severityColour(Severity severity);
    static QIcon severityIcon(Severity severity);

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void acknowledgeSelected();
    void resolveSelected();
    void updateButtons();
    void updateDetails();
    void showContextMenu(const QPoint &pos);
    void onAlertChanged(const AlertChange &change);
    qint64 expiryFromNow() const;

    MonitorService *m_service;
    QTabWidget *m_tabs;
    QTreeWidget *m_list;
    QTreeWidget *m_history;
    QComboBox *m_stateFilter;
    QComboBox *m_severityFilter;
    QComboBox *m_expiry;
    QPushButton *m_ack;
    QPushButton *m_resolve;
    QTextBrowser *m_details;
    QAction *m_ackAction;
    QAction *m_resolveAction;
    QLabel *m_summary;
};

} // namespace cwb
