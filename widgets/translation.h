#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cwb {

// The user's language choice as stored in the settings: "system", "en" or "de".
QString languageSetting();
void setLanguageSetting(const QString &language);
// Languages we ship a translation for, as codes ("en", "de").
QStringList availableLanguages();

// Resolves "system" to a shipped language (English when the system's is not shipped) and
// installs our translator, plus Qt's own for standard dialogs when it is installed.
// Returns the language code now in effect. Call once, before creating any widget.
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace cwb
