#include "interrupt.h"

#include <csignal>

namespace cwb::cli {

namespace {

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};

std::atomic<bool> g_interrupted{false};
int g_depth = 0; // scopes open (on the main thread)
std::atomic<InterruptScope::StopHook> g_stopHook{nullptr};

void onSignal(int signal)
{
    if (g_interrupted.exchange(true)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    if (const auto hook = g_stopHook.load())
        hook();
}

} // namespace

std::atomic<bool> &interruptFlag()
{
    return g_interrupted;
}

InterruptScope::InterruptScope(StopHook onFirstSignal)
{
    if (g_depth++ == 0)
        g_interrupted.store(false);
    m_previousHook = g_stopHook.exchange(onFirstSignal);
    for (int i = 0; i < 3; ++i)
        m_previous[i] = std::signal(kStopSignals[i], onSignal);
    // A signal that came before this scope (while an outer one was open) stops its work too.
    if (onFirstSignal && g_interrupted.load())
        onFirstSignal();
}

InterruptScope::~InterruptScope()
{
    g_stopHook.store(m_previousHook);
    for (int i = 0; i < 3; ++i)
        std::signal(kStopSignals[i], m_previous[i]);
    --g_depth;
}

} // namespace cwb::cli
