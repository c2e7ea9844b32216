#include "warmingplanform.h"

#include "warming/cronexpression.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace cwb {

namespace {

constexpr int kFireTimes = 5;

// Red that reads on both palettes: darker on light backgrounds, lighter on dark ones.
QColor problemColour(const QWidget *widget)
{
    const QColor red = QColor::fromRgb(0xC0, 0x1C, 0x28);
    return widget->palette().color(QPalette::Base).lightness() < 128 ? red.lighter(160) : red;
}

// A number as short as it reads back exactly: 50 stays "50", 0.1 stays "0.1".
QString numberText(double value)
{
    if (std::abs(value) < 1e15 && value == std::floor(value))
        return QString::number(qint64(value));
    return QString::fromStdString(nlohmann::json(value).dump());
}

// The issue's field as the form names its rows: "params.load.keyPrefix" -> "params.load",
// "plans[0].name" cannot occur (one plan).
QString rowFor(const QString &field)
{
    if (!field.startsWith(QLatin1String("params.")))
        return field.section(QLatin1Char('.'), 0, 0);
    return field.section(QLatin1Char('.'), 0, 1);
}

// The example a strategy's template gives for a parameter, as placeholder text.
QString exampleFor(const char *param)
{
    static const QHash<QString, QString> examples{
        {QStringLiteral("file"), QStringLiteral("/path/to/keys.txt")},
        {QStringLiteral("keyTemplate"), QStringLiteral("cwb:user:{id}")},
        {QStringLiteral("source"), QStringLiteral("redis://replica:6379")},
        {QStringLiteral("trace"), QStringLiteral("/path/to/trace.txt")},
        {QStringLiteral("pattern"), QStringLiteral("*")},
        {QStringLiteral("preset"), QStringLiteral("basic-cache-load")},
        {QStringLiteral("entries"), QStringLiteral("{\"feature:flags\": \"{}\"}")},
    };
    return examples.value(QLatin1String(param));
}

} // namespace

WarmingPlanForm::WarmingPlanForm(QWidget *parent)
    : QWidget(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_loading = true;
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("e.g. users-before-opening"));
    m_strategy = new QComboBox;
    for (int i = 0; i < kWarmStrategyCount; ++i)
        m_strategy->addItem(warmStrategyName(WarmStrategy(i)), i);
    m_strategyInfo = new QLabel;
    m_strategyInfo->setWordWrap(true);
    m_strategyInfo->setForegroundRole(QPalette::PlaceholderText);
    m_enabled = new QCheckBox(tr("Run on its schedule"));
    m_priority = new QComboBox;
    m_priority->addItem(tr("high"), int(WarmPriority::High));
    m_priority->addItem(tr("medium"), int(WarmPriority::Medium));
    m_priority->addItem(tr("low"), int(WarmPriority::Low));

    m_schedule = new QLineEdit;
    m_schedule->setPlaceholderText(tr("empty: on demand only; e.g. 0 6 * * *"));
    m_schedule->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_timezone = new QComboBox;
    m_timezone->setEditable(true);
    m_timezone->addItems({QStringLiteral("utc"), QStringLiteral("local")});
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timezone->addItem(QString::fromLatin1(id));
    m_fireTimesLabel = new QLabel;
    m_fireTimesLabel->setObjectName(QStringLiteral("firetimes"));
    m_fireTimesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fireTimesLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Five lines always: the preview changing its length must not move the fields below it.
    m_fireTimesLabel->setMinimumHeight(m_fireTimesLabel->fontMetrics().lineSpacing() * (kFireTimes + 1));

    m_target = new QLineEdit;
    m_target->setPlaceholderText(tr("empty: the window's target"));
    m_keyPrefix = new QLineEdit;
    m_overwrite = new QComboBox;
    m_overwrite->addItem(tr("keep existing keys"), int(WarmOverwrite::SkipExisting));
    m_overwrite->addItem(tr("replace keys of the same type"), int(WarmOverwrite::SameType));
    m_overwrite->addItem(tr("replace any existing key"), int(WarmOverwrite::Always));

    m_batchSize = new QSpinBox;
    m_batchSize->setRange(1, 100000);
    m_batchDelay = new QSpinBox;
    m_batchDelay->setRange(0, 600000);
    m_batchDelay->setSuffix(tr(" ms"));
    m_rateLimit = new QLineEdit;
    m_rateLimit->setPlaceholderText(tr("0 = unlimited"));
    m_ttl = new QSpinBox;
    m_ttl->setRange(1, INT_MAX);
    m_ttl->setSuffix(tr(" s"));
    m_memoryBudget = new QLineEdit;
    m_memoryBudget->setPlaceholderText(tr("0 = only the server's maxmemory"));

    auto *planBox = new QGroupBox(tr("Plan"));
    auto *planForm = new QFormLayout(planBox);
    addRow(planForm, tr("Name:"), QStringLiteral("name"), m_name, tr("Unique among the plans; runs are recorded under it"));
    addRow(planForm, tr("Strategy:"), QStringLiteral("strategy"), m_strategy, tr("Where the warmed keys come from"));
    planForm->addRow(QString(), m_strategyInfo);
    addRow(planForm, tr("Priority:"), QStringLiteral("priority"), m_priority,
           tr("Plans due at the same time run high first, then medium, then low"));
    addRow(planForm, QString(), QStringLiteral("enabled"), m_enabled,
           tr("Off: the schedule is kept but does not fire; Run now still works"));

    auto *scheduleBox = new QGroupBox(tr("Schedule"));
    auto *scheduleForm = new QFormLayout(scheduleBox);
    addRow(scheduleForm, tr("Cron:"), QStringLiteral("schedule"), m_schedule,
           tr("minute hour day-of-month month day-of-week, e.g. */15 * * * * or 0 6 * * MON-FRI"));
    addRow(scheduleForm, tr("Time zone:"), QStringLiteral("timezone"), m_timezone,
           tr("utc, local or a zone such as Europe/Berlin: the schedule follows its wall clock"));
    scheduleForm->addRow(tr("Next runs:"), m_fireTimesLabel);

    auto *whereBox = new QGroupBox(tr("Target and keys"));
    auto *whereForm = new QFormLayout(whereBox);
    addRow(whereForm, tr("Target:"), QStringLiteral("target"), m_target,
           tr("A Redis URI without password (CWB_REDIS_PASSWORD supplies it)"));
    addRow(whereForm, tr("Key prefix:"), QStringLiteral("keyPrefix"), m_keyPrefix,
           tr("Every key the plan writes starts with it"));
    addRow(whereForm, tr("Existing keys:"), QStringLiteral("overwrite"), m_overwrite,
           tr("What the plan does with a key that already exists on the target; every run reports what it replaced"));

    m_paramBox = new QGroupBox(tr("Parameters"));
    m_paramForm = new QFormLayout(m_paramBox);

    auto *paceBox = new QGroupBox(tr("Pace and memory"));
    auto *paceForm = new QFormLayout(paceBox);
    addRow(paceForm, tr("Batch size:"), QStringLiteral("batchSize"), m_batchSize, tr("Keys per pipelined batch"));
    addRow(paceForm, tr("Batch delay:"), QStringLiteral("batchDelayMs"), m_batchDelay, tr("Pause between batches"));
    addRow(paceForm, tr("Rate limit:"), QStringLiteral("rateLimit"), m_rateLimit, tr("Keys per second; 0 = unlimited"));
    addRow(paceForm, tr("TTL:"), QStringLiteral("ttlSec"), m_ttl, tr("Expiry of written keys (copies keep the source's)"));
    addRow(paceForm, tr("Memory budget:"), QStringLiteral("memoryBudget"), m_memoryBudget,
           tr("Bytes of used_memory the target may reach; the run stops before it (and before maxmemory)"));

    m_otherIssues = new QLabel;
    m_otherIssues->setObjectName(QStringLiteral("otherissues"));
    m_otherIssues->setWordWrap(true);

    auto *left = new QVBoxLayout;
    left->addWidget(planBox);
    left->addWidget(scheduleBox);
    left->addWidget(whereBox);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_paramBox);
    right->addWidget(paceBox);
    right->addWidget(m_otherIssues);
    right->addStretch(1);
    auto *columns = new QHBoxLayout(this);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    const auto changed = [this] { revalidate(); };
    for (QLineEdit *edit : {m_name, m_schedule, m_target, m_keyPrefix, m_rateLimit, m_memoryBudget})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *box : {m_priority, m_overwrite})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_timezone, &QComboBox::currentTextChanged, this, changed);
    for (QSpinBox *spin : {m_batchSize, m_batchDelay, m_ttl})
        connect(spin, &QSpinBox::valueChanged, this, changed);
    connect(m_enabled, &QCheckBox::toggled, this, changed);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_loading)
            return;
        // Parameters of the same name (trace, topK, source) carry over to the new strategy.
        std::vector<PlanIssue> ignored;
        rebuildParams(WarmStrategy(m_strategy->itemData(index).toInt()), readParams(&ignored));
        revalidate();
    });
    m_loading = false;
    setPlan(WarmingPlan{});
}

void WarmingPlanForm::addRow(QFormLayout *form, const QString &label, const QString &name, QWidget *field,
                             const QString &tip)
{
    field->setObjectName(name);
    field->setToolTip(tip);
    // The message has a column of its own beside the field: it appears without moving anything.
    auto *message = new QLabel;
    message->setObjectName(name + QStringLiteral("-issue"));
    message->setWordWrap(true);
    message->setFixedWidth(fontMetrics().averageCharWidth() * 32);
    // Room for two lines from the start: a message of that length changes no row's height.
    message->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    message->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    QPalette palette = message->palette();
    palette.setColor(QPalette::WindowText, problemColour(this));
    message->setPalette(palette);
    auto *cell = new QWidget;
    auto *row = new QHBoxLayout(cell);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(field, 1);
    row->addWidget(message);
    form->addRow(label, cell);
    m_fields.insert(name, field);
    m_messages.insert(name, message);
}

void WarmingPlanForm::rebuildParams(WarmStrategy strategy, const nlohmann::json &values)
{
    while (m_paramForm->rowCount() > 0)
        m_paramForm->removeRow(0);
    for (const ParamField &param : m_params) {
        const QString name = QStringLiteral("params.") + QLatin1String(param.spec.name);
        m_fields.remove(name);
        m_messages.remove(name);
    }
    m_params.clear();
    const auto changed = [this] { revalidate(); };
    for (const WarmParamSpec &spec : warmStrategyParamSpecs(strategy)) {
        const auto value = values.is_object() && values.contains(spec.name) ? values[spec.name] : nlohmann::json();
        QWidget *widget = nullptr;
        switch (spec.type) {
        case WarmParamType::String:
        case WarmParamType::Integer:
        case WarmParamType::Number: {
            auto *edit = new QLineEdit;
            edit->setPlaceholderText(exampleFor(spec.name));
            if (value.is_string())
                edit->setText(QString::fromStdString(value.get<std::string>()));
            else if (value.is_number())
                edit->setText(QString::fromStdString(value.dump()));
            connect(edit, &QLineEdit::textChanged, this, changed);
            widget = edit;
            break;
        }
        case WarmParamType::Boolean: {
            auto *box = new QComboBox;
            box->addItem(tr("(default)"));
            box->addItem(tr("yes"));
            box->addItem(tr("no"));
            box->setCurrentIndex(value.is_boolean() ? (value.get<bool>() ? 1 : 2) : 0);
            connect(box, &QComboBox::currentIndexChanged, this, changed);
            widget = box;
            break;
        }
        case WarmParamType::Object: {
            auto *edit = new QPlainTextEdit;
            edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            edit->setPlaceholderText(exampleFor(spec.name));
            edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 6 + 10);
            // JSON reads badly wrapped: keep lines whole, wide enough for a key and its value.
            edit->setLineWrapMode(QPlainTextEdit::NoWrap);
            edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 30);
            if (!value.is_null())
                edit->setPlainText(QString::fromStdString(value.dump(2)));
            connect(edit, &QPlainTextEdit::textChanged, this, changed);
            widget = edit;
            break;
        }
        }
        const QString label = QLatin1String(spec.name) + (spec.required ? QStringLiteral(" *:") : QStringLiteral(":"));
        addRow(m_paramForm, label, QStringLiteral("params.") + QLatin1String(spec.name), widget,
               QLatin1String(spec.meaning));
        m_params.push_back({spec, widget});
    }
    m_paramBox->setTitle(tr("Parameters of %1 (* required; empty: the default)").arg(warmStrategyName(strategy)));
    m_strategyInfo->setText(warmStrategyDescription(strategy));
}

void WarmingPlanForm::setPlan(const WarmingPlan &plan)
{
    m_loading = true;
    m_name->setText(plan.name);
    m_strategy->setCurrentIndex(int(plan.strategy));
    m_enabled->setChecked(plan.enabled);
    m_priority->setCurrentIndex(m_priority->findData(int(plan.priority)));
    m_schedule->setText(plan.schedule);
    m_timezone->setCurrentText(plan.timezone);
    m_target->setText(plan.target);
    m_keyPrefix->setText(plan.keyPrefix);
    m_overwrite->setCurrentIndex(m_overwrite->findData(int(plan.overwrite)));
    m_batchSize->setValue(plan.batchSize);
    m_batchDelay->setValue(plan.batchDelayMs);
    m_rateLimit->setText(numberText(plan.rateLimit));
    m_ttl->setValue(plan.ttlSec);
    m_memoryBudget->setText(QString::number(plan.memoryBudget));
    rebuildParams(plan.strategy, plan.params);
    m_loading = false;
    revalidate();
}

nlohmann::json WarmingPlanForm::readParams(std::vector<PlanIssue> *issues) const
{
    nlohmann::json params = nlohmann::json::object();
    for (const ParamField &param : m_params) {
        const QString field = QStringLiteral("params.") + QLatin1String(param.spec.name);
        switch (param.spec.type) {
        case WarmParamType::String: {
            const QString text = static_cast<QLineEdit *>(param.widget)->text();
            if (!text.isEmpty())
                params[param.spec.name] = text.toStdString();
            break;
        }
        case WarmParamType::Integer:
        case WarmParamType::Number: {
            const QString text = static_cast<QLineEdit *>(param.widget)->text().trimmed();
            if (text.isEmpty())
                break;
            bool ok = false;
            const qint64 whole = text.toLongLong(&ok);
            if (ok) {
                params[param.spec.name] = whole;
                break;
            }
            const double number = text.toDouble(&ok);
            if (ok && std::isfinite(number) && param.spec.type == WarmParamType::Number)
                params[param.spec.name] = number;
            else
                issues->push_back({field, param.spec.type == WarmParamType::Integer ? tr("'%1' is not a whole number").arg(text)
                                                                                  : tr("'%1' is not a number").arg(text)});
            break;
        }
        case WarmParamType::Boolean: {
            const int index = static_cast<QComboBox *>(param.widget)->currentIndex();
            if (index > 0)
                params[param.spec.name] = index == 1;
            break;
        }
        case WarmParamType::Object: {
            const QString text = static_cast<QPlainTextEdit *>(param.widget)->toPlainText();
            if (text.trimmed().isEmpty())
                break;
            try {
                params[param.spec.name] = nlohmann::json::parse(text.toStdString());
            } catch (const nlohmann::json::parse_error &e) {
                // "[json.exception.parse_error.101] parse error at line 1, column 3: ..." without the tag.
                issues->push_back({field, tr("not valid JSON: %1").arg(QString::fromUtf8(e.what()).section(u"] "_s, 1))});
            }
            break;
        }
        }
    }
    return params;
}

WarmingPlan WarmingPlanForm::read(std::vector<PlanIssue> *issues) const
{
    WarmingPlan plan;
    plan.name = m_name->text();
    plan.strategy = WarmStrategy(m_strategy->currentData().toInt());
    plan.params = readParams(issues);
    plan.priority = WarmPriority(m_priority->currentData().toInt());
    plan.schedule = m_schedule->text();
    plan.timezone = m_timezone->currentText();
    plan.keyPrefix = m_keyPrefix->text();
    plan.target = m_target->text();
    plan.batchSize = m_batchSize->value();
    plan.batchDelayMs = m_batchDelay->value();
    plan.ttlSec = m_ttl->value();
    plan.overwrite = WarmOverwrite(m_overwrite->currentData().toInt());
    plan.enabled = m_enabled->isChecked();
    bool ok = true;
    const QString rate = m_rateLimit->text().trimmed();
    plan.rateLimit = rate.isEmpty() ? 0 : rate.toDouble(&ok);
    if (!ok || !std::isfinite(plan.rateLimit)) {
        issues->push_back({QStringLiteral("rateLimit"), tr("'%1' is not a number").arg(rate)});
        plan.rateLimit = 0;
    }
    const QString budget = m_memoryBudget->text().trimmed();
    plan.memoryBudget = budget.isEmpty() ? 0 : budget.toLongLong(&ok);
    if (!ok) {
        issues->push_back({QStringLiteral("memoryBudget"), tr("'%1' is not a whole number of bytes").arg(budget)});
        plan.memoryBudget = 0;
    }
    return plan;
}

WarmingPlan WarmingPlanForm::plan() const
{
    std::vector<PlanIssue> ignored;
    return read(&ignored);
}

void WarmingPlanForm::setTakenNames(const QStringList &names)
{
    m_takenNames = names;
    revalidate();
}

void WarmingPlanForm::setClock(Clock clock)
{
    m_clock = std::move(clock);
    revalidate();
}

QString WarmingPlanForm::issueText(const QString &field) const
{
    const QLabel *message = m_messages.value(field);
    return message ? message->text() : QString();
}

void WarmingPlanForm::revalidate()
{
    if (m_loading)
        return;
    std::vector<PlanIssue> issues;
    const WarmingPlan plan = read(&issues);
    for (const PlanIssue &issue : validateWarmingPlan(plan)) {
        // A field the form could not read already says why; the plan's default would only confuse.
        const bool known = std::any_of(issues.begin(), issues.end(), [&](const PlanIssue &i) { return i.field == issue.field; });
        if (!known)
            issues.push_back(issue);
    }
    if (m_takenNames.contains(plan.name))
        issues.push_back({QStringLiteral("name"), tr("another plan has this name")});
    m_issues = issues;

    QHash<QString, QStringList> byRow;
    QStringList others;
    for (const PlanIssue &issue : m_issues) {
        const QString row = rowFor(issue.field);
        if (m_messages.contains(row))
            byRow[row] << (row == issue.field ? issue.message : QString(issue.field.mid(row.size() + 1) + u": "_s + issue.message));
        else
            others << issue.toString();
    }
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const QStringList messages = byRow.value(it.key());
        it.value()->setText(messages.join(u"; "_s));
        m_fields.value(it.key())->setProperty("invalid", !messages.isEmpty());
        m_fields.value(it.key())->setAccessibleDescription(messages.join(u"; "_s));
    }
    QPalette palette = m_otherIssues->palette();
    palette.setColor(QPalette::WindowText, problemColour(this));
    m_otherIssues->setPalette(palette);
    m_otherIssues->setText(others.join(u'\n'));
    updateFireTimes(plan);

    Q_EMIT planChanged();
    if (isValid() != m_valid) {
        m_valid = isValid();
        Q_EMIT validityChanged(m_valid);
    }
}

QString WarmingPlanForm::formatFireTime(const QDateTime &time, const QTimeZone &zone)
{
    const QDateTime there = time.toTimeZone(zone);
    return QLocale().toString(there, u"ddd yyyy-MM-dd HH:mm"_s) + u' ' + zone.abbreviation(there);
}

void WarmingPlanForm::updateFireTimes(const WarmingPlan &plan)
{
    m_fireTimes.clear();
    m_neverFires = false;
    QPalette palette = m_fireTimesLabel->parentWidget() ? m_fireTimesLabel->parentWidget()->palette() : this->palette();
    const auto show = [&](const QString &text, bool warning) {
        if (warning)
            palette.setColor(QPalette::WindowText, problemColour(this));
        m_fireTimesLabel->setPalette(palette);
        m_fireTimesLabel->setText(text);
    };
    if (plan.schedule.trimmed().isEmpty())
        return show(tr("On demand only: the plan runs when you press Run now."), false);
    const auto cron = CronExpression::parse(plan.schedule);
    const auto zone = cronTimeZone(plan.timezone);
    if (!cron || !zone)
        return show(tr("No preview until the schedule and time zone are valid."), false);
    m_fireTimes = cron->nextTimes(m_clock(), kFireTimes, *zone);
    if (m_fireTimes.empty()) {
        m_neverFires = true;
        return show(tr("⚠ This schedule never fires: no date matches it (e.g. 30 February)."), true);
    }
    QStringList lines;
    for (const QDateTime &time : m_fireTimes)
        lines << formatFireTime(time, *zone);
    if (!plan.enabled)
        lines << tr("(disabled: these runs happen only once it is enabled)");
    show(lines.join(u'\n'), false);
}

} // namespace cwb
