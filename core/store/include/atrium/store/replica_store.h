// ReplicaStore is a client's replica (a member's phone, a kiosk) kept in
// its own SQLite file: the changes it pulled, its outbox, the server's
// answers and its next sequence number. A client that restarts offline
// shows what it showed before and still pushes what it had queued.
//
// Contract (beyond sync::Replica's):
// - Submit returns only once the queued operation is stored; if storing
//   fails, nothing was queued (the replica is reloaded from the file).
// - Acknowledge and Pulled store what they learnt in one transaction each.
//   If that fails the replica in memory is ahead of the file, which is
//   safe: after a restart the client pulls again from the stored cursor and
//   pushes again, and the server answers repeats with their first results.
// - A file belongs to one origin: opening it for another is
//   FailedPrecondition (sign-out removes the file; another member signing in
//   on the same phone gets a file of their own).
// - The file's format is versioned (`user_version`); one from a newer
//   Atrium is refused, not touched.
#ifndef ATRIUM_STORE_REPLICA_STORE_H_
#define ATRIUM_STORE_REPLICA_STORE_H_

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "atrium/store/sqlite.h"
#include "atrium/sync/replica.h"

namespace atrium::store {

class ReplicaStore {
 public:
  // Opens (creating if needed) the replica at `path` for `origin`.
  // `next_seq` is where a new replica numbers its operations from (the
  // server says, at sign-in); a stored replica keeps the larger of the two.
  static StatusOr<std::unique_ptr<ReplicaStore>> Open(const std::string& path,
                                                      Program program,
                                                      sync::Origin origin,
                                                      int64_t next_seq);

  StatusOr<sync::Operation> Submit(std::string type, codec::Json payload,
                                   Timestamp client_time);
  std::vector<sync::Operation> ToPush() const { return replica_->ToPush(); }
  Status Acknowledge(std::span<const sync::OpResult> results);
  Status Pulled(int64_t after, std::span<const sync::Change> changes);
  // A device: a served member's history (sync::Replica::HistoryPulled),
  // kept so that a restart still holds the member.
  Status HistoryPulled(std::span<const sync::Change> history);

  const sync::Replica& replica() const { return *replica_; }
  // Every answer the server gave this replica, before restarts too, oldest
  // first.
  std::vector<sync::OpResult> outcomes() const;

 private:
  ReplicaStore(std::unique_ptr<Db> db, Program program, sync::Origin origin)
      : db_(std::move(db)),
        program_(std::move(program)),
        origin_(std::move(origin)) {}
  // Rebuilds the replica from what the file holds.
  Status Load(int64_t next_seq);
  // Stores the outbox, the cursor, the next sequence number and the answers
  // not yet stored, inside the caller's transaction.
  Status SaveQueue();
  Status SaveNewOutcomes();
  Status InTransaction(const std::function<Status()>& body);

  std::unique_ptr<Db> db_;
  Program program_;
  sync::Origin origin_;
  std::unique_ptr<sync::Replica> replica_;
  std::vector<sync::OpResult> stored_outcomes_;  // from before this Load
  size_t outcomes_saved_ = 0;                    // of replica_->outcomes()
};

}  // namespace atrium::store

#endif  // ATRIUM_STORE_REPLICA_STORE_H_
