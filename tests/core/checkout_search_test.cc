// The checkout's search against brute force: for seeded random baskets and
// wallets of up to 12 coupons, every subset of the wallet is priced with
// PriceWith, the best is picked by the tie rules, and PriceCheckout must
// choose exactly it.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "atrium/coupons/checkout.h"
#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::Local;

const char* const kCategories[] = {"beauty", "fashion", "kids", "food_drink"};
const char* const kStores[] = {"s1", "s2", "s3"};

struct Case {
  Basket basket;
  std::vector<CouponTemplate> templates;
  std::vector<CouponInstance> coupons;
  int64_t points = 0;

  std::vector<WalletCoupon> Wallet() const {
    std::vector<WalletCoupon> v;
    for (size_t i = 0; i < coupons.size(); ++i) {
      v.push_back({&coupons[i], &templates[i]});
    }
    return v;
  }
};

CouponTemplate RandomTemplate(std::mt19937& rng, int n) {
  auto pick = [&](int k) { return static_cast<int>(rng() % k); };
  CouponTemplate t = testing::CashOff("t" + std::to_string(n));
  switch (pick(3)) {
    case 0: t.amount = Money::Yuan(5 + pick(60)); break;
    case 1:
      t.kind = CouponKind::kThreshold;
      t.threshold = Money::Yuan(100 * (1 + pick(4)));
      t.amount = Money::Yuan(10 + pick(50));
      t.repeating = pick(2) == 0;
      break;
    default:
      t.kind = CouponKind::kPercentOff;
      t.amount = Money();
      t.pay_permille = 700 + 50 * pick(6);
      if (pick(2) == 0) t.max_discount = Money::Yuan(20 + pick(80));
      break;
  }
  if (pick(3) == 0) t.scope.categories = {kCategories[pick(4)]};
  if (pick(4) == 0) t.scope.excluded_stores = {StoreId(kStores[pick(3)])};
  if (pick(4) == 0) t.min_spend = Money::Yuan(pick(300));
  const char* groups[] = {"", "", "A", "B"};
  t.stacking_group = groups[pick(4)];
  t.exclusive = pick(10) == 0;
  t.combines_with_points = pick(5) != 0;
  return t;
}

Case RandomCase(std::mt19937& rng, size_t wallet_size) {
  auto pick = [&](int k) { return static_cast<int>(rng() % k); };
  Case c;
  c.basket = Basket{"co-1",
                    MallId("m1"),
                    MemberId("alice"),
                    Local("2026-03-15 12:00:00"),
                    {}};
  const int lines = 1 + pick(6);
  for (int i = 0; i < lines; ++i) {
    c.basket.lines.push_back({StoreId(kStores[pick(3)]), kCategories[pick(4)],
                              Money::Fen(100 + pick(40000))});
  }
  for (size_t i = 0; i < wallet_size; ++i) {
    c.templates.push_back(RandomTemplate(rng, static_cast<int>(i)));
    CouponInstance ci;
    ci.id = CouponId("c" + std::to_string(i));
    ci.template_id = c.templates.back().id;
    ci.owner = MemberId("alice");
    ci.valid_from = Local("2026-03-01 00:00:00");
    // Varied expiries, with repeats, to exercise the tie rules.
    ci.valid_until = Local("2026-03-20 00:00:00").PlusSeconds(86400 * pick(4));
    c.coupons.push_back(ci);
  }
  c.points = pick(3) == 0 ? 0 : pick(30000);
  return c;
}

struct Ranked {
  Money to_pay;
  size_t count;
  std::vector<Timestamp> expiries;
  std::vector<std::string> ids;
  bool operator<(const Ranked& o) const {
    if (to_pay != o.to_pay) return to_pay < o.to_pay;
    if (count != o.count) return count < o.count;
    if (expiries != o.expiries) return expiries < o.expiries;
    return ids < o.ids;
  }
};

Ranked Rank(const Case& c, const CheckoutResult& r) {
  Ranked k{r.to_pay, r.used.size(), {}, {}};
  for (const size_t i : r.used) {
    k.expiries.push_back(c.coupons[i].valid_until);
    k.ids.push_back(c.coupons[i].id.value());
  }
  std::sort(k.expiries.begin(), k.expiries.end());
  std::sort(k.ids.begin(), k.ids.end());
  return k;
}

TEST(CheckoutSearchTest, MatchesExhaustiveSearch) {
  std::mt19937 rng(20261126);
  const PointsAsCash policy;
  int cases = 0;
  for (size_t n = 0; n <= 12; ++n) {
    const int rounds = n <= 8 ? 120 : 12;
    for (int round = 0; round < rounds; ++round, ++cases) {
      const Case c = RandomCase(rng, n);
      const std::vector<WalletCoupon> wallet = c.Wallet();
      StatusOr<CheckoutResult> fast =
          PriceCheckout(c.basket, wallet, c.points, policy);
      ASSERT_TRUE(fast.ok()) << fast.status().ToString();
      std::optional<Ranked> best;
      for (uint32_t mask = 0; mask < (1u << n); ++mask) {
        std::vector<size_t> chosen;
        for (size_t i = 0; i < n; ++i) {
          if (mask & (1u << i)) chosen.push_back(i);
        }
        StatusOr<CheckoutResult> r =
            PriceWith(c.basket, wallet, c.points, policy, chosen);
        if (!r.ok()) continue;  // not a legal combination
        const Ranked k = Rank(c, *r);
        if (!best || k < *best) best = k;
      }
      ASSERT_TRUE(best.has_value());
      const Ranked got = Rank(c, *fast);
      ASSERT_EQ(got.to_pay, best->to_pay) << "case " << cases << ", n=" << n;
      ASSERT_EQ(got.ids, best->ids) << "case " << cases << ", n=" << n;
    }
  }
  EXPECT_GT(cases, 1000);
}

TEST(CheckoutSearchTest, ManyRandomBasketsKeepTheInvariants) {
  std::mt19937 rng(7);
  const PointsAsCash policy;
  for (int round = 0; round < 2000; ++round) {
    const Case c = RandomCase(rng, 1 + rng() % 30);
    StatusOr<CheckoutResult> r =
        PriceCheckout(c.basket, c.Wallet(), c.points, policy);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_GE(r->to_pay, Money());
    EXPECT_EQ(r->gross - r->discount - r->points_cash, r->to_pay);
    EXPECT_LE(r->points_cash.fen() * 2, (r->gross - r->discount).fen());
    EXPECT_LE(r->points_used, c.points);
    EXPECT_EQ(r->used.size() + r->unused.size(), c.coupons.size());
    for (const CheckoutLine& l : r->lines) EXPECT_GE(l.paid, Money());
  }
}

}  // namespace
}  // namespace atrium
