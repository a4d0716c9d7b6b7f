#include "atrium/store/schema.h"

#include <array>
#include <string>

namespace atrium::store {
namespace {

// Version 1: members and their identities, tiers, the points ledger,
// receipts, coupons, parking, devices and escrows, and the operation log.
// Times are unix seconds (UTC), money is fen; `body` columns hold the
// canonical JSON of what has no columns of its own. Tables written with
// every operation (ledger entries, receipts, the log) keep rows in the
// order written, with narrow indexes for lookups: a batch then dirties a
// few pages at the end of each table and one page per member in each
// index, not one page of wide rows per member. Small tables keyed by what
// they hold are WITHOUT ROWID (one b-tree, not two). `op_id` columns name
// the operation that wrote the row, and the member columns of ledger
// entries and receipts their member, without a foreign key, which would
// cost a lookup per row: the core applies nothing to a member it does not
// hold. A ledger entry's key is unique per member, and an operation's id
// in the log, which the core and the log guarantee; an index to check it
// again would cost a b-tree insert per row. Checks list values with OR, not IN:
// SQLite builds a temporary table for an IN list on every insert.
constexpr const char* kV1 = R"sql(
CREATE TABLE members (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  birthday TEXT,                       -- MM-DD, never a year
  consent_marketing INTEGER NOT NULL DEFAULT 0,
  consent_profiling INTEGER NOT NULL DEFAULT 0,
  registered_at INTEGER,               -- null until they register
  merged_into TEXT REFERENCES members(id),
  erased_at INTEGER                    -- personal data erased
) STRICT;

-- Every key a person is known by: one member, many keys (ID-mapping).
CREATE TABLE identities (
  kind TEXT NOT NULL CHECK (kind = 'phone' OR kind = 'open_id' OR
                            kind = 'card' OR kind = 'plate'),
  value TEXT NOT NULL,                 -- plates: a keyed hash
  member_id TEXT NOT NULL REFERENCES members(id),
  since INTEGER NOT NULL,
  display TEXT,                        -- plates: masked, 沪A***45
  PRIMARY KEY (kind, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX identities_by_member ON identities(member_id);

CREATE TABLE tiers (
  id TEXT PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE tier_history (
  member_id TEXT NOT NULL REFERENCES members(id),
  at INTEGER NOT NULL,
  tier_id TEXT NOT NULL REFERENCES tiers(id),
  reason TEXT NOT NULL,
  op_id TEXT
) STRICT;
CREATE INDEX tier_history_by_member ON tier_history(member_id, at);

CREATE TABLE ledger_entries (
  member_id TEXT NOT NULL,             -- a member's: the core applies it
  seq INTEGER NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind = 'earn' OR kind = 'spend' OR kind = 'expire' OR
           kind = 'reverse' OR kind = 'adjust'),
  at INTEGER NOT NULL,
  points INTEGER NOT NULL,
  requested INTEGER NOT NULL,
  target INTEGER NOT NULL,
  shortfall INTEGER NOT NULL,
  usable_from INTEGER,
  expires_at INTEGER,
  ref TEXT NOT NULL,
  note TEXT NOT NULL,
  op_id TEXT NOT NULL,                 -- the operation that made it
  remaining INTEGER CHECK (remaining >= 0),  -- a lot's points left
  PRIMARY KEY (member_id, seq)
) STRICT;

CREATE TABLE ledger_draws (
  member_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  lot INTEGER NOT NULL,
  points INTEGER NOT NULL,
  PRIMARY KEY (member_id, seq, lot),
  FOREIGN KEY (member_id, seq) REFERENCES ledger_entries(member_id, seq),
  FOREIGN KEY (member_id, lot) REFERENCES ledger_entries(member_id, seq)
) STRICT, WITHOUT ROWID;

-- Lots as they stand: the entries that added points, with what is left.
CREATE VIEW lots AS
  SELECT member_id, seq, points, remaining, usable_from, expires_at
  FROM ledger_entries WHERE remaining IS NOT NULL;

CREATE TABLE receipts (
  mall_id TEXT NOT NULL,
  id TEXT NOT NULL,
  member_id TEXT NOT NULL,             -- a member's: the core applies it
  store_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  total_fen INTEGER NOT NULL,
  points INTEGER NOT NULL,
  refunded_fen INTEGER NOT NULL DEFAULT 0,
  op_id TEXT NOT NULL,                 -- the earn; its body holds the lines
  PRIMARY KEY (mall_id, id)
) STRICT;  -- a member's receipts: their ledger entries' refs

CREATE TABLE coupon_templates (
  id TEXT PRIMARY KEY,
  mall_id TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;

CREATE TABLE coupons (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES coupon_templates(id),
  owner TEXT NOT NULL REFERENCES members(id),
  status TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_until INTEGER NOT NULL,
  issued_at INTEGER NOT NULL
) STRICT;
CREATE INDEX coupons_by_owner ON coupons(owner);

CREATE TABLE coupon_events (
  coupon_id TEXT NOT NULL REFERENCES coupons(id),
  seq INTEGER NOT NULL,
  key TEXT NOT NULL UNIQUE,
  op TEXT NOT NULL,
  at INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  op_id TEXT,
  PRIMARY KEY (coupon_id, seq)
) STRICT;

CREATE TABLE parking_tariffs (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  mall_id TEXT NOT NULL,
  effective_from INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE parking_sessions (
  id TEXT PRIMARY KEY,
  mall_id TEXT NOT NULL,
  plate_hash TEXT NOT NULL,            -- keyed hash; never the plate
  plate_masked TEXT NOT NULL,          -- for display: 沪A***45
  entry_at INTEGER NOT NULL,
  exit_at INTEGER,
  zone TEXT,
  paid_fen INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX parking_open_by_plate
  ON parking_sessions(mall_id, plate_hash) WHERE exit_at IS NULL;

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  mall_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind = 'pos' OR kind = 'kiosk' OR
                            kind = 'parking' OR kind = 'robot'),
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

CREATE TABLE escrows (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,             -- devices are registered apart
  granted_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  returned_at INTEGER,
  body TEXT NOT NULL
) STRICT;

-- Members a device serves (they signed in there, or registered there): it
-- pulls their data.
CREATE TABLE device_members (
  device TEXT NOT NULL,                -- its origin, 'device:<id>'
  member_id TEXT NOT NULL REFERENCES members(id),
  since INTEGER NOT NULL,
  PRIMARY KEY (device, member_id)
) STRICT, WITHOUT ROWID;

-- The operation log. `cursor` orders changes for pull; an operation is
-- found again by its id (which the log keeps unique, mapping ids to cursors
-- in memory) or by (origin, seq), and answers with `result`.
CREATE TABLE operations (
  cursor INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,                  -- canonical JSON, as pushed
  applied_at INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome = 'applied' OR outcome = 'rejected'),
  result TEXT NOT NULL,
  subject TEXT,                        -- whose data it changed; '*': all
  UNIQUE (origin, seq)
) STRICT;
CREATE INDEX operations_by_subject ON operations(subject, cursor)
  WHERE subject IS NOT NULL;

CREATE TABLE origins (
  origin TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) STRICT;
)sql";

// Version 2: the points ledger is append-only. What a lot has left is
// derived from its draws (the `lots` view), not kept in a column that every
// spend and expiry updated: a draw is one write, not two (the day's expiry
// of every member's lot is a third faster), and no ledger row changes once
// written. A lot's draws sit together under their key.
constexpr const char* kV2 = R"sql(
DROP VIEW lots;
CREATE TABLE ledger_draws_by_lot (
  member_id TEXT NOT NULL,
  seq INTEGER NOT NULL,                -- the entry that drew
  lot INTEGER NOT NULL,                -- the entry it drew from
  points INTEGER NOT NULL,             -- below 0: a reversal gave back
  PRIMARY KEY (member_id, lot, seq),
  FOREIGN KEY (member_id, seq) REFERENCES ledger_entries(member_id, seq),
  FOREIGN KEY (member_id, lot) REFERENCES ledger_entries(member_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO ledger_draws_by_lot(member_id, seq, lot, points)
  SELECT member_id, seq, lot, points FROM ledger_draws;
DROP TABLE ledger_draws;
ALTER TABLE ledger_draws_by_lot RENAME TO ledger_draws;
ALTER TABLE ledger_entries DROP COLUMN remaining;

-- Lots as they stand: the entries that added points (those with an
-- expiry), with what their draws left.
CREATE VIEW lots AS
  SELECT e.member_id, e.seq, e.points,
         e.points - coalesce((SELECT sum(d.points) FROM ledger_draws d
                              WHERE d.member_id = e.member_id
                                AND d.lot = e.seq), 0) AS remaining,
         e.usable_from, e.expires_at
  FROM ledger_entries e WHERE e.expires_at IS NOT NULL;
)sql";

constexpr std::array<const char*, kSchemaVersion> kMigrations = {kV1, kV2};

}  // namespace

Status Migrate(Db& db, int target) {
  if (target < 0 || target > kSchemaVersion) {
    return InvalidArgument("no schema version " + std::to_string(target));
  }
  StatusOr<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return FailedPrecondition(
        "the database has schema version " + std::to_string(*version) +
        ", newer than this program's " + std::to_string(kSchemaVersion));
  }
  for (int64_t v = *version; v < target; ++v) {
    Transaction txn(db);
    ATRIUM_RETURN_IF_ERROR(txn.Begin());
    ATRIUM_RETURN_IF_ERROR(db.Exec(kMigrations[static_cast<size_t>(v)]));
    ATRIUM_RETURN_IF_ERROR(
        db.Exec("PRAGMA user_version = " + std::to_string(v + 1)));
    ATRIUM_RETURN_IF_ERROR(txn.Commit());
  }
  return Status::Ok();
}

Status Configure(Db& db) {
  StatusOr<Statement*> mode = db.Prepare("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  StatusOr<bool> row = (*mode)->Step();
  if (!row.ok()) return row.status();
  (*mode)->Reset();
  return db.Exec(
      "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
      "PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536;");
}

}  // namespace atrium::store
