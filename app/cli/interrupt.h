#pragma once

#include <atomic>

namespace cwb::cli {

// Ctrl+C handling shared by the long-running commands. While an InterruptScope lives, the first
// SIGINT (and SIGTERM when asked) sets interruptFlag() and calls the scope's stop hook, so the
// command winds down and still reports what it measured; a second signal kills the process the
// default way, for a user who does not want to wait. The hook runs inside the signal handler:
// it may only touch atomics (requestStop() of a run or tuner does exactly that).
class InterruptScope
{
public:
    using StopHook = void (*)();
    explicit InterruptScope(StopHook onFirstSignal = nullptr, bool alsoTerminate = false);
    ~InterruptScope(); // restores the handlers that were there before
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;

private:
    using Handler = void (*)(int);
    Handler m_previousInt = nullptr;
    Handler m_previousTerm = nullptr;
    bool m_alsoTerminate = false;
};

// Set by the first signal inside a scope and cleared when the next scope opens, so a suite can
// still see after a run that the user asked to stop. Engines take it as their cancel flag.
std::atomic<bool> &interruptFlag();

} // namespace cwb::cli
