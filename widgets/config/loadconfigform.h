#pragma once

#include "load/loadconfig.h"

#include <QHash>
#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace cwb {

// The load test configuration as a form: one widget per LoadTestConfig field, each with a
// tooltip. Every edit re-validates with validateLoadTestConfig(): the row an issue names (its
// JSON path picks the row) turns red and carries the reason in its tooltip, and every reason is
// listed in issueSummary(), a box of fixed height the page places outside the form, so that a
// message never pushes the fields away from under the user's mouse.
class LoadConfigForm : public QWidget
{
    Q_OBJECT
public:
    explicit LoadConfigForm(QWidget *parent = nullptr);

    LoadTestConfig config() const;
    void setConfig(const LoadTestConfig &config);

    bool isValid() const { return m_issues.empty(); }
    const std::vector<ConfigIssue> &issues() const { return m_issues; }
    // Lists the problems, "Duration: must be > 0"; its height never changes. Not in the form's
    // own layout: the page puts it where it does not move the fields (below a scroll area).
    QLabel *issueSummary() const { return m_issueSummary; }
    // The reason shown at a field's row ("duration", "valueSize", "operationMix", ...); empty if none.
    QString issueText(const QString &row) const;
    // The row an issue's JSON path belongs to ("valueSize.max" -> "valueSize.max", "cacheTypes[1]" -> "cacheTypes").
    static QString rowForField(const QString &field);

    // Field widgets, by JSON name, for tests and keyboard focus ("duration", "operationMix.read", ...).
    QWidget *fieldWidget(const QString &name) const { return m_fields.value(name); }

    // Keeps the four shares summing to 100 after `changed` was set: the others give or take
    // in proportion to their current shares (largest remainder rounding). Public for tests.
    static std::array<int, kOpTypeCount> rebalanceMix(std::array<int, kOpTypeCount> mix, int changed);

Q_SIGNALS:
    void configChanged();
    void validityChanged(bool valid);

private:
    QWidget *row(const QString &name, QWidget *field, const QString &tip);
    void setMixShare(int op, int value);
    void updateDistributionFields();
    void updateLoopFields();
    void revalidate();

    QHash<QString, QWidget *> m_fields;
    QString rowTitle(const QString &row) const;

    QHash<QString, QWidget *> m_rows; // row name -> the widget in the form layout
    QHash<QString, QStringList> m_rowIssues;

    QLineEdit *m_testName = nullptr;
    QLineEdit *m_description = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QDoubleSpinBox *m_warmup = nullptr;
    QSpinBox *m_users = nullptr;
    QDoubleSpinBox *m_rps = nullptr;
    QSpinBox *m_pipeline = nullptr;
    std::array<QSlider *, kOpTypeCount> m_mixSliders{};
    std::array<QSpinBox *, kOpTypeCount> m_mixSpins{};
    QLabel *m_mixSum = nullptr;
    std::array<QCheckBox *, kCacheTypeCount> m_cacheTypes{};
    QComboBox *m_distribution = nullptr;
    QDoubleSpinBox *m_zipf = nullptr;
    QDoubleSpinBox *m_sigma = nullptr;
    QSpinBox *m_keySpace = nullptr;
    QSpinBox *m_valueMin = nullptr;
    QSpinBox *m_valueMax = nullptr;
    QSpinBox *m_ttl = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_threads = nullptr;
    QSpinBox *m_tags = nullptr;
    QLineEdit *m_prefix = nullptr;
    QCheckBox *m_cleanup = nullptr;
    QCheckBox *m_readFromReplicas = nullptr;
    QLineEdit *m_seed = nullptr;
    QLabel *m_issueSummary = nullptr;

    QString m_target; // kept from a loaded config; the run uses the target bar's endpoint
    std::array<int, kOpTypeCount> m_mix{80, 15, 3, 2};
    std::vector<ConfigIssue> m_issues;
    bool m_valid = true;
    int m_updating = 0;
};

} // namespace cwb
