#pragma once

#include <QByteArray>
#include <QList>

#include <vector>

namespace cwb {

// A RESP2 reply as a plain value tree, detached from hiredis' memory.
struct RedisReply
{
    enum class Type { Nil, Status, String, Integer, Array, Error };

    Type type = Type::Nil;
    QByteArray str;          // Status, String and Error text
    long long integer = 0;   // Integer
    std::vector<RedisReply> elements; // Array

    bool isNil() const { return type == Type::Nil; }
    bool isError() const { return type == Type::Error; }
    bool isOk() const { return type == Type::Status && str == "OK"; }
};

// A command is a list of binary-safe arguments: {"SET", key, value}.
using RedisCommand = QList<QByteArray>;

} // namespace cwb
