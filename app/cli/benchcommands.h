#pragma once

#include <QStringList>

namespace cwb::cli {

// `bench [NAME...] [--target URI | --sandbox] [--json FILE] [--db FILE] [--no-save]`,
// `bench --list` and `bench trend NAME [--target URI | --sandbox] [--db FILE]`.
int benchCommand(const QStringList &args);

} // namespace cwb::cli
