// Thin RAII wrappers over the SQLite C API: a connection and a prepared
// statement with bound parameters. Every value reaches SQL through a bound
// parameter, never through string building. Not thread-safe; one Db per
// thread.
#ifndef WHOSAID_STORE_SQLITE_DB_H_
#define WHOSAID_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "whosaid/status.h"

namespace whosaid::internal {

class Statement;

// An open database connection. Closes on destruction.
class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens path with the given sqlite3_open_v2 flags. When uri is not empty
  // it is opened instead (with SQLITE_OPEN_URI) and path only names the
  // database in messages. Closes the connection already open, if any.
  Status Open(const std::string& path, int flags, const std::string& uri = "");
  // Closes the connection. Returns an error (and stays open) while a
  // prepared statement of it is not finalized.
  Status Close();
  // Runs one or more statements that take no parameters (schema, pragmas).
  Status Exec(const char* sql);
  // Prepares sql into *stmt; the statement is cached by the caller.
  Status Prepare(std::string_view sql, Statement* stmt);
  // Returns a Status carrying SQLite's last error for this connection.
  Status Error(const std::string& context) const;
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepared() const { return stmt_ != nullptr; }
  // Releases the prepared statement, e.g. before closing its connection.
  void Finalize();
  // Resets for re-execution. Bindings are kept, not cleared: every caller
  // binds each parameter again before the next step (clearing them cost
  // ~1% of indexing CPU for nothing).
  void Reset();
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, int v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  // Text is bound without a copy (SQLITE_STATIC): the bytes must stay valid
  // and unchanged until the statement has stepped for the last time with
  // this binding (Run, or the last Step before Reset), and the statement
  // must not be stepped again before the parameter is bound anew. Copying
  // every quote's and article's text into SQLite cost ~4% of indexing CPU.
  // A temporary std::string is copied instead (the overload below).
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void Bind(int i, const char* v) { Bind(i, std::string_view(v)); }
  void Bind(int i, const std::string& v) { Bind(i, std::string_view(v)); }
  // A temporary dies before the statement steps, so its bytes are copied.
  void Bind(int i, std::string&& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, const std::optional<std::string>& v) {
    if (v) Bind(i, *v); else sqlite3_bind_null(stmt_, i);
  }
  void Bind(int i, std::optional<std::string>&& v) = delete;  // Bind a named value.
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  // Steps once. Returns true when a row is available; on error returns false
  // and sets *status (when status is non-null).
  bool Step(Status* status);
  // Steps to completion (for writes).
  Status Run();
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<std::string> OptText(int col) const;

 private:
  friend class Db;
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_STORE_SQLITE_DB_H_
