// Escrows as operations: granted by an operator out of the coupons' stock,
// used by their own device within their limits, returned with what is left.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const Timestamp kLater = kNow.PlusSeconds(3 * 86400);  // points usable

codec::Json Grant(int64_t coupons) {
  return {{"escrow_id", "esc-1"},
          {"device_id", "kiosk-1"},
          {"expires_at", "2026-05-01T00:00:00Z"},
          {"points_budget", 500},
          {"per_member_points", 300},
          {"coupons", {{"flash", coupons}}}};
}

codec::Json Spend(const std::string& member, int64_t points) {
  return {{"member_id", member},
          {"points", points},
          {"ref", "parking"},
          {"escrow_id", "esc-1"}};
}

const codec::Json kEscrowClaim = {
    {"member_id", "M1"}, {"template_id", "flash"}, {"escrow_id", "esc-1"}};

class EscrowOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 3));
    ASSERT_TRUE(Ok(Op("t", "operator:console", "add_coupon_template",
                      {{"template", testing::TemplateJson("flash", 5, 3)}})));
    // M1 earns points at a till.
    ASSERT_TRUE(Ok(Op(
        "earn", "device:pos-01", "earn",
        {{"receipt",
          {{"id", "R1"},
           {"mall_id", "m-xinjie"},
           {"store_id", "s-101"},
           {"member_id", "M1"},
           {"at", "2026-04-08T07:00:00Z"},
           {"lines", {{{"category", "fashion"}, {"amount_fen", 128000}}}}}}})));
  }
  bool Ok(const Operation& op, Timestamp now = kNow) {
    StatusOr<Effects> fx = Apply(state_, op, now);
    EXPECT_TRUE(fx.ok()) << op.id << ": " << fx.status().ToString();
    return fx.ok();
  }
  StatusCode Code(const Operation& op, Timestamp now = kNow) {
    return Apply(state_, op, now).status().code();
  }
  const CouponBook& Book() { return state_.coupons.at(MallId("m-xinjie")); }
  int64_t Usable(const char* m) {
    return state_.accounts.at(MemberId(m)).ledger().BalanceAt(kLater).usable;
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(EscrowOpsTest, AGrantHoldsStockOrNothing) {
  EXPECT_EQ(Code(Op("g0", "device:kiosk-1", "grant_escrow", Grant(2))),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(Op("g1", "operator:console", "grant_escrow", Grant(6))),
            StatusCode::kResourceExhausted);  // only 5 in stock
  EXPECT_EQ(Book().HeldCount(TemplateId("flash")), 0);
  ASSERT_TRUE(Ok(Op("g2", "operator:console", "grant_escrow", Grant(4))));
  EXPECT_EQ(Book().HeldCount(TemplateId("flash")), 4);
  // Online, one coupon is left for everyone else.
  ASSERT_TRUE(Ok(Op("c1", "member:M2", "claim_coupon",
                    {{"member_id", "M2"}, {"template_id", "flash"}})));
  EXPECT_EQ(Code(Op("c2", "member:M3", "claim_coupon",
                    {{"member_id", "M3"}, {"template_id", "flash"}})),
            StatusCode::kResourceExhausted);
}

TEST_F(EscrowOpsTest, OnlyItsDeviceWorksUnderAnEscrow) {
  ASSERT_TRUE(Ok(Op("g", "operator:console", "grant_escrow", Grant(2))));
  EXPECT_EQ(Code(Op("x1", "device:kiosk-2", "claim_coupon", kEscrowClaim)),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(Op("x2", "member:M1", "claim_coupon", kEscrowClaim)),
            StatusCode::kPermissionDenied);
  codec::Json unknown = kEscrowClaim;
  unknown["escrow_id"] = "esc-9";
  EXPECT_EQ(Code(Op("x3", "device:kiosk-1", "claim_coupon", unknown)),
            StatusCode::kNotFound);
  // The slice issues the coupon: the hold shrinks, the stock stays shared.
  ASSERT_TRUE(Ok(Op("k1", "device:kiosk-1", "claim_coupon", kEscrowClaim)));
  EXPECT_EQ(Book().HeldCount(TemplateId("flash")), 1);
  EXPECT_EQ(state_.escrows.at("esc-1").coupons_left(TemplateId("flash")), 1);
}

TEST_F(EscrowOpsTest, SpendsStayWithinTheCapsAndTheBalance) {
  ASSERT_TRUE(Ok(Op("g", "operator:console", "grant_escrow", Grant(1))));
  const int64_t earned = Usable("M1");
  ASSERT_GT(earned, 300);
  ASSERT_TRUE(
      Ok(Op("s1", "device:kiosk-1", "spend_points", Spend("M1", 300), kLater),
         kLater));
  EXPECT_EQ(Usable("M1"), earned - 300);
  // Beyond M1's cap: refused, nothing spent.
  EXPECT_EQ(
      Code(Op("s2", "device:kiosk-1", "spend_points", Spend("M1", 1), kLater),
           kLater),
      StatusCode::kResourceExhausted);
  EXPECT_EQ(Usable("M1"), earned - 300);
  // Within the caps but beyond M2's balance: refused, the escrow untouched.
  EXPECT_EQ(
      Code(Op("s3", "device:kiosk-1", "spend_points", Spend("M2", 100), kLater),
           kLater),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(state_.escrows.at("esc-1").points_used(), 300);
}

TEST_F(EscrowOpsTest, ReturningGivesBackWhatIsLeftAndEndsTheEscrow) {
  ASSERT_TRUE(Ok(Op("g", "operator:console", "grant_escrow", Grant(3))));
  ASSERT_TRUE(Ok(Op("k1", "device:kiosk-1", "claim_coupon", kEscrowClaim)));
  EXPECT_EQ(Code(Op("r0", "device:kiosk-2", "return_escrow",
                    {{"escrow_id", "esc-1"}})),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(Ok(
      Op("r1", "device:kiosk-1", "return_escrow", {{"escrow_id", "esc-1"}})));
  EXPECT_EQ(Book().HeldCount(TemplateId("flash")), 0);
  EXPECT_EQ(Code(Op("k2", "device:kiosk-1", "claim_coupon", kEscrowClaim)),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Code(Op("r2", "operator:console", "return_escrow",
                    {{"escrow_id", "esc-1"}})),
            StatusCode::kFailedPrecondition);
  // The two coupons it did not use are anyone's again.
  for (const char* m : {"M2", "M3"}) {
    EXPECT_TRUE(
        Ok(Op(std::string("c-") + m, std::string("member:") + m, "claim_coupon",
              {{"member_id", m}, {"template_id", "flash"}})));
  }
}

// An exchange at a kiosk takes its coupon from the slice and its price from
// the budget and the member's cap; refused, it takes nothing.
TEST_F(EscrowOpsTest, AnExchangeCountsItsCouponAndItsPrice) {
  codec::Json shop = testing::TemplateJson("shop", 5, 3);
  shop["acquisition"] = "points";
  shop["points_price"] = 200;
  ASSERT_TRUE(Ok(Op("t2", "operator:console", "add_coupon_template",
                    {{"template", shop}})));
  codec::Json grant = Grant(1);
  grant["coupons"] = {{"shop", 2}};
  ASSERT_TRUE(Ok(Op("g", "operator:console", "grant_escrow", grant)));
  const codec::Json exchange = {
      {"member_id", "M1"}, {"template_id", "shop"}, {"escrow_id", "esc-1"}};
  const int64_t earned = Usable("M1");
  ASSERT_TRUE(Ok(
      Op("x1", "device:kiosk-1", "exchange_points", exchange, kLater), kLater));
  const Escrow& e = state_.escrows.at("esc-1");
  EXPECT_EQ(Usable("M1"), earned - 200);
  EXPECT_EQ(e.coupons_left(TemplateId("shop")), 1);
  EXPECT_EQ(e.points_of(MemberId("M1")), 200);
  EXPECT_EQ(Book().HeldCount(TemplateId("shop")), 1);
  // A second would pass M1's cap of 300: refused, the slice kept.
  EXPECT_EQ(
      Code(Op("x2", "device:kiosk-1", "exchange_points", exchange, kLater),
           kLater),
      StatusCode::kResourceExhausted);
  EXPECT_EQ(e.coupons_left(TemplateId("shop")), 1);
  EXPECT_EQ(Book().HeldCount(TemplateId("shop")), 1);
  // M2 has no points: refused by the member's balance, the escrow untouched.
  codec::Json poor = exchange;
  poor["member_id"] = "M2";
  EXPECT_EQ(
      Code(Op("x3", "device:kiosk-1", "exchange_points", poor, kLater), kLater),
      StatusCode::kFailedPrecondition);
  EXPECT_EQ(e.coupons_left(TemplateId("shop")), 1);
  EXPECT_EQ(e.points_used(), 200);
  EXPECT_EQ(Book().HeldCount(TemplateId("shop")), 1);
  // Without the member, the escrow alone counts it.
  poor["member_id"] = "M9";
  EXPECT_TRUE(
      ChargeEscrow(state_, Op("x4", "device:kiosk-1", "exchange_points", poor))
          .ok());
  EXPECT_EQ(e.coupons_left(TemplateId("shop")), 0);
}

// A kiosk that does not hold the member counts its escrowed operation
// against the escrow alone.
TEST_F(EscrowOpsTest, ChargeEscrowCountsWithoutTheMember) {
  ASSERT_TRUE(Ok(Op("g", "operator:console", "grant_escrow", Grant(1))));
  const Operation claim =
      Op("k1", "device:kiosk-1", "claim_coupon", kEscrowClaim);
  ASSERT_TRUE(ChargeEscrow(state_, claim).ok());
  EXPECT_EQ(ChargeEscrow(state_, claim).code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(ChargeEscrow(state_, Op("s", "device:kiosk-1", "spend_points",
                                    Spend("M9", 301)))
                .code(),
            StatusCode::kResourceExhausted);
  // A malformed payload is an error, not a crash.
  codec::Json bad = Spend("M9", 1);
  bad["points"] = "many";
  EXPECT_EQ(ChargeEscrow(state_, Op("b", "device:kiosk-1", "spend_points", bad))
                .code(),
            StatusCode::kInvalidArgument);
  codec::Json no_template = kEscrowClaim;
  no_template["template_id"] = 7;
  EXPECT_EQ(ChargeEscrow(
                state_, Op("b2", "device:kiosk-1", "claim_coupon", no_template))
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium::sync
