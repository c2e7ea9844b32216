#include "keyscanpanel.h"

#include "jobs/joblauncher.h"
#include "optimize/budgetguard.h"
#include "tableitems.h"
#include "targetsource.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cwb {

namespace {

QString sampleShareText(double share)
{
    return QStringLiteral("%1%").arg(share * 100, 0, 'f', 1);
}

} // namespace

KeyScanPanel::KeyScanPanel(const PageContext &context, QWidget *parent)
    : QWidget(parent), m_target(context.target), m_launcher(context.launcher)
{
    Q_ASSERT(m_target && m_launcher);
    setObjectName(QStringLiteral("keyScanPanel"));
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("keyScanPrefix"));
    m_prefix->setPlaceholderText(tr("key prefix, e.g. session: (empty: all keys)"));
    m_prefix->setToolTip(tr("Keys starting with this text are sampled with SCAN MATCH (never KEYS), at most 1,000 keys "
                            "and 20 SCAN calls a second"));
    m_scan = new QPushButton(tr("Scan target's keys"), this);
    m_scan->setObjectName(QStringLiteral("keyScanButton"));
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("keyScanStop"));
    m_stop->setEnabled(false);
    m_status = new QLabel(tr("Reads the target's own keys; writes nothing."), this);
    m_status->setObjectName(QStringLiteral("keyScanStatus"));
    m_status->setWordWrap(true);
    // Room for the three lines a summary with its notes takes beside the charts, so the table
    // never squeezes it.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3 + 4);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("keyScanTable"));
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Key"), tr("LFU counter / size"), tr("Share of sample")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    // Every column but the key is as wide as its header or its widest value, whichever is
    // wider, in any language; the key takes the rest and is elided (its tool tip has it whole).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 6);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_prefix, 1);
    controls->addWidget(m_scan);
    controls->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(m_scan, &QPushButton::clicked, this, &KeyScanPanel::start);
    connect(m_prefix, &QLineEdit::returnPressed, this, &KeyScanPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &KeyScanPanel::stop);
}

KeyScanPanel::~KeyScanPanel() = default; // the job, a child, stops and joins

void KeyScanPanel::setScanning(bool scanning)
{
    m_scan->setEnabled(!scanning);
    m_prefix->setEnabled(!scanning);
    m_stop->setEnabled(scanning);
}

void KeyScanPanel::start()
{
    if (m_job)
        return;
    const std::optional<Endpoint> endpoint = m_target->endpoint();
    if (!endpoint) {
        m_status->setText(tr("Enter a valid target first."));
        return;
    }
    KeyScanRequest request;
    request.endpoint = *endpoint;
    request.prefix = m_prefix->text();
    m_job = makeKeyScanJob(std::move(request), this);
    connect(m_job, &jobs::JobBase::progressAvailable, this, [this] { m_status->setText(m_job->progress().message); });
    connect(m_job, &jobs::JobBase::finished, this, [this] {
        KeyScanJob *job = std::exchange(m_job, nullptr);
        job->deleteLater();
        setScanning(false);
        if (job->result() && job->failureReason().isEmpty())
            showScan(*job->result());
        else
            m_status->setText(tr("Scan failed: %1").arg(job->failureReason()));
        emit scanFinished();
    });
    setScanning(true);
    m_table->setRowCount(0);
    if (!m_launcher->launch(m_job)) {
        std::exchange(m_job, nullptr)->deleteLater();
        setScanning(false);
        m_status->setText(tr("The scan could not start."));
    }
}

void KeyScanPanel::stop()
{
    if (m_job)
        m_job->requestStop();
}

QString KeyScanPanel::summaryOf(const ServerHotKeyScan &scan) const
{
    QString text = tr("%1 keys sampled with %2 SCAN calls; maxmemory-policy %3.")
                       .arg(scan.scanned)
                       .arg(scan.scanCalls)
                       .arg(scan.policy.isEmpty() ? tr("unknown") : scan.policy);
    if (scan.stopped)
        text += QLatin1Char(' ') + tr("Stopped early: the figures are of the keys sampled until then.");
    else if (scan.truncated)
        text += QLatin1Char(' ') + tr("More keys match: this is a sample, not every key.");
    if (!scan.lfu)
        text += QLatin1Char(' ')
            + tr("Access frequency needs an LFU maxmemory-policy (allkeys-lfu or volatile-lfu), so only sizes are shown.");
    return text;
}

void KeyScanPanel::showScan(const ServerHotKeyScan &scan)
{
    m_status->setText(summaryOf(scan));
    m_table->setRowCount(0);
    for (const ServerKeySample &s : scan.hottest)
        appendReadOnlyRow(m_table, {tr("hot (LFU)"), QString::fromUtf8(s.key), QString::number(s.freq), sampleShareText(s.trafficShare)}, 2);
    for (const ServerKeySample &s : scan.biggest)
        appendReadOnlyRow(m_table, {tr("big"), QString::fromUtf8(s.key), formatByteSize(s.memoryBytes), sampleShareText(s.memoryShare)}, 2);
}

} // namespace cwb
