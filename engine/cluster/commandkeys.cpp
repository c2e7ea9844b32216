#include "commandkeys.h"

namespace cwb {

namespace {

bool nameIs(const QByteArray &argument, const char *name)
{
    return argument.compare(name, Qt::CaseInsensitive) == 0;
}

bool nameIsAnyOf(const QByteArray &argument, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (nameIs(argument, name))
            return true;
    }
    return false;
}

// The first argument after a STREAMS token (XREAD, XREADGROUP), or -1.
int afterStreamsToken(const RedisCommand &command)
{
    for (qsizetype i = 1; i + 1 < command.size(); ++i) {
        if (nameIs(command[i], "STREAMS"))
            return int(i + 1);
    }
    return -1;
}

} // namespace

int routingKeyIndex(const RedisCommand &command)
{
    if (command.isEmpty())
        return -1;
    const QByteArray &name = command.first();
    if (nameIsAnyOf(name, {"PING",      "INFO",    "CONFIG",    "SCAN",      "DBSIZE",   "CLUSTER",   "CLIENT",
                           "SLOWLOG",   "LATENCY", "COMMAND",   "TIME",      "ECHO",     "MULTI",     "EXEC",
                           "DISCARD",   "SELECT",  "AUTH",      "HELLO",     "READONLY", "READWRITE", "ASKING",
                           "WAIT",      "PUBLISH", "ACL",       "FUNCTION",  "SCRIPT",   "LASTSAVE",  "ROLE",
                           "RANDOMKEY", "DEBUG",   "SUBSCRIBE", "PSUBSCRIBE"}))
        return -1;
    if (nameIsAnyOf(name, {"MEMORY", "OBJECT", "XGROUP", "XINFO"})) {
        // MEMORY USAGE key, OBJECT FREQ key, XGROUP CREATE key ..., XINFO STREAM key; their HELP,
        // STATS, DOCTOR forms have no key.
        return command.size() > 2 ? 2 : -1;
    }
    if (nameIsAnyOf(name, {"EVAL", "EVALSHA", "EVAL_RO", "EVALSHA_RO", "FCALL", "FCALL_RO"})) {
        bool ok = false;
        const int keys = command.size() > 2 ? command[2].toInt(&ok) : 0;
        return ok && keys > 0 && command.size() > 3 ? 3 : -1;
    }
    if (nameIsAnyOf(name, {"XREAD", "XREADGROUP"}))
        return afterStreamsToken(command);
    if (nameIs(name, "BITOP"))
        return command.size() > 2 ? 2 : -1; // BITOP op destkey key...
    return command.size() > 1 ? 1 : -1;
}

SplittableKind splittableKind(const RedisCommand &command)
{
    if (command.size() < 2)
        return SplittableKind::None;
    const QByteArray &name = command.first();
    if (nameIsAnyOf(name, {"DEL", "UNLINK", "EXISTS", "TOUCH"}))
        return SplittableKind::SumOfIntegers;
    if (nameIs(name, "MGET"))
        return SplittableKind::ArrayInKeyOrder;
    if (nameIs(name, "MSET") && command.size() % 2 == 1)
        return SplittableKind::AllOk;
    return SplittableKind::None;
}

int splittableStride(const RedisCommand &command)
{
    return !command.isEmpty() && nameIs(command.first(), "MSET") ? 2 : 1;
}

} // namespace cwb
