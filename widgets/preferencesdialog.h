#pragma once

#include <QDialog>

class QComboBox;

namespace cwb {

// Application preferences. For now: the interface language, applied on the next start
// (retranslating every live widget is not worth its complexity for a setting changed once).
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // "system", "en" or "de".
    QString language() const;
    void setLanguage(const QString &language);

private:
    QComboBox *m_language = nullptr;
};

} // namespace cwb
