#include "atrium/coupons/refund.h"

#include <gtest/gtest.h>

#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::Local;

// A sale of three lines with a 满300减50 coupon (once) and points.
class RefundTest : public ::testing::Test {
 protected:
  RefundTest() {
    CouponTemplate t = testing::Threshold();
    t.repeating = false;
    t.max_discount = Money();
    tmpl_ = t;
    coupon_.id = CouponId("c1");
    coupon_.template_id = t.id;
    coupon_.owner = MemberId("alice");
    coupon_.valid_from = Local("2026-03-01 00:00:00");
    coupon_.valid_until = Local("2026-04-01 00:00:00");
    wallet_ = {{&coupon_, &tmpl_}};
    basket_ = Basket{"co-1",
                     MallId("m1"),
                     MemberId("alice"),
                     Local("2026-03-15 12:00:00"),
                     {{StoreId("s1"), "beauty", Money::Yuan(200)},
                      {StoreId("s1"), "beauty", Money::Yuan(150)},
                      {StoreId("s2"), "fashion", Money::Yuan(50)}}};
    StatusOr<CheckoutResult> r =
        PriceCheckout(basket_, wallet_, 10000, PointsAsCash());
    EXPECT_TRUE(r.ok());
    sale_ = *r;
  }
  RefundPlan Plan(std::vector<size_t> before, std::vector<size_t> now,
                  Money clawed = Money()) {
    StatusOr<RefundPlan> p =
        PlanRefund(basket_, wallet_, sale_, before, now, clawed);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : RefundPlan{};
  }

  CouponTemplate tmpl_;
  CouponInstance coupon_;
  std::vector<WalletCoupon> wallet_;
  Basket basket_;
  CheckoutResult sale_;
};

TEST_F(RefundTest, TheSaleIsAsExpected) {
  ASSERT_EQ(sale_.used.size(), 1u);
  EXPECT_EQ(sale_.discount, Money::Yuan(50));
  EXPECT_EQ(sale_.points_used, 10000);  // ¥100 of a possible ¥175
  EXPECT_EQ(sale_.to_pay, Money::Yuan(250));
}

TEST_F(RefundTest, RefundingEverythingReturnsEverything) {
  const RefundPlan p = Plan({}, {0, 1, 2});
  EXPECT_EQ(p.money_back, sale_.to_pay);
  EXPECT_EQ(p.points_back, sale_.points_used);
  EXPECT_EQ(p.clawback, Money());
  EXPECT_EQ(p.coupons_restored, (std::vector<size_t>{0}));
}

TEST_F(RefundTest, KeptLinesBelowTheThresholdGiveTheDiscountBack) {
  // Keep the ¥200 line: below 满300, so its share of the ¥50 comes back.
  const RefundPlan p = Plan({}, {1, 2});
  const CheckoutLine& kept = sale_.lines[0];
  EXPECT_EQ(p.clawback, kept.coupon_discount);
  EXPECT_EQ(p.money_back,
            sale_.lines[1].paid + sale_.lines[2].paid - kept.coupon_discount);
  EXPECT_TRUE(p.coupons_restored.empty());  // still used on the kept line
}

TEST_F(RefundTest, PartsAddUpToTheWhole) {
  const RefundPlan a = Plan({}, {2});
  const RefundPlan b = Plan({2}, {1}, a.clawback);
  const RefundPlan c = Plan({1, 2}, {0}, a.clawback + b.clawback);
  EXPECT_EQ(a.money_back + b.money_back + c.money_back, sale_.to_pay);
  EXPECT_EQ(a.points_back + b.points_back + c.points_back, sale_.points_used);
  EXPECT_EQ(a.clawback + b.clawback + c.clawback, Money());
  EXPECT_EQ(c.coupons_restored, (std::vector<size_t>{0}));
  for (const RefundPlan* p : {&a, &b, &c}) EXPECT_GE(p->money_back, Money());
}

TEST_F(RefundTest, RefusesBadLines) {
  const std::vector<size_t> none;
  const std::vector<size_t> twice = {1, 1};
  const std::vector<size_t> unknown = {7};
  const std::vector<size_t> one = {1};
  EXPECT_FALSE(PlanRefund(basket_, wallet_, sale_, none, none, Money()).ok());
  EXPECT_FALSE(PlanRefund(basket_, wallet_, sale_, none, twice, Money()).ok());
  EXPECT_FALSE(
      PlanRefund(basket_, wallet_, sale_, none, unknown, Money()).ok());
  EXPECT_FALSE(PlanRefund(basket_, wallet_, sale_, one, one, Money()).ok());
}

}  // namespace
}  // namespace atrium
