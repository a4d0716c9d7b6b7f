// The points mall and operator grants through operations: an exchange
// spends the template's price and issues one coupon, named by the
// operation; a grant comes only from an operator.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const Timestamp kLater = kNow.PlusSeconds(2 * kSecondsPerDay);  // usable

codec::Json PointsTemplate() {
  codec::Json t = testing::TemplateJson("coffee", 2, 1);
  t["acquisition"] = "points";
  t["points_price"] = 300;
  return t;
}

codec::Json Receipt(const std::string& id, int64_t fen) {
  return {{"receipt",
           {{"id", id},
            {"member_id", "M1"},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-101"},
            {"at", "2026-04-08T07:00:00Z"},
            {"lines", {{{"category", "fashion"}, {"amount_fen", fen}}}}}}};
}

class PointsExchangeOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 2));
    ASSERT_TRUE(Do(Op("t", "operator:console", "add_coupon_template",
                      {{"template", PointsTemplate()}}))
                    .ok());
  }
  // Operations apply two days on, when earned points have become usable.
  StatusOr<Effects> Do(const Operation& op) {
    return Apply(state_, op, op.type == "earn" ? kNow : kLater);
  }
  int64_t Usable(const char* m) {
    return state_.accounts.at(MemberId(m)).ledger().BalanceAt(kLater).usable;
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(PointsExchangeOpsTest, SpendsThePriceAndIssuesOneCoupon) {
  const codec::Json exchange = {{"member_id", "M1"}, {"template_id", "coffee"}};
  // No points yet: refused, nothing spent or issued.
  EXPECT_EQ(
      Do(Op("x0", "member:M1", "exchange_points", exchange)).status().code(),
      StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Do(Op("e1", "device:pos-01", "earn", Receipt("R1", 50000))).ok());
  const int64_t before = Usable("M1");
  ASSERT_GE(before, 300);

  EXPECT_EQ(
      Do(Op("x1", "member:M2", "exchange_points", exchange)).status().code(),
      StatusCode::kPermissionDenied);
  StatusOr<Effects> fx = Do(Op("x1", "member:M1", "exchange_points", exchange));
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->result["coupon_id"], "c-x1");
  EXPECT_EQ(fx->result["points"], 300);
  EXPECT_EQ(fx->result["balance"], before - 300);
  ASSERT_EQ(fx->entries.size(), 1u);  // the spend, for the store
  EXPECT_EQ(fx->entries[0].points, -300);
  ASSERT_TRUE(fx->coupon.has_value());
  EXPECT_EQ(fx->coupon->owner, MemberId("M1"));
  EXPECT_EQ(Usable("M1"), before - 300);

  // The per-member limit (1) holds: the second exchange spends nothing.
  EXPECT_EQ(
      Do(Op("x2", "member:M1", "exchange_points", exchange)).status().code(),
      StatusCode::kResourceExhausted);
  EXPECT_EQ(Usable("M1"), before - 300);
}

TEST_F(PointsExchangeOpsTest, OnlyPointsTemplatesAreSoldForPoints) {
  ASSERT_TRUE(Do(Op("t2", "operator:console", "add_coupon_template",
                    {{"template", testing::TemplateJson("free", 5, 1)}}))
                  .ok());
  ASSERT_TRUE(Do(Op("e1", "device:pos-01", "earn", Receipt("R1", 50000))).ok());
  EXPECT_EQ(Do(Op("x", "member:M1", "exchange_points",
                  {{"member_id", "M1"}, {"template_id", "free"}}))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Do(Op("y", "member:M1", "exchange_points",
                  {{"member_id", "M1"}, {"template_id", "none"}}))
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_F(PointsExchangeOpsTest, OnlyAnOperatorGrants) {
  const codec::Json grant = {{"member_id", "M2"}, {"template_id", "coffee"}};
  for (const char* origin : {"member:M2", "device:pos-01"}) {
    EXPECT_EQ(Do(Op("g0", origin, "grant_coupon", grant)).status().code(),
              StatusCode::kPermissionDenied);
  }
  StatusOr<Effects> fx = Do(Op("g1", "operator:ops", "grant_coupon", grant));
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->result["coupon_id"], "c-g1");
  EXPECT_TRUE(fx->entries.empty());  // a grant costs no points
  EXPECT_EQ(fx->coupon->owner, MemberId("M2"));
  // Stock still binds a grant: two issued in all.
  ASSERT_TRUE(Do(Op("g2", "operator:ops", "grant_coupon",
                    {{"member_id", "M1"}, {"template_id", "coffee"}}))
                  .ok());
  EXPECT_EQ(Do(Op("g3", "operator:ops", "grant_coupon",
                  {{"member_id", "M1"}, {"template_id", "coffee"}}))
                .status()
                .code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(Do(Op("g4", "operator:ops", "grant_coupon",
                  {{"member_id", "M9"}, {"template_id", "coffee"}}))
                .status()
                .code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace atrium::sync
