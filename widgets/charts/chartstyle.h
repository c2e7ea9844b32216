#pragma once

#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QString>

class QCustomPlot;
class QCPAbstractPlottable;
class QCPItemText;

namespace cwb {

// The one place that decides how a workbench chart looks, for SeriesChart and for the plain
// QCustomPlots of the bar and sweep charts alike:
// - colours come from the widget's palette and are re-applied when it changes (dark mode,
//   theme switch), series colours included, so no chart keeps the colours it was born with;
// - the legend sits in a row under the plot, never over the data or the axis labels, and wraps
//   its entries to the width (eight cluster nodes take two short rows, not the x labels);
// - a chart without data says so ("No data yet") instead of drawing meaningless axes.
//
// A ChartStyle is a child of its plot; install() is idempotent.
class ChartStyle : public QObject
{
    Q_OBJECT
public:
    static ChartStyle *install(QCustomPlot *plot);
    // The style installed on `plot`, or nullptr.
    static ChartStyle *of(const QCustomPlot *plot);

    // Colour-blind-safe hues (Okabe-Ito), lightened on dark palettes.
    static QColor seriesColour(int index, const QPalette &palette);
    // Draws `plottable` in colour slot `index` from now on, through palette changes too.
    // Bars are filled; graphs get a line of `style`.
    static void setSeriesColour(QCPAbstractPlottable *plottable, int index, Qt::PenStyle style = Qt::SolidLine);

    // Shows or leaves the empty state: while empty, the axes, grid and legend layers are hidden
    // and the chart says "No data yet" (or setEmptyText()).
    void setEmpty(bool empty);
    bool isEmpty() const { return m_empty; }
    void setEmptyText(const QString &text);
    QString emptyText() const;

    void applyPalette();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ChartStyle(QCustomPlot *plot);
    void placeLegendBelow();
    // Before each replot: as many legend columns as the width holds.
    void wrapLegend();

    QCustomPlot *m_plot = nullptr;
    // A page may clearItems() on its plot: the label is recreated when needed.
    QCPItemText *emptyLabel();

    QPointer<QCPItemText> m_emptyLabel;
    QString m_emptyText;
    bool m_empty = false;
    bool m_applying = false;
    int m_legendColumns = -1;
    int m_legendItems = -1;
};

} // namespace cwb
