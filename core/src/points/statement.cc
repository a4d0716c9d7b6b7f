#include "atrium/points/statement.h"

#include <algorithm>

namespace atrium {

Statement BuildStatement(const PointsLedger& ledger, Timestamp at) {
  Statement s;
  s.at = at;
  s.balance = ledger.BalanceAt(at);
  for (const Lot& lot : ledger.lots()) {
    LotStatus status = LotStatus::kUsable;
    if (lot.expires_at <= at) {
      status = LotStatus::kExpired;
    } else if (lot.remaining == 0) {
      status = LotStatus::kUsedUp;
    } else if (lot.usable_from > at) {
      status = LotStatus::kPending;
    }
    s.lots.push_back({lot, status});
  }
  std::stable_sort(s.lots.begin(), s.lots.end(),
                   [](const LotLine& a, const LotLine& b) {
                     return a.lot.expires_at < b.lot.expires_at;
                   });
  for (const LotLine& l : s.lots) {
    if (l.status == LotStatus::kExpired || l.lot.remaining == 0) continue;
    if (s.expiring.empty() ||
        s.expiring.back().expires_at != l.lot.expires_at) {
      s.expiring.push_back({l.lot.expires_at, 0});
    }
    s.expiring.back().points += l.lot.remaining;
  }
  for (auto it = ledger.entries().rbegin(); it != ledger.entries().rend();
       ++it) {
    s.entries.push_back(&*it);
  }
  return s;
}

}  // namespace atrium
