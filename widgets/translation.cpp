#include "translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace cwb {

namespace {
const auto kLanguageKey = QLatin1String("ui/language");
} // namespace

QString languageSetting()
{
    const QString value = QSettings().value(kLanguageKey, QStringLiteral("system")).toString();
    return value == QLatin1String("system") || availableLanguages().contains(value) ? value : QStringLiteral("system");
}

void setLanguageSetting(const QString &language)
{
    QSettings().setValue(kLanguageKey, language);
}

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    QString code = language;
    if (code.isEmpty() || code == QLatin1String("system")) {
        code = QStringLiteral("en");
        // uiLanguages() is ordered by the user's preference ("de-AT", "de", "en-US", ...).
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString base = ui.section(u'-', 0, 0).toLower();
            if (availableLanguages().contains(base)) {
                code = base;
                break;
            }
        }
    }
    if (!availableLanguages().contains(code))
        code = QStringLiteral("en");

    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/cache-workbench_") + code + QStringLiteral(".qm")))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;

    // Standard buttons and dialogs (OK, Cancel, file dialogs) come from Qt's own catalogue,
    // when the distribution's translation package is installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    return code;
}

} // namespace cwb
