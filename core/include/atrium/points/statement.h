// A member's points statement at an instant: the balance, the lots with
// what is left of each, what expires when, and the entries newest first.
#ifndef ATRIUM_POINTS_STATEMENT_H_
#define ATRIUM_POINTS_STATEMENT_H_

#include <vector>

#include "atrium/points/ledger.h"
#include "atrium/time.h"

namespace atrium {

enum class LotStatus { kUsable, kPending, kUsedUp, kExpired };

struct LotLine {
  Lot lot;
  LotStatus status = LotStatus::kUsable;
};

struct ExpiryLine {
  Timestamp expires_at;
  int64_t points = 0;  // still held and due to expire then
};

struct Statement {
  Timestamp at;
  Balance balance;
  std::vector<LotLine> lots;                // in spend order
  std::vector<ExpiryLine> expiring;         // soonest first
  std::vector<const LedgerEntry*> entries;  // newest first
};

// The statement of `ledger` at `at`. It borrows the ledger's entries.
Statement BuildStatement(const PointsLedger& ledger, Timestamp at);

}  // namespace atrium

#endif  // ATRIUM_POINTS_STATEMENT_H_
