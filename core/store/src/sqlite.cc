#include "atrium/store/sqlite.h"

#include <sqlite3.h>

namespace atrium::store {
namespace {

Status FromSqlite(int rc, std::string message) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return Unavailable(std::move(message));
    case SQLITE_FULL:
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG: return ResourceExhausted(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return DataLoss(std::move(message));
    case SQLITE_CONSTRAINT: return AlreadyExists(std::move(message));
    default: return {StatusCode::kInternal, std::move(message)};
  }
}

std::string Abbreviated(std::string_view sql) {
  return sql.size() > 60 ? std::string(sql.substr(0, 60)) + "..."
                         : std::string(sql);
}

}  // namespace

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindRef(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_STATIC);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

StatusOr<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int code = sqlite3_extended_errcode(sqlite3_db_handle(stmt_));
  const std::string what = Abbreviated(sqlite3_sql(stmt_));
  Reset();
  return FromSqlite(code, "running '" + what + "': " + sqlite3_errstr(code));
}

Status Statement::Run() {
  StatusOr<bool> row = Step();
  if (!row.ok()) return row.status();
  Reset();
  return Status::Ok();
}

int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string_view Statement::Text(int column) const {
  const auto* p =
      reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (p == nullptr) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

void Statement::Reset() { sqlite3_reset(stmt_); }

StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  return OpenWith(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
}

StatusOr<std::unique_ptr<Db>> Db::OpenReadOnly(const std::string& path) {
  return OpenWith(path, SQLITE_OPEN_READONLY);
}

StatusOr<std::unique_ptr<Db>> Db::OpenWith(const std::string& path, int flags) {
  // Memory statistics take a global mutex on every allocation; nothing
  // reads them. This must precede SQLite's initialisation; if another part
  // of the process initialised it first, the call fails harmlessly.
  static const int kNoMemStatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemStatus;
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Db> db(new Db(raw));  // closes `raw` even on failure
  if (rc != SQLITE_OK) return db->Error(rc, "opening the database");
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Db::~Db() {
  statements_.clear();  // finalized before the connection closes
  sqlite3_close(db_);
}

Status Db::Error(int rc, std::string_view doing) const {
  return FromSqlite(
      rc, std::string(doing) + ": " +
              (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)));
}

Status Db::Exec(std::string_view sql) {
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "running '" + Abbreviated(sql) + "'");
  return Status::Ok();
}

StatusOr<Statement*> Db::Prepare(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      return Error(rc, "preparing '" + Abbreviated(sql) + "'");
    }
    it =
        statements_.emplace(std::string(sql), std::make_unique<Statement>(stmt))
            .first;
  }
  it->second->Reset();
  return it->second.get();
}

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

StatusOr<int64_t> Db::QueryInt(std::string_view sql) {
  StatusOr<Statement*> s = Prepare(sql);
  if (!s.ok()) return s.status();
  StatusOr<bool> row = (*s)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(StatusCode::kInternal, "no row from a query");
  const int64_t v = (*s)->Int(0);
  (*s)->Reset();
  return v;
}

Transaction::~Transaction() {
  if (open_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Begin() {
  ATRIUM_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  Status s = db_.Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace atrium::store
