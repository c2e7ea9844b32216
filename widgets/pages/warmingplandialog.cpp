#include "warmingplandialog.h"

#include "warmingplanform.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cwb {

WarmingPlanDialog::WarmingPlanDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("warmingplandialog"));
    setWindowTitle(tr("Warming Plan"));
    m_form = new WarmingPlanForm;
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("planjson"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_errors = new QLabel;
    m_errors->setObjectName(QStringLiteral("planerrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errors->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errors->setPalette(errorPalette);
    m_errors->hide();
    auto *jsonPage = new QWidget;
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->addWidget(new QLabel(tr("The plan as JSON, as `cache-workbench-cli warm` reads it. Paste a plan here; a valid one fills the form.")));
    jsonLayout->addWidget(m_editor, 1);
    jsonLayout->addWidget(m_errors);

    m_tabs = new QTabWidget;
    m_tabs->addTab(scroll, tr("Plan"));
    m_tabs->addTab(jsonPage, tr("JSON (advanced)"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &WarmingPlanDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_form, &WarmingPlanForm::planChanged, this, &WarmingPlanDialog::updateSave);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (jsonInFront()) {
            m_syncing = true;
            m_editor->setPlainText(QString::fromStdString(warmingPlanToJson(m_form->plan()).dump(2)));
            m_syncing = false;
            parseEditor();
        }
        updateSave();
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_syncing)
            return;
        if (const auto parsed = parseEditor()) {
            m_syncing = true;
            m_form->setPlan(*parsed);
            m_syncing = false;
        }
        updateSave();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    setPlan(templatePlan(WarmStrategy::Config));
}

void WarmingPlanDialog::showEvent(QShowEvent *event)
{
    // Big enough to show the whole form without scrolling where the screen allows (1280x800 does);
    // measured once shown, when the style and fonts are those the form is drawn with.
    if (!m_sized) {
        m_sized = true;
        const QSize wanted = m_form->sizeHint() + QSize(60, 120);
        const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(wanted.width(), screen.width() * 95 / 100), std::min(wanted.height(), screen.height() * 95 / 100));
    }
    QDialog::showEvent(event);
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
    m_syncing = true;
    m_form->setPlan(plan);
    m_editor->setPlainText(QString::fromStdString(warmingPlanToJson(plan).dump(2)));
    m_syncing = false;
    m_jsonValid = true;
    m_errors->hide();
    updateSave();
}

void WarmingPlanDialog::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
    m_form->setTakenNames(names);
}

void WarmingPlanDialog::showJson()
{
    m_tabs->setCurrentIndex(1);
}

bool WarmingPlanDialog::jsonInFront() const
{
    return m_tabs->currentIndex() == 1;
}

std::optional<WarmingPlan> WarmingPlanDialog::parseEditor()
{
    PlanParseResult parsed = parseWarmingPlan(m_editor->toPlainText().toUtf8());
    if (parsed.plan && m_takenNames.contains(parsed.plan->name)) {
        parsed.errors.push_back({QStringLiteral("name"), tr("another plan has this name")});
        parsed.plan.reset();
    }
    m_jsonValid = parsed.plan.has_value();
    if (parsed.plan) {
        m_errors->hide();
        return parsed.plan;
    }
    QStringList lines;
    for (const PlanIssue &issue : parsed.errors)
        lines << issue.toString().toHtmlEscaped();
    m_errors->setText(tr("The plan is not valid:") + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
    m_errors->show();
    return std::nullopt;
}

void WarmingPlanDialog::updateSave()
{
    if (m_syncing)
        return;
    // JSON that does not parse has not reached the form: say so on the tab, whichever is in front.
    m_tabs->setTabText(1, m_jsonValid ? tr("JSON (advanced)") : tr("JSON (advanced, not valid)"));
    m_save->setEnabled(jsonInFront() ? m_jsonValid : m_form->isValid());
}

void WarmingPlanDialog::accept()
{
    if (jsonInFront()) {
        m_plan = parseEditor();
    } else if (m_form->isValid()) {
        m_plan = m_form->plan();
    } else {
        m_plan.reset();
    }
    if (!m_plan) {
        updateSave();
        return;
    }
    QDialog::accept();
}

} // namespace cwb
