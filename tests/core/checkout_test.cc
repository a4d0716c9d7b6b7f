#include "atrium/coupons/checkout.h"

#include <gtest/gtest.h>

#include <map>

#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::CashOff;
using testing::Local;
using testing::PercentOff;
using testing::Threshold;

// A wallet built from templates: each coupon owned by "alice", valid for
// March 2026, available.
class Wallet {
 public:
  void Add(CouponTemplate t) {
    CouponInstance c;
    c.id = CouponId("c" + std::to_string(coupons_.size() + 1));
    c.template_id = t.id;
    c.owner = MemberId("alice");
    c.valid_from = Local("2026-03-01 00:00:00");
    c.valid_until = Local("2026-04-01 00:00:00");
    templates_.push_back(std::move(t));
    coupons_.push_back(c);
  }
  CouponInstance& coupon(size_t i) { return coupons_[i]; }
  std::vector<WalletCoupon> View() const {
    std::vector<WalletCoupon> v;
    for (size_t i = 0; i < coupons_.size(); ++i) {
      v.push_back({&coupons_[i], &templates_[i]});
    }
    return v;
  }

 private:
  std::vector<CouponTemplate> templates_;
  std::vector<CouponInstance> coupons_;
};

Basket MakeBasket(std::vector<BasketLine> lines) {
  return Basket{"co-1", MallId("m1"), MemberId("alice"),
                Local("2026-03-15 12:00:00"), std::move(lines)};
}

BasketLine Line(const char* store, const char* category, int64_t yuan) {
  return {StoreId(store), category, Money::Yuan(yuan)};
}

CheckoutResult Price(const Basket& b, const Wallet& w, int64_t points = 0) {
  const std::vector<WalletCoupon> view = w.View();
  StatusOr<CheckoutResult> r = PriceCheckout(b, view, points, PointsAsCash());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : CheckoutResult{};
}

TEST(CheckoutTest, PicksTheCombinationThatLeavesLeastToPay) {
  Wallet w;
  w.Add(CashOff());     // ¥20 off
  w.Add(Threshold());   // 每满300减50, max 150
  w.Add(PercentOff());  // 8.5 折
  const Basket b =
      MakeBasket({Line("s1", "beauty", 400), Line("s2", "fashion", 200)});
  const CheckoutResult r = Price(b, w);
  // One of each kind stacks: 50 x2 (600) + 20 + 15% of 600 = 210 off.
  EXPECT_EQ(r.discount, Money::Yuan(210));
  EXPECT_EQ(r.to_pay, Money::Yuan(390));
  EXPECT_EQ(r.used, (std::vector<size_t>{1, 0, 2}));  // threshold, cash, %
  EXPECT_TRUE(r.unused.empty());
}

TEST(CheckoutTest, OneCouponPerStackingGroup) {
  Wallet w;
  w.Add(CashOff("a"));  // ¥20
  CouponTemplate bigger = CashOff("b");
  bigger.amount = Money::Yuan(30);
  w.Add(bigger);
  const CheckoutResult r = Price(MakeBasket({Line("s1", "beauty", 100)}), w);
  EXPECT_EQ(r.used, (std::vector<size_t>{1}));
  ASSERT_EQ(r.unused.size(), 1u);
  EXPECT_EQ(r.unused[0].reason, UnusedReason::kNotStackable);
  EXPECT_EQ(r.unused[0].yields_to, std::optional<size_t>(1));
}

TEST(CheckoutTest, AnExclusiveCouponStandsAlone) {
  Wallet w;
  w.Add(CashOff());
  w.Add(PercentOff());
  CouponTemplate solo = CashOff("solo");
  solo.amount = Money::Yuan(40);
  solo.exclusive = true;
  w.Add(solo);
  // ¥20 + 15% of 200 = ¥50 beats ¥40 alone.
  CheckoutResult r = Price(MakeBasket({Line("s1", "beauty", 200)}), w);
  EXPECT_EQ(r.discount, Money::Yuan(50));
  EXPECT_EQ(r.unused.back().reason, UnusedReason::kExclusive);
  // On ¥100, ¥40 alone beats ¥20 + ¥15.
  r = Price(MakeBasket({Line("s1", "beauty", 100)}), w);
  EXPECT_EQ(r.used, (std::vector<size_t>{2}));
  EXPECT_EQ(r.unused[0].reason, UnusedReason::kExclusive);
  EXPECT_EQ(r.unused[0].yields_to, std::optional<size_t>(2));
}

TEST(CheckoutTest, PointsPayWholeYuanUpToHalf) {
  Wallet w;
  const Basket b = MakeBasket({Line("s1", "beauty", 99)});
  // Half of ¥99 is ¥49.50: points pay ¥49, 4,900 points.
  CheckoutResult r = Price(b, w, 100000);
  EXPECT_EQ(r.points_used, 4900);
  EXPECT_EQ(r.to_pay, Money::Yuan(50));
  r = Price(b, w, 1250);  // 12.5 yuan of points pay 12
  EXPECT_EQ(r.points_cash, Money::Yuan(12));
  EXPECT_EQ(r.points_used, 1200);
}

TEST(CheckoutTest, ACouponThatRefusesPointsIsChosenOnlyWhenItPays) {
  Wallet w;
  CouponTemplate no_points = CashOff();
  no_points.combines_with_points = false;
  w.Add(no_points);  // ¥20, but then no points
  const Basket b = MakeBasket({Line("s1", "beauty", 100)});
  // With plenty of points, ¥50 of points beats the ¥20 coupon.
  CheckoutResult r = Price(b, w, 100000);
  EXPECT_TRUE(r.used.empty());
  EXPECT_EQ(r.to_pay, Money::Yuan(50));
  EXPECT_EQ(r.unused[0].reason, UnusedReason::kNoGain);
  // With ¥10 of points, the coupon wins.
  r = Price(b, w, 1000);
  EXPECT_EQ(r.used, (std::vector<size_t>{0}));
  EXPECT_EQ(r.points_used, 0);
}

TEST(CheckoutTest, SaysWhyEachCouponCannotBeUsed) {
  Wallet w;
  for (int i = 0; i < 9; ++i) w.Add(CashOff("t" + std::to_string(i)));
  w.coupon(0).owner = MemberId("bob");
  w.coupon(1).status = CouponStatus::kRedeemed;
  w.coupon(2).valid_until = Local("2026-03-15 12:00:00");
  w.coupon(3).valid_from = Local("2026-03-15 12:00:01");
  w.coupon(4).status = CouponStatus::kReserved;
  w.coupon(4).reserved_for = "co-9";
  w.coupon(4).reserved_until = Local("2026-03-15 12:10:00");
  CouponTemplate other_mall = CashOff("om");
  other_mall.mall = MallId("m2");
  w.Add(other_mall);
  CouponTemplate gift = CashOff("gift");
  gift.kind = CouponKind::kGift;
  gift.amount = Money();
  gift.gift_item = "帆布袋";
  w.Add(gift);
  CouponTemplate kids = CashOff("kids");
  kids.scope.categories = {"kids"};
  w.Add(kids);
  CouponTemplate big = CashOff("big");
  big.min_spend = Money::Yuan(500);
  w.Add(big);
  const CheckoutResult r = Price(MakeBasket({Line("s1", "beauty", 100)}), w);
  const UnusedReason expected[] = {
      UnusedReason::kNotYours,          UnusedReason::kAlreadyUsed,
      UnusedReason::kExpired,           UnusedReason::kNotYetValid,
      UnusedReason::kReservedElsewhere, UnusedReason::kOtherMall,
      UnusedReason::kNotForBaskets,     UnusedReason::kOutOfScope,
      UnusedReason::kBelowMinimum,
  };
  std::map<size_t, UnusedReason> got;
  for (const UnusedCoupon& u : r.unused) got[u.wallet_index] = u.reason;
  const size_t at[] = {0, 1, 2, 3, 4, 9, 10, 11, 12};
  for (size_t k = 0; k < 9; ++k) {
    EXPECT_EQ(got[at[k]], expected[k]) << "wallet coupon " << at[k];
  }
  EXPECT_EQ(r.discount, Money::Yuan(20));  // one of t5..t8
}

TEST(CheckoutTest, AllocationAddsUpPerLineAndPerCoupon) {
  Wallet w;
  w.Add(Threshold());
  w.Add(PercentOff());
  const Basket b = MakeBasket({Line("s1", "beauty", 333),
                               Line("s2", "fashion", 111),
                               {StoreId("s3"), "kids", Money::Fen(7)}});
  const CheckoutResult r = Price(b, w, 100000);
  Money paid, coupons;
  for (const CheckoutLine& l : r.lines) {
    EXPECT_GE(l.paid, Money());
    EXPECT_EQ(l.gross - l.coupon_discount - l.points_cash, l.paid);
    paid += l.paid;
    coupons += l.coupon_discount;
  }
  EXPECT_EQ(paid, r.to_pay);
  EXPECT_EQ(coupons, r.discount);
  Money allocated;
  for (const CouponAllocation& a : r.allocations) allocated += a.amount;
  EXPECT_EQ(allocated, r.discount);
}

// A coupon's discount is spread in proportion to the lines, to the fen: the
// fen left over go to the largest remainders, and on a tie to the earlier
// line.
TEST(CheckoutTest, SpreadsADiscountByLargestRemainders) {
  struct Case {
    int64_t off_fen;
    std::vector<int64_t> lines_fen;
    std::vector<int64_t> want_fen;
  };
  const Case cases[] = {
      {10, {100, 200, 700}, {1, 2, 7}},  // exact
      {10, {101, 202, 697}, {1, 2, 7}},  // remainders 10, 20, 970
      {10, {697, 202, 101}, {7, 2, 1}},  // the same, lines reversed
      {10, {300, 300, 300}, {4, 3, 3}},  // a three-way tie: earliest
      {10, {300, 300, 300, 300}, {3, 3, 2, 2}},
      {1, {5000, 5000}, {1, 0}},        // one fen, two equal lines
      {1000, {1000}, {1000}},           // all of one line
      {999, {1, 1, 998}, {1, 1, 997}},  // remainders 998, 998, 4
  };
  for (const Case& c : cases) {
    CouponTemplate t = CashOff();
    t.amount = Money::Fen(c.off_fen);
    Wallet w;
    w.Add(t);
    std::vector<BasketLine> lines;
    for (const int64_t f : c.lines_fen) {
      lines.push_back({StoreId("s1"), "beauty", Money::Fen(f)});
    }
    const CheckoutResult r = Price(MakeBasket(lines), w);
    std::vector<int64_t> got;
    for (const CheckoutLine& l : r.lines)
      got.push_back(l.coupon_discount.fen());
    EXPECT_EQ(got, c.want_fen)
        << c.off_fen << " off " << c.lines_fen.size() << " lines";
  }
}

TEST(CheckoutTest, EarnsOnWhatWasActuallyPaid) {
  Wallet w;
  w.Add(CashOff());  // ¥20 off
  const Basket b =
      MakeBasket({Line("s1", "beauty", 100), Line("s2", "fashion", 50)});
  const CheckoutResult r = Price(b, w, 2000);  // then ¥20 of points
  ASSERT_EQ(r.to_pay, Money::Yuan(110));
  EarningPolicy policy;  // one point per whole yuan
  StatusOr<int64_t> points =
      PointsEarnedBy(b, r, policy, LocalCalendar(), TierId("normal"), 0);
  ASSERT_TRUE(points.ok()) << points.status().ToString();
  // ¥110 paid: ¥73.34 at s1 and ¥36.66 at s2, each store a receipt
  // rounded down on its own.
  EXPECT_EQ(r.lines[0].paid, Money::Fen(7334));
  EXPECT_EQ(*points, 73 + 36);
}

TEST(CheckoutTest, BadInputIsRefused) {
  Wallet w;
  w.Add(CashOff());
  const std::vector<WalletCoupon> view = w.View();
  std::vector<WalletCoupon> twice = {view[0], view[0]};
  const Basket ok = MakeBasket({Line("s1", "beauty", 100)});
  Basket empty = ok;
  empty.lines.clear();
  Basket negative = ok;
  negative.lines[0].amount = Money::Fen(-1);
  Basket zero = ok;
  zero.lines[0].amount = Money();
  const PointsAsCash bad_policy{0, 500};
  EXPECT_FALSE(PriceCheckout(empty, view, 0, {}).ok());
  EXPECT_FALSE(PriceCheckout(negative, view, 0, {}).ok());
  EXPECT_FALSE(PriceCheckout(zero, view, 0, {}).ok());
  EXPECT_FALSE(PriceCheckout(ok, twice, 0, {}).ok());
  EXPECT_FALSE(PriceCheckout(ok, view, -1, {}).ok());
  EXPECT_FALSE(PriceCheckout(ok, view, 0, bad_policy).ok());
  const size_t out_of_range[] = {5};
  EXPECT_FALSE(PriceWith(ok, view, 0, {}, out_of_range).ok());
}

}  // namespace
}  // namespace atrium
