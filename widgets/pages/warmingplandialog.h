#pragma once

#include "warming/warmingplan.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace cwb {

class WarmingPlanForm;

// Edits one plan: a form (warmingplanform.h) and, as the advanced tab, the plan as JSON for
// pasting whole plans or a synthetic plan's load test. The two stay in step: the JSON tab opens
// with the form's plan, and JSON that parses into a valid plan fills the form. Save is enabled
// only while the tab in front holds a valid plan; its problems sit beside the fields (form) or
// under the editor (JSON), never in a message box.
class WarmingPlanDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WarmingPlanDialog(QWidget *parent = nullptr);

    void setPlan(const WarmingPlan &plan);
    // The saved plan, once accepted.
    std::optional<WarmingPlan> plan() const { return m_plan; }
    // Names of the other plans, which this one may not take.
    void setTakenNames(const QStringList &names);

    WarmingPlanForm *form() const { return m_form; }
    QTabWidget *tabs() const { return m_tabs; }
    QPlainTextEdit *editor() const { return m_editor; }
    QLabel *errorLabel() const { return m_errors; }
    QPushButton *saveButton() const { return m_save; }
    void showJson(); // brings the JSON tab to the front

    // A plan skeleton per strategy, with its required parameters filled in as examples.
    static WarmingPlan templatePlan(WarmStrategy strategy);

public Q_SLOTS:
    void accept() override;

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool jsonInFront() const;
    // Parses the editor; lists the problems under it. The plan when valid.
    std::optional<WarmingPlan> parseEditor();
    void updateSave();

    QTabWidget *m_tabs = nullptr;
    WarmingPlanForm *m_form = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_errors = nullptr;
    QPushButton *m_save = nullptr;
    QStringList m_takenNames;
    bool m_jsonValid = true;
    bool m_sized = false; // the first show sized the dialog to the form
    bool m_syncing = false; // one side is being filled from the other
    std::optional<WarmingPlan> m_plan;
};

} // namespace cwb
