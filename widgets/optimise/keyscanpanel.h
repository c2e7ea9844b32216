#pragma once

#include "optimize/optimizejobs.h"
#include "pagecontext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace cwb {

// The target's real hot and big keys: SCAN MATCH <prefix>* paced to a few SCAN calls a second,
// OBJECT FREQ under an LFU policy, MEMORY USAGE for every sampled key, as a key-scan job
// (optimize/optimizejobs.h). Read-only: it never writes, deletes or sends KEYS.
class KeyScanPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KeyScanPanel(const PageContext &context, QWidget *parent = nullptr);
    ~KeyScanPanel() override;

    QLineEdit *prefixEdit() const { return m_prefix; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *stopButton() const { return m_stop; }
    QTableWidget *table() const { return m_table; }
    QLabel *status() const { return m_status; }
    bool isScanning() const { return m_job != nullptr; }

public slots:
    void start();
    void stop();

signals:
    void scanFinished();

private:
    void setScanning(bool scanning);
    void showScan(const ServerHotKeyScan &scan);
    QString summaryOf(const ServerHotKeyScan &scan) const;

    QLineEdit *m_prefix = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    TargetSource *m_target = nullptr;
    jobs::JobLauncher *m_launcher = nullptr;
    KeyScanJob *m_job = nullptr;
};

} // namespace cwb
