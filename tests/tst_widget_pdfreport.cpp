// The PDF report: laid out for A4 with the charts drawn in, checked on the layout and, as a
// reader would, on the rendered pages.
#include "load/loadrun.h"
#include "pdfrender.h"
#include "store/htmlreport.h"
#include "store/svgplot.h"
#include "testsupport.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

// Share of non-white pixels in `area` of `image`.
double inkShare(const QImage &image, const QRect &area)
{
    qint64 ink = 0, all = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            ++all;
            if (qGray(image.pixel(x, y)) < 200)
                ++ink;
        }
    }
    return all ? double(ink) / double(all) : 0;
}

} // namespace

class PdfReportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chartDataTravelsInTheSvg();
    void layoutFillsA4WithCharts();
    void tablesAreNotCut();
    void pagesReadLikeAReport();

private:
    StoredRun m_run;
    QTemporaryDir m_dir;
};

void PdfReportTest::initTestCase()
{
    SandboxRedis redis;
    CWB_START_SANDBOX(redis);
    LoadTestConfig config;
    config.testName = u"pdf report"_s;
    config.durationSec = 3;
    config.concurrentUsers = 2;
    config.threads = 1;
    config.requestsPerSecond = 0;
    config.keySpace = 500;
    config.target = redis.endpoint().displayUri();
    LoadRun run(config, redis.endpoint());
    m_run.result = run.execute();
    QVERIFY2(m_run.result.status == RunStatus::Completed, qPrintable(m_run.result.failureReason));
    QVERIFY(m_run.result.series.size() >= 2);
}

void PdfReportTest::chartDataTravelsInTheSvg()
{
    SvgChart chart;
    chart.title = u"Latency <per> \"second\""_s;
    chart.logY = true;
    chart.series.push_back({u"p99"_s, u"#ff7f0e"_s, {1, 2, 3}, {10, std::nan(""), 30}});
    const auto back = svgChartFromJson(svgChartJson(chart));
    QVERIFY(back);
    QCOMPARE(back->title, chart.title);
    QVERIFY(back->logY);
    QCOMPARE(back->series.size(), size_t(1));
    QCOMPARE(back->series[0].y[0], 10.0);
    QVERIFY(std::isnan(back->series[0].y[1])); // a gap stays a gap
    QVERIFY(renderSvgChart(chart).contains("data-chart=\""));
}

void PdfReportTest::layoutFillsA4WithCharts()
{
    const QByteArray html = runReportHtml(m_run);
    const ReportLayout report(html);
    // Three charts in the HTML, three drawn charts in the layout, no placeholder text.
    QCOMPARE(report.chartCount(), 3);
    const QString text = report.document().toPlainText();
    QVERIFY(!text.contains(u"see the HTML report"_s));
    QVERIFY(!text.contains(u"cwb-chart-"_s));
    QCOMPARE(text.count(QChar::ObjectReplacementCharacter), 3);
    // The text area is A4 less the margins, in 96-dpi pixels (210 mm - 2 x 18 mm = 174 mm).
    QVERIFY(qAbs(report.pageSize().width() - 174 / 25.4 * 96) < 2);
    QVERIFY(report.document().defaultFont().pixelSize() >= 12);
}

void PdfReportTest::tablesAreNotCut()
{
    // A suite of several runs makes a report of several pages with many tables.
    std::vector<StoredRun> runs(4, m_run);
    SuiteRow suite;
    suite.suiteId = u"s1"_s;
    suite.name = u"nightly"_s;
    const ReportLayout report(suiteReportHtml(suite, runs));
    QVERIFY(report.pageCount() >= 3);
    const double page = report.pageSize().height();
    int tables = 0;
    for (QTextFrame *frame : report.document().rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table)
            continue;
        ++tables;
        const QRectF box = report.document().documentLayout()->frameBoundingRect(table);
        QVERIFY2(int(box.top() / page) == int((box.bottom() - 1) / page),
                 qPrintable(u"table %1 (%2 px high) is cut by a page break"_s.arg(tables).arg(box.height())));
    }
    QVERIFY(tables >= 9);
}

void PdfReportTest::pagesReadLikeAReport()
{
    const QString pdf = m_dir.filePath(u"run.pdf"_s);
    QString error;
    QVERIFY2(renderHtmlReportToPdf(runReportHtml(m_run), pdf, &error), qPrintable(error));
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftoppm.isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed");
    cwb::test::Child p;
    QVERIFY2(p.start(pdftoppm, {u"-r"_s, u"50"_s, u"-png"_s, pdf, m_dir.filePath(u"page"_s)}), qPrintable(p.errorString()));
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QImage first(m_dir.filePath(u"page-1.png"_s));
    QVERIFY(!first.isNull());
    // Not a small block in the top-left corner: the right half of the text area carries ink
    // (table cells and chart lines), and the lower half of the first page is used.
    const int w = first.width(), h = first.height();
    QVERIFY2(inkShare(first, QRect(w / 2, h / 10, w / 2 - w / 10, h * 8 / 10)) > 0.01, "right half empty");
    QVERIFY2(inkShare(first, QRect(w / 10, h / 2, w * 8 / 10, h * 4 / 10)) > 0.01, "lower half empty");
}

QTEST_MAIN(PdfReportTest)
#include "tst_widget_pdfreport.moc"
