#include "atrium/points/audit.h"

#include <functional>

#include "atrium/points/ledger.h"

namespace atrium {
namespace {

// A set of keys with open addressing: one allocation for the whole ledger
// rather than a node per key, which keeps the audit of a long ledger fast.
class KeySet {
 public:
  explicit KeySet(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap *= 2;
    slots_.assign(cap, Slot{});
  }
  // False if `key` was already present.
  bool Insert(std::string_view key) {
    const size_t h = std::hash<std::string_view>{}(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.key.data() == nullptr) {
        s = Slot{h, key};
        return true;
      }
      if (s.hash == h && s.key == key) return false;
    }
  }

 private:
  struct Slot {
    size_t hash = 0;
    std::string_view key;
  };
  std::vector<Slot> slots_;
};

// Replays entries into its own lots, never touching a PointsLedger, so that
// a bug in the ledger's bookkeeping cannot hide itself.
class Auditor {
 public:
  explicit Auditor(size_t n)
      : lot_pos_(n + 1, -1), reversed_(n + 1, 0), keys_(n) {
    lots_.reserve(n);
  }

  void Check(std::span<const LedgerEntry> all, size_t i);
  void Compare(const std::vector<Lot>& claimed);
  AuditReport Finish();

 private:
  void Flag(int64_t seq, std::string problem) {
    report_.findings.push_back({seq, std::move(problem)});
  }
  Lot* FindLot(int64_t seq) {
    if (seq < 1 || seq >= static_cast<int64_t>(lot_pos_.size())) return nullptr;
    return lot_pos_[seq] < 0 ? nullptr : &lots_[lot_pos_[seq]];
  }
  void CreateLot(const LedgerEntry& e);
  // Applies the draws; checks each lot exists and stays within its points.
  // Returns the sum of the draws.
  int64_t ApplyDraws(const LedgerEntry& e);
  void CheckReverse(std::span<const LedgerEntry> all, const LedgerEntry& e);

  std::vector<Lot> lots_;
  std::vector<int64_t> lot_pos_;
  std::vector<int64_t> reversed_;
  KeySet keys_;
  Timestamp last_;
  AuditReport report_;
};

void Auditor::CreateLot(const LedgerEntry& e) {
  if (!e.draws.empty()) Flag(e.seq, "a lot-creating entry has draws");
  if (e.requested != e.points) Flag(e.seq, "requested differs from points");
  if (e.usable_from < e.at || e.expires_at <= e.usable_from) {
    Flag(e.seq, "lot usable before it was earned or expiring before usable");
  }
  lot_pos_[e.seq] = static_cast<int64_t>(lots_.size());
  lots_.push_back({e.seq, e.points, e.points, e.usable_from, e.expires_at});
}

int64_t Auditor::ApplyDraws(const LedgerEntry& e) {
  int64_t sum = 0;
  for (const Draw& d : e.draws) {
    Lot* lot = d.lot < e.seq ? FindLot(d.lot) : nullptr;
    if (lot == nullptr) {
      Flag(e.seq, "draws from unknown lot " + std::to_string(d.lot));
      continue;
    }
    lot->remaining -= d.points;
    if (lot->remaining < 0 || lot->remaining > lot->points) {
      Flag(e.seq, "lot " + std::to_string(d.lot) + " left with " +
                      std::to_string(lot->remaining) + " of " +
                      std::to_string(lot->points) + " points");
    }
    sum += d.points;
  }
  return sum;
}

void Auditor::Check(std::span<const LedgerEntry> all, size_t i) {
  const LedgerEntry& e = all[i];
  if (e.seq != static_cast<int64_t>(i) + 1) {
    Flag(e.seq,
         "sequence number out of order at position " + std::to_string(i + 1));
    return;  // every later check keys on seq
  }
  if (e.key.empty() || !keys_.Insert(e.key)) {
    Flag(e.seq, "idempotency key empty or repeated: " + e.key);
  }
  if (e.at < last_) Flag(e.seq, "entry earlier than the one before it");
  last_ = e.at;
  report_.total += e.points;

  const bool positive = e.points > 0;
  switch (e.kind) {
    case EntryKind::kEarn:
      if (!positive) Flag(e.seq, "an earn must add points");
      CreateLot(e);
      return;
    case EntryKind::kAdjust:
      if (positive) {
        CreateLot(e);
        return;
      }
      if (e.requested != e.points) Flag(e.seq, "requested differs from points");
      break;
    case EntryKind::kSpend:
      if (e.requested != -e.points)
        Flag(e.seq, "requested differs from points");
      break;
    case EntryKind::kExpire:
      if (e.draws.size() != 1) {
        Flag(e.seq, "an expiry draws exactly one lot");
      } else if (const Lot* lot = FindLot(e.draws[0].lot)) {
        if (lot->expires_at > e.at)
          Flag(e.seq, "expired a lot before its time");
        if (e.draws[0].points != lot->remaining) {
          Flag(e.seq, "an expiry must take the whole remainder");
        }
      }
      break;
    case EntryKind::kReverse: CheckReverse(all, e); return;
  }
  if (e.points >= 0) Flag(e.seq, "this entry must remove points");
  for (const Draw& d : e.draws) {
    if (d.points <= 0) Flag(e.seq, "draws must take points");
    const Lot* lot = FindLot(d.lot);
    if (lot == nullptr || e.kind == EntryKind::kExpire) continue;
    if (lot->expires_at <= e.at) Flag(e.seq, "drew from an expired lot");
    if (e.kind == EntryKind::kSpend && lot->usable_from > e.at) {
      Flag(e.seq, "spent points that were still pending");
    }
  }
  if (ApplyDraws(e) != -e.points) Flag(e.seq, "draws do not sum to points");
}

void Auditor::CheckReverse(std::span<const LedgerEntry> all,
                           const LedgerEntry& e) {
  if (e.target < 1 || e.target >= e.seq) {
    Flag(e.seq, "reverses an entry that does not precede it");
    ApplyDraws(e);
    return;
  }
  const LedgerEntry& target = all[e.target - 1];
  const bool of_earn = target.kind == EntryKind::kEarn;
  if (!of_earn && target.kind != EntryKind::kSpend) {
    Flag(e.seq, "only earns and spends can be reversed");
  }
  reversed_[e.target] += e.requested;
  const int64_t moved = target.points < 0 ? -target.points : target.points;
  if (reversed_[e.target] > moved) {
    Flag(e.seq, "reversed more than the target moved");
  }
  if (e.shortfall < 0) Flag(e.seq, "negative shortfall");
  const int64_t applied = of_earn ? -e.points : e.points;
  if (e.requested != applied + e.shortfall) {
    Flag(e.seq, "requested differs from points plus shortfall");
  }
  for (const Draw& d : e.draws) {
    if ((d.points > 0) != of_earn || d.points == 0) {
      Flag(e.seq, of_earn ? "reversing an earn must take points"
                          : "reversing a spend must return points");
    }
    const Lot* lot = FindLot(d.lot);
    if (lot != nullptr && lot->expires_at <= e.at && d.lot != e.target) {
      Flag(e.seq, "moved points of an expired lot");
    }
  }
  if (ApplyDraws(e) != -e.points) Flag(e.seq, "draws do not sum to points");
}

void Auditor::Compare(const std::vector<Lot>& claimed) {
  if (claimed.size() != lots_.size()) {
    Flag(0, "the ledger holds " + std::to_string(claimed.size()) +
                " lots; the entries make " + std::to_string(lots_.size()));
    return;
  }
  for (size_t i = 0; i < lots_.size(); ++i) {
    if (!(claimed[i] == lots_[i])) {
      Flag(lots_[i].seq, "lot " + std::to_string(lots_[i].seq) + " holds " +
                             std::to_string(claimed[i].remaining) +
                             " points; the entries leave " +
                             std::to_string(lots_[i].remaining));
    }
  }
}

AuditReport Auditor::Finish() {
  int64_t in_lots = 0;
  for (const Lot& lot : lots_) in_lots += lot.remaining;
  if (in_lots != report_.total) {
    Flag(0, "lots hold " + std::to_string(in_lots) +
                " points but the entries sum to " +
                std::to_string(report_.total));
  }
  if (report_.total < 0) Flag(0, "negative balance");
  return std::move(report_);
}

}  // namespace

AuditReport AuditEntries(std::span<const LedgerEntry> entries,
                         const std::vector<Lot>* claimed) {
  Auditor auditor(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) auditor.Check(entries, i);
  if (claimed != nullptr) auditor.Compare(*claimed);
  return auditor.Finish();
}

AuditReport Audit(const PointsLedger& ledger) {
  return AuditEntries(ledger.entries(), &ledger.lots());
}

}  // namespace atrium
