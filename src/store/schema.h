// The SQLite schema of the quote index and its version. Opening a database
// creates the schema in an empty file, migrates an older whosaid schema, and
// refuses anything else with a message that says what was found.
#ifndef WHOSAID_STORE_SCHEMA_H_
#define WHOSAID_STORE_SCHEMA_H_

#include "src/store/sqlite_db.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// The schema this build writes and reads.
constexpr int kSchemaVersion = 3;

// Returns the schema version recorded in db, 0 for an empty database, or an
// error when the file is not a whosaid database.
StatusOr<int> ReadSchemaVersion(Db* db);

// Brings db to kSchemaVersion: creates the schema in an empty database and
// runs the migrations from an older version. When read_only, only checks.
// Returns Unsupported naming both versions when the database is newer than
// this build or too old to migrate. When defer_query_indexes, a new schema
// is created without the secondary indexes only queries use (a bulk build
// adds them with CreateQueryIndexes when complete).
Status PrepareSchema(Db* db, bool read_only, bool defer_query_indexes = false);

// Creates the indexes PrepareSchema deferred. REQUIRES: they do not exist.
Status CreateQueryIndexes(Db* db);

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_SCHEMA_H_
