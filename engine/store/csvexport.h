#pragma once

#include "load/runresult.h"

#include <QByteArray>
#include <QStringList>

namespace cwb {

// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF.
QByteArray csvField(const QString &value);
QByteArray csvRow(const QStringList &fields); // ends with CRLF

// The run's per-second series: a header row, then one row per second.
QByteArray runSeriesToCsv(const RunResult &result);
// One row per operation type and a "total" row: counts, throughput and percentiles; a cluster
// run adds one row per node ("node 127.0.0.1:30001").
QByteArray runSummaryToCsv(const RunResult &result);

} // namespace cwb
