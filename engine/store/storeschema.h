#pragma once

// The result store's schema, as forward migrations. Internal to the store (and its tests).
//
// migration i (0-based) takes a database from user_version i to i + 1. A released migration is
// never edited: a change is a new migration appended here (and ResultStore::kSchemaVersion
// raised), so every older file walks the same path to the current schema.

#include <QStringList>

#include <vector>

namespace cwb::storeschema {

// 'CWB1' in PRAGMA application_id: how a file says it is ours.
inline constexpr int kApplicationId = 0x43574231;

// Statements of each migration, in order; migrations()[0] creates schema v1.
const std::vector<QStringList> &migrations();

} // namespace cwb::storeschema
