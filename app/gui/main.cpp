#include "guitools.h"
#include "mainwindow.h"
#include "pdfrender.h"
#include "themedicon.h"
#include "translation.h"

#include <QApplication>
#include <QTimer>
#include <QWindow>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CWB_VERSION));
    // Matches the .desktop file, so the shell pairs the window with its launcher and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("cache-workbench"));
    QApplication::setWindowIcon(cwb::applicationIcon());

    // Hidden modes for scripts/screenshots.sh and the performance figures (docs/PERFORMANCE.md).
    const QStringList args = QCoreApplication::arguments();
    // Headless PDF for `cache-workbench-cli report --format pdf` (the CLI must not link QtGui).
    if (const qsizetype pdf = args.indexOf(QStringLiteral("--render-pdf")); pdf >= 0)
        return cwb::renderPdfCommand(args.mid(pdf + 1));
    const qsizetype tour = args.indexOf(QStringLiteral("--screenshot-tour"));
    const bool measure = args.contains(QStringLiteral("--measure-performance"));
    // Screenshots and figures are in English, whatever the machine's language.
    cwb::installTranslations(app, tour >= 0 || measure ? QStringLiteral("en") : cwb::languageSetting());
    if (tour >= 0)
        return cwb::runScreenshotTour(args.value(tour + 1, QStringLiteral("docs/screenshots")));

    cwb::MainWindow window;
    window.show();
    if (measure) {
        // The probe closes this window and opens its own: closing the last window must not
        // quit the application (every later event loop would return at once).
        QApplication::setQuitOnLastWindowClosed(false);
        // Time to the first frame: the window is exposed once the event loop has painted it.
        double startupMs = -1;
        QTimer::singleShot(0, &window, [&] {
            while (!window.windowHandle() || !window.windowHandle()->isExposed())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            startupMs = cwb::msSinceProcessStart();
            window.close();
            QTimer::singleShot(0, &app, [&] { app.exit(cwb::runPerformanceProbe(startupMs)); });
        });
    }
    return app.exec();
}
