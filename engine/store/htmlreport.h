#pragma once

// Self-contained HTML performance reports (one file, no external resources): tables of
// percentiles and deltas, charts as inline SVG (svgplot.h). No QtGui: the CLI produces them on
// servers. PDF is rendered from this HTML by the GUI binary (`cache-workbench --render-pdf
// IN.html OUT.pdf`), because printing needs QtGui.

#include "comparison.h"
#include "resultstore.h"

#include <QByteArray>

#include <vector>

namespace cwb {

QByteArray runReportHtml(const StoredRun &run);
// A suite: a summary table of every run plus each run's section.
QByteArray suiteReportHtml(const SuiteRow &suite, const std::vector<StoredRun> &runs);
QByteArray comparisonReportHtml(const StoredRun &run, const StoredRun &against, const Comparison &comparison);

} // namespace cwb
