#include "warmingplandialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace cwb {

WarmingPlanDialog::WarmingPlanDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("warmingplandialog"));
    setWindowTitle(tr("Warming Plan"));
    m_strategy = new QComboBox(this);
    for (int i = 0; i < kWarmStrategyCount; ++i)
        m_strategy->addItem(warmStrategyName(WarmStrategy(i)), i);
    m_strategy->setToolTip(tr("Replace the text with a template for this strategy"));
    m_editor = new QPlainTextEdit(this);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setMinimumSize(520, 320);
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("planerrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errors->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errors->setPalette(errorPalette);
    m_errors->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &WarmingPlanDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_strategy, &QComboBox::activated, this, &WarmingPlanDialog::applyTemplate);

    auto *form = new QFormLayout;
    form->addRow(tr("Template:"), m_strategy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    setPlan(templatePlan(WarmStrategy::Config));
}

WarmingPlan WarmingPlanDialog::templatePlan(WarmStrategy strategy)
{
    WarmingPlan plan;
    plan.name = warmStrategyName(strategy);
    plan.strategy = strategy;
    plan.schedule = QStringLiteral("0 6 * * *");
    switch (strategy) {
    case WarmStrategy::KeyList: plan.params = {{"file", "/path/to/keys.txt"}}; break;
    case WarmStrategy::Dataset: plan.params = {{"file", "/path/to/users.csv"}, {"keyTemplate", "user:{id}"}}; break;
    case WarmStrategy::CopyFromSource: plan.params = {{"source", "redis://replica:6379"}, {"pattern", "*"}}; break;
    case WarmStrategy::HotKeys: plan.params = {{"trace", "/path/to/trace.txt"}, {"topK", 100}}; break;
    case WarmStrategy::Sessions: plan.params = {{"source", "redis://replica:6379"}, {"count", 1000}}; break;
    case WarmStrategy::Config:
        plan.priority = WarmPriority::High;
        plan.params = {{"entries", {{"feature:flags", "{}"}}}};
        break;
    case WarmStrategy::Synthetic:
        plan.keyPrefix = QStringLiteral("cwb:");
        plan.params = {{"preset", "basic-cache-load"}};
        break;
    case WarmStrategy::Predictive:
        plan.params = {{"trace", "/path/to/trace.txt"}, {"topK", 100}, {"intervalSec", 60}};
        break;
    }
    return plan;
}

void WarmingPlanDialog::setPlan(const WarmingPlan &plan)
{
    m_strategy->setCurrentIndex(int(plan.strategy));
    m_editor->setPlainText(QString::fromStdString(warmingPlanToJson(plan).dump(2)));
    m_errors->hide();
}

void WarmingPlanDialog::applyTemplate()
{
    setPlan(templatePlan(WarmStrategy(m_strategy->currentData().toInt())));
}

void WarmingPlanDialog::accept()
{
    const PlanParseResult parsed = parseWarmingPlan(m_editor->toPlainText().toUtf8());
    if (!parsed.plan) {
        QStringList lines;
        for (const PlanIssue &issue : parsed.errors)
            lines << issue.toString().toHtmlEscaped();
        m_errors->setText(tr("The plan is not valid:") + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
        m_errors->show();
        return;
    }
    m_plan = parsed.plan;
    QDialog::accept();
}

} // namespace cwb
