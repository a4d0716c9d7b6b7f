#include "atrium/sync/replica.h"

#include <algorithm>

namespace atrium::sync {
namespace {

bool Escrowed(const Operation& op) { return op.payload.contains("escrow_id"); }

}  // namespace

bool Replica::Unseen(const Status& s) const {
  return origin_.kind == OriginKind::kDevice &&
         s.code() == StatusCode::kNotFound;
}

Replica::Replica(const Program& program, Origin origin, int64_t next_seq)
    : origin_(std::move(origin)),
      next_seq_(next_seq),
      confirmed_(std::make_unique<GroupState>(program)),
      view_(std::make_unique<GroupState>(program)) {
  confirmed_->checks_escrows = origin_.kind != OriginKind::kMember;
  view_->checks_escrows = confirmed_->checks_escrows;
}

Replica::Replica(const Program& program, Origin origin, int64_t next_seq,
                 std::vector<Operation> outbox)
    : Replica(program, std::move(origin), next_seq) {
  for (Operation& op : outbox) {
    next_seq_ = std::max(next_seq_, op.seq + 1);
    outbox_.push_back({std::move(op), false});
  }
  Rebuild();
}

std::vector<Operation> Replica::unconfirmed() const {
  std::vector<Operation> out;
  out.reserve(outbox_.size());
  for (const Queued& q : outbox_) out.push_back(q.op);
  return out;
}

StatusOr<Operation> Replica::Submit(std::string type, codec::Json payload,
                                    Timestamp client_time) {
  Operation op;
  op.origin = origin_;
  op.seq = next_seq_;
  op.id = origin_.ToString() + ":" + std::to_string(op.seq);
  op.type = std::move(type);
  op.client_time = client_time;
  op.payload = std::move(payload);
  ATRIUM_RETURN_IF_ERROR(Validate(op));
  StatusOr<Effects> fx = Apply(*view_, op, client_time);
  if (!fx.ok()) {
    // A device holds only some members: what it cannot see, the server
    // judges; under an escrow, only if the escrow allows it.
    if (!Unseen(fx.status())) return fx.status();
    if (Escrowed(op)) ATRIUM_RETURN_IF_ERROR(ChargeEscrow(*view_, op));
  }
  ++next_seq_;
  outbox_.push_back({op, false});
  return op;
}

std::vector<Operation> Replica::ToPush() const {
  std::vector<Operation> out;
  for (const Queued& q : outbox_) {
    if (!q.acknowledged) out.push_back(q.op);
  }
  return out;
}

void Replica::Acknowledge(std::span<const OpResult> results) {
  bool dropped = false;
  for (const OpResult& r : results) {
    auto it = std::find_if(outbox_.begin(), outbox_.end(),
                           [&](const Queued& q) { return q.op.id == r.op_id; });
    if (it == outbox_.end() || it->acknowledged) continue;  // answered before
    outcomes_.push_back(r);
    if (r.applied) {
      it->acknowledged = true;
    } else {
      outbox_.erase(it);
      dropped = true;
    }
  }
  if (dropped) Rebuild();
}

Status Replica::Pulled(int64_t after, std::span<const Change> changes) {
  if (after > cursor_) return Status::Ok();  // asked before a restart
  for (const Change& c : changes) {
    if (c.cursor <= cursor_) continue;  // pulled before
    cursor_ = c.cursor;
    // An operation of ours whose answer was lost: the pull brings it.
    auto mine =
        std::find_if(outbox_.begin(), outbox_.end(),
                     [&](const Queued& q) { return q.op.id == c.op_id; });
    if (mine != outbox_.end()) {
      if (!mine->acknowledged) {
        StatusOr<OpResult> r = OpResultFromText(c.op_id, c.applied, c.result);
        if (!r.ok()) return r.status();
        r->cursor = c.cursor;
        outcomes_.push_back(std::move(*r));
      }
      outbox_.erase(mine);
    }
    if (!c.applied) continue;
    StatusOr<Operation> op = ParseOperation(c.operation);
    if (!op.ok())
      return DataLoss("pulled operation " + c.op_id + " unreadable");
    // Not applying (a device without the member) leaves the state as it
    // was, but for the escrow the operation counted against.
    StatusOr<Effects> fx = Apply(*confirmed_, *op, c.applied_at);
    if (!fx.ok() && Unseen(fx.status()) && Escrowed(*op)) {
      (void)ChargeEscrow(*confirmed_, *op);
    }
  }
  Rebuild();
  return Status::Ok();
}

void Replica::Rebuild() {
  view_ = std::make_unique<GroupState>(*confirmed_);
  for (const Queued& q : outbox_) {
    StatusOr<Effects> fx = Apply(*view_, q.op, q.op.client_time);
    if (!fx.ok() && Unseen(fx.status()) && Escrowed(q.op)) {
      (void)ChargeEscrow(*view_, q.op);
    }
  }
}

}  // namespace atrium::sync
