#pragma once

#include <QObject>

#include <deque>
#include <functional>
#include <mutex>

namespace cwb::jobs {

// Runs functions in the thread of the object it belongs to, posted from any thread, in the order
// they were posted. Instead of a queued call (QMetaObject::invokeMethod), whose slot object Qt
// reference-counts in code ThreadSanitizer cannot see into (Qt is not instrumented), so that
// handing values over that way shows up as races: here the functions travel through a deque
// under a std::mutex, which orders the poster's writes before the runner's reads visibly, and a
// bare event of which nothing is read only says "look". The jobs' deliveries and the result
// store's worker go through one.
class Inbox : public QObject
{
public:
    explicit Inbox(QObject *parent = nullptr);
    ~Inbox() override; // tasks still queued are dropped unrun

    // Thread-safe. `task` runs later in this object's thread.
    void post(std::function<void()> task);
    // From another thread only: posts `task` and waits until it has run.
    void postAndWait(std::function<void()> task);

protected:
    void customEvent(QEvent *event) override;

private:
    std::mutex m_mutex;
    std::deque<std::function<void()>> m_tasks;
};

} // namespace cwb::jobs
