#pragma once

// A run in the Prometheus text exposition format (version 0.0.4), accepted by
// `promtool check metrics`. Metric families (all with labels run_id, test, target):
//   cwb_run_operations_total{op}          counter   operations by op type (failed included)
//   cwb_run_errors_total{op,kind}          counter   failed operations by op type and error kind
//   cwb_run_hits_total / cwb_run_misses_total{op}  counter
//   cwb_run_latency_seconds{op,quantile}   summary   quantiles 0.5 0.95 0.99 0.999 + _sum + _count
//                                                     (op="all" = merged histograms)
//   cwb_run_throughput_ops                 gauge     successful ops/s over the measured window
//   cwb_run_error_ratio, cwb_run_hit_ratio gauge     0..1 (hit ratio only when reads ran)
//   cwb_run_measured_seconds               gauge
//   cwb_run_server_used_memory_bytes{phase="before"|"after"|"peak"} gauge (when measured)
//   cwb_run_client_cpu_seconds_total{mode="user"|"system"} counter
//   cwb_run_info{status,source,...} gauge 1
// Imported runs export what their source measured (quantiles from sourceMetrics).

#include "resultstore.h"

#include <QByteArray>

namespace cwb {

QByteArray runToPrometheus(const StoredRun &run);
QByteArray runToPrometheus(const RunResult &result);
// A label value escaped per the format: backslash, double quote and line feed.
QByteArray prometheusLabelValue(const QString &value);

} // namespace cwb
