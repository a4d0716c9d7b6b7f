// OpLog is the server's durable operation log: it applies batches of
// operations exactly once, keeps every outcome, and rebuilds the group's
// state from the log when it opens.
//
// Contract:
// - ApplyBatch applies its operations in order in one transaction
//   (BEGIN IMMEDIATE ... COMMIT, synchronous=FULL) and returns only after
//   the commit: every result it returns is on disk (group commit).
// - An operation seen before, by id or by (origin, seq), is not applied
//   again: its first result comes back, marked replayed. The same id with a
//   different body is refused (AlreadyExists) and not stored.
// - A rejected operation (bad payload, too few points, not allowed) is
//   stored with its reason, changes nothing else, and answers the same way
//   if pushed again.
// - If the store fails (disk full, I/O error), the whole batch is rolled
//   back, the in-memory state is rebuilt from the log, and ApplyBatch
//   returns the failure: nothing of the batch happened, and the client may
//   push it again.
// - Open replays every applied operation through the same core code at its
//   recorded time; an answer that differs from the recorded one means the
//   log and the code disagree, and Open fails with DataLoss.
// - Pull pages through the log by cursor; each viewer sees only its own.
// - A device is served a member when the member signs in there (Serve,
//   which the caller authorises: the member showed their code) or
//   registers there; from then on its pulls carry the member's changes,
//   and History gives it the member's changes from before.
#ifndef ATRIUM_STORE_OP_LOG_H_
#define ATRIUM_STORE_OP_LOG_H_

#include <memory>
#include <set>
#include <shared_mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "atrium/store/sqlite.h"
#include "atrium/sync/apply.h"
#include "atrium/sync/authority.h"
#include "atrium/sync/protocol.h"

namespace atrium::store {

using sync::Change;
using sync::kMaxPull;
using sync::OpResult;

class OpLog {
 public:
  // Opens (creating or migrating) the database at `path` and rebuilds the
  // state of `program` from it.
  static StatusOr<std::unique_ptr<OpLog>> Open(const std::string& path,
                                               Program program);

  // `senders`, when given, holds who sent each operation (one per
  // operation): each new operation is authorised for its sender
  // (sync::Authorize) before it applies, and a refusal is answered but not
  // stored. A kiosk sender without its own `served` has served the members
  // it serves here (Serve). Without senders the operations are the server's
  // own (a seed, a test) and are not checked.
  StatusOr<std::vector<OpResult>> ApplyBatch(
      std::span<const sync::Operation> ops, Timestamp now,
      std::span<const sync::Sender* const> senders = {});

  // Up to `limit` (1..kMaxPull) changes after `after` that `viewer` may
  // see, oldest first: a member, the operations that changed their data; a
  // device, the operations it sent, its escrows and the members it serves;
  // both, the catalogue (coupon templates). Pass the last cursor back for
  // more.
  StatusOr<std::vector<Change>> Pull(const sync::Origin& viewer, int64_t after,
                                     size_t limit);

  // Starts serving `member` to `device` (durably; serving again is a
  // no-op). NotFound if the member is not registered.
  Status Serve(const sync::Origin& device, const MemberId& member,
               Timestamp now);
  // OK if `device` serves `member`, else PermissionDenied: what a device
  // may do for a member (their history, their benefits at a kiosk) only
  // once the member signed in there.
  Status CheckServes(const sync::Origin& device, const MemberId& member);
  // Up to `limit` applied changes of `member` after `after`, oldest first,
  // for a device that serves them (PermissionDenied otherwise).
  StatusOr<std::vector<Change>> History(const sync::Origin& device,
                                        const MemberId& member, int64_t after,
                                        size_t limit);

  // An operation the log holds, as stored, with its answer.
  struct Stored {
    std::string operation;  // canonical JSON
    OpResult result;
  };
  // The operation stored under `op_id`, if any: for a caller that builds
  // operations itself (the server's API) and must tell a retry from a
  // different request under the same id.
  StatusOr<std::optional<Stored>> Find(const std::string& op_id);
  // Whether the log holds an operation with this id. Unlike the rest, safe
  // to call from any thread while another applies a batch (a server's
  // request threads ask it without waiting for the writer).
  bool Contains(const std::string& op_id) const {
    std::shared_lock lock(ids_mu_);
    return ids_.contains(op_id);
  }
  // The last sequence number stored for `origin`; 0 if none.
  int64_t LastSeq(const sync::Origin& origin) const;

  const sync::GroupState& state() const { return *state_; }
  Db& db() { return *db_; }

 private:
  OpLog(std::unique_ptr<Db> db, Program program)
      : db_(std::move(db)), program_(std::move(program)) {}
  // Rebuilds state_ from the log.
  Status Replay();
  // One operation inside the batch's transaction.
  // Adds the origins whose last sequence number moved to `origins`.
  StatusOr<OpResult> ApplyOne(const sync::Operation& op, Timestamp now,
                              std::set<std::string>& origins,
                              const sync::Sender* sender = nullptr);
  // Whether `sender` may send `op` now.
  Status Authorize(const sync::Operation& op, const sync::Sender& sender);
  // The stored answer to `op`, if it was seen before.
  StatusOr<std::optional<OpResult>> Seen(const sync::Operation& op,
                                         const std::string& body);
  // Stores `op` and its result; returns its cursor.
  StatusOr<int64_t> Record(const sync::Operation& op, const std::string& body,
                           Timestamp now, const OpResult& r,
                           const std::optional<std::string>& subject);

  // Writes the last sequence number of each origin the batch touched.
  Status SaveOrigins(const std::set<std::string>& origins);
  // Writes the tier changes of `member` not yet in the tier history.
  // A page of changes: after a cursor, 1..kMaxPull of them.
  static Status CheckPage(int64_t after, size_t limit);
  Status SaveTierChanges(const MemberId& member, const std::string& op_id);
  // Records that `device` (an origin string) serves `member`.
  // Rewrites the payloads of `member`'s operations that held personal
  // data (register, update_profile) once they erased their account; the
  // rewritten operations answer the same when the log is replayed.
  Status ScrubErased(const MemberId& member);
  Status AddServed(const std::string& device, const MemberId& member,
                   Timestamp now);
  // The changes `s` selects: cursor, id, body, result, applied_at, outcome.
  static Status ReadChanges(Statement& s, size_t limit,
                            std::vector<Change>& out);

  std::unique_ptr<Db> db_;
  Program program_;
  std::unique_ptr<sync::GroupState> state_;
  // What the log holds, so that new operations need no lookup: the cursor
  // of each operation id (the log is the only writer, so the memory keeps
  // ids unique, not an index).
  // Written only by the applying thread, under ids_mu_ (for Contains).
  std::unordered_map<std::string, int64_t> ids_;
  mutable std::shared_mutex ids_mu_;
  std::unordered_map<std::string, int64_t> last_seq_;  // by origin
  // How many of each member's tier changes the tier history holds.
  std::unordered_map<std::string, size_t> tier_rows_;  // by member id
};

}  // namespace atrium::store

#endif  // ATRIUM_STORE_OP_LOG_H_
