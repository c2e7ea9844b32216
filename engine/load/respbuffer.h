#pragma once

#include <algorithm>
#include <charconv>
#include <cstring>
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

    // Each piece is assembled on the stack and appended in one go: one capacity check and one
    // copy per argument, which matters at a million commands a second.
    void beginCommand(int argc)
    {
        if (m_recordMarks) {
            m_marks.push_back({uint32_t(m_bytes.size()), 0, 0});
            m_argIndex = 0;
        }
        char header[24];
        header[0] = '*';
        m_bytes.append(header, size_t(terminate(number(header + 1, uint64_t(argc))) - header));
    }
    void arg(std::string_view value)
    {
        if (value.size() <= kSmallArg) {
            char piece[kSmallArg + 32];
            char *end = lengthHeader(piece, value.size());
            noteArg(value.size(), size_t(end - piece));
            std::memcpy(end, value.data(), value.size());
            m_bytes.append(piece, size_t(terminate(end + value.size()) - piece));
            return;
        }
        char header[24];
        const char *end = lengthHeader(header, value.size());
        noteArg(value.size(), size_t(end - header));
        m_bytes.append(header, size_t(end - header));
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
        const size_t digitCount = size_t(number(digits, index) - digits);
        const size_t length = prefix.size() + tag.size() + digitCount;
        if (length > kSmallArg) { // a long prefix
            std::string key;
            key.append(prefix).append(tag).append(digits, digitCount);
            arg(key);
            return;
        }
        char piece[kSmallArg + 32];
        char *at = lengthHeader(piece, length);
        noteArg(length, size_t(at - piece));
        at = std::copy(prefix.begin(), prefix.end(), at);
        at = std::copy(tag.begin(), tag.end(), at);
        at = std::copy(digits, digits + digitCount, at);
        m_bytes.append(piece, size_t(terminate(at) - piece));
    }

    std::string &bytes() { return m_bytes; }
    const std::string &bytes() const { return m_bytes; }
    void clear()
    {
        m_bytes.clear();
        m_marks.clear();
    }

private:
    static constexpr size_t kSmallArg = 96; // keys and small values: one append

    // Called before an argument is appended, with its length and where its bytes will start
    // relative to the buffer's current end.
    void noteArg(size_t length, size_t offset)
    {
        if (m_recordMarks && m_argIndex++ == 1 && !m_marks.empty()) {
            m_marks.back().keyStart = uint32_t(m_bytes.size() + offset);
            m_marks.back().keyLength = uint32_t(length);
        }
    }

    static char *number(char *at, uint64_t value) { return std::to_chars(at, at + 20, value).ptr; }
    static char *terminate(char *at)
    {
        at[0] = '\r';
        at[1] = '\n';
        return at + 2;
    }
    static char *lengthHeader(char *at, size_t length)
    {
        at[0] = '$';
        return terminate(number(at + 1, length));
    }

    std::string m_bytes;
    std::vector<CommandMark> m_marks;
    bool m_recordMarks = false;
    int m_argIndex = 0;
};

} // namespace cwb
