#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cwb {

// One RESP2 reply, seen in place in the bytes read: nothing is copied or allocated. The views
// stay valid until the next RespReader::feed().
struct RespReply
{
    char type = 0;         // '+' status, '-' error, ':' integer, '$' bulk string, '*' array
    bool nil = false;      // $-1 or *-1
    int64_t integer = 0;   // ':' its value, '$' the payload's length, '*' the element count
    std::string_view text; // '+' / '-' the line, '$' the payload
    std::string_view raw;  // the whole reply, elements included
};

// Splits a byte stream into RESP2 replies. The load path reads tens of thousands of small
// replies a second and needs only each one's type, its text and whether a read hit; hiredis
// would build and free an object per reply. Replies are found in the caller's buffer where
// they are whole; only a reply cut by the end of a read is carried over, and the scan of a
// long one resumes where it stopped, so any reply costs time linear in its size.
class RespReader
{
public:
    enum class Result { Reply, NeedMore, Error };

    // The next bytes of the stream; the caller keeps them alive until its next feed().
    void feed(const char *data, size_t size);
    // The next whole reply; NeedMore once the bytes fed so far are used up, Error (for good)
    // when they are not RESP2.
    Result next(RespReply &reply);
    // Forgets everything (a new connection).
    void reset();

    static constexpr int kMaxDepth = 16;                 // nested arrays
    static constexpr int64_t kMaxBulk = 512LL << 20;     // Redis's proto-max-bulk-len default
    static constexpr int64_t kMaxElements = 1LL << 32;
    static constexpr size_t kMaxLine = 1 << 20;          // a status or error line

private:
    enum class Item { Done, NeedMore, Error };
    Item scanItem();
    void carryRest();

    std::string m_carry;          // bytes of a reply cut by the end of a read, and what followed
    const char *m_data = nullptr; // the bytes being scanned: the caller's, or m_carry's
    size_t m_size = 0;
    bool m_inCarry = false;
    size_t m_start = 0;           // where the current reply starts
    size_t m_pos = 0;             // where its next item starts
    int m_depth = 0;              // open arrays in the current reply
    int64_t m_remaining[kMaxDepth]{}; // elements still to come, per open array
    RespReply m_reply;            // the current reply's type, text and count
    bool m_failed = false;
};

} // namespace cwb
