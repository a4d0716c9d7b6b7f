// Sync over HTTP: a kiosk pushes its own operations and pulls what it may
// see; a member signs in at a kiosk and the kiosk gets their history.
#include <gtest/gtest.h>

#include "atrium/auth/crypto.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

codec::Json Op(const std::string& id, const std::string& origin, int64_t seq,
               const std::string& type, codec::Json payload) {
  return {{"v", 1},
          {"id", id},
          {"origin", origin},
          {"seq", seq},
          {"type", type},
          {"at", "2026-11-26T12:00:00Z"},
          {"payload", std::move(payload)}};
}

TEST(SyncApiTest, AKioskPushesItsOwnOperationsOnceAndPullsThem) {
  TestServer s;
  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  const codec::Json grant = {
      {"escrow_id", "e1"},
      {"device_id", "kiosk-xinjie-1f"},
      {"expires_at", FormatIso8601(s.Now().PlusSeconds(86400))},
      {"points_budget", 100}};
  ASSERT_EQ(
      s.Post("/api/v1/operator/escrows", grant, Bearer(admin), "g").status,
      201);
  const codec::Json ret =
      Op("device:kiosk-xinjie-1f:1", "device:kiosk-xinjie-1f", 1,
         "return_escrow", {{"escrow_id", "e1"}});
  HttpReply pushed =
      s.Post("/api/v1/sync/push", {{"operations", {ret}}}, kKiosk);
  ASSERT_EQ(pushed.status, 200) << pushed.body;
  EXPECT_EQ(pushed.Json()["results"][0]["applied"], true) << pushed.body;
  EXPECT_EQ(pushed.Json()["results"][0]["replayed"], false);
  // Pushed again (a lost answer): the first result, replayed.
  HttpReply again =
      s.Post("/api/v1/sync/push", {{"operations", {ret}}}, kKiosk);
  EXPECT_EQ(again.Json()["results"][0]["replayed"], true);

  HttpReply pulled = s.Get("/api/v1/sync/pull?after=0", kKiosk);
  ASSERT_EQ(pulled.status, 200) << pulled.body;
  ASSERT_EQ(pulled.Json()["changes"].size(), 2u);  // the grant, the return
  EXPECT_EQ(pulled.Json()["changes"][1]["op_id"], "device:kiosk-xinjie-1f:1");
  EXPECT_EQ(pulled.Json()["changes"][1]["operation"]["type"], "return_escrow");
  // A kiosk that lost its replica numbers its next operation on from here.
  EXPECT_EQ(pulled.Json()["next_seq"], 2);
  const int64_t next = pulled.Json()["next"];
  EXPECT_EQ(s.Get("/api/v1/sync/pull?after=" + std::to_string(next), kKiosk)
                .Json()["changes"]
                .size(),
            0u);
  // The other kiosk does not see it.
  EXPECT_EQ(s.Get("/api/v1/sync/pull?after=0",
                  "Device kiosk-xinjie-b2:demo-kiosk-xinjie-b2-key")
                .Json()["changes"]
                .size(),
            0u);
}

// A kiosk registers no one (members sign in with their phone's code), and a
// client's operation ids start with its origin: an id the server would give
// cannot be taken first. Refusals are not kept.
TEST(SyncApiTest, AKioskNeitherRegistersNorTakesAnothersIds) {
  TestServer s;
  for (const codec::Json& op :
       {Op("device:kiosk-xinjie-1f:1", "device:kiosk-xinjie-1f", 1, "register",
           {{"member_id", "MK1"}, {"phone", "13811112222"}}),
        Op("k-0123456789abcdef", "device:kiosk-xinjie-1f", 2, "return_escrow",
           {{"escrow_id", "e-none"}})}) {
    HttpReply pushed =
        s.Post("/api/v1/sync/push", {{"operations", {op}}}, kKiosk);
    ASSERT_EQ(pushed.status, 200) << pushed.body;
    EXPECT_EQ(pushed.Json()["results"][0]["applied"], false);
    EXPECT_EQ(pushed.Json()["results"][0]["error"]["code"],
              "PERMISSION_DENIED");
  }
  HttpReply pulled = s.Get("/api/v1/sync/pull?after=0", kKiosk);
  EXPECT_EQ(pulled.Json()["changes"].size(), 0u);
  EXPECT_EQ(pulled.Json()["next_seq"], 1);
}

TEST(SyncApiTest, AClientPushesOnlyItsOwnOperations) {
  TestServer s;
  HttpReply r =
      s.Post("/api/v1/sync/push",
             {{"operations",
               {Op("x1", "device:kiosk-xinjie-b2", 1, "register",
                   {{"member_id", "MK1"}, {"phone", "13811112222"}})}}},
             kKiosk);
  EXPECT_EQ(r.status, 403);
  // A till has no replica to sync.
  EXPECT_EQ(s.Get("/api/v1/sync/pull", kTill).status, 403);
  // A member pushes as themselves only.
  const std::string token = s.SignIn("13912345678");
  const std::string member = s.MemberId(token);
  HttpReply as_kiosk =
      s.Post("/api/v1/sync/push",
             {{"operations",
               {Op("m1", "device:kiosk-xinjie-1f", 1, "claim_coupon",
                   {{"member_id", member}, {"template_id", "t"}})}}},
             Bearer(token));
  EXPECT_EQ(as_kiosk.status, 403);
}

TEST(SyncApiTest, BadPushesAre400) {
  TestServer s;
  for (const codec::Json& body :
       {codec::Json{{"operations", codec::Json::array()}},
        codec::Json{{"operations", {{{"v", 1}}}}},
        codec::Json{{"operations", "no"}}, codec::Json{{"ops", 1}}}) {
    EXPECT_EQ(s.Post("/api/v1/sync/push", body, kKiosk).status, 400)
        << body.dump();
  }
  EXPECT_EQ(s.Get("/api/v1/sync/pull?after=-1", kKiosk).status, 400);
  EXPECT_EQ(s.Get("/api/v1/sync/pull?limit=10001", kKiosk).status, 400);
  EXPECT_EQ(s.Get("/api/v1/sync/pull?after=x", kKiosk).status, 400);
}

TEST(SyncApiTest, AMemberSignsInAtAKioskWhichThenHoldsTheirHistory) {
  TestServer s;
  const std::string token = s.SignIn("13912345678");
  const std::string member = s.MemberId(token);
  const std::string history =
      "/api/v1/sync/members/" + member + "/history?after=0";
  EXPECT_EQ(s.Get(history, kKiosk).status, 403);  // not signed in there yet

  const std::string code = s.MemberCode(token);
  HttpReply signed_in =
      s.Post("/api/v1/kiosk/sign-in", {{"code", code}}, kKiosk);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_EQ(signed_in.Json()["member_id"], member);
  // No code secret: the kiosk can neither check nor make the member's codes.
  EXPECT_FALSE(signed_in.Json().contains("code_secret"));
  HttpReply h = s.Get(history, kKiosk);
  ASSERT_EQ(h.status, 200) << h.body;
  ASSERT_EQ(h.Json()["changes"].size(), 1u);  // their registration
  EXPECT_EQ(h.Json()["changes"][0]["operation"]["type"], "register");
  // Masked: the kiosk never holds the number.
  EXPECT_EQ(
      h.Json()["changes"][0]["operation"]["payload"],
      codec::Json({{"member_id", member}, {"phone_masked", "139****5678"}}));
  EXPECT_EQ(h.body.find("13912345678"), std::string::npos);
}

TEST(SyncApiTest, AnAdminGrantsAKioskAnEscrowWhichTheKioskReturns) {
  TestServer s;
  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  const codec::Json grant = {{"escrow_id", "e1"},
                             {"device_id", "kiosk-xinjie-1f"},
                             {"expires_at", "2026-11-27T12:00:00Z"},
                             {"points_budget", 5000}};
  HttpReply granted =
      s.Post("/api/v1/operator/escrows", grant, Bearer(admin), "g1");
  ASSERT_EQ(granted.status, 201) << granted.body;
  // Finance may not grant.
  EXPECT_EQ(
      s.Post("/api/v1/operator/escrows", grant,
             Bearer(s.OperatorToken("finance", "demo-finance-pass")), "g2")
          .status,
      403);
  // The kiosk pulls its escrow and returns it through sync.
  HttpReply pulled = s.Get("/api/v1/sync/pull?after=0", kKiosk);
  ASSERT_EQ(pulled.Json()["changes"].size(), 1u);
  EXPECT_EQ(pulled.Json()["changes"][0]["operation"]["type"], "grant_escrow");
  HttpReply returned =
      s.Post("/api/v1/sync/push",
             {{"operations",
               {Op("device:kiosk-xinjie-1f:1", "device:kiosk-xinjie-1f", 1,
                   "return_escrow", {{"escrow_id", "e1"}})}}},
             kKiosk);
  ASSERT_EQ(returned.status, 200);
  EXPECT_EQ(returned.Json()["results"][0]["applied"], true) << returned.body;
}

}  // namespace
}  // namespace atrium::testing
