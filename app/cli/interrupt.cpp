#include "interrupt.h"

#include <csignal>

namespace cwb::cli {

namespace {

std::atomic<bool> g_interrupted{false};
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

InterruptScope::InterruptScope(StopHook onFirstSignal, bool alsoTerminate) : m_alsoTerminate(alsoTerminate)
{
    g_interrupted.store(false);
    g_stopHook.store(onFirstSignal);
    m_previousInt = std::signal(SIGINT, onSignal);
    if (m_alsoTerminate)
        m_previousTerm = std::signal(SIGTERM, onSignal);
}

InterruptScope::~InterruptScope()
{
    g_stopHook.store(nullptr);
    std::signal(SIGINT, m_previousInt);
    if (m_alsoTerminate)
        std::signal(SIGTERM, m_previousTerm);
}

} // namespace cwb::cli
