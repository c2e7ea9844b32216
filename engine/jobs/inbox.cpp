#include "inbox.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QThread>

#include <condition_variable>

namespace cwb::jobs {

Inbox::Inbox(QObject *parent) : QObject(parent) {}

Inbox::~Inbox() = default;

void Inbox::post(std::function<void()> task)
{
    {
        const std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    QCoreApplication::postEvent(this, new QEvent(QEvent::User));
}

void Inbox::postAndWait(std::function<void()> task)
{
    Q_ASSERT(QThread::currentThread() != thread());
    std::mutex mutex;
    std::condition_variable ran;
    bool done = false;
    post([&] {
        task();
        const std::lock_guard lock(mutex);
        done = true;
        ran.notify_all();
    });
    std::unique_lock lock(mutex);
    ran.wait(lock, [&] { return done; });
}

void Inbox::customEvent(QEvent *)
{
    // One event per post, but each takes whatever is queued: later events may find nothing.
    std::deque<std::function<void()>> tasks;
    {
        const std::lock_guard lock(m_mutex);
        tasks.swap(m_tasks);
    }
    // A task may delete this inbox (a receiver deletes the job that owns it): stop there.
    const QPointer<Inbox> alive(this);
    for (const auto &task : tasks) {
        task();
        if (!alive)
            return;
    }
}

} // namespace cwb::jobs
