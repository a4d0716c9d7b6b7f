// The holes an attacker found with only what each caller holds (a member's
// token, one device's key), each closed: refused with 403 or a refusal in
// the push's results, and nothing applied.
#include <gtest/gtest.h>

#include <cctype>

#include "test_server.h"

namespace atrium::testing {
namespace {

const std::string kTillBinjiang =
    "Device pos-binjiang-01:demo-pos-binjiang-01-key";

codec::Json Op(const std::string& origin, int64_t seq, const std::string& type,
               codec::Json payload) {
  return {{"v", 1},
          {"id", origin + ":" + std::to_string(seq)},
          {"origin", origin},
          {"seq", seq},
          {"type", type},
          {"at", "2026-11-26T12:00:00Z"},
          {"payload", std::move(payload)}};
}

class TrustApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = s_.SignIn("13912345678");
    member_ = s_.MemberId(token_);
    Scan(kTill);
    ASSERT_EQ(
        s_.Post("/api/v1/pos/receipts", Receipt("R1", "s-105"), kTill, "r1")
            .status,
        200);
    s_.Advance(2 * 86400);  // the points are usable
  }
  void Scan(const std::string& till) {
    ASSERT_EQ(
        s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, till)
            .status,
        200);
  }
  codec::Json Receipt(const std::string& id, const std::string& store) {
    return {{"receipt",
             {{"id", id},
              {"mall_id", "m-xinjie"},
              {"store_id", store},
              {"member_id", member_},
              {"at", FormatIso8601(s_.Now())},
              {"lines", {{{"category", "beauty"}, {"amount_fen", 50'000}}}}}}};
  }
  int64_t Usable() {
    return s_.Get("/api/v1/me", Bearer(token_)).Json()["points"]["usable"];
  }
  size_t Wallet() {
    return s_.Get("/api/v1/me/wallet", Bearer(token_)).Json()["coupons"].size();
  }
  // The one result of pushing `op` as `auth`.
  codec::Json PushOne(const codec::Json& op, const std::string& auth) {
    HttpReply r = s_.Post("/api/v1/sync/push", {{"operations", {op}}}, auth);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["results"][0];
  }
  std::string AddTemplate(const std::string& id, int64_t points_price) {
    const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
    EXPECT_EQ(s_.Post("/api/v1/operator/coupon-templates",
                      CouponTemplateBody(id, points_price), Bearer(admin), id)
                  .status,
              201);
    return id;
  }

  TestServer s_;
  std::string token_;
  std::string member_;
};

// 1. A kiosk's key acts for no member who has not signed in there.
TEST_F(TrustApiTest, AKioskActsForNoMemberWhoDidNotSignInThere) {
  const std::string kiosk = "device:kiosk-xinjie-1f";
  AddTemplate("free", 0);
  const int64_t points = Usable();
  const codec::Json ops[] = {
      Op(kiosk, 1, "spend_points",
         {{"member_id", member_}, {"points", 100}, {"ref", "x"}}),
      Op(kiosk, 2, "earn", Receipt("R2", "s-105")["receipt"]),
      Op(kiosk, 3, "refund",
         {{"mall_id", "m-xinjie"},
          {"receipt_id", "R1"},
          {"refund_id", "f1"},
          {"amount_fen", 50'000}}),
      Op(kiosk, 4, "erase_member", {{"member_id", member_}}),
      Op(kiosk, 5, "register", {{"member_id", "MX"}, {"phone", "13800001111"}}),
      Op(kiosk, 6, "claim_coupon",
         {{"member_id", member_}, {"template_id", "free"}}),
  };
  for (const codec::Json& op : ops) {
    const codec::Json r = PushOne(op, kKiosk);
    EXPECT_EQ(r["applied"], false) << op["type"];
    EXPECT_EQ(r["error"]["code"], "PERMISSION_DENIED") << op["type"];
  }
  EXPECT_EQ(Usable(), points);
  EXPECT_EQ(Wallet(), 0u);
  EXPECT_EQ(s_.Get("/api/v1/me", Bearer(token_)).status, 200);  // not erased

  // Once the member signs in there, the kiosk may claim for them.
  ASSERT_EQ(s_.Post("/api/v1/kiosk/sign-in", {{"code", s_.MemberCode(token_)}},
                    kKiosk)
                .status,
            200);
  EXPECT_EQ(PushOne(Op(kiosk, 7, "claim_coupon",
                       {{"member_id", member_}, {"template_id", "free"}}),
                    kKiosk)["applied"],
            true);
  EXPECT_EQ(Wallet(), 1u);
}

// 10. A kiosk's session with a member ends: at sign-out, or ten minutes
// after the sign-in. Then it acts for them only within its escrow.
TEST_F(TrustApiTest, AKioskSessionEndsAtSignOutOrAfterTenMinutes) {
  const std::string kiosk = "device:kiosk-xinjie-1f";
  const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
  AddTemplate("a", 0);
  AddTemplate("b", 0);
  AddTemplate("c", 0);
  ASSERT_EQ(s_.Post("/api/v1/operator/escrows",
                    {{"escrow_id", "e1"},
                     {"device_id", "kiosk-xinjie-1f"},
                     {"expires_at", FormatIso8601(s_.Now().PlusSeconds(86400))},
                     {"points_budget", 0},
                     {"coupons", {{"c", 1}}}},
                    Bearer(admin), "e1")
                .status,
            201);
  auto sign_in = [&] {
    return s_.Post("/api/v1/kiosk/sign-in", {{"code", s_.MemberCode(token_)}},
                   kKiosk);
  };
  auto claim = [&](int seq, const std::string& t, bool escrow = false) {
    codec::Json payload = {{"member_id", member_}, {"template_id", t}};
    if (escrow) payload["escrow_id"] = "e1";
    return PushOne(Op(kiosk, seq, "claim_coupon", payload), kKiosk);
  };
  HttpReply in = sign_in();
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_FALSE(in.Json().value("session_expires_at", "").empty());
  ASSERT_EQ(s_.Post("/api/v1/kiosk/sign-out", {{"member_id", member_}}, kKiosk)
                .status,
            200);
  EXPECT_EQ(claim(1, "a")["error"]["code"], "PERMISSION_DENIED");

  ASSERT_EQ(sign_in().status, 200);
  s_.Advance(10 * 60);
  EXPECT_EQ(claim(2, "a")["error"]["code"], "PERMISSION_DENIED");
  // What it took offline under its escrow for a member it served still
  // counts, within the escrow.
  EXPECT_EQ(claim(3, "c", true)["applied"], true);
  EXPECT_EQ(Wallet(), 1u);

  ASSERT_EQ(sign_in().status, 200);
  EXPECT_EQ(claim(4, "b")["applied"], true);
  EXPECT_EQ(Wallet(), 2u);
}

// 5. A member cannot take someone's card: cards are linked at a till.
TEST_F(TrustApiTest, AMemberLinksNoCard) {
  const codec::Json r = PushOne(
      Op("member:" + member_, 2, "link_identity",
         {{"member_id", member_},
          {"identity", {{"kind", "card"}, {"value", "6222000011112222"}}}}),
      Bearer(token_));
  EXPECT_EQ(r["applied"], false);
  EXPECT_EQ(r["error"]["code"], "PERMISSION_DENIED");
}

// 8. A till redeems only in its own mall, at a store of it the coupon
// covers.
TEST_F(TrustApiTest, ATillRedeemsOnlyInItsMallAtARealStore) {
  AddTemplate("free", 0);
  HttpReply claimed = s_.Post("/api/v1/me/coupons", {{"template_id", "free"}},
                              Bearer(token_), "c1");
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  const std::string coupon = claimed.Json()["coupon_id"];
  auto redeem = [&](const std::string& till, const std::string& store,
                    const std::string& key) {
    return s_.Post("/api/v1/pos/redemptions",
                   {{"member_id", member_},
                    {"coupon_id", coupon},
                    {"receipt_id", "R9"},
                    {"store_id", store}},
                   till, key);
  };
  Scan(kTillBinjiang);
  EXPECT_EQ(redeem(kTillBinjiang, "s-201", "a").status, 403);
  Scan(kTill);
  EXPECT_EQ(redeem(kTill, "s-999", "b").status, 403);
  EXPECT_EQ(Wallet(), 1u);
  EXPECT_EQ(redeem(kTill, "s-105", "c").status, 200);
}

// A tenant's till (a device with its store) submits receipts of its own
// store only.
TEST_F(TrustApiTest, ATenantsTillActsOnlyForItsStore) {
  const std::string sephora = "Device pos-xinjie-s105:demo-pos-xinjie-s105-key";
  Scan(sephora);
  EXPECT_EQ(
      s_.Post("/api/v1/pos/receipts", Receipt("R5", "s-101"), sephora, "a")
          .status,
      403);
  EXPECT_EQ(
      s_.Post("/api/v1/pos/receipts", Receipt("R6", "s-105"), sephora, "b")
          .status,
      200);
  // Nor refunds another store's receipt.
  EXPECT_EQ(
      s_.Post("/api/v1/pos/refunds",
              {{"receipt_id", "R1"}, {"refund_id", "f1"}, {"amount_fen", 100}},
              sephora, "c")
          .status,
      200);  // R1 was bought at s-105
  Scan(kTill);
  ASSERT_EQ(s_.Post("/api/v1/pos/receipts", Receipt("R7", "s-101"), kTill, "d")
                .status,
            200);
  EXPECT_EQ(
      s_.Post("/api/v1/pos/refunds",
              {{"receipt_id", "R7"}, {"refund_id", "f2"}, {"amount_fen", 100}},
              sephora, "e")
          .status,
      403);
}

// 16. A coupon sold for points is not claimed for free, by either door.
TEST_F(TrustApiTest, APointsPricedCouponIsNotClaimedFree) {
  AddTemplate("pts", 500);
  const int64_t points = Usable();
  HttpReply rest = s_.Post("/api/v1/me/coupons", {{"template_id", "pts"}},
                           Bearer(token_), "c1");
  EXPECT_EQ(rest.status, 409) << rest.body;
  const codec::Json pushed =
      PushOne(Op("member:" + member_, 2, "claim_coupon",
                 {{"member_id", member_}, {"template_id", "pts"}}),
              Bearer(token_));
  EXPECT_EQ(pushed["applied"], false);
  EXPECT_EQ(Wallet(), 0u);
  // Exchanged, it costs its price.
  EXPECT_EQ(s_.Post("/api/v1/me/exchanges", {{"template_id", "pts"}},
                    Bearer(token_), "x1")
                .status,
            201);
  EXPECT_EQ(Usable(), points - 500);
  EXPECT_EQ(Wallet(), 1u);
}

// 11. Claims pushed through sync count against the claim rate.
TEST_F(TrustApiTest, PushedClaimsCountAgainstTheClaimRate) {
  AddTemplate("free", 0);
  codec::Json batch = codec::Json::array();
  for (int seq = 2; seq <= 13; ++seq) {  // 12 claims; the rate is 10
    batch.push_back(Op("member:" + member_, seq, "claim_coupon",
                       {{"member_id", member_}, {"template_id", "free"}}));
  }
  HttpReply r =
      s_.Post("/api/v1/sync/push", {{"operations", batch}}, Bearer(token_));
  EXPECT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(Wallet(), 0u);
}

// 14. The ids the server gives REST operations cannot be taken first: a
// pushed id must start with its sender's origin.
TEST_F(TrustApiTest, NoClientTakesAnIdTheServerWillGive) {
  codec::Json op = Op("member:" + member_, 2, "update_profile",
                      {{"member_id", member_}, {"name", "x"}});
  op["id"] = "k-00112233445566778899aabbccddeeff";
  const codec::Json r = PushOne(op, Bearer(token_));
  EXPECT_EQ(r["applied"], false);
  EXPECT_EQ(r["error"]["code"], "PERMISSION_DENIED");
}

// 4. A member code scans once per member and window, at any till or kiosk,
// in its one canonical form, and still once after a restart.
TEST_F(TrustApiTest, AMemberCodeIsNotReplayedInAnotherFormOrAfterARestart) {
  const std::string code = s_.MemberCode(token_);
  const size_t dot = code.find('.', code.find('.') + 1);  // before the window
  const std::string zero = code.substr(0, dot + 1) + "0" + code.substr(dot + 1);
  std::string upper = code;
  for (size_t i = upper.rfind('.') + 1; i < upper.size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(upper[i]));
  }
  auto scan = [&](const std::string& c, const std::string& at) {
    return s_
        .Post(at == kKiosk ? "/api/v1/kiosk/sign-in" : "/api/v1/pos/scan",
              {{"code", c}}, at)
        .status;
  };
  EXPECT_EQ(scan(zero, kTill), 400);   // not the phone's text
  EXPECT_EQ(scan(upper, kTill), 400);  // nor this
  EXPECT_EQ(scan(code, kTill), 200);
  EXPECT_EQ(scan(code, kTillBinjiang), 409);  // at another till
  EXPECT_EQ(scan(code, kKiosk), 409);         // or a kiosk
  s_.Restart();
  EXPECT_EQ(scan(code, kTill), 409);
  EXPECT_EQ(scan(s_.MemberCode(token_), kTill), 200);  // the next window's
}

// 12. An operator's account locks after 10 failed sign-ins in a quarter of
// an hour, from any address, and opens when the quarter ends.
TEST_F(TrustApiTest, AnOperatorAccountLocksAfterTenFailures) {
  auto sign_in = [&](const std::string& password) {
    return s_
        .Post("/api/v1/operator/session",
              {{"name", "finance"}, {"password", password}})
        .status;
  };
  s_.Advance(900 - s_.Now().unix_seconds() % 900);  // a quarter begins
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(sign_in("guess-" + std::to_string(i)), 401);
  s_.Advance(61);  // past the address's own limit of 10 a minute
  EXPECT_EQ(sign_in("demo-finance-pass"), 423);  // even the right one
  s_.Advance(900);
  EXPECT_EQ(sign_in("demo-finance-pass"), 200);
}

// 2. A body nested hundreds of thousands deep, under the size limit, is a
// 400 at every door, and the server goes on.
TEST_F(TrustApiTest, ADeeplyNestedBodyIsRefusedAndTheServerGoesOn) {
  const std::string deep =
      std::string(300'000, '[') + std::string(300'000, ']');
  const std::string op = R"({"v":1,"id":"member:)" + member_ +
                         R"(:2","origin":"member:)" + member_ +
                         R"(","seq":2,"type":"update_profile",)"
                         R"("at":"2026-11-26T12:00:00Z","payload":{"x":)" +
                         deep + "}}";
  const std::pair<std::string, std::string> bodies[] = {
      {"/api/v1/me/parking/payments",
       R"({"mall_id":"m-xinjie","plate_id":"p","due_fen":)" + deep + "}"},
      {"/api/v1/sync/push", R"({"operations":[)" + op + "]}"},
  };
  for (const auto& [target, body] : bodies) {
    HttpReply r = Call(s_.port(), "POST", target, body,
                       {{"Authorization", Bearer(token_)},
                        {"Content-Type", "application/json"},
                        {"Idempotency-Key", "deep"}});
    EXPECT_EQ(r.status, 400) << target << ": " << r.body;
  }
  EXPECT_EQ(s_.Get("/api/v1/me", Bearer(token_)).status, 200);
}

// What the server logs while members sign in, tills scan and earn, plates
// are bound and parked, kiosks sign members in and operators work holds no
// phone number, plate, token or device key (tools/scan-logs.sh checks the
// browser tests' and the load script's logs the same way).
TEST_F(TrustApiTest, TheLogHoldsNoPhonePlateTokenOrKey) {
  const std::string admin = s_.OperatorToken("admin", "demo-admin-pass");
  ASSERT_EQ(s_.Post("/api/v1/me/plates", {{"plate", "沪A80972"}},
                    Bearer(token_), "p1")
                .status,
            201);
  ASSERT_EQ(
      s_.Post("/api/v1/parking/entries", {{"plate", "沪A80972"}}, kGate, "in-1")
          .status,
      201);
  EXPECT_EQ(
      s_.Post("/api/v1/parking/cars", {{"plate", "沪A80972"}}, kKiosk).status,
      200);
  ASSERT_EQ(s_.Post("/api/v1/kiosk/sign-in", {{"code", s_.MemberCode(token_)}},
                    kKiosk)
                .status,
            200);
  EXPECT_EQ(s_.Post("/api/v1/auth/code", {{"phone", "13800138000"}}).status,
            202);
  EXPECT_EQ(s_.Get("/api/v1/me", "Bearer nonsense").status, 401);
  EXPECT_EQ(s_.Post("/api/v1/operator/session",
                    {{"name", "admin"}, {"password", "pa55-Wrong-9x"}})
                .status,
            401);
  const std::string logged = s_.Logged();
  ASSERT_FALSE(logged.empty());
  for (const std::string& secret :
       {std::string("13912345678"), std::string("13800138000"),
        std::string("A80972"), std::string("80972"), token_, admin,
        std::string("demo-kiosk-xinjie-1f-key"),
        std::string("demo-gate-xinjie-b2-key"), std::string("pa55-Wrong-9x")}) {
    EXPECT_EQ(logged.find(secret), std::string::npos) << "logged: " << secret;
  }
}

}  // namespace
}  // namespace atrium::testing
