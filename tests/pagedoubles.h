#pragma once

// Test doubles for what a page gets through its constructor (widgets/pagecontext.h): a target
// the test sets by hand, a message sink that keeps what it was told, and a job launcher that
// records what it started (or refuses to start anything).

#include "jobs/joblauncher.h"
#include "messagesink.h"
#include "pagecontext.h"
#include "targetsource.h"

#include <QList>
#include <QString>

namespace cwb::test {

class RecordingMessageSink : public MessageSink
{
public:
    struct Message
    {
        MessageType type;
        QString text;
        QString details;
    };
    void post(MessageType type, const QString &text, const QString &details = {}) override
    {
        messages.append({type, text, details});
        MessageSink::post(type, text, details);
    }
    QList<Message> messages;
};

class RecordingLauncher : public jobs::JobLauncher
{
public:
    bool launch(jobs::JobBase *job) override
    {
        launched.append(job->name());
        return refuse ? false : jobs::JobLauncher::launch(job);
    }
    QStringList launched;
    bool refuse = false;
};

struct PageDoubles
{
    TargetSource target;
    RecordingMessageSink messages;
    RecordingLauncher launcher;

    PageContext context(AsyncResultStore *store = nullptr)
    {
        return {&target, store, &messages, &launcher};
    }
};

} // namespace cwb::test
