#pragma once

#include <QPicture>
#include <QSize>

namespace cwb {

struct SvgChart;

// A report chart (store/svgplot.h) drawn by the workbench's own chart classes, in their style
// on a light, print-friendly palette, recorded as vector commands: played back into a PDF the
// lines and text stay sharp at any zoom. `size` is in 96-dpi pixels.
QPicture drawReportChart(const SvgChart &chart, QSize size);

} // namespace cwb
