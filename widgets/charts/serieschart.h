#pragma once

#include <qcustomplot.h>

#include <QString>
#include <QVector>

namespace cwb {

class ChartStyle;

// A QCustomPlot set up the way every chart of the workbench behaves (its look comes from
// ChartStyle: palette colours, legend under the plot, "No data yet" while empty): legend entries
// toggle their series on click, drag to pan and wheel to zoom (double-click resets), a context menu to save the
// chart as PNG or PDF, and an optional logarithmic value axis.
//
// Data arrives in bulk (appendPoints/setPoints) and a redraw is only queued (rpQueuedReplot),
// so several updates in one event-loop pass cost one replot.
class SeriesChart : public QCustomPlot
{
    Q_OBJECT
public:
    SeriesChart(const QString &title, const QString &keyLabel, const QString &valueLabel, QWidget *parent = nullptr);

    // Returns the series index. Right-axis series use their own scale (rates next to counts).
    int addSeries(const QString &name, bool onRightAxis = false, Qt::PenStyle style = Qt::SolidLine);
    // Removes the series from index `first` on (those added last), with their legend entries.
    void removeSeriesFrom(int first);
    int seriesCount() const { return int(m_graphs.size()); }
    QCPGraph *series(int index) const { return m_graphs.value(index); }
    void setRightAxisLabel(const QString &label);
    void setTitle(const QString &title);
    // Colour slot used for a series (series share palette slots across charts by index).
    void setSeriesColourIndex(int series, int colourIndex);

    void appendPoints(int series, const QVector<double> &keys, const QVector<double> &values);
    void setPoints(int series, const QVector<double> &keys, const QVector<double> &values);
    void clearPoints();
    int pointCount(int series) const;

    void setSeriesVisible(int series, bool visible);
    bool isSeriesVisible(int series) const;

    void setLogScale(bool on);
    bool logScale() const { return m_log; }

    // Fits the axes to the data (unless the user has zoomed or panned) and queues a replot.
    void refresh();
    // Back to following the data, after a zoom or pan.
    void resetView();
    bool isFollowingData() const { return m_follow; }

    // Writes a PNG or PDF, chosen by the file suffix. False with *error set on failure.
    bool saveImage(const QString &path, QString *error = nullptr);
    // Asks for a file (see filechooser.h) and saves into it.
    void saveWithDialog(const QString &format);

    bool hasData() const;
    ChartStyle *style() const { return m_style; }

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void onLegendClick(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void fitAxes();

    QCPTextElement *m_title = nullptr;
    ChartStyle *m_style = nullptr;
    QVector<QCPGraph *> m_graphs;
    bool m_log = false;
    bool m_follow = true;
};

} // namespace cwb
