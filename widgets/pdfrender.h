#pragma once

// PDF from a workbench HTML report (store/htmlreport.h), with Qt's printing support. Lives in
// the widgets library because it needs QtGui; the CLI reaches it through the GUI binary's
// headless `--render-pdf IN.html OUT.pdf` mode (QT_QPA_PLATFORM=offscreen).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cwb {

// QTextDocument cannot draw inline SVG: charts are replaced by a note pointing to the HTML
// report; tables and text are kept. Returns false with *error set on failure.
bool renderHtmlReportToPdf(const QByteArray &html, const QString &pdfPath, QString *error = nullptr);

// The `--render-pdf IN OUT` mode: returns the process exit code (0 ok, 1 failure, 2 bad args).
int renderPdfCommand(const QStringList &args);

} // namespace cwb
