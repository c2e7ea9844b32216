// The load path's RESP codec: the reply reader (every reply type, replies cut at every byte,
// protocol errors, agreement with hiredis) and the command writer (RespBuffer).

#include "load/respbuffer.h"
#include "load/respreader.h"

#include <hiredis/hiredis.h>
#include <hiredis/read.h>

#include <QTest>

#include <string>
#include <vector>

using namespace cwb;

namespace {

// What a reply is, in a form two parsers can be compared on.
struct Seen
{
    char type = 0;
    bool nil = false;
    long long integer = 0;
    std::string text;
    std::string raw;
    bool operator==(const Seen &) const = default;
};

// Feeds `stream` in pieces of at most `piece` bytes; the replies seen and whether it failed.
std::vector<Seen> readAll(const std::string &stream, size_t piece, bool *failed = nullptr)
{
    RespReader reader;
    std::vector<Seen> seen;
    if (failed)
        *failed = false;
    for (size_t at = 0; at < stream.size(); at += piece) {
        // A copy per piece: the reader must not rely on earlier pieces staying in place.
        const std::string chunk = stream.substr(at, piece);
        reader.feed(chunk.data(), chunk.size());
        RespReply reply;
        for (RespReader::Result r; (r = reader.next(reply)) != RespReader::Result::NeedMore;) {
            if (r == RespReader::Result::Error) {
                if (failed)
                    *failed = true;
                return seen;
            }
            seen.push_back({reply.type, reply.nil, reply.integer, std::string(reply.text), std::string(reply.raw)});
        }
    }
    return seen;
}

// The same through hiredis, as the reference for type, text and element count.
std::vector<Seen> readWithHiredis(const std::string &stream)
{
    redisReader *reader = redisReaderCreate();
    redisReaderFeed(reader, stream.data(), stream.size());
    std::vector<Seen> seen;
    void *out = nullptr;
    while (redisReaderGetReply(reader, &out) == REDIS_OK && out) {
        const auto *r = static_cast<redisReply *>(out);
        Seen s;
        switch (r->type) {
        case REDIS_REPLY_STATUS: s = {'+', false, 0, std::string(r->str, r->len), {}}; break;
        case REDIS_REPLY_ERROR: s = {'-', false, 0, std::string(r->str, r->len), {}}; break;
        case REDIS_REPLY_INTEGER: s = {':', false, r->integer, {}, {}}; break;
        case REDIS_REPLY_STRING: s = {'$', false, (long long)r->len, std::string(r->str, r->len), {}}; break;
        case REDIS_REPLY_ARRAY: s = {'*', false, (long long)r->elements, {}, {}}; break;
        default: s.nil = true; break; // nil: a bulk or an array, hiredis does not say which
        }
        seen.push_back(s);
        freeReplyObject(out);
    }
    redisReaderFree(reader);
    return seen;
}

const std::string kReplies[] = {
    "+OK\r\n",
    "-ERR unknown command 'FOO'\r\n",
    "-MOVED 3999 127.0.0.1:6381\r\n",
    ":0\r\n",
    ":-42\r\n",
    ":9223372036854775807\r\n",
    "$0\r\n\r\n",
    "$-1\r\n",
    "$5\r\nhello\r\n",
    "$12\r\nwith\r\ninside\r\n", // CRLF inside a payload is data
    "*0\r\n",
    "*-1\r\n",
    "*2\r\n$3\r\nfoo\r\n$-1\r\n",
    "*3\r\n:1\r\n*2\r\n+a\r\n-b\r\n*1\r\n*0\r\n", // nested, with an empty array last
    "*4\r\n+QUEUED\r\n*2\r\n$2\r\nk1\r\n$2\r\nk2\r\n:1\r\n*0\r\n",
};

} // namespace

class tst_RespReader : public QObject
{
    Q_OBJECT

private slots:
    void everyTypeAgreesWithHiredis()
    {
        std::string stream;
        for (const auto &r : kReplies)
            stream += r;
        const auto ours = readAll(stream, stream.size());
        const auto theirs = readWithHiredis(stream);
        QCOMPARE(int(ours.size()), int(std::size(kReplies)));
        QCOMPARE(int(theirs.size()), int(ours.size()));
        for (size_t i = 0; i < ours.size(); ++i) {
            QCOMPARE(ours[i].raw, kReplies[i]); // each reply is exactly its bytes
            if (theirs[i].nil) {
                QVERIFY(ours[i].nil);
                continue;
            }
            QCOMPARE(ours[i].type, theirs[i].type);
            QCOMPARE(ours[i].text, theirs[i].text);
            if (ours[i].type != '+' && ours[i].type != '-')
                QCOMPARE(ours[i].integer, theirs[i].integer);
        }
    }

    void repliesCutAtEveryByte()
    {
        std::string stream;
        for (const auto &r : kReplies)
            stream += r;
        const auto whole = readAll(stream, stream.size());
        for (size_t piece = 1; piece < stream.size(); ++piece)
            QVERIFY2(readAll(stream, piece) == whole, qPrintable(QStringLiteral("pieces of %1 bytes").arg(piece)));
    }

    void bigValueInManyReads()
    {
        const std::string value(300'000, 'v');
        std::string stream = "$";
        stream += std::to_string(value.size());
        stream += "\r\n" + value + "\r\n+OK\r\n";
        const auto seen = readAll(stream, 4096);
        QCOMPARE(int(seen.size()), 2);
        QCOMPARE(seen[0].text, value);
        QCOMPARE(seen[1].text, std::string("OK"));
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("unknown type") << QByteArray("?x\r\n");
        QTest::newRow("RESP3 null") << QByteArray("_\r\n");
        QTest::newRow("LF without CR") << QByteArray("+OK\n");
        QTest::newRow("length not a number") << QByteArray("$abc\r\nxyz\r\n");
        QTest::newRow("length below -1") << QByteArray("$-2\r\n");
        QTest::newRow("empty length") << QByteArray("*\r\n");
        QTest::newRow("payload without CRLF") << QByteArray("$3\r\nabcde\r\n");
        QTest::newRow("integer with junk") << QByteArray(":12x\r\n");
        QTest::newRow("integer overflow") << QByteArray(":99999999999999999999\r\n");
        QTest::newRow("length line too long") << QByteArray("$" + QByteArray(40, '1'));
        QByteArray deep;
        for (int i = 0; i <= RespReader::kMaxDepth; ++i)
            deep += "*1\r\n";
        QTest::newRow("arrays nested too deep") << (deep + ":1\r\n");
        QTest::newRow("error after a good reply") << QByteArray("+OK\r\n!\r\n");
    }

    void protocolErrors()
    {
        QFETCH(QByteArray, stream);
        for (size_t piece : {size_t(stream.size()), size_t(1)}) {
            bool failed = false;
            readAll(stream.toStdString(), piece, &failed);
            QVERIFY2(failed, qPrintable(QStringLiteral("pieces of %1").arg(piece)));
        }
    }

    void errorsAreFinalAndResetStartsOver()
    {
        RespReader reader;
        RespReply reply;
        const std::string bad = "+OK\r\n%"; // a RESP3 map: known at its first byte
        reader.feed(bad.data(), bad.size());
        QCOMPARE(reader.next(reply), RespReader::Result::Reply);
        QCOMPARE(reader.next(reply), RespReader::Result::Error);
        const std::string good = "+OK\r\n";
        reader.feed(good.data(), good.size());
        QCOMPARE(reader.next(reply), RespReader::Result::Error); // the stream is lost for good
        reader.reset();
        reader.feed(good.data(), good.size());
        QCOMPARE(reader.next(reply), RespReader::Result::Reply);
        QCOMPARE(reply.text, std::string_view("OK"));
        QCOMPARE(reader.next(reply), RespReader::Result::NeedMore);
    }

    void commandsEncodeAsArraysOfBulkStrings()
    {
        RespBuffer out;
        out.recordMarks(true);
        const std::string big(300, 'v'); // past the single-append size
        const std::string longPrefix(120, 'p');
        out.beginCommand(4);
        out.arg("SET");
        out.keyArg("cwb:", "s:", 12345);
        out.arg(big);
        out.arg(int64_t(-5));
        out.beginCommand(2);
        out.arg("GET");
        out.keyArg(longPrefix, "s:", 0);
        out.beginCommand(1);
        out.arg("");

        redisReader *reader = redisReaderCreate();
        redisReaderFeed(reader, out.bytes().data(), out.bytes().size());
        const std::vector<std::vector<std::string>> expected = {
            {"SET", "cwb:s:12345", big, "-5"}, {"GET", longPrefix + "s:0"}, {""}};
        for (const auto &command : expected) {
            void *parsed = nullptr;
            QCOMPARE(redisReaderGetReply(reader, &parsed), REDIS_OK);
            QVERIFY(parsed);
            const auto *r = static_cast<redisReply *>(parsed);
            QCOMPARE(r->type, REDIS_REPLY_ARRAY);
            QCOMPARE(r->elements, command.size());
            for (size_t i = 0; i < command.size(); ++i)
                QCOMPARE(std::string(r->element[i]->str, r->element[i]->len), command[i]);
            freeReplyObject(parsed);
        }
        void *rest = nullptr;
        QCOMPARE(redisReaderGetReply(reader, &rest), REDIS_OK);
        QVERIFY(!rest); // nothing after the three commands
        redisReaderFree(reader);

        // Cluster routing finds each command's key where the marks say.
        const auto &marks = out.marks();
        QCOMPARE(int(marks.size()), 3);
        QCOMPARE(out.bytes().substr(marks[0].keyStart, marks[0].keyLength), std::string("cwb:s:12345"));
        QCOMPARE(out.bytes().substr(marks[1].keyStart, marks[1].keyLength), longPrefix + "s:0");
        QCOMPARE(marks[2].keyLength, uint32_t(0));
        QCOMPARE(out.bytes().compare(marks[1].start, 4, "*2\r\n"), 0);
    }

    void resetDropsHalfAReply()
    {
        // A connection lost in the middle of a reply: its successor starts clean.
        RespReader reader;
        RespReply reply;
        const std::string half = "*2\r\n$3\r\nfo";
        reader.feed(half.data(), half.size());
        QCOMPARE(reader.next(reply), RespReader::Result::NeedMore);
        reader.reset();
        const std::string fresh = ":7\r\n";
        reader.feed(fresh.data(), fresh.size());
        QCOMPARE(reader.next(reply), RespReader::Result::Reply);
        QCOMPARE(reply.type, ':');
        QCOMPARE(reply.integer, int64_t(7));
    }
};

QTEST_GUILESS_MAIN(tst_RespReader)
#include "tst_respreader.moc"
