// PointsLedger is one member's points: an append-only list of entries and
// the lots that earning creates.
//
// Contract:
// - Every change is an entry with an idempotency key unique in the ledger.
//   Applying a request whose key is already present returns (a copy of) the
//   entry it first made and changes nothing; the same key with a different
//   request fails with AlreadyExists.
// - Entries are appended in time order: a request earlier than the last
//   entry fails with FailedPrecondition.
// - An earn (or a positive adjustment) creates a lot that is usable from
//   `usable_from` (the pending period) until just before `expires_at`.
// - A spend (or a negative adjustment) draws usable lots with the earliest
//   expiry first (then the oldest lot) and records each draw.
// - Expire(at) turns the remainder of every lot with expires_at <= at into an
//   expire entry (Expire(due_by, at): of lots due by `due_by`, at `at`). It is
//   idempotent: a second run at the same time finds nothing to do.
// - Reversing an earn (a refund) takes the points back from that earn's lot;
//   what was already spent from it is taken from the member's other lots,
//   earliest expiry first; what the member no longer has is written off as
//   the entry's `shortfall`. The balance never goes below zero.
// - Reversing a spend (a refunded points payment) returns the points to the
//   lots they came from, latest expiry first. Points whose lot has expired
//   meanwhile are not returned; they are recorded as `shortfall` too.
// - A target can be reversed in parts, never by more than it moved in total.
// Balances are derived from the lots, and Audit() recomputes everything from
// the entries alone.
#ifndef ATRIUM_POINTS_LEDGER_H_
#define ATRIUM_POINTS_LEDGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "atrium/points/ledger_entry.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

class PointsLedger {
 public:
  PointsLedger() = default;

  // Adds `points` (> 0) in a new lot.
  StatusOr<LedgerEntry> Earn(std::string_view key, Timestamp at, int64_t points,
                             LotSpec lot, std::string_view ref,
                             std::string_view note);
  // Takes `points` (> 0) from usable lots; FailedPrecondition if the usable
  // balance is short.
  StatusOr<LedgerEntry> Spend(std::string_view key, Timestamp at,
                              int64_t points, std::string_view ref,
                              std::string_view note);
  // An operator's correction: positive creates a lot, negative draws like a
  // spend.
  StatusOr<LedgerEntry> Adjust(std::string_view key, Timestamp at,
                               int64_t points, LotSpec lot,
                               std::string_view note);
  // Reverses `points` (> 0) of the earn or spend entry `target_key`.
  StatusOr<LedgerEntry> Reverse(std::string_view key, Timestamp at,
                                std::string_view target_key, int64_t points,
                                std::string_view note);
  // Records the expiry of every lot whose expiry is at or before `at`.
  // Returns the entries it made (none when run again).
  StatusOr<std::vector<LedgerEntry>> Expire(Timestamp at) {
    return Expire(at, at);
  }
  // The same for lots due by `due_by`, recorded at `at` (not before
  // `due_by`): a day's expiry run late, after later entries.
  StatusOr<std::vector<LedgerEntry>> Expire(Timestamp due_by, Timestamp at);

  Balance BalanceAt(Timestamp at) const;
  // How much of the entry `seq` has not yet been reversed.
  int64_t Reversible(int64_t seq) const;

  const std::vector<LedgerEntry>& entries() const { return entries_; }
  const std::vector<Lot>& lots() const { return lots_; }
  // The entry under `key`, or null. The pointer is valid until the next
  // change to the ledger.
  const LedgerEntry* FindByKey(std::string_view key) const;

  // Rebuilds a ledger from stored entries, checking them as Audit does.
  // DataLoss if they are inconsistent.
  static StatusOr<PointsLedger> FromEntries(std::vector<LedgerEntry> entries);

 private:
  // Checks what every request shares: its key, time, amount (`points`, the
  // magnitude asked for) and the lengths of ref and note.
  Status CheckRequest(const LedgerEntry& e, int64_t points) const;
  // The entry already stored under `e.key` if it equals the request `e`.
  StatusOr<LedgerEntry> Replay(const LedgerEntry& e) const;
  // Appends `e`, applying its draws and creating its lot.
  const LedgerEntry& Append(LedgerEntry e);
  // Plans draws of up to `points` from lots in spend order, at `at`.
  // `include_pending` also takes lots not yet usable.
  // Lot `exclude` is skipped.
  std::vector<Draw> PlanDraws(Timestamp at, int64_t points,
                              bool include_pending, int64_t exclude,
                              int64_t* taken) const;
  // Plans the return of `points` of spend `target` to its lots.
  LedgerEntry PlanSpendReversal(const LedgerEntry& target, Timestamp at,
                                int64_t points) const;
  // The lots_ index of the lot entry `seq` created; seq must name one.
  size_t LotIndex(int64_t seq) const {
    return static_cast<size_t>(lot_index_[static_cast<size_t>(seq)]);
  }
  Lot& LotOf(int64_t seq) { return lots_[LotIndex(seq)]; }

  std::vector<LedgerEntry> entries_;
  std::vector<Lot> lots_;
  // Entry seq -> index in lots_, or -1 for entries that made no lot. Seqs
  // are dense, so a vector serves where a map would hash on every draw.
  std::vector<int32_t> lot_index_ = {-1};
  // Lots with points left, in spend order: (expires_at, seq).
  std::vector<size_t> open_;
  std::unordered_map<std::string, size_t> by_key_;  // key -> entries_ index
  std::unordered_map<int64_t, int64_t> reversed_;   // target seq -> points
};

}  // namespace atrium

#endif  // ATRIUM_POINTS_LEDGER_H_
