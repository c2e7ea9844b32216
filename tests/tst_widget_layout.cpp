// Window size and page layouts: every page fits a 1280x800 window in English and German,
// the window has a minimum size, and below what a page needs it scrolls instead of squeezing
// widgets into each other or cutting button text.
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "mainwindow.h"
#include "optimise/keyscanpanel.h"
#include "pages/loadtestpage.h"
#include "pages/clusterpage.h"
#include "pages/optimisationpage.h"
#include "tableitems.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

namespace {

const MainWindow::Page kPages[] = {MainWindow::Page::LoadTest,     MainWindow::Page::Benchmarks,
                                   MainWindow::Page::Cluster,      MainWindow::Page::Optimisation,
                                   MainWindow::Page::Warming,      MainWindow::Page::Monitoring,
                                   MainWindow::Page::Results};

QString describe(const QWidget *w)
{
    QString text;
    if (const auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    else if (const auto *l = qobject_cast<const QLabel *>(w))
        text = l->text().left(30);
    return u"%1 '%2' (%3)"_s.arg(QString::fromLatin1(w->metaObject()->className()), text, w->objectName());
}

// Laid-out siblings must not overlap, and buttons must be as wide as their text needs.
void checkNoOverlapOrCutButtons(QWidget *page)
{
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisible() || !w->parentWidget() || !w->parentWidget()->layout())
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty())
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(describe(button) + u" is cut"_s));
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QLineEdit *>(w) && !qobject_cast<QLabel *>(w))
            continue;
        for (QWidget *other : w->parentWidget()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (other == w || !other->isVisible() || w->parentWidget()->layout()->indexOf(other) < 0
                || w->parentWidget()->layout()->indexOf(w) < 0)
                continue;
            if (!qobject_cast<QAbstractButton *>(other) && !qobject_cast<QLineEdit *>(other) && !qobject_cast<QLabel *>(other))
                continue;
            QVERIFY2(!w->geometry().intersects(other->geometry()),
                     qPrintable(describe(w) + u" overlaps "_s + describe(other)));
        }
    }
}

// Every visible column header of the page's tables and trees shows its whole text.
QStringList cutHeaders(QWidget *page)
{
    QStringList cut;
    for (QHeaderView *header : page->findChildren<QHeaderView *>()) {
        if (header->orientation() != Qt::Horizontal || !header->isVisible() || !header->model())
            continue;
        for (int section = 0; section < header->count(); ++section) {
            if (header->isSectionHidden(section))
                continue;
            const QString text = header->model()->headerData(section, Qt::Horizontal).toString();
            if (!text.isEmpty() && header->sectionSize(section) < header->sectionSizeHint(section))
                cut << u"%1 '%2' (%3 of %4 px)"_s.arg(header->parentWidget()->objectName(), text)
                           .arg(header->sectionSize(section)).arg(header->sectionSizeHint(section));
        }
    }
    return cut;
}

// Installs the translation of the data row's language ("en": none) for as long as it lives.
class Language
{
public:
    Language() : m_language(QTest::currentDataTag() == QByteArrayLiteral("German") ? u"de"_s : u"en"_s)
    {
        if (m_language != u"en"_s && m_translator.load(u":/i18n/cache-workbench_%1.qm"_s.arg(m_language)))
            QCoreApplication::installTranslator(&m_translator);
    }
    ~Language() { QCoreApplication::removeTranslator(&m_translator); }
    bool loaded() const { return m_language == u"en"_s || !m_translator.isEmpty(); }

private:
    QString m_language;
    QTranslator m_translator;
};

// The window at the size every page must fit, showing `page`.
bool showAt1280x800(MainWindow &w, MainWindow::Page page)
{
    w.resize(1280, 800);
    w.setCurrentPage(page);
    w.show();
    return QTest::qWaitForWindowExposed(&w);
}

void addLanguages()
{
    QTest::addColumn<QString>("language"); // Language reads the row's name
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("German") << u"de"_s;
}

} // namespace

class LayoutTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyPageFits1280x800_data();
    void everyPageFits1280x800();
    void smallWindowScrollsInsteadOfSqueezing();
    void chartsShareTheSpareHeight();
    void liveChartsWithAgentsFit1280x800_data() { addLanguages(); }
    void liveChartsWithAgentsFit1280x800();
    void keyScanColumnsShowHeadersAndValues_data() { addLanguages(); }
    void keyScanColumnsShowHeadersAndValues();
    void shardingSimulationFitsWithoutScrolling_data() { addLanguages(); }
    void shardingSimulationFitsWithoutScrolling();
};

void LayoutTest::initTestCase()
{
    // A settings file of its own, never the user's: widget test programs run in parallel.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench layout"));
    QSettings().clear();
}

void LayoutTest::everyPageFits1280x800_data()
{
    addLanguages();
}

void LayoutTest::everyPageFits1280x800()
{
    const Language translation;
    QVERIFY(translation.loaded());
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1280, 800)); // not widened by a page's minimum
        auto *scroll = w.findChild<QScrollArea *>(u"pageScroll"_s);
        QVERIFY(scroll);
        QStringList tooBig;
        QList<QPoint> titles; // every page's title at the same place: no page jumps
        for (MainWindow::Page p : kPages) {
            w.setCurrentPage(p);
            QApplication::processEvents();
            QWidget *page = w.page(p);
            if (auto *title = page->findChild<QLabel *>(u"pageTitle"_s))
                titles << title->mapTo(&w, QPoint(0, 0));
            const QSize need = page->minimumSizeHint();
            const QSize room = scroll->viewport()->size();
            if (need.width() > room.width() || need.height() > room.height())
                tooBig << u"%1 needs %2x%3, has %4x%5"_s.arg(page->objectName())
                              .arg(need.width()).arg(need.height()).arg(room.width()).arg(room.height());
            // What the user sees: no scroll bar (a page's wrapped text once made every page scroll).
            if (const int v = scroll->verticalScrollBar()->maximum(), h = scroll->horizontalScrollBar()->maximum(); v || h)
                tooBig << u"%1 scrolls by %2x%3 px"_s.arg(page->objectName()).arg(h).arg(v);
            checkNoOverlapOrCutButtons(page);
            // Every tab of the page, as a user clicks through them.
            QStringList cut = cutHeaders(page);
            for (QTabWidget *tabs : page->findChildren<QTabWidget *>()) {
                const int shown = tabs->currentIndex();
                for (int i = 0; i < tabs->count(); ++i) {
                    tabs->setCurrentIndex(i);
                    QApplication::processEvents();
                    cut << cutHeaders(tabs->currentWidget());
                    if (scroll->verticalScrollBar()->maximum() || scroll->horizontalScrollBar()->maximum())
                        tooBig << u"%1's tab '%2' scrolls"_s.arg(page->objectName(), tabs->tabText(i));
                }
                tabs->setCurrentIndex(shown);
            }
            cut.removeDuplicates();
            if (!cut.isEmpty())
                tooBig << page->objectName() + u" cuts "_s + cut.join(u", "_s);
        }
        QVERIFY2(tooBig.isEmpty(), qPrintable(tooBig.join(u"; "_s)));
        QCOMPARE(titles.size(), qsizetype(std::size(kPages)));
        for (const QPoint &at : titles)
            QCOMPARE(at, titles.first());
        const QSize all = w.pageStack()->minimumSizeHint(); // every page at once
        QVERIFY2(all.width() <= scroll->viewport()->width() && all.height() <= scroll->viewport()->height(),
                 qPrintable(u"the pages need %1x%2"_s.arg(all.width()).arg(all.height())));
    }
}

void LayoutTest::smallWindowScrollsInsteadOfSqueezing()
{
    MainWindow w;
    QVERIFY(w.minimumWidth() >= 640 && w.minimumHeight() >= 480);
    QVERIFY(w.minimumWidth() <= 1280 && w.minimumHeight() <= 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.resize(640, 480); // held at the minimum; the pages scroll inside
    QTRY_COMPARE(w.size(), w.minimumSize());
    for (MainWindow::Page p : kPages) {
        w.setCurrentPage(p);
        QApplication::processEvents();
        checkNoOverlapOrCutButtons(w.page(p));
    }
}

void LayoutTest::chartsShareTheSpareHeight()
{
    RunCharts charts;
    charts.resize(1100, 760);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    const int top = charts.latencyChart()->height();
    const int bottom = charts.operationsChart()->height();
    QVERIFY2(top >= charts.height() * 2 / 5, qPrintable(u"top row %1 of %2 px"_s.arg(top).arg(charts.height())));
    QVERIFY(qAbs(top - bottom) <= 20);
}

// A distributed run's live charts with "Per agent" on: the box beside the charts is whole and
// the charts keep their share of the height, in both languages.
void LayoutTest::liveChartsWithAgentsFit1280x800()
{
    const Language translation;
    QVERIFY(translation.loaded());
    MainWindow w;
    QVERIFY(showAt1280x800(w, MainWindow::Page::LoadTest));
    auto *page = qobject_cast<LoadTestPage *>(w.page(MainWindow::Page::LoadTest));
    QVERIFY(page);
    RunCharts *charts = page->charts();
    page->tabs()->setCurrentWidget(charts);
    RunSnapshot s;
    s.runId = u"layout-run"_s;
    for (int agent = 0; agent < 4; ++agent) {
        AgentSummary a;
        a.agent = u"generator-%1"_s.arg(agent + 1);
        s.agents.push_back(a);
        for (int t = 1; t <= 5; ++t) {
            AgentSecond second{agent, {}};
            second.second.t = t;
            second.second.ops = 1000 * uint64_t(agent + 1);
            second.second.p99Us = 500.0 * (agent + 1);
            s.newAgentSeconds.push_back(second);
        }
    }
    charts->appendAgentSeconds(s);
    charts->perAgentBox()->click();
    QApplication::processEvents();
    QVERIFY(charts->perAgentBox()->isVisible());
    checkNoOverlapOrCutButtons(charts);
    QVERIFY2(charts->latencyChart()->height() >= 200, qPrintable(u"%1 px"_s.arg(charts->latencyChart()->height())));
}

// The key-scan table at 1280x800: every column but the key shows its whole header and its widest
// value, and all of them fit beside a readable piece of the key without a horizontal scroll bar.
void LayoutTest::keyScanColumnsShowHeadersAndValues()
{
    const Language translation;
    QVERIFY(translation.loaded());
    MainWindow w;
    QVERIFY(showAt1280x800(w, MainWindow::Page::Optimisation));
    KeyScanPanel *panel = static_cast<OptimisationPage *>(w.page(MainWindow::Page::Optimisation))->keyScan();
    auto *tabs = qobject_cast<QTabWidget *>(panel->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(panel);
    QTableWidget *table = panel->table();
    // Rows as a scan fills them: the widest values a hot and a big key give.
    appendReadOnlyRow(table, {KeyScanPanel::tr("hot (LFU)"), u"session:user:1234567:profile:settings"_s, u"255"_s, u"100.0%"_s}, 2);
    appendReadOnlyRow(table, {KeyScanPanel::tr("big"), u"cache:page:/index.html"_s, u"1023.9 KiB"_s, u"99.9%"_s}, 2);
    QApplication::processEvents();
    QHeaderView *header = table->horizontalHeader();
    int used = 0;
    for (int column = 0; column < table->columnCount(); ++column) {
        const QString title = table->horizontalHeaderItem(column)->text();
        used += header->sectionSize(column);
        if (column == 1)
            continue; // the key: elided, its tool tip has it whole
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(u"'%1' is %2 px wide, its header needs %3"_s.arg(title).arg(header->sectionSize(column))
                                .arg(header->sectionSizeHint(column))));
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString text = table->item(row, column)->text();
            const int need = table->fontMetrics().horizontalAdvance(text);
            QVERIFY2(header->sectionSize(column) > need,
                     qPrintable(u"'%1' in '%2' needs %3 px, has %4"_s.arg(text, title).arg(need).arg(header->sectionSize(column))));
        }
    }
    QVERIFY2(header->sectionSize(1) >= table->fontMetrics().horizontalAdvance(u"session:user:1"_s),
             qPrintable(u"the key has %1 px"_s.arg(header->sectionSize(1))));
    QVERIFY2(used <= table->viewport()->width(), qPrintable(u"%1 px of columns in %2"_s.arg(used).arg(table->viewport()->width())));
}

// The sharding simulation at 1280x800 (its Chart/Table tab bar included): no scroll bar, and
// the "moved keys" sentence after adding a node is whole and inside the visible area.
void LayoutTest::shardingSimulationFitsWithoutScrolling()
{
    const Language translation;
    QVERIFY(translation.loaded());
    MainWindow w;
    QVERIFY(showAt1280x800(w, MainWindow::Page::Cluster));
    auto *page = static_cast<ClusterPage *>(w.page(MainWindow::Page::Cluster));
    page->tabs()->setCurrentIndex(1);
    QTest::mouseClick(page->addNodeButton(), Qt::LeftButton);
    QLabel *moved = page->movedLabel();
    QVERIFY2(moved->text().contains(u"7"_s), qPrintable(moved->text())); // node-7 was added
    QApplication::processEvents();
    auto *scroll = w.findChild<QScrollArea *>(u"pageScroll"_s);
    QVERIFY(scroll);
    QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    QVERIFY2(moved->height() >= moved->heightForWidth(moved->width()),
             qPrintable(u"'%1' has %2 px, needs %3"_s.arg(moved->text()).arg(moved->height())
                            .arg(moved->heightForWidth(moved->width()))));
    const QRect shown(moved->mapTo(scroll->viewport(), QPoint(0, 0)), moved->size());
    QVERIFY2(scroll->viewport()->rect().contains(shown), qPrintable(u"the label lies outside the view"_s));
    checkNoOverlapOrCutButtons(page);
}

QTEST_MAIN(LayoutTest)
#include "tst_widget_layout.moc"
