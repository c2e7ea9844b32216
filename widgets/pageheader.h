#pragma once

#include <QWidget>

class QLabel;

namespace cwb {

// The title and one-line description at the top of every page, so all pages start alike.
class PageHeader : public QWidget
{
    Q_OBJECT
public:
    PageHeader(const QString &title, const QString &description, QWidget *parent = nullptr);

    QString title() const;
    QString description() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();

    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
};

} // namespace cwb
