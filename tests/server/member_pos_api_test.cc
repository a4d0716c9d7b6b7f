// A member and a till over HTTP: the card, the member code at the till,
// earning, paying with points, claiming and redeeming a coupon, refunds.
#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

const std::string kPhone = "13912345678";

codec::Json Receipt(const std::string& id, const std::string& member,
                    int64_t fen, const std::string& mall = "m-xinjie",
                    const std::string& store = "s-105") {
  return {{"receipt",
           {{"id", id},
            {"mall_id", mall},
            {"store_id", store},
            {"member_id", member},
            {"at", "2026-11-26T11:30:00Z"},
            {"lines", {{{"category", "beauty"}, {"amount_fen", fen}}}}}}};
}

// A coupon template the admin adds: 10 yuan off, stock `stock`.
codec::Json Template(const std::string& id, int64_t stock) {
  return {{"template",
           {{"id", id},
            {"name", "满100减10"},
            {"mall_id", "m-xinjie"},
            {"kind", "cash_off"},
            {"amount_fen", 1000},
            {"valid_from", "2026-11-01T00:00:00+08:00"},
            {"valid_until", "2027-01-01T00:00:00+08:00"},
            {"total_stock", stock},
            {"per_member_total", 1}}}};
}

class MemberPosApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = s_.SignIn(kPhone);
    member_ = s_.MemberId(token_);
    ASSERT_FALSE(member_.empty());
  }
  // Scans the member's code at the till.
  HttpReply Scan(const std::string& till = kTill) {
    return s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, till);
  }
  TestServer s_;
  std::string token_;
  std::string member_;
};

TEST_F(MemberPosApiTest, ATillScansTheCodeAndSeesAMaskedSummary) {
  HttpReply r = Scan();
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["member_id"], member_);
  EXPECT_EQ(r.Json()["phone"], "139****5678");
  EXPECT_EQ(r.Json()["points"]["usable"], 0);
}

TEST_F(MemberPosApiTest, AMemberCodeIsGoodOnceAndForAMinute) {
  const std::string code = s_.MemberCode(token_);
  EXPECT_EQ(s_.Post("/api/v1/pos/scan", {{"code", code}}, kTill).status, 200);
  HttpReply twice = s_.Post("/api/v1/pos/scan", {{"code", code}}, kTill);
  EXPECT_EQ(twice.status, 409);  // a screenshot shown again
  const std::string stale = s_.MemberCode(token_);
  s_.Advance(61);
  EXPECT_EQ(s_.Post("/api/v1/pos/scan", {{"code", stale}}, kTill).status, 409);
  // Forged: the member id changed.
  std::string forged = s_.MemberCode(token_);
  forged.replace(forged.find(member_), member_.size(), "M0001");
  EXPECT_EQ(s_.Post("/api/v1/pos/scan", {{"code", forged}}, kTill).status, 400);
}

TEST_F(MemberPosApiTest, ATillEarnsOnlyForAMemberItScannedInItsOwnMall) {
  HttpReply unscanned = s_.Post("/api/v1/pos/receipts",
                                Receipt("R1", member_, 50000), kTill, "k-r1");
  EXPECT_EQ(unscanned.status, 403);
  ASSERT_EQ(Scan().status, 200);
  HttpReply other_mall = s_.Post(
      "/api/v1/pos/receipts",
      Receipt("R1", member_, 50000, "m-binjiang", "s-b01"), kTill, "k-r1b");
  EXPECT_EQ(other_mall.status, 403);
  HttpReply earned = s_.Post("/api/v1/pos/receipts",
                             Receipt("R1", member_, 50000), kTill, "k-r1");
  ASSERT_EQ(earned.status, 200) << earned.body;
  EXPECT_GT(earned.Json()["points"].get<int64_t>(), 0);
  // The member sees it.
  HttpReply statement = s_.Get("/api/v1/me/statement", Bearer(token_));
  ASSERT_EQ(statement.status, 200);
  EXPECT_EQ(statement.Json()["entries"].size(), 1u);
  EXPECT_EQ(statement.Json()["balance"]["total"], earned.Json()["points"]);
}

TEST_F(MemberPosApiTest, PayingWithPointsNeedsThePoints) {
  ASSERT_EQ(Scan().status, 200);
  ASSERT_EQ(s_.Post("/api/v1/pos/receipts", Receipt("R1", member_, 100000),
                    kTill, "k1")
                .status,
            200);
  // Earned points become usable after a day (the demo's pending period).
  s_.Advance(2 * 24 * 3600);
  ASSERT_EQ(Scan().status, 200);
  const codec::Json pay = {
      {"member_id", member_}, {"points", 500}, {"ref", "R2"}};
  HttpReply paid = s_.Post("/api/v1/pos/points-payments", pay, kTill, "k2");
  ASSERT_EQ(paid.status, 200) << paid.body;
  const int64_t balance = paid.Json()["balance"];
  HttpReply too_much =
      s_.Post("/api/v1/pos/points-payments",
              {{"member_id", member_}, {"points", balance + 1}, {"ref", "R3"}},
              kTill, "k3");
  EXPECT_EQ(too_much.status, 409);
  EXPECT_EQ(too_much.Json()["error"]["code"], "FAILED_PRECONDITION");
}

TEST_F(MemberPosApiTest, ClaimRedeemAndRefund) {
  const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
  HttpReply added = s_.Post("/api/v1/operator/coupon-templates",
                            Template("flash", 1), Bearer(admin), "t1");
  ASSERT_EQ(added.status, 201) << added.body;

  HttpReply claimed = s_.Post("/api/v1/me/coupons", {{"template_id", "flash"}},
                              Bearer(token_), "c1");
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const std::string coupon = claimed.Json()["coupon_id"];
  HttpReply wallet = s_.Get("/api/v1/me/wallet", Bearer(token_));
  ASSERT_EQ(wallet.Json()["coupons"].size(), 1u);
  EXPECT_EQ(wallet.Json()["coupons"][0]["status_now"], "available");

  // The stock of one is gone: another member is refused.
  const std::string other = s_.SignIn("13700001111");
  HttpReply sold_out = s_.Post("/api/v1/me/coupons", {{"template_id", "flash"}},
                               Bearer(other), "c1");
  EXPECT_EQ(sold_out.status, 409);
  EXPECT_EQ(sold_out.Json()["error"]["code"], "RESOURCE_EXHAUSTED");
  // Refused before the log (a flash sale's many refusals cost no write):
  // the one claim met is the only one stored.
  EXPECT_EQ(s_.service().WithLog([](store::OpLog& log) {
    return *log.db().QueryInt(
        "SELECT count(*) FROM operations WHERE type = 'claim_coupon'");
  }),
            1);

  ASSERT_EQ(Scan().status, 200);
  ASSERT_EQ(s_.Post("/api/v1/pos/receipts", Receipt("R9", member_, 20000),
                    kTill, "e9")
                .status,
            200);
  const codec::Json redeem = {{"member_id", member_},
                              {"coupon_id", coupon},
                              {"receipt_id", "R9"},
                              {"store_id", "s-105"}};
  ASSERT_EQ(s_.Post("/api/v1/pos/redemptions", redeem, kTill, "x1").status,
            200);
  HttpReply again = s_.Post("/api/v1/pos/redemptions", redeem, kTill, "x2");
  EXPECT_EQ(again.status, 409);  // redeemed already

  HttpReply refund = s_.Post(
      "/api/v1/pos/refunds",
      {{"receipt_id", "R9"}, {"refund_id", "RF1"}, {"amount_fen", 20000}},
      kTill, "f1");
  ASSERT_EQ(refund.status, 200) << refund.body;
  HttpReply statement = s_.Get("/api/v1/me/statement", Bearer(token_));
  EXPECT_EQ(statement.Json()["balance"]["total"], 0);
}

}  // namespace
}  // namespace atrium::testing
