#include "atrium/store/replica_store.h"

#include <set>

#include "atrium/sync/operation.h"

namespace atrium::store {
namespace {

// 2 added replica_history (a kiosk's served members).
constexpr int kReplicaSchemaVersion = 2;

// A table of changes as the server sent them (sync::Change).
std::string ChangesTable(std::string_view name) {
  return "CREATE TABLE IF NOT EXISTS " + std::string(name) + R"( (
  cursor INTEGER PRIMARY KEY,
  op_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  result TEXT NOT NULL,
  applied_at INTEGER NOT NULL,
  applied INTEGER NOT NULL
) STRICT;
)";
}

constexpr std::string_view kSchema = R"(
CREATE TABLE replica_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
-- Operations not yet confirmed by a pull, by sequence number.
CREATE TABLE replica_outbox (
  seq INTEGER PRIMARY KEY,
  operation TEXT NOT NULL
) STRICT;
-- The server's answer to each operation this client sent.
CREATE TABLE replica_outcomes (
  n INTEGER PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  applied INTEGER NOT NULL,
  result TEXT NOT NULL,
  cursor INTEGER NOT NULL
) STRICT;
)";

Status CreateOrCheck(Db& db, const sync::Origin& origin) {
  StatusOr<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > kReplicaSchemaVersion) {
    return FailedPrecondition("the replica was written by a newer Atrium");
  }
  if (*version < kReplicaSchemaVersion) {
    ATRIUM_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    // What the server sent: replica_changes, replayed in cursor order at
    // load; replica_history (format 2), a device's served members' changes
    // from before they were served, given to the replica after those.
    Status s =
        *version == 0
            ? db.Exec(std::string(kSchema) + ChangesTable("replica_changes"))
            : Status::Ok();
    if (s.ok() && *version == 0) {
      StatusOr<Statement*> put = db.Prepare(
          "INSERT INTO replica_meta (key, value) VALUES ('origin', ?)");
      s = put.ok() ? (*put)->Bind(1, origin.ToString()).Run() : put.status();
    }
    if (s.ok()) s = db.Exec(ChangesTable("replica_history"));
    if (s.ok()) {
      s = db.Exec("PRAGMA user_version = " +
                  std::to_string(kReplicaSchemaVersion));
    }
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return s;
    }
    ATRIUM_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  StatusOr<Statement*> get =
      db.Prepare("SELECT value FROM replica_meta WHERE key = 'origin'");
  if (!get.ok()) return get.status();
  StatusOr<bool> row = (*get)->Step();
  if (!row.ok()) return row.status();
  const bool same = *row && (*get)->Text(0) == origin.ToString();
  (*get)->Reset();
  if (!same) {
    return FailedPrecondition("this replica belongs to another client");
  }
  return Status::Ok();
}

StatusOr<std::vector<sync::Change>> ReadChanges(Db& db,
                                                const std::string& table) {
  std::vector<sync::Change> changes;
  StatusOr<Statement*> q = db.Prepare(
      "SELECT cursor, op_id, operation, result, applied_at, applied FROM " +
      table + " ORDER BY cursor");
  if (!q.ok()) return q.status();
  ATRIUM_RETURN_IF_ERROR((*q)->ForEach([&](Statement& row) {
    changes.push_back({.cursor = row.Int(0),
                       .op_id = std::string(row.Text(1)),
                       .operation = std::string(row.Text(2)),
                       .result = std::string(row.Text(3)),
                       .applied_at = Timestamp::FromUnixSeconds(row.Int(4)),
                       .applied = row.Int(5) != 0});
  }));
  return changes;
}

Status WriteChanges(Db& db, const std::string& table,
                    std::span<const sync::Change> changes) {
  StatusOr<Statement*> put =
      db.Prepare("INSERT OR IGNORE INTO " + table +
                 " (cursor, op_id, operation, result, applied_at, applied) "
                 "VALUES (?, ?, ?, ?, ?, ?)");
  if (!put.ok()) return put.status();
  for (const sync::Change& c : changes) {
    ATRIUM_RETURN_IF_ERROR((*put)
                               ->Bind(1, c.cursor)
                               .BindRef(2, c.op_id)
                               .BindRef(3, c.operation)
                               .BindRef(4, c.result)
                               .Bind(5, c.applied_at.unix_seconds())
                               .Bind(6, int64_t{c.applied})
                               .Run());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<ReplicaStore>> ReplicaStore::Open(
    const std::string& path, Program program, sync::Origin origin,
    int64_t next_seq) {
  if (next_seq < 1) return InvalidArgument("next_seq must be at least 1");
  StatusOr<std::unique_ptr<Db>> db = Db::Open(path);
  if (!db.ok()) return db.status();
  ATRIUM_RETURN_IF_ERROR((*db)->Exec("PRAGMA synchronous = FULL"));
  ATRIUM_RETURN_IF_ERROR(CreateOrCheck(**db, origin));
  std::unique_ptr<ReplicaStore> store(
      new ReplicaStore(std::move(*db), std::move(program), std::move(origin)));
  ATRIUM_RETURN_IF_ERROR(store->Load(next_seq));
  return store;
}

Status ReplicaStore::Load(int64_t next_seq) {
  StatusOr<int64_t> stored_seq = db_->QueryInt(
      "SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM replica_meta "
      "WHERE key = 'next_seq'");
  if (!stored_seq.ok()) return stored_seq.status();
  next_seq = std::max(next_seq, *stored_seq);

  std::vector<sync::Operation> outbox;
  StatusOr<Statement*> q =
      db_->Prepare("SELECT operation FROM replica_outbox ORDER BY seq");
  if (!q.ok()) return q.status();
  Status bad;
  ATRIUM_RETURN_IF_ERROR((*q)->ForEach([&](Statement& row) {
    StatusOr<sync::Operation> op = sync::ParseOperation(row.Text(0));
    if (op.ok()) {
      outbox.push_back(std::move(*op));
    } else {
      bad = DataLoss("replica outbox: " + op.status().message());
    }
  }));
  ATRIUM_RETURN_IF_ERROR(bad);

  StatusOr<std::vector<sync::Change>> changes =
      ReadChanges(*db_, "replica_changes");
  if (!changes.ok()) return changes.status();
  StatusOr<std::vector<sync::Change>> history =
      ReadChanges(*db_, "replica_history");
  if (!history.ok()) return history.status();

  stored_outcomes_.clear();
  q = db_->Prepare(
      "SELECT op_id, applied, result, cursor FROM replica_outcomes ORDER BY n");
  if (!q.ok()) return q.status();
  ATRIUM_RETURN_IF_ERROR((*q)->ForEach([&](Statement& row) {
    StatusOr<sync::OpResult> r = sync::OpResultFromText(
        std::string(row.Text(0)), row.Int(1) != 0, row.Text(2));
    if (!r.ok()) {
      bad = r.status();
      return;
    }
    r->cursor = row.Int(3);
    stored_outcomes_.push_back(std::move(*r));
  }));
  ATRIUM_RETURN_IF_ERROR(bad);

  replica_ = std::make_unique<sync::Replica>(program_, origin_, next_seq,
                                             std::move(outbox));
  outcomes_saved_ = 0;
  if (!changes->empty()) ATRIUM_RETURN_IF_ERROR(replica_->Pulled(0, *changes));
  if (!history->empty())
    ATRIUM_RETURN_IF_ERROR(replica_->HistoryPulled(*history));
  return Status::Ok();
}

Status ReplicaStore::InTransaction(const std::function<Status()>& body) {
  ATRIUM_RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (s.ok()) s = db_->Exec("COMMIT");
  if (!s.ok()) (void)db_->Exec("ROLLBACK");
  return s;
}

Status ReplicaStore::SaveQueue() {
  ATRIUM_RETURN_IF_ERROR(db_->Exec("DELETE FROM replica_outbox"));
  StatusOr<Statement*> put =
      db_->Prepare("INSERT INTO replica_outbox (seq, operation) VALUES (?, ?)");
  if (!put.ok()) return put.status();
  for (const sync::Operation& op : replica_->unconfirmed()) {
    ATRIUM_RETURN_IF_ERROR(
        (*put)->Bind(1, op.seq).Bind(2, sync::CanonicalJson(op)).Run());
  }
  put = db_->Prepare(
      "INSERT OR REPLACE INTO replica_meta (key, value) "
      "VALUES ('next_seq', ?)");
  if (!put.ok()) return put.status();
  return (*put)->Bind(1, std::to_string(replica_->next_seq())).Run();
}

Status ReplicaStore::SaveNewOutcomes() {
  StatusOr<Statement*> put = db_->Prepare(
      "INSERT OR IGNORE INTO replica_outcomes (op_id, applied, result, cursor)"
      " VALUES (?, ?, ?, ?)");
  if (!put.ok()) return put.status();
  const std::vector<sync::OpResult>& all = replica_->outcomes();
  for (size_t i = outcomes_saved_; i < all.size(); ++i) {
    const sync::OpResult& r = all[i];
    const std::string text =
        r.applied ? r.result.dump() : sync::ErrorJson(r.error).dump();
    ATRIUM_RETURN_IF_ERROR((*put)
                               ->Bind(1, r.op_id)
                               .Bind(2, int64_t{r.applied})
                               .Bind(3, text)
                               .Bind(4, r.cursor)
                               .Run());
  }
  return Status::Ok();
}

StatusOr<sync::Operation> ReplicaStore::Submit(std::string type,
                                               codec::Json payload,
                                               Timestamp client_time) {
  StatusOr<sync::Operation> op =
      replica_->Submit(std::move(type), std::move(payload), client_time);
  if (!op.ok()) return op;
  Status saved = InTransaction([&] { return SaveQueue(); });
  if (!saved.ok()) {
    // Not stored, so not queued: the replica goes back to the file.
    Status reloaded = Load(1);
    return reloaded.ok() ? saved : reloaded;
  }
  return op;
}

Status ReplicaStore::Acknowledge(std::span<const sync::OpResult> results) {
  replica_->Acknowledge(results);
  Status s = InTransaction([&] { return SaveNewOutcomes(); });
  if (s.ok()) outcomes_saved_ = replica_->outcomes().size();
  return s;
}

Status ReplicaStore::Pulled(int64_t after,
                            std::span<const sync::Change> changes) {
  const int64_t before = replica_->cursor();
  ATRIUM_RETURN_IF_ERROR(replica_->Pulled(after, changes));
  if (after > before) return Status::Ok();  // ignored: asked before a restart
  Status s = InTransaction([&]() -> Status {
    ATRIUM_RETURN_IF_ERROR(WriteChanges(*db_, "replica_changes", changes));
    ATRIUM_RETURN_IF_ERROR(SaveQueue());
    return SaveNewOutcomes();
  });
  if (s.ok()) outcomes_saved_ = replica_->outcomes().size();
  return s;
}

Status ReplicaStore::HistoryPulled(std::span<const sync::Change> history) {
  ATRIUM_RETURN_IF_ERROR(replica_->HistoryPulled(history));
  return InTransaction(
      [&] { return WriteChanges(*db_, "replica_history", history); });
}

std::vector<sync::OpResult> ReplicaStore::outcomes() const {
  std::vector<sync::OpResult> out = stored_outcomes_;
  std::set<std::string> seen;
  for (const sync::OpResult& r : out) seen.insert(r.op_id);
  for (const sync::OpResult& r : replica_->outcomes()) {
    if (seen.insert(r.op_id).second) out.push_back(r);
  }
  return out;
}

}  // namespace atrium::store
