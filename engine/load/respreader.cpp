#include "respreader.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace cwb {

namespace {

// A whole line of digits with an optional minus sign, and nothing else.
bool respInteger(std::string_view line, int64_t &value)
{
    const char *end = line.data() + line.size();
    const auto [ptr, ec] = std::from_chars(line.data(), end, value);
    return ec == std::errc() && ptr == end && !line.empty();
}

} // namespace

void RespReader::feed(const char *data, size_t size)
{
    if (m_inCarry) {
        // A reply cut by the previous read goes on here: finish it in the carried bytes.
        m_carry.erase(0, m_start);
        m_pos -= m_start;
        m_start = 0;
        m_carry.append(data, size);
        m_data = m_carry.data();
        m_size = m_carry.size();
    } else {
        m_data = data;
        m_size = size;
        m_start = m_pos = 0;
    }
}

void RespReader::reset()
{
    m_carry.clear();
    m_data = nullptr;
    m_size = m_start = m_pos = 0;
    m_inCarry = false;
    m_depth = 0;
    m_failed = false;
}

void RespReader::carryRest()
{
    m_carry.assign(m_data + m_start, m_size - m_start);
    m_pos -= m_start;
    m_start = 0;
    m_inCarry = true;
    m_data = m_carry.data();
    m_size = m_carry.size();
}

RespReader::Result RespReader::next(RespReply &reply)
{
    if (m_failed)
        return Result::Error;
    while (m_pos < m_size) {
        switch (scanItem()) {
        case Item::Error:
            m_failed = true;
            return Result::Error;
        case Item::NeedMore:
            if (!m_inCarry)
                carryRest();
            return Result::NeedMore;
        case Item::Done:
            if (m_depth == 0) {
                reply = m_reply;
                reply.raw = std::string_view(m_data + m_start, m_pos - m_start);
                m_start = m_pos;
                return Result::Reply;
            }
            break;
        }
    }
    if (m_start < m_size) { // an array whose next element has not come yet
        if (!m_inCarry)
            carryRest();
    } else if (m_inCarry) {
        m_carry.clear();
        m_inCarry = false;
        m_size = m_start = m_pos = 0;
    }
    return Result::NeedMore;
}

RespReader::Item RespReader::scanItem()
{
    const char *item = m_data + m_pos;
    const size_t available = m_size - m_pos;
    const char type = item[0];
    if (!std::memchr("+-:$*", type, 5))
        return Item::Error;
    const bool textLine = type == '+' || type == '-';
    const size_t maxLine = textLine ? kMaxLine : 32;
    const auto *lf = static_cast<const char *>(std::memchr(item, '\n', std::min(available, maxLine + 3)));
    if (!lf)
        return available > maxLine + 2 ? Item::Error : Item::NeedMore;
    if (lf == item || lf[-1] != '\r')
        return Item::Error;
    const std::string_view line(item + 1, size_t(lf - 1 - (item + 1)));
    const size_t afterLine = size_t(lf + 1 - m_data);
    // The reply's own fields come from its first item; an array's elements only advance it.
    const bool top = m_depth == 0;
    RespReply &reply = m_reply;
    if (top)
        reply = RespReply{type, false, 0, {}, {}};

    int64_t number = 0;
    if (!textLine && !respInteger(line, number))
        return Item::Error;
    switch (type) {
    case '+':
    case '-':
        if (top)
            reply.text = line;
        m_pos = afterLine;
        break;
    case ':':
        if (top)
            reply.integer = number;
        m_pos = afterLine;
        break;
    case '$':
        if (number < -1 || number > kMaxBulk)
            return Item::Error;
        if (number == -1) {
            if (top)
                reply.nil = true;
            m_pos = afterLine;
            break;
        }
        if (m_size - afterLine < size_t(number) + 2)
            return Item::NeedMore; // the header is read again with the rest: it is short
        if (m_data[afterLine + size_t(number)] != '\r' || m_data[afterLine + size_t(number) + 1] != '\n')
            return Item::Error;
        if (top) {
            reply.integer = number;
            reply.text = std::string_view(m_data + afterLine, size_t(number));
        }
        m_pos = afterLine + size_t(number) + 2;
        break;
    case '*':
        if (number < -1 || number > kMaxElements)
            return Item::Error;
        if (top) {
            reply.nil = number == -1;
            reply.integer = std::max<int64_t>(0, number);
        }
        m_pos = afterLine;
        if (number > 0) {
            if (m_depth == kMaxDepth)
                return Item::Error;
            m_remaining[m_depth++] = number;
            return Item::Done;
        }
        break;
    }
    // A whole element: it may complete the arrays around it.
    while (m_depth > 0 && --m_remaining[m_depth - 1] == 0)
        --m_depth;
    return Item::Done;
}

} // namespace cwb
