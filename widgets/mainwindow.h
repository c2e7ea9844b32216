#pragma once

#include "optimize/loadconfigpatch.h"
#include "redis/endpoint.h"
#include "redis/serversummary.h"
#include "messagesink.h"
#include "pagecontext.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace cwb {

class AsyncResultStore;
class MessageBar;
class MessageSink;
class TargetSource;
namespace jobs {
class JobLauncher;
}
class SandboxLauncher;
class TargetBar;

// The application shell: target bar on top, message bar below it, page navigation on the
// left and the pages in a stack. Pages are built by their own classes; the window only
// wires the shared parts (target, status bar, menus, settings).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // In navigation order.
    enum class Page { LoadTest, Benchmarks, Cluster, Optimisation, Warming, Monitoring, Results };
    Q_ENUM(Page)
    static constexpr int kPageCount = 7;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void setCurrentPage(Page page);
    QWidget *page(Page page) const;

    TargetBar *targetBar() const { return m_targetBar; }
    MessageBar *messageBar() const { return m_messageBar; }
    QListWidget *navigation() const { return m_navigation; }
    QStackedWidget *pageStack() const { return m_pages; }
    SandboxLauncher *sandbox() const { return m_sandbox; }
    // The result store, on its own thread; pages that save or list runs share it.
    AsyncResultStore *store() const { return m_store; }
    // What pages learn the target from, and what starts their jobs.
    TargetSource *targetSource() const { return m_target; }
    jobs::JobLauncher *launcher() const { return m_launcher; }

    // Actions pages wire up: they start disabled until a page gives them something to do.
    QAction *openConfigAction() const { return m_openConfig; }
    QAction *saveConfigAction() const { return m_saveConfig; }
    QAction *exportAction() const { return m_export; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }

    // The run state shown in the status bar ("Idle", "Running 12 s", ...).
    void setRunStateText(const QString &text);
    // From the load test's state and the launcher's running jobs: never "Idle" while one runs.
    void updateRunState();
    // A count badge on a page's navigation entry (firing alerts on Monitoring); 0 removes it.
    void setPageBadge(Page page, int count);
    int pageBadge(Page page) const;

signals:
    // The Optimisation page's "Apply to test configuration": the load test page owner applies it.
    void loadConfigPatchRequested(const cwb::LoadConfigPatch &patch);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    PageContext contextFor(Page page);
    void showPageMessage(Page page, MessageType type, const QString &text, const QString &details);
    void onPageChanged(int row);
    void showWindowMessage(MessageType type, const QString &text, const QString &details = {});
    void askToStopAndQuit();
    void stopAndQuit();
    void buildCentralArea();
    void buildMenus();
    void buildStatusBar();
    void wirePages();
    void updateExportEnabled();
    void restoreSettings();
    void saveSettings() const;

    void onConnecting(const Endpoint &endpoint);
    void onConnected(const ServerSummary &summary);
    void onConnectionFailed(const QString &reason, const QString &details);
    void onEndpointChanged();
    void onSandboxStarted(const Endpoint &endpoint);
    void onSandboxFailed(const QString &reason);
    void showPreferences();
    void showAbout();

    TargetBar *m_targetBar = nullptr;
    MessageBar *m_messageBar = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    SandboxLauncher *m_sandbox = nullptr;
    AsyncResultStore *m_store = nullptr;
    TargetSource *m_target = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    // One sink per page: a page's message is shown while that page is, and waits while it is not.
    struct PageMessage
    {
        MessageType type = MessageType::Information;
        QString text;
        QString details;
    };
    MessageSink *m_pageSinks[kPageCount] = {};
    std::optional<PageMessage> m_pageMessages[kPageCount];
    int m_barOwner = -1; // the page whose message the bar shows; -1 = the window's own
    bool m_quitting = false; // stopping the runs before closing
    QPointer<QMessageBox> m_quitQuestion;

    QAction *m_openConfig = nullptr;
    QAction *m_saveConfig = nullptr;
    QAction *m_export = nullptr;
    QAction *m_start = nullptr;
    QAction *m_stop = nullptr;
    QActionGroup *m_pageActions = nullptr;

    QLabel *m_connectionLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_memoryLabel = nullptr;
    QLabel *m_runStateLabel = nullptr;
    QString m_connectingAddress;
    QString m_uriBeforeSandbox; // what is saved as the target while a sandbox is the target
};

} // namespace cwb
