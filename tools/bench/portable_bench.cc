// The cases of core_bench, timed by a plain harness that builds
// both natively and as wasm, so the two can be compared:
//   build/release/tools/bench/portable_bench
//   node --no-experimental-fetch build/wasm/tools/bench/portable_bench.js
// Prints the median time per operation of each case.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"
#include "cases.h"

namespace atrium::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Runs `prepare` (untimed) then `op` `n` times per round; returns the
// median nanoseconds per op over 15 rounds. Rounds run untimed for the
// first half second: V8 starts wasm in its baseline compiler and swaps in
// optimised code function by function, which takes some thousands of calls,
// and the figure wanted is the steady state (natively this warms caches).
double MedianNs(int n, const std::function<void()>& prepare,
                const std::function<void(int)>& op) {
  const Clock::time_point warm_until =
      Clock::now() + std::chrono::milliseconds(500);
  while (Clock::now() < warm_until) {
    prepare();
    for (int i = 0; i < n; ++i) op(i);
  }
  std::vector<double> rounds;
  for (int r = 0; r < 15; ++r) {
    prepare();
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < n; ++i) op(i);
    const std::chrono::duration<double, std::nano> d = Clock::now() - start;
    rounds.push_back(d.count() / n);
  }
  std::sort(rounds.begin(), rounds.end());
  return rounds[rounds.size() / 2];
}

int64_t sink = 0;  // keeps results alive

void Run() {
  const EarnCase c = MakeEarnCase();
  const double earn = MedianNs(
      20000, [] {},
      [&](int) {
        sink += ComputeEarn(c.policy, c.calendar, c.receipt, c.tier, 0)->points;
      });
  std::printf("earn_10_lines_30_rules_ns %.0f\n", earn);

  const PointsLedger base = MakeLotsLedger(500);
  const Timestamp now = LotsLedgerNow();
  std::vector<PointsLedger> batch;
  const double spend = MedianNs(
      200, [&] { batch.assign(200, base); },
      [&](int i) {
        sink += batch[i].Spend("spend", now, 1000, "", "")->points;
      });
  std::printf("spend_1000_from_500_lots_ns %.0f\n", spend);

  const PointsLedger busy = MakeBusyLedger(10000);
  const double audit = MedianNs(
      20, [] {}, [&](int) { sink += Audit(busy).total; });
  std::printf("audit_%zu_entries_ns %.0f\n", busy.entries().size(), audit);

  const std::unique_ptr<CheckoutCase> co = MakeCheckoutCase();
  const double checkout = MedianNs(
      200, [] {},
      [&](int) {
        sink += PriceCheckout(co->basket, co->wallet, co->points, co->policy)
                    ->to_pay.fen();
      });
  std::printf("checkout_10_lines_30_coupons_ns %.0f\n", checkout);

  std::unique_ptr<CouponPairCase> pairs;
  const double pair = MedianNs(
      2000, [&] { pairs = MakeCouponPairCase(2000); },
      [&](int i) {
        CouponPairCase& c = *pairs;
        sink += c.book
                    .Redeem(c.redeem_keys[i], c.coupon, c.member, c.redemption,
                            c.at)
                    ->seq;
        sink +=
            c.book.Reverse(c.reverse_keys[i], c.coupon, c.member, c.at)->seq;
      });
  std::printf("coupon_redeem_reverse_pair_ns %.0f\n", pair);

  const std::unique_ptr<ParkingCase> park = MakeParkingCase();
  const double quote = MedianNs(
      2000, [] {},
      [&](int) {
        sink += QuoteStay(park->stay, park->tariff, park->calendar,
                          park->policy, &park->member, park->usage, park->at)
                    ->due.fen();
      });
  std::printf("parking_quote_three_days_ns %.0f\n", quote);
}

}  // namespace
}  // namespace atrium::bench

int main() {
  atrium::bench::Run();
  return atrium::bench::sink == 42 ? 1 : 0;
}
