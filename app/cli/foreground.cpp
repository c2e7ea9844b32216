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
void onStopSignal(int signal)
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

void drainWakePipe()
{
    char buffer[64];
    while (::read(g_wakeRead, buffer, sizeof buffer) > 0) {
    }
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
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(signal, &action, nullptr);
}

int StopSignals::received()
{
    return g_firstSignal.load();
}

void runInForeground(jobs::JobBase &job, const std::function<void()> &onProgress)
{
    QEventLoop loop;
    QObject::connect(&job, &jobs::JobBase::progressAvailable, &loop, [&] {
            if (onProgress)
                onProgress();
        });
    QObject::connect(&job, &jobs::JobBase::finished, &loop, &QEventLoop::quit);
    std::unique_ptr<QSocketNotifier> notifier;
    QTimer poll; // without the pipe (pipe2() failed) a signal only sets the flag: look at it
    if (g_wakeRead >= 0) {
        notifier = std::make_unique<QSocketNotifier>(g_wakeRead, QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&job] {
            drainWakePipe();
            job.requestStop();
        });
    } else {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&job] {
            if (StopSignals::stopRequested())
                job.requestStop();
        });
        poll.start(100);
    }
    // A signal that came before the call stops the job before its body does anything.
    if (StopSignals::stopRequested())
        job.requestStop();
    if (job.state() == jobs::JobState::Idle)
        job.start();
    if (!job.isDone())
        loop.exec(); // connections to `loop` end with it
}

} // namespace cwb::cli
