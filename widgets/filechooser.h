#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace cwb {

// File and confirmation dialogs go through these functions so tests (and the screenshot
// tour) can answer them without a modal dialog blocking the event loop. By default they
// show the standard Qt dialogs.
using FileChooser = std::function<QString(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                          const QString &filter)>;
using Confirmer = std::function<bool(QWidget *parent, const QString &title, const QString &text)>;

// Returns the chosen path, or an empty string when the user cancelled.
QString chooseSaveFile(QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter);
QString chooseOpenFile(QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter);
bool confirmAction(QWidget *parent, const QString &title, const QString &text);

// Replace the dialogs; an empty function restores the standard one.
void setSaveFileChooser(FileChooser chooser);
void setOpenFileChooser(FileChooser chooser);
void setConfirmer(Confirmer confirmer);

} // namespace cwb
