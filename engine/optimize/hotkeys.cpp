#include "hotkeys.h"

#include <algorithm>

namespace cwb {

HotKeyTracker::HotKeyTracker(size_t capacity)
    : m_capacity(std::max<size_t>(1, capacity))
{
    m_heap.reserve(m_capacity);
    m_index.reserve(m_capacity * 2);
}

void HotKeyTracker::clear()
{
    m_total = 0;
    m_heap.clear();
    m_index.clear();
}

uint64_t HotKeyTracker::unmonitoredBound() const
{
    return m_heap.size() < m_capacity || m_heap.empty() ? 0 : m_heap.front().count;
}

uint64_t HotKeyTracker::countOf(std::string_view key) const
{
    const auto it = m_index.find(key);
    return it == m_index.end() ? 0 : m_heap[it->second].count;
}

void HotKeyTracker::swapNodes(size_t a, size_t b)
{
    std::swap(m_heap[a], m_heap[b]);
    m_index.find(m_heap[a].key)->second = a;
    m_index.find(m_heap[b].key)->second = b;
}

void HotKeyTracker::siftDown(size_t pos)
{
    const size_t n = m_heap.size();
    for (;;) {
        size_t smallest = pos;
        const size_t l = 2 * pos + 1, r = l + 1;
        if (l < n && m_heap[l].count < m_heap[smallest].count)
            smallest = l;
        if (r < n && m_heap[r].count < m_heap[smallest].count)
            smallest = r;
        if (smallest == pos)
            return;
        swapNodes(pos, smallest);
        pos = smallest;
    }
}

void HotKeyTracker::observe(std::string_view key, uint64_t weight)
{
    if (weight == 0)
        return;
    m_total += weight;
    if (auto it = m_index.find(key); it != m_index.end()) {
        // Counts only grow, so a min-heap node can only need to move down.
        const size_t pos = it->second;
        m_heap[pos].count += weight;
        siftDown(pos);
        return;
    }
    if (m_heap.size() < m_capacity) {
        // A fresh counter may be smaller than its parent: sift it up.
        m_heap.push_back(Counter{std::string(key), weight, 0});
        size_t pos = m_heap.size() - 1;
        m_index.emplace(m_heap[pos].key, pos);
        while (pos > 0) {
            const size_t parent = (pos - 1) / 2;
            if (m_heap[parent].count <= m_heap[pos].count)
                break;
            swapNodes(pos, parent);
            pos = parent;
        }
        return;
    }
    // Replace the minimum: the newcomer may have occurred up to min times unseen, hence the error.
    Counter &root = m_heap.front();
    m_index.erase(root.key);
    root.error = root.count;
    root.count += weight;
    root.key.assign(key);
    m_index.emplace(root.key, 0);
    siftDown(0);
}

std::vector<HotKey> HotKeyTracker::top(size_t k) const
{
    std::vector<const Counter *> sorted;
    sorted.reserve(m_heap.size());
    for (const Counter &c : m_heap)
        sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const Counter *a, const Counter *b) {
        return a->count != b->count ? a->count > b->count : a->key < b->key;
    });
    k = std::min(k, sorted.size());
    // The heaviest a key outside the answer can be: the next counter, or an unmonitored key.
    uint64_t outside = unmonitoredBound();
    if (k < sorted.size())
        outside = std::max(outside, sorted[k]->count);

    std::vector<HotKey> out;
    out.reserve(k);
    for (size_t i = 0; i < k; ++i) {
        const Counter &c = *sorted[i];
        HotKey h;
        h.key = c.key;
        h.count = c.count;
        h.error = c.error;
        h.guaranteed = c.count - c.error > outside;
        h.share = m_total ? double(c.count) / double(m_total) : 0;
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace cwb
