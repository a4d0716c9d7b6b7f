// An operator changing the programme's rules: what changes from then on,
// what members keep, and what is refused.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;

// The demo programme's rules: program.json without its group.
codec::Json DemoRules() {
  codec::Json j = testing::ReadSharedJson("demo-mall/program.json");
  j.erase("group");
  return j;
}

codec::Json Receipt(const std::string& id, int64_t fen) {
  return {{"receipt",
           {{"id", id},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-101"},
            {"member_id", "M1"},
            {"at", "2026-04-08T07:00:00Z"},
            {"lines", {{{"category", "fashion"}, {"amount_fen", fen}}}}}}};
}

class ProgramOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 1)); }
  StatusOr<Effects> Do(const Operation& op) { return Apply(state_, op, kNow); }
  int64_t EarnedBy(const std::string& receipt_id, int64_t fen) {
    StatusOr<Effects> fx =
        Do(Op(receipt_id, "device:pos-01", "earn", Receipt(receipt_id, fen)));
    EXPECT_TRUE(fx.ok()) << fx.status().ToString();
    return fx.ok() ? fx->result["points"].get<int64_t>() : -1;
  }
  std::string TierOfM1() {
    return state_.accounts.at(MemberId("M1")).tier().tier.value();
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(ProgramOpsTest, NewRulesEarnFromThenOnAndEarnedPointsStay) {
  const int64_t before = EarnedBy("R1", 50000);
  ASSERT_GT(before, 0);
  codec::Json rules = DemoRules();
  rules["earning"]["fen_per_point"] = 50;  // twice the points
  StatusOr<Effects> fx =
      Do(Op("u1", "operator:admin", "update_program", rules));
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_TRUE(fx->everyone);  // every replica applies it
  ASSERT_TRUE(fx->tiers.has_value());
  EXPECT_EQ(state_.rules, rules);

  EXPECT_EQ(EarnedBy("R2", 50000), 2 * before);
  // R1 keeps what it earned: a whole refund of it takes back that much.
  StatusOr<Effects> refund = Do(Op("f1", "device:pos-01", "refund",
                                   {{"mall_id", "m-xinjie"},
                                    {"receipt_id", "R1"},
                                    {"refund_id", "F1"},
                                    {"amount_fen", 50000}}));
  ASSERT_TRUE(refund.ok()) << refund.status().ToString();
  EXPECT_EQ(refund->result["points_reversed"].get<int64_t>(), before);
}

TEST_F(ProgramOpsTest, LoweredThresholdsUpgradeAtTheNextPurchase) {
  EarnedBy("R1", 150000);
  ASSERT_EQ(TierOfM1(), "normal");
  codec::Json rules = DemoRules();
  rules["tiers"]["levels"][1]["min_spend_fen"] = 100000;  // silver at ¥1,000
  rules["tiers"]["levels"][1]["name"] = "银卡会员";
  ASSERT_TRUE(Do(Op("u1", "operator:admin", "update_program", rules)).ok());
  EXPECT_EQ(state_.program.tiers.levels[1].name, "银卡会员");
  EXPECT_EQ(TierOfM1(), "normal");  // nothing is recomputed at the change
  EarnedBy("R2", 100);
  EXPECT_EQ(TierOfM1(), "silver");
}

TEST_F(ProgramOpsTest, OnlyAnOperatorChangesRulesAndBadRulesChangeNothing) {
  codec::Json no_gold = DemoRules();
  no_gold["tiers"]["levels"].erase(2);
  for (auto& rule : no_gold["earning"]["rules"]) {
    if (rule["id"] == "r-gold") rule["tiers"] = {"diamond"};
  }
  codec::Json unknown_tier = DemoRules();
  unknown_tier["earning"]["rules"][1]["tiers"] = {"platinum"};
  codec::Json no_expiry = DemoRules();
  no_expiry.erase("expiry");
  codec::Json extra = DemoRules();
  extra["group"] = codec::Json::object();  // malls are not rules
  struct Case {
    const char* why;
    std::string origin;
    codec::Json rules;
    StatusCode code;
  } cases[] = {
      {"a member", "member:M1", DemoRules(), StatusCode::kPermissionDenied},
      {"a till", "device:pos-01", DemoRules(), StatusCode::kPermissionDenied},
      {"a tier removed", "operator:admin", no_gold,
       StatusCode::kFailedPrecondition},
      {"a rule for an unknown tier", "operator:admin", unknown_tier,
       StatusCode::kInvalidArgument},
      {"no expiry", "operator:admin", no_expiry, StatusCode::kInvalidArgument},
      {"the group", "operator:admin", extra, StatusCode::kInvalidArgument},
      {"not an object", "operator:admin", codec::Json::array(),
       StatusCode::kInvalidArgument},
  };
  const int64_t fen_per_point = state_.program.earning.fen_per_point;
  for (const Case& c : cases) {
    EXPECT_EQ(Do(Op("u", c.origin, "update_program", c.rules)).status().code(),
              c.code)
        << c.why;
  }
  EXPECT_EQ(state_.program.tiers.levels.size(), 4u);
  EXPECT_EQ(state_.program.earning.fen_per_point, fen_per_point);
  EXPECT_TRUE(state_.rules.is_null());
}

}  // namespace
}  // namespace atrium::sync
