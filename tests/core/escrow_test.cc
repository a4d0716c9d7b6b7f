#include "atrium/escrow.h"

#include <gtest/gtest.h>

namespace atrium {
namespace {

const Timestamp kExpiry = *ParseIso8601("2026-05-01T00:00:00Z");
const Timestamp kBefore = kExpiry.PlusSeconds(-1);
const MemberId kAnn("M1");
const MemberId kBo("M2");
const TemplateId kFlash("flash");

Escrow Make() {
  EscrowGrant g;
  g.id = "esc-1";
  g.device = "kiosk-1";
  g.expires_at = kExpiry;
  g.points_budget = 1000;
  g.per_member_points = 600;
  g.coupons[kFlash] = 2;
  return Escrow(g);
}

TEST(EscrowTest, PointsStayWithinTheBudgetAndEachMembersCap) {
  Escrow e = Make();
  ASSERT_TRUE(e.CheckPoints(kAnn, 600, kBefore).ok());  // the cap exactly
  e.ChargePoints(kAnn, 600);
  EXPECT_EQ(e.CheckPoints(kAnn, 1, kBefore).code(),
            StatusCode::kResourceExhausted);
  ASSERT_TRUE(e.CheckPoints(kBo, 400, kBefore).ok());  // the budget exactly
  e.ChargePoints(kBo, 400);
  EXPECT_EQ(e.CheckPoints(kBo, 1, kBefore).code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(e.points_used(), 1000);
  EXPECT_EQ(e.CheckPoints(kBo, 0, kBefore).code(),
            StatusCode::kInvalidArgument);
}

TEST(EscrowTest, CouponsStayWithinTheSlice) {
  Escrow e = Make();
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(e.CheckCoupon(kFlash, kBefore).ok());
    e.ChargeCoupon(kFlash);
  }
  EXPECT_EQ(e.coupons_left(kFlash), 0);
  EXPECT_EQ(e.CheckCoupon(kFlash, kBefore).code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(e.CheckCoupon(TemplateId("other"), kBefore).code(),
            StatusCode::kResourceExhausted);
}

TEST(EscrowTest, NothingCountsAfterExpiryOrOnceReturned) {
  Escrow e = Make();
  EXPECT_TRUE(e.CheckPoints(kAnn, 1, kBefore).ok());
  EXPECT_EQ(e.CheckPoints(kAnn, 1, kExpiry).code(),
            StatusCode::kFailedPrecondition);  // made at the expiry
  EXPECT_EQ(e.CheckCoupon(kFlash, kExpiry).code(),
            StatusCode::kFailedPrecondition);
  e.Close();
  EXPECT_FALSE(e.open());
  EXPECT_EQ(e.CheckPoints(kAnn, 1, kBefore).code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace atrium
