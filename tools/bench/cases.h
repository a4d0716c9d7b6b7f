// The inputs the benchmarks measure, shared by the Google Benchmark program
// (native) and the portable harness (native and wasm), so that both time
// exactly the same work.
#ifndef ATRIUM_TOOLS_BENCH_CASES_H_
#define ATRIUM_TOOLS_BENCH_CASES_H_

#include "atrium/earning.h"
#include "atrium/ledger.h"

namespace atrium::bench {

// A 10-line receipt against 30 rules, all in force at the purchase.
struct EarnCase {
  EarningPolicy policy;
  LocalCalendar calendar;
  Receipt receipt;
  TierId tier;
};
EarnCase MakeEarnCase();

// A member holding `lots` usable lots of 10 points each.
PointsLedger MakeLotsLedger(int lots);
// The instant at which MakeLotsLedger's lots are all usable.
Timestamp LotsLedgerNow();

// A ledger of about `entries` entries of every kind: earns, spends, refunds
// of both, adjustments and expiry runs, over several years.
PointsLedger MakeBusyLedger(int entries);

}  // namespace atrium::bench

#endif  // ATRIUM_TOOLS_BENCH_CASES_H_
