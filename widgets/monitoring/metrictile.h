#pragma once

#include <QFrame>

class QLabel;

namespace cwb {

class Sparkline;

// One figure of the monitoring page: a caption, the current value with its unit, a sparkline
// of recent values, and a state colour when an alert on it is firing.
class MetricTile : public QFrame
{
    Q_OBJECT
public:
    MetricTile(const QString &caption, const QString &metric, QWidget *parent = nullptr);

    QString metricName() const { return m_metric; }
    void setValue(const QString &text, const QString &detail = {});
    void setHistory(const QVector<double> &values);
    void setAlerting(bool alerting);
    QString valueText() const;
    QString detailText() const;
    Sparkline *sparkline() const { return m_sparkline; }

private:
    QString m_metric;
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
    Sparkline *m_sparkline;
};

} // namespace cwb
