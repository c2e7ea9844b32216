#pragma once

#include "warming/warmingplan.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace cwb {

// Edits one plan as JSON, with a strategy template to start from. OK stays disabled-in-effect
// until the text parses and validates: every bad field is listed under the editor, so a plan
// is never accepted half-valid.
class WarmingPlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WarmingPlanDialog(QWidget *parent = nullptr);

    void setPlan(const WarmingPlan &plan);
    std::optional<WarmingPlan> plan() const { return m_plan; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *errorLabel() const { return m_errors; }

    // A plan skeleton per strategy, with its required parameters filled in as examples.
    static WarmingPlan templatePlan(WarmStrategy strategy);

public Q_SLOTS:
    void accept() override;

private:
    void applyTemplate();

    QComboBox *m_strategy = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_errors = nullptr;
    std::optional<WarmingPlan> m_plan;
};

} // namespace cwb
