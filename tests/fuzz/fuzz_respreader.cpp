// The load path's RESP reader on arbitrary bytes: no crash, and the same replies (and the same
// verdict on bad bytes) whether the stream arrives whole or cut into pieces.
#include "load/respreader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct Outcome
{
    std::vector<std::string> replies; // type, nil flag, count and raw bytes of each
    bool failed = false;
    bool operator==(const Outcome &) const = default;
};

Outcome readInPieces(const char *data, size_t size, size_t piece)
{
    cwb::RespReader reader;
    Outcome out;
    for (size_t at = 0; at < size && !out.failed; at += piece) {
        const std::string chunk(data + at, std::min(piece, size - at)); // pieces do not stay in place
        reader.feed(chunk.data(), chunk.size());
        cwb::RespReply reply;
        for (cwb::RespReader::Result r; (r = reader.next(reply)) != cwb::RespReader::Result::NeedMore;) {
            if (r == cwb::RespReader::Result::Error) {
                out.failed = true;
                break;
            }
            if (reply.raw.empty() || reply.raw.size() > size)
                std::abort();
            out.replies.push_back(std::string(1, reply.type) + (reply.nil ? "nil" : "") + std::to_string(reply.integer)
                                  + "|" + std::string(reply.raw));
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t piece = size_t(data[0] % 17) + 1; // the first byte picks how the rest is cut
    const char *stream = reinterpret_cast<const char *>(data + 1);
    const Outcome whole = readInPieces(stream, size - 1, size);
    const Outcome cut = readInPieces(stream, size - 1, piece);
    // An error may show earlier in pieces than whole only if the replies before it agree.
    if (whole.failed != cut.failed || whole.replies != cut.replies)
        std::abort();
    return 0;
}
