#pragma once

#include <QVector>
#include <QWidget>

namespace cwb {

// A small line of recent values with no axes: the shape of a metric at a glance.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    void setValues(const QVector<double> &values);
    const QVector<double> &values() const { return m_values; }
    void setColour(const QColor &colour);
    QSize sizeHint() const override { return {120, 28}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<double> m_values;
    QColor m_colour;
};

} // namespace cwb
