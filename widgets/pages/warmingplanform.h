#pragma once

#include "warming/warmingplan.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cwb {

// One warming plan as a form: a field for every WarmingPlan member and, per strategy, one for
// each parameter the engine reads (warmStrategyParamSpecs: text, whole number, number,
// true/false, or a JSON object such as a synthetic plan's load test). An empty parameter field
// leaves the parameter out, so every valid plan reads back unchanged (plan() == the plan set).
//
// Every edit re-validates with validateWarmingPlan(): the message sits beside the field it names,
// in a column of its own, so it never pushes the fields away from under the mouse. Under the
// schedule the next five fire times are computed live by the engine's CronExpression in the
// plan's time zone; a schedule that never fires ("0 0 30 2 *") is a warning, not an error.
class WarmingPlanForm : public QWidget
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    explicit WarmingPlanForm(QWidget *parent = nullptr);

    void setPlan(const WarmingPlan &plan);
    // The plan as the fields say; where a field cannot be read (letters in a number) that member
    // keeps its default and issues() names the field.
    WarmingPlan plan() const;
    bool isValid() const { return m_issues.empty(); }
    const std::vector<PlanIssue> &issues() const { return m_issues; }
    // The message beside a field ("name", "schedule", "params.file"); empty when it is fine.
    QString issueText(const QString &field) const;
    // Field widgets by JSON name ("name", "schedule", "params.file", ...), for tests and focus.
    QWidget *fieldWidget(const QString &name) const { return m_fields.value(name); }

    // Names of the other plans: a plan may not take one of them (it would replace that plan).
    void setTakenNames(const QStringList &names);
    // For tests: "now" for the fire-time preview (default: the wall clock).
    void setClock(Clock clock);
    // The fire times the preview shows (at most five); empty on demand, when invalid or never firing.
    const std::vector<QDateTime> &nextFireTimes() const { return m_fireTimes; }
    QLabel *fireTimesLabel() const { return m_fireTimesLabel; }
    bool neverFires() const { return m_neverFires; }
    static QString formatFireTime(const QDateTime &time, const QTimeZone &zone);

Q_SIGNALS:
    void planChanged();
    void validityChanged(bool valid);

private:
    struct ParamField
    {
        WarmParamSpec spec;
        QWidget *widget = nullptr;
    };
    void addRow(QFormLayout *form, const QString &label, const QString &name, QWidget *field, const QString &tip);
    void rebuildParams(WarmStrategy strategy, const nlohmann::json &values);
    nlohmann::json readParams(std::vector<PlanIssue> *issues) const;
    WarmingPlan read(std::vector<PlanIssue> *issues) const;
    void revalidate();
    void updateFireTimes(const WarmingPlan &plan);

    QLineEdit *m_name = nullptr;
    QComboBox *m_strategy = nullptr;
    QLabel *m_strategyInfo = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_priority = nullptr;
    QLineEdit *m_schedule = nullptr;
    QComboBox *m_timezone = nullptr;
    QLabel *m_fireTimesLabel = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_keyPrefix = nullptr;
    QComboBox *m_overwrite = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_batchDelay = nullptr;
    QLineEdit *m_rateLimit = nullptr;
    QSpinBox *m_ttl = nullptr;
    QLineEdit *m_memoryBudget = nullptr;
    QGroupBox *m_paramBox = nullptr;
    QFormLayout *m_paramForm = nullptr;
    std::vector<ParamField> m_params;

    QHash<QString, QWidget *> m_fields;  // by JSON name
    QHash<QString, QLabel *> m_messages; // the label beside each field
    QLabel *m_otherIssues = nullptr;     // issues that name no field of the form
    std::vector<PlanIssue> m_issues;
    std::vector<QDateTime> m_fireTimes;
    bool m_neverFires = false;
    bool m_valid = true;
    bool m_loading = false; // setPlan() is filling the fields: one revalidation at its end
    QStringList m_takenNames;
    Clock m_clock;
};

} // namespace cwb
