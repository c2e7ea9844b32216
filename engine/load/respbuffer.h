#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cwb {

// Appends RESP-encoded commands to a byte buffer. The load path formats straight into each
// connection's output buffer, so a command costs no allocation once the buffer has grown.
//
// For cluster routing it can also record where each command starts and where its key (the
// first argument) lies, so the worker can send each command to the node owning that key.
class RespBuffer
{
public:
    struct CommandMark
    {
        uint32_t start = 0;    // offset of the command's first byte
        uint32_t keyStart = 0; // offset of the key's bytes; keyLength 0: no key (MULTI, EXEC)
        uint32_t keyLength = 0;
    };

    void recordMarks(bool on) { m_recordMarks = on; }
    const std::vector<CommandMark> &marks() const { return m_marks; }

    void beginCommand(int argc)
    {
        if (m_recordMarks) {
            m_marks.push_back({uint32_t(m_bytes.size()), 0, 0});
            m_argIndex = 0;
        }
        m_bytes.push_back('*');
        appendNumber(uint64_t(argc));
        m_bytes.append("\r\n", 2);
    }
    void arg(std::string_view value)
    {
        m_bytes.push_back('$');
        appendNumber(value.size());
        m_bytes.append("\r\n", 2);
        noteArg(value.size());
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
        noteArg(prefix.size() + tag.size() + digitCount);
        m_bytes.append(prefix);
        m_bytes.append(tag);
        m_bytes.append(digits, digitCount);
        m_bytes.append("\r\n", 2);
    }

    std::string &bytes() { return m_bytes; }
    const std::string &bytes() const { return m_bytes; }
    void clear()
    {
        m_bytes.clear();
        m_marks.clear();
    }

private:
    // Called with the argument's length just before its bytes are appended.
    void noteArg(size_t length)
    {
        if (m_recordMarks && m_argIndex++ == 1 && !m_marks.empty()) {
            m_marks.back().keyStart = uint32_t(m_bytes.size());
            m_marks.back().keyLength = uint32_t(length);
        }
    }

    void appendNumber(uint64_t value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_bytes.append(digits, size_t(end - digits));
    }

    std::string m_bytes;
    std::vector<CommandMark> m_marks;
    bool m_recordMarks = false;
    int m_argIndex = 0;
};

} // namespace cwb
