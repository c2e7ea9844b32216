#pragma once

#include <QString>

namespace cwb {

// Hidden command-line modes of the GUI binary, driving the real main window.

// --screenshot-tour DIR: starts a sandbox Redis, runs two short load tests through the Load
// Test page, and saves a PNG of every page (with real data) into DIR. Returns an exit code.
int runScreenshotTour(const QString &dir);

// --measure-performance: event-loop delay during live runs, chart redraw time with an hour of
// data, printed as Markdown table rows. startupMs is the time from process start to the
// first exposed main window, measured by main(). Returns an exit code.
int runPerformanceProbe(double startupMs);

// Milliseconds since this process was started by the kernel (from /proc); -1 if unknown.
double msSinceProcessStart();

} // namespace cwb
