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
//   the members it served) is kept only as its result. A page is a run of
//   changes after the cursor it was asked for; a page asked for beyond the
//   replica's cursor (sent before a restart) is ignored.
// - Restarting: what must survive is the outbox (`unconfirmed()`, stored with
//   each Submit) and the next sequence number. A replica made from them
//   pulls again from cursor 0 and pushes the outbox again; repeats are
//   answered with their first results.
#ifndef ATRIUM_SYNC_REPLICA_H_
#define ATRIUM_SYNC_REPLICA_H_

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

  int64_t cursor() const { return cursor_; }
  const GroupState& view() const { return *view_; }
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
  void Rebuild();
  // Whether `s` is a device's view lacking the member or receipt.
  bool Unseen(const Status& s) const;

  Origin origin_;
  int64_t next_seq_;
  int64_t cursor_ = 0;
  std::unique_ptr<GroupState> confirmed_;
  std::unique_ptr<GroupState> view_;
  std::vector<Queued> outbox_;
  std::vector<OpResult> outcomes_;
};

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_REPLICA_H_
