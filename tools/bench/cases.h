// The inputs the benchmarks measure, shared by the Google Benchmark program
// (native) and the portable harness (native and wasm), so that both time
// exactly the same work.
#ifndef ATRIUM_TOOLS_BENCH_CASES_H_
#define ATRIUM_TOOLS_BENCH_CASES_H_

#include <memory>
#include <vector>

#include "atrium/coupons/checkout.h"
#include "atrium/coupons/coupon_book.h"
#include "atrium/parking/parking_quote.h"
#include "atrium/points/earning.h"
#include "atrium/points/ledger.h"

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

// A 10-line basket and a 30-coupon wallet of every money-off kind, in
// several stacking groups, some exclusive, some out of scope.
struct CheckoutCase {
  Basket basket;
  std::vector<CouponTemplate> templates;
  std::vector<CouponInstance> coupons;
  std::vector<WalletCoupon> wallet;  // points into the two above
  int64_t points = 20000;
  PointsAsCash policy;
};
// Heap-allocated so that `wallet` stays valid.
std::unique_ptr<CheckoutCase> MakeCheckoutCase();

// A coupon book holding one issued coupon, and `n` pairs of idempotency
// keys for redeeming and reversing it in turn.
struct CouponPairCase {
  CouponBook book{LocalCalendar()};
  CouponId coupon;
  MemberId member;
  Timestamp at;
  std::vector<std::string> redeem_keys;
  std::vector<std::string> reverse_keys;
  Redemption redemption;
};
std::unique_ptr<CouponPairCase> MakeCouponPairCase(int n);

// A three-day stay (Monday 19:00 to Thursday 10:00) at the demo mall's
// tariff, quoted for a Gold member who brings every benefit: tier minutes,
// a day's spend, a ¥5 parking coupon and points.
struct ParkingCase {
  Tariff tariff;
  LocalCalendar calendar;
  ParkingPolicy policy;
  StayFacts stay;
  CouponTemplate coupon_template;
  CouponInstance coupon;
  MemberBenefits member;  // points at the coupon above
  UsageToday usage;
  Timestamp at;
};
std::unique_ptr<ParkingCase> MakeParkingCase();

}  // namespace atrium::bench

#endif  // ATRIUM_TOOLS_BENCH_CASES_H_
