// Coupon operations applied to the group's state: who may send which, and
// coupons named by the claim that made them.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"

namespace atrium::sync {
namespace {

const Timestamp kNow = *ParseIso8601("2026-04-08T08:00:00Z");

Operation Op(const std::string& id, const std::string& origin,
             const std::string& type, codec::Json payload) {
  Operation op;
  op.id = id;
  op.origin = *Origin::Parse(origin);
  op.seq = 1;
  op.type = type;
  op.client_time = kNow;
  op.payload = std::move(payload);
  return op;
}

const codec::Json kTemplate = {{"id", "flash-1"},
                               {"name", "限量券"},
                               {"mall_id", "m-xinjie"},
                               {"kind", "cash_off"},
                               {"amount_fen", 1000},
                               {"valid_from", "2026-03-01T00:00:00+08:00"},
                               {"valid_until", "2026-06-01T00:00:00+08:00"},
                               {"total_stock", 1},
                               {"per_member_total", 1}};

class CouponOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* m : {"M1", "M2"}) {
      const std::string phone =
          m == std::string("M1") ? "13800000001" : "13800000002";
      ASSERT_TRUE(Apply(state_,
                        Op(std::string("reg-") + m, "device:desk", "register",
                           {{"member_id", m}, {"phone", phone}}),
                        kNow)
                      .ok());
    }
  }
  StatusCode Code(const Operation& op) {
    return Apply(state_, op, kNow).status().code();
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(CouponOpsTest, OnlyAnOperatorAddsTemplates) {
  EXPECT_EQ(Code(Op("t1", "device:pos-01", "add_coupon_template",
                    {{"template", kTemplate}})),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(Op("t2", "member:M1", "add_coupon_template",
                    {{"template", kTemplate}})),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> fx =
      Apply(state_,
            Op("t3", "operator:console", "add_coupon_template",
               {{"template", kTemplate}}),
            kNow);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_TRUE(fx->everyone);  // every client pulls the catalogue
  EXPECT_EQ(Code(Op("t4", "operator:console", "add_coupon_template",
                    {{"template", kTemplate}})),
            StatusCode::kAlreadyExists);
}

TEST_F(CouponOpsTest, ClaimsAreNamedByTheOperationAndKeepStock) {
  ASSERT_TRUE(Apply(state_,
                    Op("t", "operator:console", "add_coupon_template",
                       {{"template", kTemplate}}),
                    kNow)
                  .ok());
  // A member claims only for themselves; an operator does not claim.
  EXPECT_EQ(Code(Op("c0", "member:M2", "claim_coupon",
                    {{"member_id", "M1"}, {"template_id", "flash-1"}})),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(Op("c0", "operator:console", "claim_coupon",
                    {{"member_id", "M1"}, {"template_id", "flash-1"}})),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> fx =
      Apply(state_,
            Op("m1-claim", "member:M1", "claim_coupon",
               {{"member_id", "M1"}, {"template_id", "flash-1"}}),
            kNow);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->result["coupon_id"], "c-m1-claim");
  EXPECT_EQ(fx->member, MemberId("M1"));
  // The one coupon in stock is gone.
  EXPECT_EQ(Code(Op("m2-claim", "member:M2", "claim_coupon",
                    {{"member_id", "M2"}, {"template_id", "flash-1"}})),
            StatusCode::kResourceExhausted);

  // Redeemed at a till, once; a phone cannot redeem.
  const codec::Json redeem = {{"member_id", "M1"},
                              {"coupon_id", "c-m1-claim"},
                              {"receipt_id", "R9"},
                              {"store_id", "s-101"}};
  EXPECT_EQ(Code(Op("r0", "member:M1", "redeem_coupon", redeem)),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> used =
      Apply(state_, Op("r1", "device:pos-01", "redeem_coupon", redeem), kNow);
  ASSERT_TRUE(used.ok()) << used.status().ToString();
  EXPECT_EQ(used->result["status"], "redeemed");
  EXPECT_FALSE(
      Apply(state_, Op("r2", "device:pos-02", "redeem_coupon", redeem), kNow)
          .ok());
}

}  // namespace
}  // namespace atrium::sync
