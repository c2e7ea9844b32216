#pragma once

// What managed services take away, for the tests that run the workbench against it
// (tst_permissions, tst_restricted): commands renamed away, and the typical limited ACL user.

#include <QByteArray>
#include <QStringList>

namespace cwb::test {

// redis-server arguments that rename each command a managed service often removes to "" (gone).
inline QStringList renamedAwayArgs()
{
    QStringList args;
    for (const char *command :
         {"CONFIG", "KEYS", "DEBUG", "SLOWLOG", "LATENCY", "MEMORY", "CLIENT", "OBJECT", "CLUSTER"})
        args << QStringLiteral("--rename-command") << QString::fromLatin1(command) << QString();
    return args;
}

// The rules of a managed service's typical restricted user (docs/ACL.md).
inline const QByteArray kLimitedAclRules = "~cwb:* +@read +@write +@keyspace +info +ping +scan";

} // namespace cwb::test
