#pragma once

#include <QObject>
#include <QString>

namespace cwb {

enum class MessageType { Information, Warning, Error };

// Where a page says something to the user (a failed save, a refused start). Pages get one
// through their constructor and never reach for the window's message bar: the main window
// gives each page a sink of its own, so a message belongs to the page that raised it, and a
// test passes one it can read back.
class MessageSink : public QObject
{
    Q_OBJECT
public:
    explicit MessageSink(QObject *parent = nullptr) : QObject(parent) {}

    virtual void post(MessageType type, const QString &text, const QString &details = {})
    {
        Q_EMIT posted(type, text, details);
    }

Q_SIGNALS:
    void posted(cwb::MessageType type, const QString &text, const QString &details);
};

} // namespace cwb
