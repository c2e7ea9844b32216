#pragma once

#include "redisconnection.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb {

// Managed services rename or disable commands (CONFIG, MEMORY, CLUSTER ...) and hand out ACL
// users limited to a few key patterns and categories. The permission check finds out, with
// harmless probes, which commands this user may run on this server, and from that which
// workbench features will work, which will run with less, and which cannot run - each with
// the reason and the ACL SETUSER line that would enable it. Used by `cache-workbench-cli check`.

enum class CommandAccess {
    Allowed,  // the server ran it, or refused only its (deliberately invalid) arguments
    Denied,   // NOPERM: the ACL user may not run it, or not on these keys or channels
    Missing,  // unknown command: renamed or disabled (rename-command X "")
    Disabled, // the server refuses it by configuration (enable-debug-command, protected)
    Failed,   // another error; `detail` says which
};

struct CommandProbe
{
    QString name;     // "CONFIG GET", "MEMORY USAGE", ...
    CommandAccess access = CommandAccess::Failed;
    QString detail;   // the server's error line, when it refused
};

enum class FeatureLevel { Works, Degraded, Unavailable };

struct FeatureVerdict
{
    QString feature;     // "load tests (run, suite)"
    FeatureLevel level = FeatureLevel::Works;
    QStringList reasons; // one sentence per missing command
    QString aclLine;     // the categories and commands the feature needs, for ACL SETUSER
    bool applies = true; // false: not for this kind of server (cluster features on a single server)
};

struct PermissionReport
{
    QString user; // ACL WHOAMI, or "default" when the server has no ACL command for us
    std::vector<CommandProbe> commands;
    std::vector<FeatureVerdict> features;
};

// Probes the server behind `connection` (connected or not). Writes only two keys of its own,
// `keyPrefix` + "check:<random>" (SET NX with a one-minute TTL, removed at the end), and publishes
// to a channel nobody listens to. nullopt with *error set when the server cannot be reached.
std::optional<PermissionReport> checkPermissions(RedisConnection &connection, const QString &keyPrefix,
                                                 QString *error);

// "allowed", "denied (ACL)", "missing (renamed or disabled)", ...
QString commandAccessName(CommandAccess access);
QString featureLevelName(FeatureLevel level);

} // namespace cwb
