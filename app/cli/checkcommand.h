#pragma once

#include <QStringList>

namespace cwb::cli {

// `check --target URI [--prefix P]`: probes what this user may run on this server (renamed
// commands, ACL limits) and lists, per feature, whether it works, works with less or cannot run,
// why, and the ACL SETUSER line that would enable it. Exit 0 when every feature the server can
// offer works, 1 when some cannot run or run with less, 3 when the target cannot be reached.
int checkCommand(const QStringList &args);

} // namespace cwb::cli
