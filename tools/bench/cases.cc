#include "cases.h"

#include <string>

namespace atrium::bench {
namespace {

Timestamp At(int64_t unix_seconds) {
  return Timestamp::FromUnixSeconds(unix_seconds);
}

constexpr int64_t k2026 = 1767196800;  // 2026-01-01T00:00:00+08:00

}  // namespace

EarnCase MakeEarnCase() {
  EarnCase c;
  const char* categories[] = {"beauty", "fashion", "food_drink", "sports",
                              "kids"};
  c.policy.max_points_per_receipt = 50000;
  c.policy.max_points_per_day = 100000;
  for (int i = 0; i < 30; ++i) {
    EarningRule r;
    r.id = RuleId("rule-" + std::to_string(i));
    r.name = "rule " + std::to_string(i);
    r.multiplier_permille = 1000 + 10 * i;
    switch (i % 5) {
      case 0: r.categories = {categories[i % 5], "gift_card"}; break;
      case 1: r.tiers = {TierId("silver"), TierId("gold")}; break;
      case 2:
        r.window.weekdays = {Weekday::kTuesday, Weekday::kSaturday};
        break;
      case 3: r.stores = {StoreId("s-101"), StoreId("s-105")}; break;
      case 4:
        r.window.start_second = 10 * 3600;
        r.window.end_second = 2 * 3600;
        break;
    }
    if (i == 29) {
      r.effect = RuleEffect::kExclude;
      r.categories = {"gift_card"};
    }
    c.policy.rules.push_back(std::move(r));
  }
  c.receipt.id = ReceiptId("R-bench");
  c.receipt.mall = MallId("m-xinjie");
  c.receipt.store = StoreId("s-105");
  c.receipt.member = MemberId("M-bench");
  c.receipt.at = At(k2026 + 5 * kSecondsPerDay +
                    15 * kSecondsPerHour);  // Tuesday 15:00 local
  for (int i = 0; i < 10; ++i) {
    c.receipt.lines.push_back({categories[i % 5], Money::Fen(1999 + 1000 * i)});
  }
  c.tier = TierId("gold");
  return c;
}

Timestamp LotsLedgerNow() { return At(k2026 + 400 * kSecondsPerHour); }

PointsLedger MakeLotsLedger(int lots) {
  PointsLedger l;
  for (int i = 0; i < lots; ++i) {
    const Timestamp t = At(k2026 + i * kSecondsPerMinute);
    const LotSpec spec{
        t, At(k2026 + kSecondsPerDay * 2 * 365 + i * kSecondsPerMinute)};
    (void)l.Earn("earn-" + std::to_string(i), t, 10, spec, "", "");
  }
  return l;
}

PointsLedger MakeBusyLedger(int entries) {
  PointsLedger l;
  int64_t t = k2026;
  std::string last_spend;
  for (int i = 1; static_cast<int>(l.entries().size()) < entries; ++i) {
    t += kSecondsPerHour;
    const Timestamp now = At(t);
    const std::string n = std::to_string(i);
    const LotSpec spec{now, At(t + 365 * kSecondsPerDay)};
    (void)l.Earn("e" + n, now, 100 + i % 50, spec, "", "");
    if (i % 3 == 0 && l.Spend("s" + n, now, 120, "", "").ok()) {
      last_spend = "s" + n;
    }
    if (i % 7 == 0) (void)l.Reverse("re" + n, now, "e" + n, 30, "refund");
    if (i % 11 == 0 && !last_spend.empty()) {
      (void)l.Reverse("rs" + n, now, last_spend, 40, "refund");
      last_spend.clear();
    }
    if (i % 13 == 0) (void)l.Adjust("a" + n, now, -5, {}, "correction");
    if (i % 97 == 0) (void)l.Expire(now);
  }
  return l;
}

std::unique_ptr<CheckoutCase> MakeCheckoutCase() {
  auto c = std::make_unique<CheckoutCase>();
  const char* categories[] = {"beauty", "fashion", "food_drink", "sports",
                              "kids"};
  const Timestamp at = At(k2026 + 70 * kSecondsPerDay + 12 * kSecondsPerHour);
  c->basket =
      Basket{"co-bench", MallId("m-xinjie"), MemberId("M-bench"), at, {}};
  for (int i = 0; i < 10; ++i) {
    c->basket.lines.push_back({StoreId(i % 2 ? "s-105" : "s-108"),
                               categories[i % 5], Money::Fen(4999 + 3700 * i)});
  }
  const char* groups[] = {"", "", "A", "B", "C"};
  for (int i = 0; i < 30; ++i) {
    CouponTemplate t;
    t.id = TemplateId("t" + std::to_string(i));
    t.name = "coupon " + std::to_string(i);
    t.mall = MallId("m-xinjie");
    t.validity.from = At(k2026);
    t.validity.until = At(k2026 + 365 * kSecondsPerDay);
    switch (i % 3) {
      case 0:
        t.kind = CouponKind::kCashOff;
        t.amount = Money::Yuan(5 + 3 * i);
        break;
      case 1:
        t.kind = CouponKind::kThreshold;
        t.threshold = Money::Yuan(100 + 50 * (i % 4));
        t.amount = Money::Yuan(15 + i);
        t.repeating = i % 2 == 1;
        break;
      default:
        t.kind = CouponKind::kPercentOff;
        t.pay_permille = 950 - 10 * i;
        t.max_discount = Money::Yuan(40 + i);
        break;
    }
    if (i % 4 == 0) t.scope.categories = {categories[i % 5]};
    t.stacking_group = groups[i % 5];
    t.exclusive = i % 11 == 0;
    t.combines_with_points = i % 7 != 0;
    CouponInstance ci;
    ci.id = CouponId("c" + std::to_string(i));
    ci.template_id = t.id;
    ci.owner = c->basket.member;
    ci.valid_from = t.validity.from.value();
    ci.valid_until = t.validity.until.value();
    c->templates.push_back(std::move(t));
    c->coupons.push_back(std::move(ci));
  }
  for (size_t i = 0; i < c->coupons.size(); ++i) {
    c->wallet.push_back({&c->coupons[i], &c->templates[i]});
  }
  return c;
}

std::unique_ptr<CouponPairCase> MakeCouponPairCase(int n) {
  auto c = std::make_unique<CouponPairCase>();
  CouponTemplate t;
  t.id = TemplateId("cash20");
  t.name = "cash 20";
  t.mall = MallId("m-xinjie");
  t.amount = Money::Yuan(20);
  t.validity.from = At(k2026);
  t.validity.until = At(k2026 + 365 * kSecondsPerDay);
  (void)c->book.AddTemplate(t);
  c->member = MemberId("M-bench");
  c->at = At(k2026 + kSecondsPerDay);
  const Claimant who{c->member, TierId("gold"), {}, At(k2026)};
  c->coupon =
      c->book.Issue("issue", t.id, who, IssueChannel::kClaim, c->at)->coupon;
  c->redemption = {"co-bench", ReceiptId("R-bench"), StoreId("s-105"), "pos-1"};
  for (int i = 0; i < n; ++i) {
    c->redeem_keys.push_back("redeem-" + std::to_string(i));
    c->reverse_keys.push_back("reverse-" + std::to_string(i));
  }
  return c;
}

std::unique_ptr<ParkingCase> MakeParkingCase() {
  auto c = std::make_unique<ParkingCase>();
  const auto bands = [](int64_t day, int64_t night) {
    return std::vector<RateBand>{{8 * 60, Money::Fen(day)},
                                 {22 * 60, Money::Fen(night)}};
  };
  Tariff& t = c->tariff;
  t.id = TariffId("t-xinjie-park");
  t.mall = MallId("m-xinjie");
  t.effective_from = At(k2026);
  ClassRates small;
  small.free_minutes = 30;
  small.unit_minutes = 60;
  small.workday = bands(600, 200);
  small.rest_day = bands(800, 200);
  small.daily_cap = Money::Yuan(60);
  t.classes = {small};
  for (int d = 0; d < 7; ++d) t.holidays.push_back(Date{2026, 10, 1 + d});
  c->policy.spend_step = Money::Yuan(200);
  c->policy.points_per_hour = 100;
  c->policy.max_points_minutes_per_day = 240;
  c->policy.max_free_minutes_per_member_day = 360;
  c->policy.max_free_minutes_per_plate_day = 360;
  // Monday 2026-03-16 19:00 to Thursday 10:00, China time.
  const int64_t monday = k2026 + 74 * kSecondsPerDay;
  c->stay.session = "bench";
  c->stay.plate = *Plate::Parse("沪A12345");
  c->stay.entry = At(monday + 19 * kSecondsPerHour);
  c->at = At(monday + 3 * kSecondsPerDay + 10 * kSecondsPerHour);
  c->coupon_template.id = TemplateId("park5");
  c->coupon_template.mall = t.mall;
  c->coupon_template.kind = CouponKind::kParking;
  c->coupon_template.amount = Money::Yuan(5);
  c->coupon.id = CouponId("pc-5");
  c->coupon.template_id = c->coupon_template.id;
  c->coupon.owner = MemberId("M0001");
  c->coupon.valid_from = At(k2026);
  c->coupon.valid_until = At(k2026 + 365 * kSecondsPerDay);
  c->member.member = MemberId("M0001");
  c->member.tier_minutes_per_day = 120;
  c->member.spend_today = Money::Yuan(400);
  c->member.points_offered = 400;
  c->member.coupons = {{&c->coupon, &c->coupon_template}};
  return c;
}

}  // namespace atrium::bench
