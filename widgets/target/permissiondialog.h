#pragma once

#include "redis/endpoint.h"
#include "redis/permissioncheck.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace cwb {

namespace jobs {
class JobBase;
}

// "Check permissions": runs the permission check (redis/permissioncheckjob.h) against the target
// on a worker thread and shows, per feature, whether it works, runs with less or cannot run, with
// the reasons, and one ACL SETUSER line that enables everything missing, to copy. A connection
// that fails (login, TLS handshake) is said in one sentence instead. Non-modal: the GUI keeps
// working while the check runs, and closing the dialog abandons the check without waiting.
class PermissionDialog : public QDialog
{
    Q_OBJECT
public:
    PermissionDialog(const Endpoint &endpoint, int timeoutMs, QWidget *parent = nullptr);
    ~PermissionDialog() override;

    bool isChecking() const { return m_job != nullptr; }
    // The line shown for copying; empty until a check found something missing.
    QString aclLine() const;

    // "ACL SETUSER alice ~cwb:* +@read +info ...": the union of what the features that do not
    // fully work need, in first-seen order, without -@all (added to what the user has, it takes
    // nothing away). Empty when every feature works.
    static QString aclSetUserLine(const PermissionReport &report);

Q_SIGNALS:
    // The check ended, with a report or with a failure sentence.
    void checkFinished();

private:
    void startCheck();
    void onJobFinished();
    void showReport(const PermissionReport &report);
    void showFailure(const QString &sentence, const QString &details);

    Endpoint m_endpoint;
    int m_timeoutMs;
    jobs::JobBase *m_job = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_features = nullptr;
    QPlainTextEdit *m_acl = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_again = nullptr;
};

} // namespace cwb
