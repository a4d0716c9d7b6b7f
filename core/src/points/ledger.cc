#include "atrium/points/ledger.h"

#include <algorithm>
#include <utility>

#include "atrium/points/audit.h"

namespace atrium {
namespace {

// Keys the ledger makes itself; callers may not use this prefix.
constexpr std::string_view kExpirePrefix = "expire:";

bool SpendOrder(const Lot& a, const Lot& b) {
  return a.expires_at != b.expires_at ? a.expires_at < b.expires_at
                                      : a.seq < b.seq;
}

// A request: the fields the caller chooses; the ledger fills in the rest.
LedgerEntry Request(EntryKind kind, std::string_view key, Timestamp at,
                    int64_t requested, std::string_view ref,
                    std::string_view note) {
  LedgerEntry e;
  e.kind = kind;
  e.key = key;
  e.at = at;
  e.requested = requested;
  e.ref = ref;
  e.note = note;
  return e;
}

Status CheckLot(Timestamp at, LotSpec lot) {
  if (lot.usable_from < at || lot.expires_at <= lot.usable_from) {
    return InvalidArgument(
        "a lot must become usable at or after it is earned "
        "and expire after it becomes usable");
  }
  return Status::Ok();
}

// Two requests are the same when everything the caller chose is equal.
bool SameRequest(const LedgerEntry& a, const LedgerEntry& b) {
  return a.kind == b.kind && a.at == b.at && a.requested == b.requested &&
         a.target == b.target && a.ref == b.ref && a.note == b.note &&
         a.usable_from == b.usable_from && a.expires_at == b.expires_at;
}

}  // namespace

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kEarn: return "earn";
    case EntryKind::kSpend: return "spend";
    case EntryKind::kExpire: return "expire";
    case EntryKind::kReverse: return "reverse";
    case EntryKind::kAdjust: return "adjust";
  }
  return "unknown";
}

Status PointsLedger::CheckRequest(const LedgerEntry& e, int64_t points) const {
  const std::string_view key = e.key;
  const Timestamp at = e.at;
  if (key.empty() || key.size() > kMaxKeyLength) {
    return InvalidArgument("idempotency key must have 1 to 256 bytes");
  }
  if (key.substr(0, kExpirePrefix.size()) == kExpirePrefix) {
    return InvalidArgument("keys starting with 'expire:' are reserved");
  }
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "entry time"));
  if (!entries_.empty() && at < entries_.back().at) {
    return FailedPrecondition("entry time is before the ledger's last entry");
  }
  if (points <= 0 || points > kMaxPointsPerEntry) {
    return InvalidArgument("points must lie between 1 and 1000000000");
  }
  if (e.ref.size() > kMaxNoteLength || e.note.size() > kMaxNoteLength) {
    return InvalidArgument("ref and note are limited to 256 bytes");
  }
  return Status::Ok();
}

StatusOr<LedgerEntry> PointsLedger::Replay(const LedgerEntry& e) const {
  const LedgerEntry* first = FindByKey(e.key);
  if (!SameRequest(*first, e)) {
    return AlreadyExists("idempotency key reused for a different request: " +
                         e.key);
  }
  return *first;
}

const LedgerEntry* PointsLedger::FindByKey(std::string_view key) const {
  auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

StatusOr<LedgerEntry> PointsLedger::Earn(std::string_view key, Timestamp at,
                                         int64_t points, LotSpec lot,
                                         std::string_view ref,
                                         std::string_view note) {
  LedgerEntry e = Request(EntryKind::kEarn, key, at, points, ref, note);
  e.usable_from = lot.usable_from;
  e.expires_at = lot.expires_at;
  if (FindByKey(key) != nullptr) return Replay(e);
  ATRIUM_RETURN_IF_ERROR(CheckRequest(e, points));
  ATRIUM_RETURN_IF_ERROR(CheckLot(at, lot));
  e.points = points;
  return Append(std::move(e));
}

StatusOr<LedgerEntry> PointsLedger::Spend(std::string_view key, Timestamp at,
                                          int64_t points, std::string_view ref,
                                          std::string_view note) {
  LedgerEntry e = Request(EntryKind::kSpend, key, at, points, ref, note);
  if (FindByKey(key) != nullptr) return Replay(e);
  ATRIUM_RETURN_IF_ERROR(CheckRequest(e, points));
  int64_t taken = 0;
  e.draws = PlanDraws(at, points, /*include_pending=*/false, 0, &taken);
  if (taken < points) {
    return FailedPrecondition("not enough usable points: have " +
                              std::to_string(taken) + ", need " +
                              std::to_string(points));
  }
  e.points = -points;
  return Append(std::move(e));
}

StatusOr<LedgerEntry> PointsLedger::Adjust(std::string_view key, Timestamp at,
                                           int64_t points, LotSpec lot,
                                           std::string_view note) {
  LedgerEntry e = Request(EntryKind::kAdjust, key, at, points, "", note);
  if (points > 0) {
    e.usable_from = lot.usable_from;
    e.expires_at = lot.expires_at;
  }
  if (FindByKey(key) != nullptr) return Replay(e);
  ATRIUM_RETURN_IF_ERROR(CheckRequest(e, points < 0 ? -points : points));
  if (note.empty()) return InvalidArgument("an adjustment needs a note");
  if (points > 0) {
    ATRIUM_RETURN_IF_ERROR(CheckLot(at, lot));
    e.points = points;
    return Append(std::move(e));
  }
  int64_t taken = 0;
  e.draws = PlanDraws(at, -points, /*include_pending=*/true, 0, &taken);
  if (taken < -points) {
    return FailedPrecondition(
        "an adjustment may not take the balance below zero: have " +
        std::to_string(taken));
  }
  e.points = points;
  return Append(std::move(e));
}

StatusOr<LedgerEntry> PointsLedger::Reverse(std::string_view key, Timestamp at,
                                            std::string_view target_key,
                                            int64_t points,
                                            std::string_view note) {
  const LedgerEntry* target = FindByKey(target_key);
  if (target == nullptr) {
    return NotFound("nothing to reverse under key " + std::string(target_key));
  }
  LedgerEntry e =
      Request(EntryKind::kReverse, key, at, points, target_key, note);
  e.target = target->seq;
  if (FindByKey(key) != nullptr) return Replay(e);
  ATRIUM_RETURN_IF_ERROR(CheckRequest(e, points));
  if (target->kind != EntryKind::kEarn && target->kind != EntryKind::kSpend) {
    return FailedPrecondition("only earns and spends can be reversed");
  }
  const int64_t left = Reversible(target->seq);
  if (points > left) {
    return FailedPrecondition("only " + std::to_string(left) + " points of " +
                              std::string(target_key) + " are left to reverse");
  }
  if (target->kind == EntryKind::kSpend) {
    LedgerEntry planned = PlanSpendReversal(*target, at, points);
    e.draws = std::move(planned.draws);
    e.points = planned.points;
    e.shortfall = planned.shortfall;
    return Append(std::move(e));
  }
  // An earn: first its own lot, then the member's other lots.
  const Lot& own = lots_[LotIndex(target->seq)];
  int64_t taken = std::min(points, own.remaining);
  if (taken > 0) e.draws.push_back({own.seq, taken});
  if (taken < points) {
    int64_t more = 0;
    std::vector<Draw> rest =
        PlanDraws(at, points - taken,
                  /*include_pending=*/true, own.seq, &more);
    e.draws.insert(e.draws.end(), rest.begin(), rest.end());
    taken += more;
  }
  e.points = -taken;
  e.shortfall = points - taken;
  return Append(std::move(e));
}

LedgerEntry PointsLedger::PlanSpendReversal(const LedgerEntry& target,
                                            Timestamp at,
                                            int64_t points) const {
  // Earlier partial reversals consumed the draws from the last one backward,
  // so skip what they covered and continue from there.
  LedgerEntry plan;
  int64_t skip = -target.points - Reversible(target.seq);
  int64_t need = points;
  for (auto d = target.draws.rbegin(); d != target.draws.rend() && need > 0;
       ++d) {
    int64_t avail = d->points;
    const int64_t s = std::min(skip, avail);
    skip -= s;
    avail -= s;
    const int64_t take = std::min(avail, need);
    if (take <= 0) continue;
    need -= take;
    const Lot& lot = lots_[LotIndex(d->lot)];
    if (lot.expires_at <= at) {
      plan.shortfall += take;
    } else {
      plan.draws.push_back({d->lot, -take});
      plan.points += take;
    }
  }
  return plan;
}

StatusOr<std::vector<LedgerEntry>> PointsLedger::Expire(Timestamp due_by,
                                                        Timestamp at) {
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "expiry time"));
  if (!entries_.empty() && at < entries_.back().at) {
    return FailedPrecondition("expiry time is before the ledger's last entry");
  }
  if (at < due_by) return InvalidArgument("expiry recorded before it is due");
  // open_ is in expiry order, so the expired lots are a prefix of it.
  std::vector<int64_t> due;
  for (const size_t i : open_) {
    if (lots_[i].expires_at > due_by) break;
    due.push_back(lots_[i].seq);
  }
  std::vector<LedgerEntry> made;
  for (const int64_t seq : due) {
    const Lot& lot = lots_[LotIndex(seq)];
    LedgerEntry e;
    e.key = std::string(kExpirePrefix) + std::to_string(seq);
    e.kind = EntryKind::kExpire;
    e.at = at;
    e.points = -lot.remaining;
    e.requested = lot.remaining;
    e.draws.push_back({seq, lot.remaining});
    e.note = "expired";
    made.push_back(Append(std::move(e)));
  }
  return made;
}

std::vector<Draw> PointsLedger::PlanDraws(Timestamp at, int64_t points,
                                          bool include_pending, int64_t exclude,
                                          int64_t* taken) const {
  std::vector<Draw> draws;
  int64_t need = points;
  for (const size_t i : open_) {
    if (need == 0) break;
    const Lot& lot = lots_[i];
    if (lot.seq == exclude || lot.expires_at <= at) continue;
    if (!include_pending && lot.usable_from > at) continue;
    const int64_t take = std::min(lot.remaining, need);
    draws.push_back({lot.seq, take});
    need -= take;
  }
  *taken = points - need;
  return draws;
}

const LedgerEntry& PointsLedger::Append(LedgerEntry e) {
  e.seq = static_cast<int64_t>(entries_.size()) + 1;
  lot_index_.push_back(-1);
  bool removed_any = false;
  for (const Draw& d : e.draws) {
    Lot& lot = LotOf(d.lot);
    const bool was_empty = lot.remaining == 0;
    lot.remaining -= d.points;
    if (lot.remaining == 0) removed_any = true;
    if (was_empty && lot.remaining > 0) {
      const size_t idx = LotIndex(d.lot);
      open_.insert(std::upper_bound(open_.begin(), open_.end(), idx,
                                    [this](size_t a, size_t b) {
                                      return SpendOrder(lots_[a], lots_[b]);
                                    }),
                   idx);
    }
  }
  if (removed_any) {
    open_.erase(
        std::remove_if(open_.begin(), open_.end(),
                       [this](size_t i) { return lots_[i].remaining == 0; }),
        open_.end());
  }
  if (e.points > 0 && e.draws.empty() && e.kind != EntryKind::kReverse) {
    const size_t idx = lots_.size();
    lots_.push_back({e.seq, e.points, e.points, e.usable_from, e.expires_at});
    lot_index_.back() = static_cast<int32_t>(idx);
    open_.insert(std::upper_bound(open_.begin(), open_.end(), idx,
                                  [this](size_t a, size_t b) {
                                    return SpendOrder(lots_[a], lots_[b]);
                                  }),
                 idx);
  }
  if (e.kind == EntryKind::kReverse) reversed_[e.target] += e.requested;
  by_key_.emplace(e.key, entries_.size());
  entries_.push_back(std::move(e));
  return entries_.back();
}

Balance PointsLedger::BalanceAt(Timestamp at) const {
  Balance b;
  for (const size_t i : open_) {
    const Lot& lot = lots_[i];
    if (lot.expires_at <= at) {
      b.expired_unrecorded += lot.remaining;
    } else if (lot.usable_from > at) {
      b.pending += lot.remaining;
    } else {
      b.usable += lot.remaining;
    }
  }
  return b;
}

int64_t PointsLedger::Reversible(int64_t seq) const {
  if (seq < 1 || seq > static_cast<int64_t>(entries_.size())) return 0;
  const LedgerEntry& e = entries_[seq - 1];
  const int64_t moved = e.points < 0 ? -e.points : e.points;
  auto it = reversed_.find(seq);
  return moved - (it == reversed_.end() ? 0 : it->second);
}

StatusOr<PointsLedger> PointsLedger::FromEntries(
    std::vector<LedgerEntry> entries) {
  const AuditReport report = AuditEntries(entries, nullptr);
  if (!report.clean()) {
    const AuditFinding& f = report.findings.front();
    return DataLoss("ledger entry " + std::to_string(f.seq) + ": " + f.problem);
  }
  PointsLedger ledger;
  for (LedgerEntry& e : entries) ledger.Append(std::move(e));
  return ledger;
}

}  // namespace atrium
