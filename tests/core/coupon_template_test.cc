#include "atrium/coupons/coupon_template.h"

#include <gtest/gtest.h>

#include <functional>

#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::CashOff;
using testing::Local;
using testing::PercentOff;
using testing::Threshold;

TEST(CouponTemplateTest, DiscountsByKind) {
  const struct {
    const char* what;
    CouponTemplate t;
    int64_t eligible_fen;
    int64_t discount_fen;
  } cases[] = {
      {"cash off", CashOff(), 10000, 2000},
      {"cash off never above the amount", CashOff(), 1500, 1500},
      {"threshold below", Threshold(), 29999, 0},
      {"threshold exactly", Threshold(), 30000, 5000},
      {"threshold twice", Threshold(), 60000, 10000},
      {"threshold just under three times", Threshold(), 89999, 10000},
      {"threshold capped", Threshold(), 1200000, 15000},
      {"8.5 折", PercentOff(), 10000, 1500},
      {"8.5 折 rounds the discount down", PercentOff(), 999, 149},
      {"nothing eligible", CashOff(), 0, 0},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.t.DiscountOn(Money::Fen(c.eligible_fen)).fen(), c.discount_fen)
        << c.what;
  }
  CouponTemplate once = Threshold();
  once.repeating = false;
  once.max_discount = Money();
  EXPECT_EQ(once.DiscountOn(Money::Yuan(900)), Money::Yuan(50));
  CouponTemplate capped = PercentOff();
  capped.max_discount = Money::Yuan(30);
  EXPECT_EQ(capped.DiscountOn(Money::Yuan(1000)), Money::Yuan(30));
}

TEST(CouponTemplateTest, ScopeExclusionsWin) {
  CouponScope scope;
  scope.categories = {"beauty", "fashion"};
  scope.excluded_stores = {StoreId("s-luxury")};
  EXPECT_TRUE(scope.Covers(StoreId("s1"), "beauty"));
  EXPECT_FALSE(scope.Covers(StoreId("s1"), "food_drink"));
  EXPECT_FALSE(scope.Covers(StoreId("s-luxury"), "beauty"));
  EXPECT_TRUE(CouponScope().Covers(StoreId("any"), "anything"));
}

TEST(CouponTemplateTest, RelativeValidityEndsWithALocalDay) {
  CouponTemplate t = CashOff();
  t.validity = {};
  t.validity.days_from_claim = 7;
  ASSERT_TRUE(t.Validate().ok());
  const auto [from, until] =
      t.validity.WindowFor(LocalCalendar(), Local("2026-03-10 21:00:00"));
  EXPECT_EQ(from, Local("2026-03-10 21:00:00"));
  EXPECT_EQ(until, Local("2026-03-17 00:00:00"));  // 10th..16th: seven days
}

TEST(CouponTemplateTest, TierRulesOverrideTheLimit) {
  CouponTemplate t = CashOff();
  t.per_member_total = 1;
  t.tier_rules = {{TierId("gold"), 3, 0}};
  EXPECT_EQ(t.PerMemberTotalFor(TierId("gold")), 3);
  EXPECT_EQ(t.PerMemberTotalFor(TierId("normal")), 1);
}

TEST(CouponTemplateTest, RefusesContradictoryTemplates) {
  const struct {
    const char* what;
    std::function<void(CouponTemplate&)> change;
  } cases[] = {
      {"cash without amount", [](auto& t) { t.amount = Money(); }},
      {"cash with a percentage", [](auto& t) { t.pay_permille = 900; }},
      {"cash with a threshold",
       [](auto& t) { t.threshold = Money::Yuan(100); }},
      {"percent of 100%",
       [](auto& t) {
         t = PercentOff();
         t.pay_permille = 1000;
       }},
      {"percent with an amount",
       [](auto& t) {
         t = PercentOff();
         t.amount = Money::Yuan(5);
       }},
      {"threshold reduction above the threshold",
       [](auto& t) {
         t = Threshold();
         t.amount = Money::Yuan(301);
       }},
      {"threshold cap below one reduction",
       [](auto& t) {
         t = Threshold();
         t.max_discount = Money::Yuan(40);
       }},
      {"gift without an item",
       [](auto& t) {
         t.kind = CouponKind::kGift;
         t.amount = Money();
       }},
      {"parking with minutes and amount",
       [](auto& t) {
         t.kind = CouponKind::kParking;
         t.parking_minutes = 60;
       }},
      {"validity ends before it starts",
       [](auto& t) { t.validity.until = Local("2026-02-01 00:00:00"); }},
      {"both fixed and relative validity",
       [](auto& t) { t.validity.days_from_claim = 7; }},
      {"no validity", [](auto& t) { t.validity = {}; }},
      {"claims open after expiry",
       [](auto& t) { t.claim_from = Local("2026-04-01 00:00:00"); }},
      {"daily limit above total",
       [](auto& t) {
         t.per_member_total = 1;
         t.per_member_per_day = 2;
       }},
      {"negative stock", [](auto& t) { t.total_stock = -1; }},
      {"points price on a free coupon", [](auto& t) { t.points_price = 100; }},
      {"paid coupon without a price",
       [](auto& t) { t.acquisition = Acquisition::kPaid; }},
      {"store included and excluded",
       [](auto& t) {
         t.scope.stores = {StoreId("s1")};
         t.scope.excluded_stores = {StoreId("s1")};
       }},
      {"tier rule for a tier that may not claim",
       [](auto& t) {
         t.tiers = {TierId("gold")};
         t.tier_rules = {{TierId("silver"), 2, 0}};
       }},
      {"empty name", [](auto& t) { t.name.clear(); }},
  };
  ASSERT_TRUE(CashOff().Validate().ok());
  ASSERT_TRUE(Threshold().Validate().ok());
  ASSERT_TRUE(PercentOff().Validate().ok());
  for (const auto& c : cases) {
    CouponTemplate t = CashOff();
    c.change(t);
    EXPECT_EQ(t.Validate().code(), StatusCode::kInvalidArgument) << c.what;
  }
}

}  // namespace
}  // namespace atrium
