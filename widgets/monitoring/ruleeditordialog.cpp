#include "ruleeditordialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <memory>

namespace cwb {

RuleEditorDialog::RuleEditorDialog(QWidget *parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)), m_list(new QListWidget(this)), m_json(new QPlainTextEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("ruleEditorDialog"));
    setWindowTitle(tr("Alert Rules"));
    m_list->setObjectName(QStringLiteral("ruleList"));

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    m_id = new QLineEdit(m_form);
    m_name = new QLineEdit(m_form);
    m_metric = new QComboBox(m_form);
    for (const MetricInfo &info : knownMetrics())
        m_metric->addItem(info.unit.isEmpty() ? info.name : QStringLiteral("%1 (%2)").arg(info.name, info.unit), info.name);
    m_comparator = new QComboBox(m_form);
    for (const QString &symbol : {QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("<"), QStringLiteral("<=")})
        m_comparator->addItem(symbol, symbol);
    m_threshold = new QDoubleSpinBox(m_form);
    m_threshold->setRange(-1e12, 1e12);
    m_threshold->setDecimals(3);
    m_threshold->setObjectName(QStringLiteral("ruleThreshold"));
    m_for = new QSpinBox(m_form);
    m_for->setRange(0, 86400000);
    m_for->setSingleStep(1000);
    m_for->setSuffix(tr(" ms"));
    m_keep = new QSpinBox(m_form);
    m_keep->setRange(0, 86400000);
    m_keep->setSingleStep(1000);
    m_keep->setSuffix(tr(" ms"));
    m_hysteresis = new QDoubleSpinBox(m_form);
    m_hysteresis->setRange(0, 1e12);
    m_hysteresis->setDecimals(3);
    m_hysteresis->setToolTip(tr("The value must move this far back past the threshold to count as clear"));
    m_severity = new QComboBox(m_form);
    m_severity->addItem(tr("Info"), QStringLiteral("info"));
    m_severity->addItem(tr("Warning"), QStringLiteral("warning"));
    m_severity->addItem(tr("Critical"), QStringLiteral("critical"));
    m_target = new QLineEdit(m_form);
    m_target->setPlaceholderText(tr("any target"));
    m_node = new QLineEdit(m_form);
    m_node->setPlaceholderText(tr("any node (host:port, workbench, load, all)"));
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Metric:"), m_metric);
    form->addRow(tr("&Comparator:"), m_comparator);
    form->addRow(tr("&Threshold:"), m_threshold);
    form->addRow(tr("&For:"), m_for);
    form->addRow(tr("&Keep firing for:"), m_keep);
    form->addRow(tr("&Hysteresis:"), m_hysteresis);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("Target label:"), m_target);
    form->addRow(tr("Node label:"), m_node);

    m_add = new QPushButton(tr("&Add Rule"), this);
    m_remove = new QPushButton(tr("Re&move Rule"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    m_builtIn = new QListWidget(this);
    m_builtIn->setObjectName(QStringLiteral("builtInRuleList"));
    m_builtIn->setSelectionMode(QAbstractItemView::NoSelection);
    m_builtIn->setToolTip(tr("Made from the thresholds in Monitoring Settings; change them there"));
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Built-in rules (from the Settings thresholds):"), this));
    left->addWidget(m_builtIn, 1);
    left->addWidget(new QLabel(tr("Your rules:"), this));
    left->addWidget(m_list, 2);
    left->addLayout(listButtons);
    auto *editor = new QWidget(this);
    auto *editorLayout = new QHBoxLayout(editor);
    editorLayout->addLayout(left, 2);
    editorLayout->addWidget(m_form, 3);
    m_tabs->addTab(editor, tr("Rules"));

    m_json->setObjectName(QStringLiteral("rulesJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_json, tr("JSON"));

    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(p);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        loadForm(row);
    });
    // Every edit reaches the rule and its line in the list at once, not only on leaving it.
    for (QLineEdit *edit : {m_id, m_name, m_target, m_node})
        connect(edit, &QLineEdit::textEdited, this, &RuleEditorDialog::storeForm);
    for (QComboBox *box : {m_metric, m_comparator, m_severity})
        connect(box, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::storeForm);
    for (QDoubleSpinBox *box : {m_threshold, m_hysteresis})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RuleEditorDialog::storeForm);
    for (QSpinBox *box : {m_for, m_keep})
        connect(box, &QSpinBox::valueChanged, this, &RuleEditorDialog::storeForm);
    connect(m_add, &QPushButton::clicked, this, &RuleEditorDialog::addRule);
    connect(m_remove, &QPushButton::clicked, this, &RuleEditorDialog::removeRule);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, last = std::make_shared<int>(0)](int index) {
        const bool fromJson = m_tabs->widget(*last) == m_json;
        *last = index;
        if (m_tabs->widget(index) == m_json) {
            storeForm();
            m_json->setPlainText(QString::fromUtf8(alertRulesToJson(m_rules)));
        } else if (fromJson) {
            QString error;
            if (const auto parsed = parseAlertRules(m_json->toPlainText().toUtf8(), &error)) {
                setRules(*parsed);
                m_error->hide();
            } else {
                m_error->setText(error);
                m_error->show();
            }
        }
    });
    setRules({});
}

void RuleEditorDialog::setRules(const std::vector<AlertRule> &rules)
{
    m_rules = rules;
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(m_rules.empty() ? -1 : 0);
    loadForm(m_list->currentRow());
}

void RuleEditorDialog::setBuiltInRules(const std::vector<AlertRule> &rules)
{
    m_builtIn->clear();
    for (const AlertRule &rule : rules)
        m_builtIn->addItem(QStringLiteral("%1 — %2").arg(rule.name, rule.conditionText()));
    if (rules.empty())
        m_builtIn->addItem(tr("none (alerting is off, or every threshold is 0)"));
}

void RuleEditorDialog::refreshList()
{
    m_loading = true;
    const int row = m_list->currentRow();
    m_list->clear();
    for (const AlertRule &rule : m_rules)
        m_list->addItem(QStringLiteral("%1 — %2").arg(rule.name, rule.conditionText()));
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    m_loading = false;
}

void RuleEditorDialog::loadForm(int row)
{
    m_current = row;
    m_form->setEnabled(row >= 0 && row < int(m_rules.size()));
    m_remove->setEnabled(m_form->isEnabled());
    if (!m_form->isEnabled())
        return;
    m_loading = true;
    const AlertRule &r = m_rules[size_t(row)];
    m_id->setText(r.id);
    m_name->setText(r.name);
    m_metric->setCurrentIndex(qMax(0, m_metric->findData(r.metric)));
    m_comparator->setCurrentIndex(qMax(0, m_comparator->findData(comparatorSymbol(r.comparator))));
    m_threshold->setValue(r.threshold);
    m_for->setValue(int(r.forMs));
    m_keep->setValue(int(r.keepFiringForMs));
    m_hysteresis->setValue(r.hysteresis);
    m_severity->setCurrentIndex(qMax(0, m_severity->findData(severityName(r.severity))));
    m_target->setText(r.targetLabel);
    m_node->setText(r.nodeLabel);
    m_loading = false;
}

void RuleEditorDialog::storeForm()
{
    if (m_loading || m_current < 0 || m_current >= int(m_rules.size()))
        return;
    AlertRule &r = m_rules[size_t(m_current)];
    r.id = m_id->text().trimmed();
    r.name = m_name->text().trimmed().isEmpty() ? r.id : m_name->text().trimmed();
    r.metric = m_metric->currentData().toString();
    r.comparator = comparatorFromSymbol(m_comparator->currentData().toString()).value_or(Comparator::Greater);
    r.threshold = m_threshold->value();
    r.forMs = m_for->value();
    r.keepFiringForMs = m_keep->value();
    r.hysteresis = m_hysteresis->value();
    r.severity = severityFromName(m_severity->currentData().toString()).value_or(Severity::Warning);
    r.targetLabel = m_target->text().trimmed();
    r.nodeLabel = m_node->text().trimmed();
    if (m_current < m_list->count())
        m_list->item(m_current)->setText(QStringLiteral("%1 — %2").arg(r.name, r.conditionText()));
}

void RuleEditorDialog::addRule()
{
    storeForm();
    AlertRule rule;
    int n = int(m_rules.size()) + 1;
    const auto taken = [&](const QString &id) {
        return std::any_of(m_rules.begin(), m_rules.end(), [&](const AlertRule &r) { return r.id == id; });
    };
    while (taken(QStringLiteral("rule-%1").arg(n)))
        ++n;
    rule.id = QStringLiteral("rule-%1").arg(n);
    rule.name = tr("New rule %1").arg(n);
    rule.metric = QLatin1String(metric::UsedMemoryMb);
    rule.threshold = 1024;
    rule.forMs = 30000;
    m_rules.push_back(rule);
    refreshList();
    m_list->setCurrentRow(int(m_rules.size()) - 1);
    m_id->setFocus();
}

void RuleEditorDialog::removeRule()
{
    if (m_current < 0 || m_current >= int(m_rules.size()))
        return;
    m_rules.erase(m_rules.begin() + m_current);
    m_current = -1;
    refreshList();
    m_list->setCurrentRow(qMin(m_list->count() - 1, qMax(0, m_list->currentRow())));
    loadForm(m_list->currentRow());
}

void RuleEditorDialog::accept()
{
    if (m_tabs->currentWidget() == m_json) {
        QString error;
        const auto parsed = parseAlertRules(m_json->toPlainText().toUtf8(), &error);
        if (!parsed) {
            m_error->setText(error);
            m_error->show();
            return;
        }
        m_rules = *parsed;
    } else {
        storeForm();
    }
    // The same validation as a rules file: ids unique and not empty, names, built-in ids reserved.
    QString error;
    const auto checked = parseAlertRules(alertRulesToJson(m_rules), &error);
    if (!checked) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    for (const AlertRule &r : *checked) {
        if (r.id.startsWith(QLatin1String("builtin."))) {
            m_error->setText(tr("rules: the id '%1' is reserved for built-in rules").arg(r.id));
            m_error->show();
            return;
        }
    }
    m_rules = *checked;
    QDialog::accept();
}

} // namespace cwb
