#pragma once

#include <QString>

namespace cwb {

// Sets *error (when one is asked for) and returns false: the failure path of every check that
// explains itself in one sentence.
inline bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace cwb
