// Parking over HTTP: the gate, a parking kiosk, and a member paying for
// their own plate's stay; plates kept keyed; the parking report.
#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

class ParkingApiTest : public ::testing::Test {
 protected:
  void SetUp() override { token_ = s_.SignIn("13912345678"); }
  HttpReply Gate(const std::string& route, const std::string& plate,
                 const std::string& key) {
    return s_.Post("/api/v1/parking/" + route, {{"plate", plate}}, kGate, key);
  }
  TestServer s_;
  std::string token_;
};

TEST_F(ParkingApiTest, AMemberPaysForTheirOwnPlateAndLeaves) {
  HttpReply bound = s_.Post("/api/v1/me/plates", {{"plate", "沪A80972"}},
                            Bearer(token_), "b1");
  ASSERT_EQ(bound.status, 201) << bound.body;
  const std::string plate_id = bound.Json()["plate_id"];
  // Proven at the service desk (plates_api_test.cc has the other proofs).
  const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
  ASSERT_EQ(s_.Post("/api/v1/operator/plates",
                    {{"member_id", s_.MemberId(token_)}, {"plate", "沪A80972"}},
                    Bearer(admin), "licence-1")
                .status,
            200);
  // Another member, signed in first (signing in moves the test clock).
  const std::string other = s_.SignIn("13700001111");
  HttpReply in = Gate("entries", "沪A·80972", "in-1");
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(in.Json()["plate"], "沪A***72");
  s_.Advance(3 * 3600);

  HttpReply mine = s_.Get("/api/v1/me/parking", Bearer(token_));
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.Json()["stays"].size(), 1u);
  const codec::Json stay = mine.Json()["stays"][0];
  EXPECT_EQ(stay["plate_id"], plate_id);
  const int64_t due = stay["quote"]["due_fen"];
  ASSERT_GT(due, 0);
  // Unpaid, the gate stays shut.
  EXPECT_EQ(Gate("exits", "沪A80972", "out-0").status, 409);

  const codec::Json pay = {
      {"mall_id", stay["mall_id"]}, {"plate_id", plate_id}, {"due_fen", due}};
  // Another member cannot pay for this plate.
  EXPECT_EQ(
      s_.Post("/api/v1/me/parking/payments", pay, Bearer(other), "pay").status,
      404);
  codec::Json wrong = pay;
  wrong["due_fen"] = due - 1;
  EXPECT_EQ(
      s_.Post("/api/v1/me/parking/payments", wrong, Bearer(token_), "pay-0")
          .status,
      409);
  HttpReply opened =
      s_.Post("/api/v1/me/parking/payments", pay, Bearer(token_), "pay-1");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.Json()["status"], "open");
  EXPECT_EQ(opened.Json()["amount_fen"], due);
  EXPECT_TRUE(opened.Json()["pay_url"].get<std::string>().starts_with("http"));
  // Opening an order pays nothing: the gate stays shut.
  EXPECT_EQ(Gate("exits", "沪A80972", "out-00").status, 409);
  // A retry is the same order.
  HttpReply again =
      s_.Post("/api/v1/me/parking/payments", pay, Bearer(token_), "pay-1");
  EXPECT_EQ(again.headers["idempotent-replayed"], "true");
  EXPECT_EQ(again.Json()["order_no"], opened.Json()["order_no"]);
  const codec::Json paid = s_.PayOrder(opened, Bearer(token_));
  ASSERT_EQ(paid["status"], "paid") << paid.dump();
  EXPECT_TRUE(paid.contains("exit_by"));
  s_.Advance(10 * 60);  // within the exit grace
  EXPECT_EQ(Gate("exits", "沪A80972", "out-1").status, 200);
  EXPECT_EQ(s_.Get("/api/v1/me/parking", Bearer(token_)).Json()["stays"].size(),
            0u);

  const std::string finance = s_.OperatorToken("finance", "demo-finance-pass");
  HttpReply report =
      s_.Get("/api/v1/operator/reports/parking", Bearer(finance));
  ASSERT_EQ(report.status, 200) << report.body;
  ASSERT_EQ(report.Json()["rows"].size(), 1u);
  EXPECT_EQ(report.Json()["rows"][0]["payments"], 1);
  EXPECT_EQ(report.Json()["rows"][0]["revenue_fen"], due);

  // Neither the stays nor the operations hold the plate in clear.
  const int64_t in_clear = s_.service().WithLog([](store::OpLog& log) {
    return *log.db().QueryInt(
        "SELECT (SELECT count(*) FROM parking_sessions WHERE plate_hash LIKE "
        "'%80972%' OR plate_masked LIKE '%809%') + (SELECT count(*) FROM "
        "operations WHERE body LIKE '%80972%')");
  });
  EXPECT_EQ(in_clear, 0);
}

TEST_F(ParkingApiTest, AKioskQuotesAndTakesPaymentForAnyPlate) {
  ASSERT_EQ(
      s_.Post("/api/v1/parking/entries",
              {{"plate", "粤BD12345"}, {"bay", "B2-A-017"}}, kGate, "in-1")
          .status,
      201);
  s_.Advance(2 * 3600);
  // Find my car: where it entered.
  HttpReply car =
      s_.Post("/api/v1/parking/cars", {{"plate", "粤BD12345"}}, kKiosk);
  ASSERT_EQ(car.status, 200) << car.body;
  EXPECT_EQ(car.Json()["bay"], "B2-A-017");
  EXPECT_EQ(car.Json()["plate"], "粤B****45");
  EXPECT_EQ(
      s_.Post("/api/v1/parking/cars", {{"plate", "粤BD12345"}}, kTill).status,
      403);
  HttpReply q =
      s_.Post("/api/v1/parking/quotes", {{"plate", "粤BD12345"}}, kKiosk);
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(q.Json()["plate"], "粤B****45");
  const int64_t due = q.Json()["due_fen"];
  EXPECT_EQ(
      s_.Post("/api/v1/parking/payments",
              {{"plate", "粤BD12345"}, {"due_fen", due + 100}}, kKiosk, "k0")
          .status,
      409);
  HttpReply opened =
      s_.Post("/api/v1/parking/payments",
              {{"plate", "粤BD12345"}, {"due_fen", due}}, kKiosk, "k1");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_FALSE(opened.Json()["code_url"].get<std::string>().empty());
  ASSERT_EQ(s_.PayOrder(opened, kKiosk)["status"], "paid");
  EXPECT_EQ(Gate("exits", "粤BD12345", "out").status, 200);
  // A plate not parked, a bad plate, the wrong kind of device.
  EXPECT_EQ(
      s_.Post("/api/v1/parking/cars", {{"plate", "粤BD12345"}}, kKiosk).status,
      404);  // it left
  EXPECT_EQ(
      s_.Post("/api/v1/parking/quotes", {{"plate", "京A88888"}}, kKiosk).status,
      404);
  EXPECT_EQ(
      s_.Post("/api/v1/parking/quotes", {{"plate", "not a plate"}}, kKiosk)
          .status,
      400);
  EXPECT_EQ(
      s_.Post("/api/v1/parking/entries", {{"plate", "京A88888"}}, kTill, "x")
          .status,
      403);
  EXPECT_EQ(s_.Post("/api/v1/parking/payments",
                    {{"plate", "京A88888"}, {"due_fen", 0}}, kGate, "x")
                .status,
            403);
}

// A member scans their code at the parking kiosk: the fee then takes
// their tier's free time and the points they choose to use, and paying
// spends those points. Only for a member who signed in at this kiosk.
TEST_F(ParkingApiTest, AKioskAppliesTheBenefitsOfAMemberSignedInThere) {
  // A member who spent ¥6,000 at a till: silver (an hour free a day), with
  // points usable two days later.
  const std::string silver = s_.SignIn("15012345678");
  const std::string member = s_.MemberId(silver);
  ASSERT_EQ(
      s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(silver)}}, kTill)
          .status,
      200);
  HttpReply earned = s_.Post(
      "/api/v1/pos/receipts",
      {{"receipt",
        {{"id", "R1"},
         {"mall_id", "m-xinjie"},
         {"store_id", "s-105"},
         {"member_id", member},
         {"at", FormatIso8601(s_.Now())},
         {"lines", {{{"category", "beauty"}, {"amount_fen", 600000}}}}}}},
      kTill, "r1");
  ASSERT_EQ(earned.status, 200) << earned.body;
  s_.Advance(2 * 24 * 3600);
  ASSERT_EQ(Gate("entries", "沪A55555", "in-1").status, 201);
  s_.Advance(4 * 3600);
  const std::string code = s_.MemberCode(silver);
  auto quote = [&](codec::Json body) {
    body["plate"] = "沪A55555";
    return s_.Post("/api/v1/parking/quotes", body, kKiosk);
  };
  HttpReply plain = quote({});
  ASSERT_EQ(plain.status, 200) << plain.body;
  const int64_t gross_due = plain.Json()["due_fen"];
  ASSERT_GT(gross_due, 0);
  EXPECT_EQ(quote({{"member_id", member}}).status, 403);  // not signed in here
  EXPECT_EQ(quote({{"points", 100}}).status, 400);        // points of nobody

  HttpReply signed_in =
      s_.Post("/api/v1/kiosk/sign-in", {{"code", code}}, kKiosk);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  HttpReply tier = quote({{"member_id", member}});
  ASSERT_EQ(tier.status, 200) << tier.body;
  EXPECT_LT(tier.Json()["due_fen"].get<int64_t>(), gross_due);
  EXPECT_EQ(tier.Json()["lines"][0]["kind"], "tier_minutes");
  HttpReply points = quote({{"member_id", member}, {"points", 100}});
  ASSERT_EQ(points.status, 200) << points.body;
  const int64_t due = points.Json()["due_fen"];
  EXPECT_LT(due, tier.Json()["due_fen"].get<int64_t>());
  EXPECT_EQ(points.Json()["points_used"], 100);

  auto usable = [&] {
    return s_.Get("/api/v1/me/statement", Bearer(silver))
        .Json()["balance"]["usable"]
        .get<int64_t>();
  };
  const int64_t before = usable();
  HttpReply opened = s_.Post("/api/v1/parking/payments",
                             {{"plate", "沪A55555"},
                              {"due_fen", due},
                              {"member_id", member},
                              {"points", 100}},
                             kKiosk, "pay-1");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(usable(), before);  // spent only once paid
  ASSERT_EQ(s_.PayOrder(opened, kKiosk)["status"], "paid");
  EXPECT_EQ(usable(), before - 100);
  EXPECT_EQ(Gate("exits", "沪A55555", "out").status, 200);
}

}  // namespace
}  // namespace atrium::testing
