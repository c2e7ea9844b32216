#pragma once

#include "monitor/alertrule.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace cwb {

// Custom alert rules: a list with a form for the selected rule (metric, comparator, threshold,
// for, keep firing for, hysteresis, severity, target and node labels), and the same rules as
// JSON ({"rules": [...]}) for copying between machines.
class RuleEditorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RuleEditorDialog(QWidget *parent = nullptr);

    void setRules(const std::vector<AlertRule> &rules);
    // The rules made from the Settings thresholds: listed (read-only) so that every rule that
    // can fire is visible here; they are changed in Monitoring Settings.
    void setBuiltInRules(const std::vector<AlertRule> &rules);
    QListWidget *builtInList() const { return m_builtIn; }
    std::vector<AlertRule> rules() const { return m_rules; }
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *jsonEdit() const { return m_json; }

    void accept() override;

private:
    void loadForm(int row);
    void storeForm();
    void refreshList();
    void addRule();
    void removeRule();

    std::vector<AlertRule> m_rules;
    int m_current = -1;
    bool m_loading = false;
    QTabWidget *m_tabs;
    QListWidget *m_list;
    QListWidget *m_builtIn = nullptr;
    QLineEdit *m_id, *m_name, *m_target, *m_node;
    QComboBox *m_metric, *m_comparator, *m_severity;
    QDoubleSpinBox *m_threshold, *m_hysteresis;
    QSpinBox *m_for, *m_keep;
    QPushButton *m_add, *m_remove;
    QWidget *m_form;
    QPlainTextEdit *m_json;
    QLabel *m_error;
};

} // namespace cwb
