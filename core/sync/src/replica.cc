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
      program_(program),
      confirmed_(EmptyState()) {}

std::unique_ptr<GroupState> Replica::EmptyState() const {
  auto state = std::make_unique<GroupState>(program_);
  state->checks_escrows = origin_.kind != OriginKind::kMember;
  if (origin_.kind == OriginKind::kDevice) state->own_device = origin_.id;
  return state;
}

void Replica::ApplyTo(GroupState& state, const Operation& op,
                      Timestamp at) const {
  // Not applying (a device without the member) leaves the state as it
  // was, but for the escrow the operation counted against.
  StatusOr<Effects> fx = Apply(state, op, at);
  if (!fx.ok() && Unseen(fx.status()) && Escrowed(op)) {
    (void)ChargeEscrow(state, op);
  }
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
  if (!view_) view_ = std::make_unique<GroupState>(*confirmed_);
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
    ConfirmHistoryBefore(c.cursor);
    history_ahead_.erase(c.cursor);  // the page carries it as well
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
    Confirm(c.cursor, {std::move(*op), c.applied_at});
  }
  // History the page did not carry (it was read before the serving began).
  ConfirmHistoryBefore(cursor_ + 1);
  Rebuild();
  return Status::Ok();
}

Status Replica::HistoryPulled(std::span<const Change> history) {
  if (origin_.kind != OriginKind::kDevice) {
    return FailedPrecondition("only a device is served members");
  }
  bool replay = false;
  for (const Change& c : history) {
    if (!c.applied || confirmed_log_.contains(c.cursor) ||
        history_ahead_.contains(c.cursor)) {
      continue;
    }
    StatusOr<Operation> op = ParseOperation(c.operation);
    if (!op.ok())
      return DataLoss("pulled operation " + c.op_id + " unreadable");
    Confirmed entry{std::move(*op), c.applied_at};
    if (c.cursor > cursor_) {
      history_ahead_.emplace(c.cursor, std::move(entry));
    } else {
      confirmed_log_.emplace(c.cursor, std::move(entry));
      replay = true;
    }
  }
  if (replay) {
    // The server applied these among the others: so must the replica.
    confirmed_ = EmptyState();
    for (const auto& [cursor, c] : confirmed_log_) {
      ApplyTo(*confirmed_, c.op, c.at);
    }
  }
  Rebuild();
  return Status::Ok();
}

void Replica::Confirm(int64_t cursor, Confirmed c) {
  ApplyTo(*confirmed_, c.op, c.at);
  if (origin_.kind == OriginKind::kDevice) {
    confirmed_log_.emplace(cursor, std::move(c));
  }
}

void Replica::ConfirmHistoryBefore(int64_t cursor) {
  while (!history_ahead_.empty() && history_ahead_.begin()->first < cursor) {
    auto node = history_ahead_.extract(history_ahead_.begin());
    Confirm(node.key(), std::move(node.mapped()));
  }
}

void Replica::Rebuild() {
  // With nothing on top, the view is the confirmed state: no copy.
  view_.reset();
  if (history_ahead_.empty() && outbox_.empty()) return;
  view_ = std::make_unique<GroupState>(*confirmed_);
  // History beyond the cursor shows at once; the pull confirms it in order.
  for (const auto& [cursor, c] : history_ahead_) ApplyTo(*view_, c.op, c.at);
  for (const Queued& q : outbox_) ApplyTo(*view_, q.op, q.op.client_time);
}

}  // namespace atrium::sync
