#include "atrium/coupons/points_mall.h"

#include <gtest/gtest.h>

#include "coupon_fixture.h"

namespace atrium {
namespace {

using testing::Local;

class PointsMallTest : public ::testing::Test {
 protected:
  PointsMallTest() {
    CouponTemplate t = testing::CashOff("starbucks50");
    t.name = "星巴克50元券";
    t.amount = Money::Yuan(50);
    t.acquisition = Acquisition::kPoints;
    t.points_price = 5000;
    t.total_stock = 1;
    EXPECT_TRUE(book_.AddTemplate(t).ok());
    EXPECT_TRUE(book_.AddTemplate(testing::CashOff("free20")).ok());
    const LotSpec lot{Local("2026-03-01 10:00:00"),
                      Local("2027-01-01 00:00:00")};
    EXPECT_TRUE(
        ledger_.Earn("e1", Local("2026-03-01 10:00:00"), 8000, lot, "", "")
            .ok());
    member_ = {
        MemberId("alice"), TierId("gold"), {}, Local("2025-01-01 00:00:00")};
  }
  StatusOr<atrium::Exchange> Buy(const std::string& key,
                                 const std::string& tmpl, const Claimant& who) {
    return ExchangePointsForCoupon(book_, ledger_, key, TemplateId(tmpl), who,
                                   Local("2026-03-05 10:00:00"));
  }
  int64_t Usable() {
    return ledger_.BalanceAt(Local("2026-03-05 10:00:00")).usable;
  }

  CouponBook book_{LocalCalendar()};
  PointsLedger ledger_;
  Claimant member_;
};

TEST_F(PointsMallTest, SpendsThePointsAndIssuesOnce) {
  StatusOr<atrium::Exchange> first = Buy("x1", "starbucks50", member_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->spend.points, -5000);
  EXPECT_EQ(Usable(), 3000);
  StatusOr<atrium::Exchange> again = Buy("x1", "starbucks50", member_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->issue.coupon, first->issue.coupon);
  EXPECT_EQ(Usable(), 3000);
  EXPECT_EQ(book_.IssuedCount(TemplateId("starbucks50")), 1);
}

TEST_F(PointsMallTest, NothingChangesWhenTheExchangeCannotHappen) {
  ASSERT_TRUE(Buy("x1", "starbucks50", member_).ok());
  const size_t entries = ledger_.entries().size();
  Claimant bob = member_;
  bob.id = MemberId("bob");
  // Out of stock: no points are spent.
  EXPECT_EQ(Buy("x2", "starbucks50", bob).status().code(),
            StatusCode::kResourceExhausted);
  // Not sold for points.
  EXPECT_EQ(Buy("x3", "free20", member_).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Buy("x4", "nope", member_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ledger_.entries().size(), entries);
  EXPECT_EQ(Usable(), 3000);
}

TEST_F(PointsMallTest, TooFewPointsIssuesNothing) {
  PointsLedger poor;
  EXPECT_EQ(
      ExchangePointsForCoupon(book_, poor, "x1", TemplateId("starbucks50"),
                              member_, Local("2026-03-05 10:00:00"))
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(book_.IssuedCount(TemplateId("starbucks50")), 0);
  EXPECT_TRUE(poor.entries().empty());
}

}  // namespace
}  // namespace atrium
