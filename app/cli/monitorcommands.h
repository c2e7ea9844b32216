#pragma once

#include <QStringList>

namespace cwb::cli {

// `monitor`: headless monitoring of a target: live rows on the terminal, alert rules fired
// through the configured channels, history written as table, JSON, CSV or Prometheus text.
int monitorCommand(const QStringList &args);

} // namespace cwb::cli
