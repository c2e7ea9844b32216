#pragma once

#include "warming/warmingplan.h"

#include <QDateTime>
#include <QWidget>

#include <vector>

namespace cwb {

// The next 24 hours of scheduled warming runs: one lane per plan, a tick per fire time,
// coloured by priority from the palette (so it follows light and dark themes).
class WarmingTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit WarmingTimeline(QWidget *parent = nullptr);

    void setPlans(const std::vector<WarmingPlan> &plans, const QDateTime &from);
    // Fire times drawn per plan (same order as the plans), for tests and tooltips.
    const std::vector<std::vector<QDateTime>> &fireTimes() const { return m_fires; }
    QDateTime from() const { return m_from; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QColor priorityColour(WarmPriority priority) const;
    int labelWidth() const;

    std::vector<WarmingPlan> m_plans;
    std::vector<std::vector<QDateTime>> m_fires;
    QDateTime m_from;
};

} // namespace cwb
