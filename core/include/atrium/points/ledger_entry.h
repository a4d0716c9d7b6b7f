// The points ledger's data: an entry (what one change did, with its draws
// on lots), a lot (points earned together, with their validity), and the
// balance derived from lots. PointsLedger (ledger.h) keeps them and states
// their contract; the audit (audit.h) checks a list of them from scratch.
#ifndef ATRIUM_POINTS_LEDGER_ENTRY_H_
#define ATRIUM_POINTS_LEDGER_ENTRY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/time.h"

namespace atrium {

// One operation adds or removes at most this many points.
inline constexpr int64_t kMaxPointsPerEntry = 1'000'000'000;
inline constexpr size_t kMaxKeyLength = 256;
inline constexpr size_t kMaxNoteLength = 256;

enum class EntryKind { kEarn, kSpend, kExpire, kReverse, kAdjust };
std::string_view EntryKindName(EntryKind kind);

// Points moved between an entry and a lot: positive takes from the lot,
// negative gives back to it.
struct Draw {
  int64_t lot = 0;  // the seq of the entry that created the lot
  int64_t points = 0;
  bool operator==(const Draw&) const = default;
};

struct LedgerEntry {
  int64_t seq = 0;  // 1, 2, 3, ... in order of application
  std::string key;  // idempotency key
  EntryKind kind = EntryKind::kEarn;
  Timestamp at;
  int64_t points = 0;  // signed change to the member's total
  // Lot-creating entries (earn, positive adjust):
  Timestamp usable_from;
  Timestamp expires_at;
  // Lot-drawing entries (spend, expire, negative adjust, reverse):
  std::vector<Draw> draws;
  // What was asked for: the points of an earn, spend or reverse, the signed
  // points of an adjust, the remainder an expiry took.
  int64_t requested = 0;
  // Reverse only: the entry reversed, and the part of the request that could
  // not be taken back or returned.
  int64_t target = 0;
  int64_t shortfall = 0;
  std::string ref;   // what caused it: a receipt key, an order, an operator
  std::string note;  // why, for the member's statement
  bool operator==(const LedgerEntry&) const = default;
};

struct Lot {
  int64_t seq = 0;  // the creating entry
  int64_t points = 0;
  int64_t remaining = 0;
  Timestamp usable_from;
  Timestamp expires_at;
  bool operator==(const Lot&) const = default;
};

struct Balance {
  int64_t usable = 0;              // may be spent now
  int64_t pending = 0;             // earned, not yet usable
  int64_t expired_unrecorded = 0;  // past expiry, awaiting the expire run
  int64_t total() const { return usable + pending + expired_unrecorded; }
};

struct LotSpec {
  Timestamp usable_from;
  Timestamp expires_at;
};

}  // namespace atrium

#endif  // ATRIUM_POINTS_LEDGER_ENTRY_H_
