#pragma once

#include <QStringList>

namespace cwb::cli {

// `cleanup --target URI --run ID [--prefix P]`: removes the keys a run left in its namespace
// "<prefix><tag>:" (tag = the run id's first 8 hex digits), on every master of a cluster. The
// line a command prints when its cleanup failed or was skipped gives exactly this command.
int cleanupCommand(const QStringList &args);

} // namespace cwb::cli
