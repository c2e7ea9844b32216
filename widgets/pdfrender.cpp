#include "pdfrender.h"

#include "charts/reportchart.h"
#include "store/svgplot.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QTextTable>

#include <cmath>
#include <cstdio>
#include <vector>

namespace cwb {

namespace {

// Layout units are 96-dpi pixels, the unit of the report's CSS; the painter scales them to the
// PDF's resolution.
constexpr double kLayoutDpi = 96;
constexpr double kMarginMm = 18;
constexpr double kFooterPx = 28; // room under the text for "page n of m"
constexpr double kChartHeightPx = 250;
constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;

QString marker(size_t index)
{
    return QStringLiteral("cwb-chart-%1-here").arg(index);
}

// Draws the report's charts where the HTML had its <svg> elements.
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    ChartObject(std::vector<QPicture> charts, QSizeF size) : m_charts(std::move(charts)), m_size(size) {}

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &) override { return m_size; }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format) override
    {
        const size_t index = size_t(format.intProperty(kChartIndex));
        if (index >= m_charts.size())
            return;
        // The picture replaces the clip with its own, so the page's clip cannot keep a chart
        // that belongs to the next page out of this one's margin: skip it here.
        if (painter->hasClipping() && !painter->clipBoundingRect().contains(rect.center()))
            return;
        const QPicture &picture = m_charts[index];
        painter->save();
        painter->translate(rect.topLeft());
        // QPicture scales itself from its own resolution to the device's; the painter already
        // maps layout pixels to the device, so undo the picture's own scaling.
        if (const QPaintDevice *device = painter->device())
            painter->scale(double(picture.logicalDpiX()) / device->logicalDpiX(),
                           double(picture.logicalDpiY()) / device->logicalDpiY());
        painter->drawPicture(0, 0, picture);
        painter->restore();
    }

private:
    std::vector<QPicture> m_charts;
    QSizeF m_size;
};

QString xmlUnescape(QString text)
{
    return text.replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

// Takes the <svg> charts out of the HTML, leaving a marker paragraph for each; returns the
// charts' data (from their data-chart attribute) in order.
std::vector<SvgChart> takeCharts(QString &html)
{
    static const QRegularExpression svg(QStringLiteral("<svg\\b[^>]*?data-chart=\"([^\"]*)\".*?</svg>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression anySvg(QStringLiteral("<svg\\b.*?</svg>"), QRegularExpression::DotMatchesEverythingOption);
    std::vector<SvgChart> charts;
    QString out;
    qsizetype last = 0;
    auto it = svg.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const auto chart = svgChartFromJson(xmlUnescape(m.captured(1)).toUtf8());
        if (!chart)
            continue;
        out += QStringLiteral("<p>%1</p>").arg(marker(charts.size()));
        charts.push_back(*chart);
    }
    out += QStringView(html).mid(last);
    // A report from an older version has charts without data: they are left out, not faked.
    html = out.remove(anySvg);
    return charts;
}

// Replaces each marker paragraph by the chart object.
void placeCharts(QTextDocument &doc, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        QTextCursor at = doc.find(marker(i));
        if (at.isNull())
            continue;
        QTextCharFormat format;
        format.setObjectType(kChartObject);
        format.setProperty(kChartIndex, int(i));
        at.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
}

// Tables with a header row repeat it on every page they span; a table that fits on a page
// starts on a new page rather than being cut, and takes its heading with it.
void keepTablesWhole(QTextDocument &doc, const QList<bool> &hasHeader)
{
    const double pageHeight = doc.pageSize().height();
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    int index = 0;
    for (QTextFrame *frame : doc.rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        QTextTableFormat format = table->format();
        if (hasHeader.value(index++)) {
            format.setHeaderRowCount(1);
            table->setFormat(format);
        }
        const QRectF box = layout->frameBoundingRect(table);
        const int firstPage = int(box.top() / pageHeight);
        const int lastPage = int((box.bottom() - 1) / pageHeight);
        if (firstPage == lastPage || box.height() >= pageHeight * 0.9)
            continue;
        QTextBlock before = doc.findBlock(table->firstPosition() - 1);
        if (before.isValid() && before.blockFormat().headingLevel() > 0) {
            QTextCursor cursor(before);
            QTextBlockFormat heading = before.blockFormat();
            heading.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.setBlockFormat(heading);
        } else {
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            table->setFormat(format);
        }
    }
}

QList<bool> tablesWithHeader(const QString &html)
{
    static const QRegularExpression table(QStringLiteral("<table\\b[^>]*>\\s*<tr>\\s*(<th\\b)?"));
    QList<bool> out;
    auto it = table.globalMatch(html);
    while (it.hasNext())
        out << it.next().hasCaptured(1);
    return out;
}

QString widenTables(const QString &html, const QList<bool> &hasHeader)
{
    QString out;
    qsizetype last = 0;
    int index = 0;
    for (qsizetype at = html.indexOf(QLatin1String("<table>")); at >= 0; at = html.indexOf(QLatin1String("<table>"), last)) {
        out += QStringView(html).mid(last, at - last);
        out += hasHeader.value(index++) ? QLatin1String("<table width=\"100%\">") : QLatin1String("<table width=\"70%\">");
        last = at + 7;
    }
    return out + QStringView(html).mid(last);
}

void drawFooter(QPainter &painter, const QSizeF &page, int number, int count, const QString &title)
{
    painter.save();
    QFont font = painter.font();
    font.setPixelSize(10);
    painter.setFont(font);
    painter.setPen(QColor(0x66, 0x66, 0x66));
    const QRectF line(0, page.height() + kFooterPx - 14, page.width(), 14);
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(number).arg(count));
    painter.restore();
}

} // namespace

QPageLayout reportPageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                       QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
}

ReportLayout::ReportLayout(const QByteArray &html) : m_document(std::make_unique<QTextDocument>())
{
    QString text = QString::fromUtf8(html);
    const std::vector<SvgChart> charts = takeCharts(text);
    m_chartCount = int(charts.size());
    static const QRegularExpression titleRe(QStringLiteral("<title>(.*?)</title>"));
    m_title = xmlUnescape(titleRe.match(text).captured(1));

    const QRectF area = reportPageLayout().paintRectPixels(int(kLayoutDpi));
    m_pageSize = QSizeF(area.width(), area.height() - kFooterPx);

    QTextDocument &doc = *m_document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(13);
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setDefaultStyleSheet(QStringLiteral("td,th{padding:3px 6px}"));
    // Tables of figures across the page, key/value tables narrower.
    const QList<bool> headers = tablesWithHeader(text);
    text = widenTables(text, headers);
    std::vector<QPicture> pictures;
    const QSize chartSize(int(m_pageSize.width()), int(kChartHeightPx));
    for (const SvgChart &chart : charts)
        pictures.push_back(drawReportChart(chart, chartSize));
    auto *handler = new ChartObject(std::move(pictures), QSizeF(chartSize));
    handler->setParent(&doc);
    doc.documentLayout()->registerHandler(kChartObject, handler);
    // The report's screen CSS caps the width for a browser; here the page decides.
    text.replace(QStringLiteral("max-width:1000px"), QString());
    doc.setHtml(text);
    doc.setPageSize(m_pageSize);
    placeCharts(doc, charts.size());
    keepTablesWhole(doc, headers);
}

ReportLayout::~ReportLayout() = default;

int ReportLayout::pageCount() const
{
    return m_document->pageCount();
}

void ReportLayout::paintPage(QPainter &painter, int page) const
{
    painter.save();
    painter.translate(0, -page * m_pageSize.height());
    m_document->drawContents(&painter, QRectF(QPointF(0, page * m_pageSize.height()), m_pageSize));
    painter.restore();
    drawFooter(painter, m_pageSize, page + 1, pageCount(), m_title);
}

bool renderHtmlReportToPdf(const QByteArray &html, const QString &pdfPath, QString *error)
{
    const ReportLayout report(html);
    QPdfWriter writer(pdfPath);
    writer.setPageLayout(reportPageLayout());
    writer.setResolution(300);
    writer.setTitle(report.title().isEmpty() ? QStringLiteral("Cache Workbench report") : report.title());
    writer.setCreator(QStringLiteral("Cache Workbench"));

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(pdfPath);
        return false;
    }
    // Layout units are 96-dpi pixels; the painter scales them to the PDF's resolution.
    const double toDevice = writer.resolution() / kLayoutDpi;
    painter.scale(toDevice, toDevice);
    for (int i = 0; i < report.pageCount(); ++i) {
        if (i > 0)
            writer.newPage();
        report.paintPage(painter, i);
    }
    painter.end();
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

#include "pdfrender.moc"
