// Window size and page layouts: every page fits a 1280x800 window in English and German,
// the window has a minimum size, and below what a page needs it scrolls instead of squeezing
// widgets into each other or cutting button text.
#include "charts/runcharts.h"
#include "charts/serieschart.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
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
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("German") << u"de"_s;
}

void LayoutTest::everyPageFits1280x800()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (language != u"en"_s) {
        QVERIFY(translator.load(u":/i18n/cache-workbench_%1.qm"_s.arg(language)));
        QCoreApplication::installTranslator(&translator);
    }
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), QSize(1280, 800)); // not widened by a page's minimum
        auto *scroll = w.findChild<QScrollArea *>(u"pageScroll"_s);
        QVERIFY(scroll);
        QStringList tooBig;
        for (MainWindow::Page p : kPages) {
            w.setCurrentPage(p);
            QApplication::processEvents();
            QWidget *page = w.page(p);
            const QSize need = page->minimumSizeHint();
            const QSize room = scroll->viewport()->size();
            if (need.width() > room.width() || need.height() > room.height())
                tooBig << u"%1 needs %2x%3, has %4x%5"_s.arg(page->objectName())
                              .arg(need.width()).arg(need.height()).arg(room.width()).arg(room.height());
            checkNoOverlapOrCutButtons(page);
        }
        QVERIFY2(tooBig.isEmpty(), qPrintable(tooBig.join(u"; "_s)));
        const QSize all = scroll->widget()->minimumSizeHint();
        QVERIFY2(all.width() <= scroll->viewport()->width() && all.height() <= scroll->viewport()->height(),
                 qPrintable(u"the pages need %1x%2"_s.arg(all.width()).arg(all.height())));
    }
    QCoreApplication::removeTranslator(&translator);
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

QTEST_MAIN(LayoutTest)
#include "tst_widget_layout.moc"
