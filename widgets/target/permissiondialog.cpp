#include "permissiondialog.h"

#include "load/loadconfig.h"
#include "redis/permissioncheckjob.h"
#include "serverprobe.h"
#include "themedicon.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cwb {

namespace {

enum Column { FeatureColumn, ResultColumn, WhyColumn };

QString levelText(FeatureLevel level)
{
    switch (level) {
    case FeatureLevel::Works:
        return PermissionDialog::tr("Works");
    case FeatureLevel::Degraded:
        return PermissionDialog::tr("Degraded");
    case FeatureLevel::Unavailable:
        break;
    }
    return PermissionDialog::tr("Unavailable");
}

// Only what needs attention is marked; a play symbol for "works" would read as a button.
QIcon levelIcon(FeatureLevel level)
{
    switch (level) {
    case FeatureLevel::Works:
        return {};
    case FeatureLevel::Degraded:
        return themedIcon(QStringLiteral("warning"));
    case FeatureLevel::Unavailable:
        break;
    }
    return themedIcon(QStringLiteral("error"));
}

} // namespace

PermissionDialog::PermissionDialog(const Endpoint &endpoint, int timeoutMs, QWidget *parent)
    : QDialog(parent), m_endpoint(endpoint), m_timeoutMs(timeoutMs)
{
    setObjectName(QStringLiteral("permissionDialog"));
    setWindowTitle(tr("Permissions on %1").arg(endpoint.address()));
    setAttribute(Qt::WA_DeleteOnClose);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("permissionStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_features = new QTreeWidget(this);
    m_features->setObjectName(QStringLiteral("permissionTree"));
    m_features->setHeaderLabels({tr("Feature"), tr("Result"), tr("Why")});
    m_features->setRootIsDecorated(true);
    m_features->setUniformRowHeights(true);
    m_features->header()->setSectionResizeMode(FeatureColumn, QHeaderView::ResizeToContents);
    m_features->header()->setSectionResizeMode(ResultColumn, QHeaderView::ResizeToContents);

    auto *aclLabel = new QLabel(tr("To enable what is missing, an administrator runs:"), this);
    m_acl = new QPlainTextEdit(this);
    m_acl->setObjectName(QStringLiteral("aclLineEdit"));
    m_acl->setReadOnly(true);
    m_acl->setMaximumHeight(m_acl->fontMetrics().lineSpacing() * 4);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyAclButton"));
    m_copy->setToolTip(tr("Copy the ACL SETUSER line to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(aclLine()); });
    auto *aclRow = new QHBoxLayout;
    aclRow->addWidget(m_acl, 1);
    aclRow->addWidget(m_copy, 0, Qt::AlignTop);
    auto *aclBox = new QWidget(this);
    aclBox->setObjectName(QStringLiteral("aclBox"));
    auto *aclLayout = new QVBoxLayout(aclBox);
    aclLayout->setContentsMargins(0, 0, 0, 0);
    aclLayout->addWidget(aclLabel);
    aclLayout->addLayout(aclRow);
    aclBox->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    connect(m_again, &QPushButton::clicked, this, &PermissionDialog::startCheck);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_features, 1);
    layout->addWidget(aclBox);
    layout->addWidget(buttons);
    resize(900, 520);
    startCheck();
}

PermissionDialog::~PermissionDialog()
{
    // The check may be waiting on the network: hand it to the dialog's parent, which outlives it,
    // so closing never waits for the timeout.
    if (jobs::JobBase *job = std::exchange(m_job, nullptr)) {
        job->setParent(parent());
        job->discard();
    }
}

QString PermissionDialog::aclLine() const
{
    return m_acl->toPlainText();
}

void PermissionDialog::startCheck()
{
    if (m_job)
        return;
    m_features->clear();
    m_features->setEnabled(false);
    findChild<QWidget *>(QStringLiteral("aclBox"))->hide();
    m_acl->clear();
    m_again->setEnabled(false);
    m_status->setPalette(QPalette());
    m_status->setText(tr("Checking which commands %1 allows…").arg(m_endpoint.address()));
    PermissionCheckJob *job = makePermissionCheckJob(m_endpoint, LoadTestConfig{}.keyPrefix, m_timeoutMs, this);
    connect(job, &jobs::JobBase::finished, this, &PermissionDialog::onJobFinished);
    m_job = job;
    job->start();
}

void PermissionDialog::onJobFinished()
{
    auto *job = static_cast<PermissionCheckJob *>(std::exchange(m_job, nullptr));
    job->deleteLater();
    m_again->setEnabled(true);
    if (!job->result()) { // the body threw: no classified error
        showFailure(tr("The permissions of %1 could not be checked.").arg(m_endpoint.address()), job->failureReason());
    } else if (const PermissionCheckOutcome &outcome = *job->result(); outcome.report) {
        showReport(*outcome.report);
    } else {
        const bool connection = outcome.error.kind != RedisErrorKind::ServerError;
        showFailure(connection ? ServerProbe::describeFailure(outcome.error, outcome.address, m_timeoutMs)
                               : tr("The check stopped: %1.").arg(outcome.error.message),
                    outcome.error.message);
    }
    Q_EMIT checkFinished();
}

void PermissionDialog::showReport(const PermissionReport &report)
{
    int counts[3] = {0, 0, 0};
    for (const FeatureVerdict &verdict : report.features) {
        auto *item = new QTreeWidgetItem(m_features);
        item->setText(FeatureColumn, verdict.feature);
        if (!verdict.applies) {
            item->setText(ResultColumn, tr("Not applicable"));
            item->setText(WhyColumn, tr("not for this kind of server"));
            item->setDisabled(true);
            continue;
        }
        ++counts[int(verdict.level)];
        item->setText(ResultColumn, levelText(verdict.level));
        item->setIcon(ResultColumn, levelIcon(verdict.level));
        item->setToolTip(WhyColumn, verdict.reasons.join(u'\n'));
        // The reasons are whole sentences, often long: one on the feature's row, several one per
        // line under it.
        if (verdict.reasons.size() <= 1) {
            item->setText(WhyColumn, verdict.reasons.value(0));
            continue;
        }
        item->setText(WhyColumn, tr("%1 reasons").arg(verdict.reasons.size())); // two or more
        for (const QString &reason : verdict.reasons) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(WhyColumn, reason);
            child->setToolTip(WhyColumn, reason);
        }
        item->setExpanded(true);
    }
    m_features->setEnabled(true);
    m_status->setText(tr("User %1 on %2: %3 features work, %4 degraded, %5 unavailable.")
                          .arg(report.user, m_endpoint.address())
                          .arg(counts[int(FeatureLevel::Works)])
                          .arg(counts[int(FeatureLevel::Degraded)])
                          .arg(counts[int(FeatureLevel::Unavailable)]));
    const QString line = aclSetUserLine(report);
    m_acl->setPlainText(line);
    findChild<QWidget *>(QStringLiteral("aclBox"))->setVisible(!line.isEmpty());
}

void PermissionDialog::showFailure(const QString &sentence, const QString &details)
{
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    m_status->setPalette(pal);
    m_status->setText(sentence);
    m_status->setToolTip(details);
}

QString PermissionDialog::aclSetUserLine(const PermissionReport &report)
{
    QStringList rules;
    for (const FeatureVerdict &verdict : report.features) {
        if (!verdict.applies || verdict.level == FeatureLevel::Works)
            continue;
        for (const QString &rule : verdict.aclLine.split(u' ', Qt::SkipEmptyParts)) {
            if (rule != QLatin1String("-@all") && !rules.contains(rule))
                rules << rule;
        }
    }
    if (rules.isEmpty())
        return {};
    return QStringLiteral("ACL SETUSER %1 %2").arg(report.user, rules.join(u' '));
}

} // namespace cwb
