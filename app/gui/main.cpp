#include "mainwindow.h"
#include "themedicon.h"
#include "translation.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CacheWorkbench"));
    QCoreApplication::setApplicationName(QStringLiteral("Cache Workbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CWB_VERSION));
    // Matches the .desktop file, so the shell pairs the window with its launcher and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("cache-workbench"));
    QApplication::setWindowIcon(cwb::applicationIcon());

    // Before any widget exists: every tr() call in constructors must see the translator.
    cwb::installTranslations(app, cwb::languageSetting());

    cwb::MainWindow window;
    window.show();
    return app.exec();
}
