#include "foreground.h"

#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace cwb::cli {

namespace {

std::atomic<int> g_firstSignal{0};
int g_wakeRead = -1;
int g_wakeWrite = -1;

// Async-signal-safe: an atomic and a write() to a non-blocking pipe, nothing else.
void handleStopSignal(int signal)
{
    int expected = 0;
    if (!g_firstSignal.compare_exchange_strong(expected, signal)) {
        ::signal(signal, SIG_DFL);
        ::raise(signal);
        return;
    }
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(g_wakeWrite, &byte, 1);
}

} // namespace

void StopSignals::install()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    // Without the pipe a signal still sets the flag (the write then fails harmlessly on fd -1)
    // and runInForeground() polls it instead.
    if (int fds[2]; ::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
        g_wakeRead = fds[0];
        g_wakeWrite = fds[1];
    }
    struct sigaction action = {};
    action.sa_handler = handleStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

int StopSignals::received()
{
    return g_firstSignal.load();
}

std::unique_ptr<QObject> onStopSignal(std::function<void()> onStop)
{
    auto watcher = std::make_unique<QObject>();
    if (g_wakeRead >= 0) {
        // The pipe is never drained: it holds the one byte of the first signal (a second signal
        // ends the process), so every watcher, also one made after the signal, sees it readable.
        auto *notifier = new QSocketNotifier(g_wakeRead, QSocketNotifier::Read, watcher.get());
        QObject::connect(notifier, &QSocketNotifier::activated, watcher.get(),
                         [notifier, onStop = std::move(onStop)] {
                             notifier->setEnabled(false);
                             onStop();
                         });
    } else { // pipe2() failed: a signal only sets the flag; look at it
        auto *poll = new QTimer(watcher.get());
        QObject::connect(poll, &QTimer::timeout, watcher.get(), [poll, onStop = std::move(onStop)] {
            if (!StopSignals::stopRequested())
                return;
            poll->stop();
            onStop();
        });
        poll->start(100);
    }
    return watcher;
}

void runInForeground(jobs::JobBase &job, const std::function<void()> &onProgress)
{
    QEventLoop loop;
    QObject::connect(&job, &jobs::JobBase::progressAvailable, &loop, [&] {
        if (onProgress)
            onProgress();
    });
    QObject::connect(&job, &jobs::JobBase::finished, &loop, &QEventLoop::quit);
    // A signal that came before the call stops the job before its body does anything.
    if (StopSignals::stopRequested())
        job.requestStop();
    const auto watcher = onStopSignal([&job] { job.requestStop(); });
    if (job.state() == jobs::JobState::Idle)
        job.start();
    if (!job.isDone())
        loop.exec(); // connections to `loop` end with it
}

} // namespace cwb::cli
