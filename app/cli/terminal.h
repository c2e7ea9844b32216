#pragma once

#include <QString>

namespace cwb::cli {

// stdout carries results (tables, JSON); stderr carries errors and the progress line.
void printOut(const QString &text);
void printError(const QString &message); // "cache-workbench-cli: <message>"
bool stderrIsTerminal();
// Rewrites the current stderr line (progress). Does nothing when stderr is not a terminal.
void printProgress(const QString &line);
void endProgress();

} // namespace cwb::cli
