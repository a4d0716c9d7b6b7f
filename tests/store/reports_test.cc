// The store's named reads the API answers with: sales by tenant, coupons by
// template and status, the templates as configured, a member's proven
// plates (each member only their own).
#include "atrium/store/reports.h"

#include <gtest/gtest.h>

#include "atrium/store/op_log.h"
#include "logged_op.h"
#include "shared_files.h"
#include "sync/sync_ops.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

using sync::Operation;
using testing::LoggedOp;

Operation Register(const std::string& member, int64_t seq) {
  return LoggedOp(
      "reg-" + member, "device:desk-1", seq, "register",
      {{"member_id", member}, {"phone", "1380000000" + std::to_string(seq)}});
}

Operation Earn(const std::string& id, const std::string& member,
               const std::string& store, int64_t fen, int64_t seq) {
  return LoggedOp(
      "earn-" + id, "device:pos-01", seq, "earn",
      {{"receipt",
        {{"id", id},
         {"mall_id", "m-xinjie"},
         {"store_id", store},
         {"member_id", member},
         {"at", "2026-04-08T07:00:00Z"},
         {"lines", {{{"category", "fashion"}, {"amount_fen", fen}}}}}}});
}

TEST(ReportsTest, TheAPIsReadsOfTheProjection) {
  testing::TempDir dir;
  StatusOr<std::unique_ptr<OpLog>> log =
      OpLog::Open(dir.File("atrium.db"), testing::DemoProgram());
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  const std::string hash(64, 'c');
  const std::vector<Operation> ops = {
      Register("M0001", 1),
      Register("M0002", 2),
      Earn("R1", "M0001", "s-101", 10000, 1),
      Earn("R2", "M0002", "s-101", 20000, 2),
      Earn("R3", "M0001", "s-102", 5000, 3),
      LoggedOp("tpl-1", "operator:admin", 1, "add_coupon_template",
               {{"template", testing::TemplateJson("gift", 10, 1)}}),
      LoggedOp("claim-1", "member:M0001", 1, "claim_coupon",
               {{"member_id", "M0001"}, {"template_id", "gift"}}),
      LoggedOp("claim-2", "member:M0002", 1, "claim_coupon",
               {{"member_id", "M0002"}, {"template_id", "gift"}}),
      LoggedOp(
          "bind-1", "member:M0001", 2, "link_identity",
          {{"member_id", "M0001"},
           {"identity",
            {{"kind", "plate"}, {"value", hash}, {"display", "沪A***45"}}}}),
      LoggedOp("v-1", "operator:admin", 2, "verify_plate",
               {{"member_id", "M0001"},
                {"plate", {{"value", hash}, {"display", "沪A***45"}}},
                {"proof", "licence"}}),
  };
  StatusOr<std::vector<sync::OpResult>> r =
      (*log)->ApplyBatch(ops, *ParseIso8601("2026-04-08T08:00:00Z"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (const sync::OpResult& one : *r) {
    ASSERT_TRUE(one.applied) << one.op_id << ": " << one.error.ToString();
  }
  Db& db = (*log)->db();

  StatusOr<std::vector<TenantSales>> sales = SalesByTenant(db);
  ASSERT_TRUE(sales.ok()) << sales.status().ToString();
  ASSERT_EQ(sales->size(), 2u);
  EXPECT_EQ((*sales)[0].store, "s-101");
  EXPECT_EQ((*sales)[0].receipts, 2);
  EXPECT_EQ((*sales)[0].spend_fen, 30000);
  EXPECT_GT((*sales)[0].points, 0);
  EXPECT_EQ((*sales)[1].store, "s-102");
  EXPECT_EQ((*sales)[1].spend_fen, 5000);
  EXPECT_EQ((*sales)[1].refunded_fen, 0);

  StatusOr<std::vector<CouponCount>> coupons = CouponsByTemplate(db);
  ASSERT_TRUE(coupons.ok()) << coupons.status().ToString();
  ASSERT_EQ(coupons->size(), 1u);
  EXPECT_EQ((*coupons)[0].template_id, "gift");
  EXPECT_EQ((*coupons)[0].coupons, 2);

  StatusOr<std::vector<std::string>> bodies = CouponTemplateBodies(db);
  ASSERT_TRUE(bodies.ok());
  ASSERT_EQ(bodies->size(), 1u);
  EXPECT_NE((*bodies)[0].find("\"gift\""), std::string::npos);

  StatusOr<std::vector<BoundPlate>> mine = PlatesOf(db, MemberId("M0001"));
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].id, hash);
  EXPECT_EQ((*mine)[0].display, "沪A***45");
  EXPECT_TRUE(PlatesOf(db, MemberId("M0002"))->empty());
}

}  // namespace
}  // namespace atrium::store
