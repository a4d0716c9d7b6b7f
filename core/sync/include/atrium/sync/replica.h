// Replica is one client's copy of what it may see, with its outbox: a
// member's phone, or a device.
//
// Contract:
// - Submit applies an operation to the view at once (optimistic, at the
//   client's clock) and queues it with the next sequence number of this
//   origin; an operation the view already refuses is not queued, and the
//   refusal comes back at once. A device's operation on a member or
//   receipt its view does not hold is queued for the server to judge; if
//   it is made under the device's escrow, it is queued only within the
//   escrow, and counts against it.
// - ToPush() is what to send, oldest first. Pushing again after a lost
//   answer is safe: the server answers a repeat with its first result.
// - Acknowledge records each answer for the user to see (applied with the
//   server's result, or rejected and why); an answer lost on the way is
//   recorded when the pull brings the operation back. A rejected operation
//   leaves the outbox and the view; an applied one stays in the view until a
//   pull brings it.
// - Pulled applies the server's changes, in cursor order and at the
//   server's times, to the confirmed state, and rebuilds the view as the
//   confirmed state plus what is still queued. When everything is pushed
//   and pulled, the view is the server's state of what this client sees.
//   A change that does not apply to the replica (a device does not hold
//   the member) is kept only as its result. A page is a run of changes
//   after the cursor it was asked for; a page asked for beyond the
//   replica's cursor (sent before a restart) is ignored.
// - A device holds the members it serves: when the server starts serving a
//   member to it (a sign-in), HistoryPulled takes the member's history,
//   pages in any order, repeats and all; the server's later pulls carry the
//   member's new changes. The confirmed state is then rebuilt by applying
//   every change it holds in the server's order, as the server did. History
//   beyond the replica's cursor shows in the view at once and is confirmed
//   when the pull passes it.
// - Restarting: what must survive is the outbox (`unconfirmed()`, stored with
//   each Submit) and the next sequence number. A replica made from them
//   pulls again from cursor 0 and pushes the outbox again; repeats are
//   answered with their first results.
#ifndef ATRIUM_SYNC_REPLICA_H_
#define ATRIUM_SYNC_REPLICA_H_

#include <map>
#include <memory>
#include <span>
#include <vector>

#include "atrium/sync/apply.h"
#include "atrium/sync/protocol.h"

namespace atrium::sync {

class Replica {
 public:
  // `next_seq`: the first sequence number to use (after a restart, one past
  // the last this origin used).
  Replica(const Program& program, Origin origin, int64_t next_seq = 1);
  // A restarted client: `outbox` as unconfirmed() returned it before.
  Replica(const Program& program, Origin origin, int64_t next_seq,
          std::vector<Operation> outbox);

  StatusOr<Operation> Submit(std::string type, codec::Json payload,
                             Timestamp client_time);
  std::vector<Operation> ToPush() const;
  void Acknowledge(std::span<const OpResult> results);
  // `changes` answers a pull after cursor `after`.
  Status Pulled(int64_t after, std::span<const Change> changes);
  // A device: changes of a member it now serves, from before it served
  // them (OpLog::History).
  Status HistoryPulled(std::span<const Change> history);

  int64_t cursor() const { return cursor_; }
  const GroupState& view() const { return view_ ? *view_ : *confirmed_; }
  // Every answer the server gave, in the order they came.
  const std::vector<OpResult>& outcomes() const { return outcomes_; }
  size_t queued() const { return outbox_.size(); }
  // Every operation not yet confirmed by a pull, oldest first: what a
  // restart must keep.
  std::vector<Operation> unconfirmed() const;
  int64_t next_seq() const { return next_seq_; }

 private:
  struct Queued {
    Operation op;
    bool acknowledged = false;  // applied by the server, not yet pulled
  };
  // An operation the server applied, at the server's time.
  struct Confirmed {
    Operation op;
    Timestamp at;
  };
  std::unique_ptr<GroupState> EmptyState() const;
  void ApplyTo(GroupState& state, const Operation& op, Timestamp at) const;
  void Rebuild();
  // Applies `c` to the confirmed state; a device keeps it for a replay.
  void Confirm(int64_t cursor, Confirmed c);
  // Applies the history that comes before `cursor`.
  void ConfirmHistoryBefore(int64_t cursor);
  // Whether `s` is a device's view lacking the member or receipt.
  bool Unseen(const Status& s) const;

  Origin origin_;
  int64_t next_seq_;
  Program program_;
  int64_t cursor_ = 0;
  std::unique_ptr<GroupState> confirmed_;
  std::unique_ptr<GroupState> view_;  // null: the confirmed state
  std::vector<Queued> outbox_;
  // A device's confirmed changes by cursor, to replay when history comes,
  // and history beyond its cursor, waiting for the pull to pass it.
  std::map<int64_t, Confirmed> confirmed_log_;
  std::map<int64_t, Confirmed> history_ahead_;
  std::vector<OpResult> outcomes_;
};

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_REPLICA_H_
