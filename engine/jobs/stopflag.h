#pragma once

#include <atomic>
#include <stop_token>

namespace cwb::jobs {

// Many engines take a `const std::atomic<bool> *cancel` (benchmarks, experiments, warming) and
// poll it between steps. A StopFlag raises such a flag when a job's stop is requested, without a
// watcher thread: the stop callback runs in the thread that asks for the stop. Lives on the
// body's stack, as long as the engine call that reads it.
class StopFlag
{
public:
    explicit StopFlag(const std::stop_token &token) : m_callback(token, Raise{&m_flag}) {}
    StopFlag(const StopFlag &) = delete;
    StopFlag &operator=(const StopFlag &) = delete;

    const std::atomic<bool> *get() const { return &m_flag; }
    bool isSet() const { return m_flag.load(); }

private:
    struct Raise
    {
        std::atomic<bool> *flag;
        void operator()() const noexcept { flag->store(true); }
    };

    std::atomic<bool> m_flag{false}; // before m_callback: a stop requested already raises it at once
    std::stop_callback<Raise> m_callback;
};

} // namespace cwb::jobs
