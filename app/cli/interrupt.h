#pragma once

#include <atomic>

namespace cwb::cli {

// Stop signals for the long-running commands. While an InterruptScope lives, the first SIGINT,
// SIGTERM or SIGHUP (Ctrl+C, `timeout`, systemd, a CI cancel, a closed terminal) sets
// interruptFlag() and calls the scope's stop hook, so the command winds down and still
// reports, saves and cleans up what it did (outcome.h); a second signal kills the process the
// default way, for a user who does not want to wait. The hook runs inside the signal handler:
// it may only touch atomics (requestStop() of a run or tuner does exactly that). main() keeps a
// scope open for the whole command, so a signal during its setup is not lost: a scope opened
// later calls its hook at once when a signal already came.
class InterruptScope
{
public:
    using StopHook = void (*)();
    explicit InterruptScope(StopHook onFirstSignal = nullptr);
    ~InterruptScope(); // restores the handlers that were there before
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;

private:
    using Handler = void (*)(int);
    Handler m_previous[3] = {};
    StopHook m_previousHook = nullptr;
};

// Set by the first signal inside a scope and cleared when the next outermost scope opens (a
// scope inside another keeps it), so a suite sees between runs that the user asked to stop.
// Engines take it as their cancel flag.
std::atomic<bool> &interruptFlag();

} // namespace cwb::cli
