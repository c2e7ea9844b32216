#pragma once

// PDF from a workbench HTML report (store/htmlreport.h), with Qt's printing support. Lives in
// the widgets library because it needs QtGui; the CLI reaches it through the GUI binary's
// headless `--render-pdf IN.html OUT.pdf` mode (QT_QPA_PLATFORM=offscreen).

#include <QByteArray>
#include <QPageLayout>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <memory>

class QPainter;
class QTextDocument;

namespace cwb {

// A4 portrait with 18 mm margins.
QPageLayout reportPageLayout();

// A report laid out on pages: the text flow in 96-dpi pixels with the charts in it. Public so
// tests can check the layout without reading a PDF back.
class ReportLayout
{
public:
    explicit ReportLayout(const QByteArray &html);
    ~ReportLayout();

    const QTextDocument &document() const { return *m_document; }
    QSizeF pageSize() const { return m_pageSize; } // the text area, footer excluded
    int pageCount() const;
    int chartCount() const { return m_chartCount; }
    QString title() const { return m_title; }
    // Paints page `page` (from 0) and its footer at the painter's origin, in layout units.
    void paintPage(QPainter &painter, int page) const;

private:
    std::unique_ptr<QTextDocument> m_document;
    QSizeF m_pageSize;
    QString m_title;
    int m_chartCount = 0;
};

// Laid out for A4: margins, readable type, page numbers, tables kept whole where they fit on a
// page (header rows repeat where they do not). Each chart is redrawn from the data its <svg>
// carries (svgplot.h) by the workbench's chart classes, as vectors. Returns false with *error
// set on failure.
bool renderHtmlReportToPdf(const QByteArray &html, const QString &pdfPath, QString *error = nullptr);

// The `--render-pdf IN OUT` mode: returns the process exit code (0 ok, 1 failure, 2 bad args).
int renderPdfCommand(const QStringList &args);

} // namespace cwb
