#include "filechooser.h"

#include <QFileDialog>
#include <QMessageBox>

namespace cwb {

namespace {

FileChooser &saveChooser()
{
    static FileChooser chooser;
    return chooser;
}

FileChooser &openChooser()
{
    static FileChooser chooser;
    return chooser;
}

Confirmer &confirmer()
{
    static Confirmer c;
    return c;
}

} // namespace

QString chooseSaveFile(QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter)
{
    if (saveChooser())
        return saveChooser()(parent, caption, suggestedPath, filter);
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString chooseOpenFile(QWidget *parent, const QString &caption, const QString &suggestedPath, const QString &filter)
{
    if (openChooser())
        return openChooser()(parent, caption, suggestedPath, filter);
    return QFileDialog::getOpenFileName(parent, caption, suggestedPath, filter);
}

bool confirmAction(QWidget *parent, const QString &title, const QString &text)
{
    if (confirmer())
        return confirmer()(parent, title, text);
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void setSaveFileChooser(FileChooser chooser)
{
    saveChooser() = std::move(chooser);
}

void setOpenFileChooser(FileChooser chooser)
{
    openChooser() = std::move(chooser);
}

void setConfirmer(Confirmer c)
{
    confirmer() = std::move(c);
}

} // namespace cwb
