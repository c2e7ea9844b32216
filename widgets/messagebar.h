#pragma once

#include "messagesink.h"

#include <QFrame>
#include <QString>

class QLabel;
class QToolButton;

namespace cwb {

// An inline, dismissable banner above the page content, for errors and notices that must not
// block the user (never a modal dialog for a failed connect). An optional "Details" button
// expands longer text, such as a server's full error reply. Colours derive from the current
// palette, so the banner reads well in light and dark themes.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    using Type = MessageType;

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows (or replaces) the message. Empty details hide the "Details" button.
    void showMessage(Type type, const QString &text, const QString &details = {});
    Type type() const { return m_type; }
    QString text() const;
    QString details() const;
    bool detailsExpanded() const;

public Q_SLOTS:
    void dismiss();

Q_SIGNALS:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Type m_type = Type::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    QLabel *m_details = nullptr;
    bool m_applyingColours = false;
};

} // namespace cwb
