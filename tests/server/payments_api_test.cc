// Parking paid through the payment provider (tools/paysim, in process),
// over real HTTP both ways: the stay is paid only when the provider's
// signed word reaches the server, whether its notification comes once,
// twice or never; unpaid orders close; money for what is gone goes back.
#include <gtest/gtest.h>

#include "atrium/auth/pay_signature.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

class PaymentsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = s_.SignIn("13912345678");
    ASSERT_EQ(s_.Post("/api/v1/me/plates", {{"plate", "沪A80972"}},
                      Bearer(token_), "b1")
                  .status,
              201);
    const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
    ASSERT_EQ(
        s_.Post("/api/v1/operator/plates",
                {{"member_id", s_.MemberId(token_)}, {"plate", "沪A80972"}},
                Bearer(admin), "licence-1")
            .status,
        200);
    ASSERT_EQ(s_.Post("/api/v1/parking/entries", {{"plate", "沪A80972"}}, kGate,
                      "in-1")
                  .status,
              201);
    s_.Advance(3 * 3600);
  }
  // Opens an order for the stay's fee as quoted now.
  HttpReply Open(const std::string& key) {
    const codec::Json stay =
        s_.Get("/api/v1/me/parking", Bearer(token_)).Json()["stays"][0];
    return s_.Post("/api/v1/me/parking/payments",
                   {{"mall_id", stay["mall_id"]},
                    {"plate_id", stay["plate_id"]},
                    {"due_fen", stay["quote"]["due_fen"]}},
                   Bearer(token_), key);
  }
  int Exit(const std::string& key) {
    return s_.Post("/api/v1/parking/exits", {{"plate", "沪A80972"}}, kGate, key)
        .status;
  }
  HttpReply Faults(const codec::Json& body) {
    return Call(s_.paysim_port(), "POST", "/sim/faults", body.dump(), {});
  }
  codec::Json Order(const std::string& no) {
    return s_.Get("/api/v1/me/payments/" + no, Bearer(token_)).Json();
  }
  int64_t Payments() {
    return s_.service().ReadState([](const sync::GroupState& s) {
      int64_t n = 0;
      for (const auto& [mall, lot] : s.parking) {
        for (const ParkingSession& stay : lot.sessions()) {
          n += static_cast<int64_t>(stay.payments.size());
        }
      }
      return n;
    });
  }
  TestServer s_;
  std::string token_;
};

TEST_F(PaymentsApiTest, ANotificationThatNeverComesIsMadeUpByAQuery) {
  ASSERT_EQ(Faults({{"notify", "drop"}}).status, 200);
  HttpReply opened = Open("p1");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string no = opened.Json()["order_no"];
  ASSERT_EQ(s_.PayAtProvider(no).status, 200);
  // Paid at the provider, but the server has not heard: still shut.
  EXPECT_EQ(Order(no)["status"], "open");
  EXPECT_EQ(Exit("x0"), 409);
  s_.payments().Sweep();  // too soon to ask
  EXPECT_EQ(Order(no)["status"], "open");
  s_.Advance(30);
  s_.payments().Sweep();
  EXPECT_EQ(Order(no)["status"], "paid");
  EXPECT_EQ(Exit("x1"), 200);
}

TEST_F(PaymentsApiTest, ANotificationSentTwiceConfirmsOnce) {
  ASSERT_EQ(Faults({{"notify", "duplicate"}}).status, 200);
  HttpReply opened = Open("p1");
  ASSERT_EQ(s_.PayOrder(opened, Bearer(token_))["status"], "paid");
  // The second copy arrives 50 ms after the first; then the query agrees.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  s_.Advance(30);
  s_.payments().Sweep();
  EXPECT_EQ(Payments(), 1);
}

TEST_F(PaymentsApiTest, AForgedOrReplayedNotificationIsRefused) {
  HttpReply opened = Open("p1");
  const std::string no = opened.Json()["order_no"];
  const codec::Json paid = {{"out_trade_no", no},
                            {"trade_state", "SUCCESS"},
                            {"amount_fen", opened.Json()["amount_fen"]},
                            {"transaction_id", "4200000001"},
                            {"success_time", s_.Now().unix_seconds()}};
  const std::string body = paid.dump();
  const std::string target = "/api/v1/payments/notify";
  auto post = [&](const std::string& signature) {
    return Call(s_.port(), "POST", target, body,
                {{"Atrium-Pay-Signature", signature}});
  };
  EXPECT_EQ(post("").status, 403);
  EXPECT_EQ(
      post(auth::SignPayMessage("a-key-of-our-own-making!",
                                s_.Now().unix_seconds(), "POST", target, body))
          .status,
      403);
  // The merchant's key, but a message from an hour ago.
  EXPECT_EQ(post(auth::SignPayMessage("test-merchant-key-0123456789",
                                      s_.Now().unix_seconds() - 3600, "POST",
                                      target, body))
                .status,
            403);
  EXPECT_EQ(Order(no)["status"], "open");
  EXPECT_EQ(Exit("x0"), 409);
  EXPECT_NE(s_.Logged().find("a payment notification was refused"),
            std::string::npos);
}

TEST_F(PaymentsApiTest, AnUnpaidOrderClosesAndCannotBePaidAfter) {
  HttpReply opened = Open("p1");
  const std::string no = opened.Json()["order_no"];
  s_.Advance(sync::kPaymentOrderSeconds);
  s_.payments().Sweep();
  EXPECT_EQ(Order(no)["status"], "closed");
  EXPECT_EQ(s_.PayAtProvider(no).status, 400);  // the provider's, too
  EXPECT_EQ(Exit("x0"), 409);
  // A new order for the fee now.
  HttpReply fresh = Open("p2");
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_NE(fresh.Json()["order_no"], no);
  EXPECT_EQ(s_.PayOrder(fresh, Bearer(token_))["status"], "paid");
}

TEST_F(PaymentsApiTest, MoneyForAStayPaidMeanwhileGoesBack) {
  // Two orders for the same fee (two phones); both are paid.
  HttpReply first = Open("p1");
  HttpReply second = Open("p2");
  ASSERT_EQ(second.status, 201) << second.body;
  ASSERT_EQ(s_.PayOrder(first, Bearer(token_))["status"], "paid");
  const std::string no = second.Json()["order_no"];
  ASSERT_EQ(s_.PayAtProvider(no).status, 200);
  codec::Json late = s_.AwaitOrder(no, Bearer(token_), "refund_due");
  EXPECT_EQ(late["status"], "refund_due");
  const std::string finance = s_.OperatorToken("finance", "demo-finance-pass");
  auto report = [&] {
    return s_.Get("/api/v1/operator/reports/parking", Bearer(finance))
        .Json()["rows"][0];
  };
  const int64_t fee = late["amount_fen"];
  EXPECT_EQ(report()["revenue_fen"], fee);  // once: the stay's
  EXPECT_EQ(report()["refund_due_fen"], fee);
  s_.payments().Sweep();
  EXPECT_EQ(Order(no)["status"], "refunded");
  EXPECT_EQ(Payments(), 1);
  EXPECT_EQ(report()["revenue_fen"], fee);
  EXPECT_EQ(report()["refund_due_fen"], 0);
  EXPECT_EQ(report()["refunded_fen"], fee);
  // The provider gave it back.
  HttpReply at_provider =
      Call(s_.paysim_port(), "GET", "/v3/pay/transactions/" + no, "", {});
  EXPECT_EQ(at_provider.status, 401);  // unsigned: the merchant's only
}

TEST_F(PaymentsApiTest, NoOneSettlesAFeeByTheirWordOrSeesAnothersOrder) {
  const std::string member = s_.MemberId(token_);
  const codec::Json stay =
      s_.Get("/api/v1/me/parking", Bearer(token_)).Json()["stays"][0];
  // Pushed straight to the log, as the sync door allows for ¥0.
  const codec::Json op = {
      {"v", 1},
      {"id", "member:" + member + ":100"},
      {"origin", "member:" + member},
      {"seq", 100},
      {"type", "park_pay"},
      {"at", FormatIso8601(s_.Now())},
      {"payload",
       {{"mall_id", stay["mall_id"]},
        {"plate", {{"value", stay["plate_id"]}, {"display", stay["plate"]}}},
        {"member_id", member},
        {"due_fen", stay["quote"]["due_fen"]}}}};
  HttpReply pushed =
      s_.Post("/api/v1/sync/push", {{"operations", {op}}}, Bearer(token_));
  ASSERT_EQ(pushed.status, 200) << pushed.body;
  EXPECT_EQ(pushed.Json()["results"][0].value("applied", true), false)
      << pushed.body;
  EXPECT_NE(pushed.body.find("payment provider"), std::string::npos);
  EXPECT_EQ(Exit("x0"), 409);
  // Another member cannot read this member's order.
  HttpReply opened = Open("p1");
  const std::string other = s_.SignIn("13700001111");
  EXPECT_EQ(s_.Get("/api/v1/me/payments/" +
                       opened.Json()["order_no"].get<std::string>(),
                   Bearer(other))
                .status,
            404);
}

// 无感支付: a member who lets the proven plate pay at the exit leaves
// without stopping, charged once with their benefits within the limit they
// chose; over the limit, declined, or stopped, the gate asks for payment.
TEST_F(PaymentsApiTest, AnOptedInMemberLeavesAndIsChargedAtTheExit) {
  const std::string plate_id = s_.Get("/api/v1/me/plates", Bearer(token_))
                                   .Json()["plates"][0]["plate_id"];
  const int64_t due = s_.Get("/api/v1/me/parking", Bearer(token_))
                          .Json()["stays"][0]["quote"]["due_fen"];
  ASSERT_GT(due, 0);
  const std::string auto_pay = "/api/v1/me/plates/" + plate_id + "/auto-pay";
  // A limit below the fee: the gate stays shut, nothing is charged.
  ASSERT_EQ(
      s_.Send("PUT", auto_pay, {{"limit_fen", due - 1}}, Bearer(token_), "a1")
          .status,
      200);
  EXPECT_EQ(Exit("x1"), 409);
  EXPECT_EQ(Payments(), 0);
  // Within the limit, but the member's agreement is declined at the
  // provider: still shut.
  HttpReply limit =
      s_.Send("PUT", auto_pay, {{"limit_fen", 20000}}, Bearer(token_), "a2");
  ASSERT_EQ(limit.status, 200) << limit.body;
  const std::string agreement = limit.Json()["agreement"];
  ASSERT_EQ(Call(s_.paysim_port(), "POST",
                 "/sim/agreements/" + agreement + "/decline", "", {})
                .status,
            200);
  EXPECT_EQ(Exit("x2"), 409);
  EXPECT_EQ(Payments(), 0);
  // A new agreement (set again): the gate opens, charged once, and a
  // retried exit charges nothing more.
  ASSERT_EQ(
      s_.Send("PUT", auto_pay, {{"limit_fen", 20000}}, Bearer(token_), "a3")
          .status,
      200);
  HttpReply out =
      s_.Post("/api/v1/parking/exits", {{"plate", "沪A80972"}}, kGate, "x3");
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(Exit("x3"), 200);
  EXPECT_EQ(Payments(), 1);
  const codec::Json orders =
      s_.service().ReadState([](const sync::GroupState& g) {
        codec::Json out = codec::Json::array();
        for (const auto& [no, o] : g.payments)
          out.push_back(sync::PaymentOrderJson(o));
        return out;
      });
  int paid = 0;
  for (const codec::Json& o : orders) {
    if (o["status"] != "paid") continue;
    ++paid;
    EXPECT_EQ(o["payer"], "auto_pay");
    EXPECT_EQ(o["amount_fen"], due);
    // The member's receipt.
    const codec::Json mine = Order(o["order_no"]);
    EXPECT_EQ(mine["status"], "paid");
    EXPECT_EQ(mine["amount_fen"], due);
  }
  EXPECT_EQ(paid, 1);
  // In the member's receipts, newest first, the plate masked.
  const codec::Json mine =
      s_.Get("/api/v1/me/payments", Bearer(token_)).Json()["payments"];
  ASSERT_GE(mine.size(), 2u);
  EXPECT_EQ(mine[0]["status"], "paid");
  EXPECT_EQ(mine[0]["payer"], "auto_pay");
  EXPECT_EQ(mine[0]["plate"], "沪A***72");
  EXPECT_EQ(s_.Get("/api/v1/me/payments", Bearer(s_.SignIn("13912345679")))
                .Json()["payments"]
                .size(),
            0u);
}

TEST_F(PaymentsApiTest, OnlyTheProvenOwnerLetsAPlatePayAndUnbindingStopsIt) {
  const std::string plate_id = s_.Get("/api/v1/me/plates", Bearer(token_))
                                   .Json()["plates"][0]["plate_id"];
  const std::string other = s_.SignIn("13912345679");
  EXPECT_EQ(s_.Send("PUT", "/api/v1/me/plates/" + plate_id + "/auto-pay",
                    {{"limit_fen", 20000}}, Bearer(other), "o1")
                .status,
            409);
  ASSERT_EQ(s_.Send("PUT", "/api/v1/me/plates/" + plate_id + "/auto-pay",
                    {{"limit_fen", 20000}}, Bearer(token_), "a1")
                .status,
            200);
  EXPECT_EQ(s_.Get("/api/v1/me/plates", Bearer(token_))
                .Json()["plates"][0]["auto_pay_limit_fen"],
            20000);
  EXPECT_EQ(
      s_.Send("PUT", "/api/v1/me/plates/" + plate_id + "/auto-pay",
              {{"limit_fen", sync::kMaxAutoPayFen + 1}}, Bearer(token_), "a2")
          .status,
      400);
  ASSERT_EQ(s_.Send("DELETE", "/api/v1/me/plates/" + plate_id, {},
                    Bearer(token_), "u1")
                .status,
            200);
  EXPECT_EQ(Exit("x1"), 409);
  EXPECT_EQ(Payments(), 0);
}

}  // namespace
}  // namespace atrium::testing
