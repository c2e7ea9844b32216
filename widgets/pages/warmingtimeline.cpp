#include "warmingtimeline.h"

#include "warming/warmscheduler.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace cwb {

namespace {
constexpr int kLaneHeight = 22;
constexpr int kAxisHeight = 20;
constexpr int kMaxFiresPerPlan = 1440; // every minute for a day
} // namespace

WarmingTimeline::WarmingTimeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("warmingtimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Warming runs in the next 24 hours"));
}

void WarmingTimeline::setPlans(const std::vector<WarmingPlan> &plans, const QDateTime &from)
{
    m_plans = plans;
    m_from = from;
    m_fires.clear();
    const QDateTime to = from.addSecs(24 * 3600);
    for (const WarmingPlan &plan : m_plans) {
        std::vector<QDateTime> fires;
        QDateTime after = from;
        while (plan.enabled && int(fires.size()) < kMaxFiresPerPlan) {
            const auto next = WarmScheduler::nextFireTime(plan, after);
            if (!next || *next > to)
                break;
            fires.push_back(*next);
            after = *next;
        }
        m_fires.push_back(std::move(fires));
    }
    updateGeometry();
    update();
}

QSize WarmingTimeline::sizeHint() const
{
    return {600, kAxisHeight + kLaneHeight * int(std::max<size_t>(1, m_plans.size())) + 8};
}

QSize WarmingTimeline::minimumSizeHint() const
{
    return {300, kAxisHeight + kLaneHeight + 8};
}

QColor WarmingTimeline::priorityColour(WarmPriority priority) const
{
    switch (priority) {
    case WarmPriority::High: return palette().color(QPalette::Highlight);
    case WarmPriority::Medium: return palette().color(QPalette::Link);
    case WarmPriority::Low: return palette().color(QPalette::PlaceholderText);
    }
    return palette().color(QPalette::Text);
}

int WarmingTimeline::labelWidth() const
{
    int width = fontMetrics().horizontalAdvance(tr("No plans"));
    for (const WarmingPlan &plan : m_plans)
        width = std::max(width, fontMetrics().horizontalAdvance(plan.name));
    return std::min(width + 12, this->width() / 3);
}

void WarmingTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const int left = labelWidth();
    const int right = width() - 8;
    const double span = std::max(1, right - left);
    const auto xFor = [&](const QDateTime &t) {
        return left + span * double(m_from.secsTo(t)) / (24.0 * 3600.0);
    };

    // Hour grid, labelled every three hours in local time.
    p.setPen(palette().color(QPalette::Mid));
    const QDateTime firstHour = QDateTime(m_from.toLocalTime().date(), QTime(m_from.toLocalTime().time().hour(), 0));
    for (int h = 1; h <= 24; ++h) {
        const QDateTime t = firstHour.addSecs(h * 3600);
        const double x = xFor(t);
        if (x < left || x > right)
            continue;
        p.setPen(palette().color(QPalette::Midlight));
        p.drawLine(QPointF(x, kAxisHeight), QPointF(x, height()));
        if (t.time().hour() % 3 == 0) {
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRectF(x - 30, 0, 60, kAxisHeight), Qt::AlignCenter, t.toString(QStringLiteral("HH:mm")));
        }
    }
    if (m_plans.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, kAxisHeight, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("No plans"));
        return;
    }
    for (size_t i = 0; i < m_plans.size(); ++i) {
        const int top = kAxisHeight + int(i) * kLaneHeight;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(4, top, left - 8, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(m_plans[i].name, Qt::ElideRight, left - 8));
        const QColor colour = priorityColour(m_plans[i].priority);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        for (const QDateTime &t : m_fires[i])
            p.drawRect(QRectF(xFor(t) - 1.5, top + 4, 3, kLaneHeight - 8));
    }
}

bool WarmingTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int lane = (help->pos().y() - kAxisHeight) / kLaneHeight;
        if (help->pos().y() >= kAxisHeight && lane >= 0 && lane < int(m_plans.size())) {
            const auto &fires = m_fires[size_t(lane)];
            const QString next = fires.empty() ? tr("no run in the next 24 hours")
                                               : tr("runs: %1, next at %2")
                                                     .arg(fires.size())
                                                     .arg(fires.front().toLocalTime().toString(QStringLiteral("HH:mm")));
            QToolTip::showText(help->globalPos(), m_plans[size_t(lane)].name + QStringLiteral(": ") + next, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace cwb
