// A thin, owning wrapper over one SQLite connection and its prepared
// statements, turning SQLite's result codes into Status by what the caller
// should do next:
//   SQLITE_BUSY, LOCKED, IOERR, CANTOPEN  kUnavailable (retry, or reopen)
//   SQLITE_FULL, NOMEM, TOOBIG            kResourceExhausted
//   SQLITE_CORRUPT, NOTADB                kDataLoss
//   SQLITE_CONSTRAINT                     kAlreadyExists
//   anything else                         kInternal
// Messages name what was being done and SQLite's own message; they never
// hold bound values (which may be personal data).
//
// One Db is used by one thread at a time.
#ifndef ATRIUM_STORE_SQLITE_H_
#define ATRIUM_STORE_SQLITE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "atrium/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace atrium::store {

// A prepared statement, owned by its Db and reset after each use.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters count from 1, as in SQLite.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);  // copied
  // Binds `text` without copying it: it must stay alive and unchanged until
  // the statement is stepped (for the hot inserts of every operation).
  Statement& BindRef(int index, std::string_view text);
  Statement& BindNull(int index);
  // True while there is a row to read; false once done.
  StatusOr<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();
  // Calls `row(*this)` for each row, then resets.
  template <typename F>
  Status ForEach(F row) {
    while (true) {
      StatusOr<bool> more = Step();
      if (!more.ok()) return more.status();
      if (!*more) return Status::Ok();
      row(*this);
    }
  }
  // Columns count from 0. Text is valid until the next Step or Reset.
  int64_t Int(int column) const;
  std::string_view Text(int column) const;
  // Rewinds; done by Prepare before each use. Bindings are not cleared
  // (a pass over them per use): every use binds every parameter.
  void Reset();

 private:
  sqlite3_stmt* stmt_;
};

class Db {
 public:
  // Opens (creating if needed) the database at `path`, or a private
  // in-memory one for ":memory:".
  static StatusOr<std::unique_ptr<Db>> Open(const std::string& path);
  // Opens an existing database to read only (store/readers.h).
  static StatusOr<std::unique_ptr<Db>> OpenReadOnly(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  Status Exec(std::string_view sql);
  // A reset statement for `sql`, prepared once and cached. The pointer lives
  // as long as the Db; one use at a time.
  StatusOr<Statement*> Prepare(std::string_view sql);
  // The single integer `sql` returns (a PRAGMA, a count).
  StatusOr<int64_t> QueryInt(std::string_view sql);

  // The rowid of the last row inserted on this connection.
  int64_t LastInsertRowid() const;

 private:
  static StatusOr<std::unique_ptr<Db>> OpenWith(const std::string& path,
                                                int flags);
  explicit Db(sqlite3* db) : db_(db) {}
  Status Error(int rc, std::string_view doing) const;

  sqlite3* db_;
  // Looked up by the SQL text without copying it.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, TextHash,
                     std::equal_to<>>
      statements_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  Db& db_;
  bool open_ = false;
};

}  // namespace atrium::store

#endif  // ATRIUM_STORE_SQLITE_H_
