#include "pdfrender.h"

#include <QFile>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

#include <cstdio>

namespace cwb {

bool renderHtmlReportToPdf(const QByteArray &html, const QString &pdfPath, QString *error)
{
    QString text = QString::fromUtf8(html);
    static const QRegularExpression svg(QStringLiteral("<svg\\b.*?</svg>"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression title(QStringLiteral("<title>(.*?)</title>"));
    // Keep each chart's title so the reader knows what is in the HTML version.
    QString out;
    qsizetype last = 0;
    auto it = svg.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = title.match(m.captured()).captured(1);
        out += QStringLiteral("<p><i>[Chart: %1 — see the HTML report]</i></p>").arg(name);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);

    QPdfWriter writer(pdfPath);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Cache Workbench report"));
    writer.setCreator(QStringLiteral("Cache Workbench"));
    QTextDocument doc;
    doc.setHtml(out);
    doc.setPageSize(QSizeF(writer.width(), writer.height()));
    doc.print(&writer);
    if (!QFile::exists(pdfPath) || QFile(pdfPath).size() == 0) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(pdfPath);
        return false;
    }
    return true;
}

int renderPdfCommand(const QStringList &args)
{
    if (args.size() != 2) {
        std::fprintf(stderr, "cache-workbench: usage: --render-pdf IN.html OUT.pdf\n");
        return 2;
    }
    QFile in(args.at(0));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cache-workbench: cannot read %s: %s\n", qPrintable(args.at(0)), qPrintable(in.errorString()));
        return 1;
    }
    QString error;
    if (!renderHtmlReportToPdf(in.readAll(), args.at(1), &error)) {
        std::fprintf(stderr, "cache-workbench: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace cwb
