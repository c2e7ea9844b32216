#pragma once

// Which keys are the workbench's: the naming half of the ownership rule (ownedkeys.h holds the
// half that talks to the server).
//
// Every command that writes keys takes a key prefix, checked by keyPrefixProblem() - the one
// validator of run, suite, bench, tune, optimize, warming plans and cleanup - and writes only
// inside a run namespace under it, "<prefix><tag>:", where the tag is the first 8 hex digits of
// the run's id. Cleanup removes that namespace and nothing else, and invalidation only removes
// names inside it, so keys the run did not write are never deleted or overwritten, even under
// the same prefix.

#include <QString>

namespace cwb {

inline constexpr int kMaxKeyPrefixLength = 256;
inline constexpr qsizetype kRunTagLength = 8;

// Why `prefix` cannot be a key prefix, or an empty string when it can: it must not be empty,
// longer than kMaxKeyPrefixLength characters, or contain glob characters (* ? [ ] \), which
// would make a SCAN match other keys, whitespace or control characters.
QString keyPrefixProblem(const QString &prefix);

// The tag of a run: the first 8 hex digits of its id (a UUID, with or without dashes, or a tag
// already), lower case; empty when the id does not start with 8 hex digits.
QString runTag(const QString &runId);
// A tag for work that has no stored run id of its own (a benchmark, a tuning session).
QString newRunTag();
// "<prefix><tag>:", where a run's keys live.
QString runNamespace(const QString &prefix, const QString &runIdOrTag);

// The command that removes what a cleanup left behind in `keyNamespace`, for the user to copy:
// "cache-workbench-cli cleanup --target URI [--prefix P] --run TAG".
QString cleanupCommandLine(const QString &targetUri, const QString &keyNamespace);
// The line a command prints when keys of its namespace stay on the target: how many, where,
// why and how to remove them. `left` -1: the server could not say how many.
QString keysLeftMessage(qint64 left, const QString &keyNamespace, const QString &why, const QString &targetUri);

} // namespace cwb
