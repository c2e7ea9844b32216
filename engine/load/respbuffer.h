#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace cwb {

// Appends RESP-encoded commands to a byte buffer. The load path formats straight into each
// connection's output buffer, so a command costs no allocation once the buffer has grown.
class RespBuffer
{
public:
    void beginCommand(int argc)
    {
        m_bytes.push_back('*');
        appendNumber(uint64_t(argc));
        m_bytes.append("\r\n", 2);
    }
    void arg(std::string_view value)
    {
        m_bytes.push_back('$');
        appendNumber(value.size());
        m_bytes.append("\r\n", 2);
        m_bytes.append(value);
        m_bytes.append("\r\n", 2);
    }
    void arg(int64_t value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        arg(std::string_view(digits, size_t(end - digits)));
    }
    // A key is the prefix, a short type tag and a number: built in place, no temporaries.
    void keyArg(std::string_view prefix, std::string_view tag, uint64_t index)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
        const size_t digitCount = size_t(end - digits);
        m_bytes.push_back('$');
        appendNumber(prefix.size() + tag.size() + digitCount);
        m_bytes.append("\r\n", 2);
        m_bytes.append(prefix);
        m_bytes.append(tag);
        m_bytes.append(digits, digitCount);
        m_bytes.append("\r\n", 2);
    }

    std::string &bytes() { return m_bytes; }
    const std::string &bytes() const { return m_bytes; }
    void clear() { m_bytes.clear(); }

private:
    void appendNumber(uint64_t value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_bytes.append(digits, size_t(end - digits));
    }

    std::string m_bytes;
};

} // namespace cwb
