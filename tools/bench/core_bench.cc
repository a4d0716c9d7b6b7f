// Google Benchmark figures for the core's hot paths (native, release).
//   build/release/tools/bench/core_bench
#include <benchmark/benchmark.h>

#include <vector>

#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"
#include "cases.h"

namespace atrium::bench {
namespace {

void BM_EarnTenLinesThirtyRules(benchmark::State& state) {
  const EarnCase c = MakeEarnCase();
  for (auto _ : state) {
    StatusOr<EarnResult> r =
        ComputeEarn(c.policy, c.calendar, c.receipt, c.tier, 0);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_EarnTenLinesThirtyRules);

// Each spend needs a fresh ledger: copies are made in batches outside the
// timed region.
void BM_Spend1000From500Lots(benchmark::State& state) {
  const PointsLedger base = MakeLotsLedger(500);
  const Timestamp now = LotsLedgerNow();
  std::vector<PointsLedger> batch;
  size_t next = 0;
  for (auto _ : state) {
    if (next == batch.size()) {
      state.PauseTiming();
      batch.assign(256, base);
      next = 0;
      state.ResumeTiming();
    }
    StatusOr<LedgerEntry> e = batch[next++].Spend("spend", now, 1000, "", "");
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_Spend1000From500Lots);

void BM_AuditTenThousandEntries(benchmark::State& state) {
  const PointsLedger ledger = MakeBusyLedger(10000);
  for (auto _ : state) {
    AuditReport r = Audit(ledger);
    benchmark::DoNotOptimize(r);
  }
  state.counters["entries"] = static_cast<double>(ledger.entries().size());
}
BENCHMARK(BM_AuditTenThousandEntries)->Unit(benchmark::kMicrosecond);

void BM_CheckoutTenLinesThirtyCoupons(benchmark::State& state) {
  const std::unique_ptr<CheckoutCase> c = MakeCheckoutCase();
  int64_t priced = 0;
  for (auto _ : state) {
    StatusOr<CheckoutResult> r =
        PriceCheckout(c->basket, c->wallet, c->points, c->policy);
    priced = r->combinations_priced;
    benchmark::DoNotOptimize(r);
  }
  state.counters["combinations"] = static_cast<double>(priced);
}
BENCHMARK(BM_CheckoutTenLinesThirtyCoupons);

// A fresh book every 4096 pairs keeps the event log from growing without
// bound; building it is outside the timed region.
void BM_CouponRedeemReversePair(benchmark::State& state) {
  constexpr int kBatch = 4096;
  std::unique_ptr<CouponPairCase> c;
  int i = kBatch;
  for (auto _ : state) {
    if (i == kBatch) {
      state.PauseTiming();
      c = MakeCouponPairCase(kBatch);
      i = 0;
      state.ResumeTiming();
    }
    StatusOr<CouponEvent> a = c->book.Redeem(c->redeem_keys[i], c->coupon,
                                             c->member, c->redemption, c->at);
    StatusOr<CouponEvent> b =
        c->book.Reverse(c->reverse_keys[i], c->coupon, c->member, c->at);
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    ++i;
  }
}
BENCHMARK(BM_CouponRedeemReversePair);

void BM_ParkingQuoteThreeDaysAllBenefits(benchmark::State& state) {
  const std::unique_ptr<ParkingCase> c = MakeParkingCase();
  for (auto _ : state) {
    StatusOr<ParkingQuote> q =
        QuoteStay(c->stay, c->tariff, c->calendar, c->policy, &c->member,
                  c->usage, c->at);
    benchmark::DoNotOptimize(q);
  }
}
BENCHMARK(BM_ParkingQuoteThreeDaysAllBenefits);

}  // namespace
}  // namespace atrium::bench

BENCHMARK_MAIN();
