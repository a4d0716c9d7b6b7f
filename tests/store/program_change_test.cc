// An operator's change of the programme's rules outlives a restart: the
// log replays it over the programme file, and the tiers table shows it.
#include <gtest/gtest.h>

#include "demo_log.h"
#include "sync/sync_ops.h"

namespace atrium::store {
namespace {

using testing::Op;

TEST(ProgramChangeTest, TheChangedRulesOutliveARestart) {
  testing::TempDir dir;
  codec::Json rules = testing::ReadSharedJson("demo-mall/program.json");
  rules.erase("group");
  rules["earning"]["fen_per_point"] = 50;
  rules["tiers"]["levels"][1]["name"] = "银卡会员";
  auto log = testing::OpenDemoLog(dir);
  ASSERT_NE(log, nullptr);
  const std::vector<sync::Operation> update = {
      Op("u1", "operator:admin", "update_program", rules)};
  StatusOr<std::vector<OpResult>> r = log->ApplyBatch(update, testing::kOpsNow);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->at(0).applied) << r->at(0).error.ToString();
  const std::string renamed =
      "SELECT count(*) FROM tiers WHERE id = 'silver' AND name = '银卡会员'";
  EXPECT_EQ(*log->db().QueryInt(renamed), 1);

  log.reset();
  log = testing::OpenDemoLog(
      dir);  // the programme file still says 100 fen a point, 银卡
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->state().program.earning.fen_per_point, 50);
  EXPECT_EQ(log->state().rules, rules);
  EXPECT_EQ(*log->db().QueryInt(renamed), 1);
}

}  // namespace
}  // namespace atrium::store
