// The store's schema and its migrations.
//
// The schema version is SQLite's `user_version`. Migration N takes a
// database from version N-1 to N in one transaction; opening a database
// applies every migration it lacks, in order. A database from a newer
// Atrium (a version above kSchemaVersion) is refused, not touched.
// Tables are STRICT and foreign keys are enforced.
#ifndef ATRIUM_STORE_SCHEMA_H_
#define ATRIUM_STORE_SCHEMA_H_

#include "atrium/store/sqlite.h"

namespace atrium::store {

inline constexpr int kSchemaVersion = 2;

// Applies the migrations from the database's version up to `target`
// (kSchemaVersion by default; lower only in tests that build old databases).
Status Migrate(Db& db, int target = kSchemaVersion);

// Durability and integrity settings for every connection: WAL (but for the
// browser's SQLite, built without it: one connection), synchronous=FULL (an
// acknowledged commit is on disk), foreign keys on, a 64 MiB page cache.
Status Configure(Db& db);

}  // namespace atrium::store

#endif  // ATRIUM_STORE_SCHEMA_H_
