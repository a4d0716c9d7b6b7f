#include "atrium/store/op_log.h"

#include <mutex>
#include <set>

#include "atrium/codec/json_writer.h"
#include "atrium/store/projection.h"
#include "atrium/store/schema.h"

namespace atrium::store {
namespace {

// The subject of catalogue operations, which every client pulls.
constexpr std::string_view kEveryone = "*";

// An OpResult from a stored row: outcome, result, cursor.
StatusOr<OpResult> FromRow(const std::string& id, std::string_view outcome,
                           std::string_view result, int64_t cursor) {
  StatusOr<OpResult> r =
      sync::OpResultFromText(id, outcome == "applied", result);
  if (!r.ok()) return r.status();
  r->replayed = true;
  r->cursor = cursor;
  return r;
}

}  // namespace

Status OpLog::CheckPage(int64_t after, size_t limit) {
  if (after < 0) return InvalidArgument("cursor must not be negative");
  if (limit < 1 || limit > kMaxPull) {
    return InvalidArgument("a pull takes 1..10000 changes");
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<OpLog>> OpLog::Open(const std::string& path,
                                             Program program) {
  StatusOr<std::unique_ptr<Db>> db = Db::Open(path);
  if (!db.ok()) return db.status();
  ATRIUM_RETURN_IF_ERROR(Configure(**db));
  ATRIUM_RETURN_IF_ERROR(Migrate(**db));
  std::unique_ptr<OpLog> log(new OpLog(std::move(*db), std::move(program)));
  ATRIUM_RETURN_IF_ERROR(log->Replay());
  // The tiers as the log left them (an operator may have changed the
  // programme's since it was first given).
  Transaction txn(*log->db_);
  ATRIUM_RETURN_IF_ERROR(txn.Begin());
  ATRIUM_RETURN_IF_ERROR(SaveTiers(*log->db_, log->state_->program.tiers));
  ATRIUM_RETURN_IF_ERROR(txn.Commit());
  return log;
}

Status OpLog::Replay() {
  state_ = std::make_unique<sync::GroupState>(program_);
  last_seq_.clear();
  tier_rows_.clear();
  StatusOr<Statement*> all = db_->Prepare("SELECT id, cursor FROM operations");
  if (!all.ok()) return all.status();
  std::unordered_map<std::string, int64_t> ids;
  ATRIUM_RETURN_IF_ERROR(
      (*all)->ForEach([&](Statement& s) { ids.emplace(s.Text(0), s.Int(1)); }));
  {
    std::unique_lock lock(ids_mu_);
    ids_ = std::move(ids);
  }
  StatusOr<Statement*> origins =
      db_->Prepare("SELECT origin, last_seq FROM origins");
  if (!origins.ok()) return origins.status();
  ATRIUM_RETURN_IF_ERROR((*origins)->ForEach(
      [&](Statement& s) { last_seq_.emplace(s.Text(0), s.Int(1)); }));
  StatusOr<Statement*> s = db_->Prepare(
      "SELECT id, body, applied_at, result FROM operations "
      "WHERE outcome = 'applied' ORDER BY cursor");
  if (!s.ok()) return s.status();
  while (true) {
    StatusOr<bool> row = (*s)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string id((*s)->Text(0));
    StatusOr<sync::Operation> op = sync::ParseOperation((*s)->Text(1));
    if (!op.ok())
      return DataLoss("operation " + id + ": stored body unreadable");
    const Timestamp at = Timestamp::FromUnixSeconds((*s)->Int(2));
    StatusOr<codec::Json> want = codec::ParseJson((*s)->Text(3));
    StatusOr<sync::Effects> fx = sync::Apply(*state_, *op, at);
    if (!fx.ok() || !want.ok() || fx->result != *want) {
      (*s)->Reset();
      return DataLoss("operation " + id +
                      " answers differently when applied again");
    }
  }
  // The tier history holds every tier change the log made.
  for (const auto& [member, account] : state_->accounts) {
    tier_rows_.emplace(member.value(), account.tier().history.size());
  }
  return Status::Ok();
}

StatusOr<std::optional<OpLog::Stored>> OpLog::Find(const std::string& op_id) {
  const auto seen = ids_.find(op_id);
  if (seen == ids_.end()) return std::optional<Stored>();
  StatusOr<Statement*> by_id = db_->Prepare(
      "SELECT body, outcome, result, cursor FROM operations "
      "WHERE cursor = ?");
  if (!by_id.ok()) return by_id.status();
  (*by_id)->Bind(1, seen->second);
  StatusOr<bool> row = (*by_id)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return DataLoss("operation " + op_id + " is missing");
  std::string body((*by_id)->Text(0));
  StatusOr<OpResult> r =
      FromRow(op_id, (*by_id)->Text(1), (*by_id)->Text(2), (*by_id)->Int(3));
  (*by_id)->Reset();
  if (!r.ok()) return r.status();
  return std::optional<Stored>(Stored{std::move(body), std::move(*r)});
}

int64_t OpLog::LastSeq(const sync::Origin& origin) const {
  const auto last = last_seq_.find(origin.ToString());
  return last == last_seq_.end() ? 0 : last->second;
}

StatusOr<std::optional<OpResult>> OpLog::Seen(const sync::Operation& op,
                                              const std::string& body) {
  // Most operations are new: the memory says so without a query.
  if (ids_.contains(op.id)) {
    StatusOr<std::optional<Stored>> stored = Find(op.id);
    if (!stored.ok()) return stored.status();
    if ((*stored)->operation != body) {
      return AlreadyExists("operation id " + op.id +
                           " was used for a different operation");
    }
    return std::optional<OpResult>(std::move((*stored)->result));
  }

  const std::string origin = op.origin.ToString();
  const auto last = last_seq_.find(origin);
  if (last == last_seq_.end() || op.seq > last->second) {
    return std::optional<OpResult>();
  }
  StatusOr<Statement*> by_seq = db_->Prepare(
      "SELECT id, outcome, result, cursor FROM operations "
      "WHERE origin = ? AND seq = ?");
  if (!by_seq.ok()) return by_seq.status();
  (*by_seq)->Bind(1, origin).Bind(2, op.seq);
  StatusOr<bool> row = (*by_seq)->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return FailedPrecondition("sequence " + std::to_string(op.seq) + " of " +
                              origin + " was passed by " +
                              std::to_string(last->second));
  }
  StatusOr<OpResult> r =
      FromRow(std::string((*by_seq)->Text(0)), (*by_seq)->Text(1),
              (*by_seq)->Text(2), (*by_seq)->Int(3));
  (*by_seq)->Reset();
  if (!r.ok()) return r.status();
  r->op_id = op.id;
  return std::optional<OpResult>(std::move(*r));
}

StatusOr<int64_t> OpLog::Record(const sync::Operation& op,
                                const std::string& body, Timestamp now,
                                const OpResult& r,
                                const std::optional<std::string>& subject) {
  StatusOr<Statement*> s = db_->Prepare(
      "INSERT INTO operations(id, origin, seq, type, body, applied_at, "
      "outcome, result, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return s.status();
  const std::string origin = op.origin.ToString();
  const std::string result =
      codec::CompactJson(r.applied ? r.result : sync::ErrorJson(r.error));
  (*s)->BindRef(1, op.id)
      .BindRef(2, origin)
      .Bind(3, op.seq)
      .BindRef(4, op.type)
      .BindRef(5, body)
      .Bind(6, now.unix_seconds())
      .BindRef(7, r.applied ? "applied" : "rejected")
      .BindRef(8, result);
  if (subject) {
    (*s)->BindRef(9, *subject);
  } else {
    (*s)->BindNull(9);
  }
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  const int64_t cursor = db_->LastInsertRowid();
  {
    std::unique_lock lock(ids_mu_);
    ids_.emplace(op.id, cursor);
  }
  last_seq_[origin] = op.seq;
  return cursor;
}

Status OpLog::SaveOrigins(const std::set<std::string>& origins) {
  for (const std::string& origin : origins) {
    StatusOr<Statement*> o = db_->Prepare(
        "INSERT INTO origins(origin, last_seq) VALUES (?, ?) "
        "ON CONFLICT(origin) DO UPDATE SET last_seq = excluded.last_seq");
    if (!o.ok()) return o.status();
    (*o)->Bind(1, origin).Bind(2, last_seq_.at(origin));
    ATRIUM_RETURN_IF_ERROR((*o)->Run());
  }
  return Status::Ok();
}

Status OpLog::Authorize(const sync::Operation& op, const sync::Sender& sender) {
  if (sender.kind != sync::SenderKind::kKiosk || sender.served) {
    return sync::Authorize(*state_, op, sender);
  }
  sync::Sender kiosk = sender;
  kiosk.served = [this, device = sender.OwnOrigin()](const MemberId& m) {
    return CheckServes(device, m).ok();
  };
  return sync::Authorize(*state_, op, kiosk);
}

StatusOr<OpResult> OpLog::ApplyOne(const sync::Operation& op, Timestamp now,
                                   std::set<std::string>& origins,
                                   const sync::Sender* sender) {
  OpResult r;
  r.op_id = op.id;
  // A malformed envelope cannot be stored or found again: refused as is.
  if (Status valid = sync::Validate(op); !valid.ok()) {
    r.error = std::move(valid);
    return r;
  }
  const std::string body = sync::CanonicalJson(op);
  if (body.size() > sync::kMaxOperationBytes) {
    r.error = InvalidArgument("an operation is at most 16 KiB of JSON");
    return r;
  }
  StatusOr<std::optional<OpResult>> seen = Seen(op, body);
  if (!seen.ok()) {
    // A reused id or a passed sequence: refused, not stored.
    if (seen.status().code() != StatusCode::kAlreadyExists &&
        seen.status().code() != StatusCode::kFailedPrecondition) {
      return seen.status();
    }
    r.error = seen.status();
    return r;
  }
  if (seen->has_value()) return std::move(**seen);
  if (sender != nullptr) {
    if (Status allowed = Authorize(op, *sender); !allowed.ok()) {
      r.error = std::move(allowed);  // not stored: judged anew if sent again
      return r;
    }
  }

  StatusOr<sync::Effects> fx = sync::Apply(*state_, op, now);
  if (fx.ok()) {
    r.applied = true;
    r.result = fx->result;
  } else {
    r.error = fx.status();
  }
  std::optional<std::string> subject;
  if (fx.ok() && fx->everyone) {
    subject = kEveryone;
  } else if (fx.ok() && fx->device) {
    subject = "device:" + *fx->device;
  } else if (fx.ok() && fx->member) {
    subject = fx->member->value();
  }
  StatusOr<int64_t> cursor = Record(op, body, now, r, subject);
  if (!cursor.ok()) return cursor.status();
  r.cursor = *cursor;
  origins.insert(op.origin.ToString());
  if (!fx.ok()) return r;
  ATRIUM_RETURN_IF_ERROR(Project(*db_, op.id, *fx, now));
  if (fx->member) ATRIUM_RETURN_IF_ERROR(SaveTierChanges(*fx->member, op.id));
  for (const MemberId& m : fx->reviewed) {
    ATRIUM_RETURN_IF_ERROR(SaveTierChanges(m, op.id));
  }
  if (fx->erased) ATRIUM_RETURN_IF_ERROR(ScrubErased(*fx->member));
  // A member who registers at a device is served there.
  if (fx->registered && op.origin.kind == sync::OriginKind::kDevice) {
    ATRIUM_RETURN_IF_ERROR(AddServed(op.origin.ToString(), *fx->member, now));
  }
  // What the operation asks the server to do next, as operations of the
  // server's own origin, in the same transaction.
  const std::string system = sync::Origin{sync::OriginKind::kOperator,
                                          std::string(sync::kSystemOperator)}
                                 .ToString();
  for (sync::Operation& next : fx->follow_ups) {
    next.seq = last_seq_[system] + 1;
    next.id = system + ":" + std::to_string(next.seq);
    StatusOr<OpResult> done = ApplyOne(next, now, origins);
    if (!done.ok()) return done.status();
  }
  return r;
}

StatusOr<std::vector<Change>> OpLog::Pull(const sync::Origin& viewer,
                                          int64_t after, size_t limit) {
  ATRIUM_RETURN_IF_ERROR(CheckPage(after, limit));
  // A member sees what concerns them; a device what it did, its escrows
  // (subject 'device:<id>') and the members it serves; both see the
  // catalogue (subject '*').
  const bool member = viewer.kind == sync::OriginKind::kMember;
  StatusOr<Statement*> s = db_->Prepare(
      member ? "SELECT cursor, id, body, result, applied_at, outcome "
               "FROM operations WHERE (subject = ?1 OR subject = '*') "
               "AND cursor > ?2 AND outcome = 'applied' "
               "ORDER BY cursor LIMIT ?3"
             : "SELECT cursor, id, body, result, applied_at, outcome "
               "FROM operations WHERE (origin = ?1 OR subject = '*' OR "
               "subject = ?1 OR (outcome = 'applied' AND subject IN "
               "(SELECT member_id FROM device_members WHERE device = ?1))) "
               "AND cursor > ?2 ORDER BY cursor LIMIT ?3");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, member ? viewer.id : viewer.ToString())
      .Bind(2, after)
      .Bind(3, static_cast<int64_t>(limit));
  std::vector<Change> out;
  ATRIUM_RETURN_IF_ERROR(ReadChanges(**s, limit, out));
  return out;
}

Status OpLog::ReadChanges(Statement& s, size_t limit,
                          std::vector<Change>& out) {
  out.reserve(std::min<size_t>(limit, 1024));
  return s.ForEach([&](Statement& row) {
    out.push_back({row.Int(0), std::string(row.Text(1)),
                   std::string(row.Text(2)), std::string(row.Text(3)),
                   Timestamp::FromUnixSeconds(row.Int(4)),
                   row.Text(5) == "applied"});
  });
}

Status OpLog::SaveTierChanges(const MemberId& member,
                              const std::string& op_id) {
  const auto account = state_->accounts.find(member);
  if (account == state_->accounts.end()) return Status::Ok();
  const TierState& tier = account->second.tier();
  auto [rows, joined] = tier_rows_.try_emplace(member.value(), 0);
  if (joined) {
    // The tier they joined at opens their history.
    const TierChange join{account->second.member().registered_at, TierId(),
                          state_->program.tiers.levels.front().id, "joined"};
    ATRIUM_RETURN_IF_ERROR(ProjectTierChanges(*db_, op_id, member, {&join, 1}));
  }
  if (rows->second == tier.history.size()) return Status::Ok();
  ATRIUM_RETURN_IF_ERROR(ProjectTierChanges(
      *db_, op_id, member, std::span(tier.history).subspan(rows->second)));
  rows->second = tier.history.size();
  return Status::Ok();
}

Status OpLog::ScrubErased(const MemberId& member) {
  StatusOr<Statement*> s = db_->Prepare(
      "SELECT cursor, body FROM operations WHERE subject = ? AND "
      "(type = 'register' OR type = 'update_profile')");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, member.value());
  std::vector<std::pair<int64_t, std::string>> rows;
  ATRIUM_RETURN_IF_ERROR((*s)->ForEach([&](Statement& row) {
    rows.emplace_back(row.Int(0), std::string(row.Text(1)));
  }));
  for (auto& [cursor, body] : rows) {
    StatusOr<sync::Operation> op = sync::ParseOperation(body);
    if (!op.ok()) return DataLoss("operation body unreadable");
    codec::Json payload = {{"member_id", member.value()}};
    if (op->type == "register") {
      payload["erased"] = true;
      // An identity stays: linking it answers on replay, and the erase
      // unlinks it again.
      if (op->payload.contains("identity")) {
        payload["identity"] = op->payload["identity"];
      }
    }
    op->payload = std::move(payload);
    StatusOr<Statement*> u =
        db_->Prepare("UPDATE operations SET body = ? WHERE cursor = ?");
    if (!u.ok()) return u.status();
    (*u)->Bind(1, sync::CanonicalJson(*op)).Bind(2, cursor);
    ATRIUM_RETURN_IF_ERROR((*u)->Run());
  }
  return Status::Ok();
}

StatusOr<std::vector<OpResult>> OpLog::ApplyBatch(
    std::span<const sync::Operation> ops, Timestamp now,
    std::span<const sync::Sender* const> senders) {
  if (!senders.empty() && senders.size() != ops.size()) {
    return InvalidArgument("one sender per operation");
  }
  std::vector<OpResult> results;
  results.reserve(ops.size());
  Status failure;
  {
    Transaction txn(*db_);
    failure = txn.Begin();
    std::set<std::string> origins;
    for (size_t i = 0; failure.ok() && i < ops.size(); ++i) {
      StatusOr<OpResult> r = ApplyOne(ops[i], now, origins,
                                      senders.empty() ? nullptr : senders[i]);
      if (r.ok()) {
        results.push_back(std::move(*r));
      } else {
        failure = r.status();
      }
    }
    if (failure.ok()) failure = SaveOrigins(origins);
    if (failure.ok()) failure = txn.Commit();
  }
  if (failure.ok()) return results;
  // Rolled back: the memory must forget the batch too.
  Status rebuilt = Replay();
  if (!rebuilt.ok()) return rebuilt;
  return failure;
}

}  // namespace atrium::store
