// What a member changes of their own over HTTP: profile and consents, the
// points mall, unbinding a plate; and a till's checkout quote.
#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

const std::string kPhone = "13912345678";

codec::Json Earn(const std::string& member, int64_t fen) {
  return {{"receipt",
           {{"id", "R1"},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-105"},
            {"member_id", member},
            {"at", "2026-11-26T11:30:00Z"},
            {"lines", {{{"category", "beauty"}, {"amount_fen", fen}}}}}}};
}

// 10 yuan off anything over 100 yuan; sold for 500 points when `points`.
codec::Json Template(const std::string& id, bool points) {
  codec::Json t = {{"id", id},
                   {"name", "满100减10"},
                   {"mall_id", "m-xinjie"},
                   {"kind", "threshold"},
                   {"threshold_fen", 10000},
                   {"amount_fen", 1000},
                   {"valid_from", "2026-11-01T00:00:00+08:00"},
                   {"valid_until", "2027-01-01T00:00:00+08:00"},
                   {"total_stock", 100},
                   {"per_member_total", 1}};
  if (points) {
    t["acquisition"] = "points";
    t["points_price"] = 500;
  }
  return {{"template", t}};
}

class MemberChangesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = s_.SignIn(kPhone);
    member_ = s_.MemberId(token_);
    ASSERT_FALSE(member_.empty());
    admin_ = s_.OperatorToken("admin", "demo-admin-pass");
  }
  void AddTemplate(const std::string& id, bool points) {
    ASSERT_EQ(s_.Post("/api/v1/operator/coupon-templates", Template(id, points),
                      Bearer(admin_), "t-" + id)
                  .status,
              201);
  }
  // Earns points for `fen` at the till and waits until they are usable.
  void EarnUsable(int64_t fen) {
    ASSERT_EQ(
        s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, kTill)
            .status,
        200);
    ASSERT_EQ(
        s_.Post("/api/v1/pos/receipts", Earn(member_, fen), kTill, "e1").status,
        200);
    s_.Advance(2 * 86400);
  }
  int64_t Usable() {
    return s_.Get("/api/v1/me", Bearer(token_)).Json()["points"]["usable"];
  }
  TestServer s_;
  std::string token_, member_, admin_;
};

TEST_F(MemberChangesApiTest, TheProfileIsReplacedAndKeptAcrossARestart) {
  const codec::Json profile = {
      {"name", "林小姐"},
      {"birthday", "02-29"},
      {"consents", {{"marketing", true}, {"profiling", false}}}};
  HttpReply r =
      s_.Send("PUT", "/api/v1/me/profile", profile, Bearer(token_), "p1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["name"], "林小姐");
  EXPECT_EQ(r.Json()["birthday"], "02-29");
  EXPECT_EQ(r.Json()["consents"]["marketing"], true);
  // Bad input changes nothing.
  EXPECT_EQ(s_.Send("PUT", "/api/v1/me/profile", {{"birthday", "13-01"}},
                    Bearer(token_), "p2")
                .status,
            400);
  EXPECT_EQ(
      s_.Send("PUT", "/api/v1/me/profile",
              {{"consents", {{"marketing", "yes"}}}}, Bearer(token_), "p3")
          .status,
      400);
  s_.Restart();
  codec::Json me = s_.Get("/api/v1/me", Bearer(token_)).Json();
  EXPECT_EQ(me["name"], "林小姐");
  EXPECT_EQ(me["consents"]["marketing"], true);
  // Withdrawing consent: left out means no.
  ASSERT_EQ(s_.Send("PUT", "/api/v1/me/profile", {{"name", "林小姐"}},
                    Bearer(token_), "p4")
                .status,
            200);
  me = s_.Get("/api/v1/me", Bearer(token_)).Json();
  EXPECT_EQ(me["consents"]["marketing"], false);
  EXPECT_FALSE(me.contains("birthday"));
}

TEST_F(MemberChangesApiTest, PointsBuyACouponOnceEvenWhenTheRequestRepeats) {
  AddTemplate("pts-10", true);
  AddTemplate("free-10", false);
  EarnUsable(100000);  // ¥1,000
  const int64_t before = Usable();
  ASSERT_GE(before, 500);

  HttpReply x = s_.Post("/api/v1/me/exchanges", {{"template_id", "pts-10"}},
                        Bearer(token_), "x1");
  ASSERT_EQ(x.status, 201) << x.body;
  EXPECT_EQ(x.Json()["points"], 500);
  EXPECT_EQ(x.Json()["balance"], before - 500);
  // The same request again replays: no second charge, no second coupon.
  HttpReply again = s_.Post("/api/v1/me/exchanges", {{"template_id", "pts-10"}},
                            Bearer(token_), "x1");
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.headers["idempotent-replayed"], "true");
  EXPECT_EQ(Usable(), before - 500);
  codec::Json wallet =
      s_.Get("/api/v1/me/wallet", Bearer(token_)).Json()["coupons"];
  ASSERT_EQ(wallet.size(), 1u);
  EXPECT_EQ(wallet[0]["template_id"], "pts-10");

  // A free coupon is claimed, not bought.
  EXPECT_EQ(s_.Post("/api/v1/me/exchanges", {{"template_id", "free-10"}},
                    Bearer(token_), "x2")
                .status,
            409);
  EXPECT_EQ(Usable(), before - 500);
}

TEST_F(MemberChangesApiTest, APlateIsUnboundByItsMemberOnly) {
  HttpReply bound = s_.Post("/api/v1/me/plates", {{"plate", "沪A12345"}},
                            Bearer(token_), "b1");
  ASSERT_EQ(bound.status, 201) << bound.body;
  const std::string id = bound.Json()["plate_id"];
  codec::Json plates =
      s_.Get("/api/v1/me/plates", Bearer(token_)).Json()["plates"];
  ASSERT_EQ(plates.size(), 1u);
  EXPECT_EQ(plates[0]["plate_id"], id);

  const std::string other = s_.SignIn("13700001111");
  EXPECT_EQ(
      s_.Send("DELETE", "/api/v1/me/plates/" + id, nullptr, Bearer(other), "u1")
          .status,
      404);
  HttpReply gone = s_.Send("DELETE", "/api/v1/me/plates/" + id, nullptr,
                           Bearer(token_), "u1");
  EXPECT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(s_.Get("/api/v1/me/plates", Bearer(token_)).Json()["plates"].size(),
            0u);
  // Now free for the other member.
  EXPECT_EQ(
      s_.Post("/api/v1/me/plates", {{"plate", "沪A12345"}}, Bearer(other), "b2")
          .status,
      201);
}

TEST_F(MemberChangesApiTest, ATillQuotesACheckoutForAScannedMember) {
  AddTemplate("pts-10", true);
  EarnUsable(100000);
  ASSERT_EQ(s_.Post("/api/v1/me/exchanges", {{"template_id", "pts-10"}},
                    Bearer(token_), "x1")
                .status,
            201);
  const codec::Json basket = {{"checkout_id", "ck-1"},
                              {"member_id", member_},
                              {"lines",
                               {{{"store_id", "s-105"},
                                 {"category", "beauty"},
                                 {"amount_fen", 15000}}}},
                              {"use_points", false}};
  // The scan lapsed two days ago: scan again first.
  EXPECT_EQ(s_.Post("/api/v1/pos/checkout-quotes", basket, kTill).status, 403);
  ASSERT_EQ(
      s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, kTill)
          .status,
      200);
  HttpReply q = s_.Post("/api/v1/pos/checkout-quotes", basket, kTill);
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_EQ(q.Json()["gross_fen"], 15000);
  EXPECT_EQ(q.Json()["to_pay_fen"], 14000);  // the 满100减10 coupon
  // Points may pay part of it when asked.
  codec::Json with_points = basket;
  with_points["use_points"] = true;
  q = s_.Post("/api/v1/pos/checkout-quotes", with_points, kTill);
  ASSERT_EQ(q.status, 200) << q.body;
  EXPECT_LT(q.Json()["to_pay_fen"].get<int64_t>(), 14000);
  // At the programme's rate: 200 points a yuan, at most 20% of the bill.
  const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
  codec::Json rules = s_.Get("/api/v1/operator/program", Bearer(admin)).Json();
  rules.erase("group");
  rules["points_as_cash"] = {{"points_per_yuan", 200},
                             {"max_share_permille", 200}};
  ASSERT_EQ(
      s_.Send("PUT", "/api/v1/operator/program", rules, Bearer(admin), "rate-1")
          .status,
      200);
  HttpReply dearer = s_.Post("/api/v1/pos/checkout-quotes", with_points, kTill);
  ASSERT_EQ(dearer.status, 200) << dearer.body;
  const int64_t before = q.Json()["points_cash_fen"];
  const int64_t cash = dearer.Json()["points_cash_fen"];
  EXPECT_GT(cash, 0) << dearer.body;
  EXPECT_LT(cash, before) << dearer.body;
  EXPECT_LE(cash, 2800);
  EXPECT_EQ(dearer.Json()["points_used"], cash / 100 * 200) << dearer.body;
  EXPECT_EQ(dearer.Json()["to_pay_fen"], 14000 - cash);
  // The mall is the till's own, never the body's.
  codec::Json other_mall = basket;
  other_mall["mall_id"] = "m-binjiang";
  EXPECT_EQ(s_.Post("/api/v1/pos/checkout-quotes", other_mall, kTill).status,
            400);
}

TEST_F(MemberChangesApiTest, DeletingTheAccountErasesThePersonButNotTheBooks) {
  ASSERT_EQ(s_.Send("PUT", "/api/v1/me/profile", {{"name", "林小姐"}},
                    Bearer(token_), "p1")
                .status,
            200);
  ASSERT_EQ(s_.Post("/api/v1/me/plates", {{"plate", "沪A12345"}},
                    Bearer(token_), "b1")
                .status,
            201);
  EarnUsable(50000);
  HttpReply gone =
      s_.Send("DELETE", "/api/v1/me", nullptr, Bearer(token_), "bye");
  ASSERT_EQ(gone.status, 200) << gone.body;
  // The session is over, and so is any other of the member's.
  EXPECT_EQ(s_.Get("/api/v1/me", Bearer(token_)).status, 401);
  // No phone, name or plate is left anywhere in the store; the receipt
  // and its points stay with the anonymous id.
  const auto count = [&](const std::string& sql) {
    return s_.service().WithLog(
        [&](store::OpLog& log) { return *log.db().QueryInt(sql); });
  };
  EXPECT_EQ(count("SELECT count(*) FROM operations WHERE body LIKE '%" +
                  kPhone + "%' OR body LIKE '%林小姐%'"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM identities WHERE member_id = '" +
                  member_ + "'"),
            0);
  EXPECT_EQ(count("SELECT count(*) FROM receipts WHERE member_id = '" +
                  member_ + "'"),
            1);
  // The phone signs in again as a new member, with nothing of the old.
  const std::string again = s_.SignIn(kPhone);
  EXPECT_NE(s_.MemberId(again), member_);
  EXPECT_EQ(s_.Get("/api/v1/me", Bearer(again)).Json()["points"]["usable"], 0);
  // And the plate is free to bind.
  EXPECT_EQ(
      s_.Post("/api/v1/me/plates", {{"plate", "沪A12345"}}, Bearer(again), "b2")
          .status,
      201);
  s_.Restart();
  EXPECT_EQ(s_.Get("/api/v1/me", Bearer(token_)).status, 401);
}

TEST_F(MemberChangesApiTest, TheLogHoldsNoPhonePlateOrToken) {
  ASSERT_EQ(s_.Post("/api/v1/me/plates", {{"plate", "沪A12345"}},
                    Bearer(token_), "b1")
                .status,
            201);
  const std::string log = s_.Logged();
  EXPECT_NE(log.find("139****5678"), std::string::npos);  // masked: it logs
  EXPECT_EQ(log.find(kPhone), std::string::npos);
  EXPECT_EQ(log.find("12345"), std::string::npos);
  EXPECT_EQ(log.find(token_), std::string::npos);
}

}  // namespace
}  // namespace atrium::testing
