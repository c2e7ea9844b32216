#pragma once

#include "monitorsample.h"

#include <QByteArray>

#include <vector>

namespace cwb {

// Monitoring history as files. JSON: {"schema": "cache-workbench/monitoring", "version": 1,
// "samples": [{"timestampMs", "time", "target", "node", "values": {...}}]}. CSV: one row per
// sample, a column per metric (empty when the sample lacks it).
QByteArray monitorSamplesToJson(const std::vector<MonitorSample> &samples);
QByteArray monitorSamplesToCsv(const std::vector<MonitorSample> &samples);

// Prometheus text exposition format (0.0.4) in base units: ratios 0..1, bytes, seconds.
// Families are grouped with # HELP and # TYPE; labels target and node. With timestamps, every
// sample is written with its time (ms), for history exports; without, for /metrics, only
// the newest sample of each series counts.
QByteArray monitorSamplesToPrometheus(const std::vector<MonitorSample> &samples, bool withTimestamps);

// The Prometheus family name and the factor from our unit to its base unit; nullopt for a
// metric with no Prometheus form.
struct PrometheusMetric
{
    QByteArray name;
    double scale = 1;
};
std::optional<PrometheusMetric> prometheusMetric(const QString &metricName);

} // namespace cwb
