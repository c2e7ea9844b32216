#pragma once

#include "load/runresult.h"
#include "stats/latencyhistogram.h"

#include <deque>
#include <vector>

namespace cwb {

// The per-second series of a distributed run, merged as the agents' seconds arrive (issue 18).
// Agents start at one common instant, so their n-th seconds cover the same wall-clock second
// and line up by index. A second closes once every live agent has delivered it: its counts are
// the sums, its percentiles those of the merged histograms of that second (exact, not averages
// of the agents' percentiles). Only the open seconds keep a histogram, so memory does not grow
// with the run's length.
class SeriesMerger
{
public:
    explicit SeriesMerger(int agents);

    // Agent `agent`'s next second (its seconds arrive in order), with the latency histogram of
    // all its operations in that second.
    void add(int agent, const SecondSample &second, const LatencyHistogram &latency);
    // A lost agent is no longer waited for; what it delivered stays counted.
    void markLost(int agent);
    // The seconds every live agent has delivered, in order, since the previous call.
    std::vector<SecondSample> takeComplete();
    // At the end of the run: every second still open, with what arrived for it.
    std::vector<SecondSample> takeRest();

private:
    struct Open
    {
        SecondSample sum;
        LatencyHistogram latency;
        int delivered = 0;
        int serverFrom = -1; // the agent whose server figures the second shows: the lowest that had them
    };
    bool complete(size_t index) const; // every live agent has delivered second `index`
    static SecondSample close(Open &open);

    std::vector<size_t> m_next; // per agent: the index of its next second
    std::vector<bool> m_lost;
    size_t m_firstOpen = 0; // index of m_open.front()
    std::deque<Open> m_open;
};

} // namespace cwb
