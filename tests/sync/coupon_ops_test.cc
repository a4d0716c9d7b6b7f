// Coupon operations applied to the group's state: who may send which, and
// coupons named by the claim that made them.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const codec::Json kTemplate = testing::TemplateJson("flash-1", 1, 1);

class CouponOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 2)); }
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
