// Object-level authorisation: every route that names a member, called by
// someone who may not touch that member, is refused (403 or 404) and
// changes nothing.
#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

struct RouteCase {
  std::string method;
  std::string target;  // "{member}": the victim's id
  codec::Json body;
};

std::string Fill(std::string s, const std::string& member) {
  for (size_t at; (at = s.find("{member}")) != std::string::npos;) {
    s.replace(at, 8, member);
  }
  return s;
}

TEST(AuthorizationApiTest, AnotherMembersTokenReachesNoneOfTheirData) {
  TestServer s;
  const std::string victim_token = s.SignIn("13911110000");
  const std::string victim = s.MemberId(victim_token);
  const std::string thief = s.SignIn("13922220000");
  const int64_t thief_seq = 2;  // after their registration, seq 1
  const int64_t victim_points_before =
      s.Get("/api/v1/me", Bearer(victim_token)).Json()["points"]["pending"];

  const RouteCase cases[] = {
      {"GET", "/api/v1/sync/members/{member}/history", nullptr},
      {"POST",
       "/api/v1/pos/points-payments",
       {{"member_id", "{member}"}, {"points", 1}, {"ref", "x"}}},
      {"POST",
       "/api/v1/pos/redemptions",
       {{"member_id", "{member}"},
        {"coupon_id", "c-1"},
        {"receipt_id", "R"},
        {"store_id", "s-105"}}},
      {"POST",
       "/api/v1/pos/receipts",
       {{"receipt",
         {{"id", "R1"},
          {"mall_id", "m-xinjie"},
          {"store_id", "s-105"},
          {"member_id", "{member}"},
          {"at", "2026-11-26T11:00:00Z"},
          {"lines", {{{"category", "beauty"}, {"amount_fen", 100}}}}}}}},
      {"POST", "/api/v1/kiosk/sign-in", {{"code", "ATM1.{member}.1.00"}}},
  };
  for (const RouteCase& c : cases) {
    std::map<std::string, std::string> headers = {
        {"Authorization", Bearer(thief)}, {"Idempotency-Key", "k"}};
    HttpReply r =
        Call(s.port(), c.method, Fill(c.target, victim),
             c.body.is_null() ? "" : Fill(c.body.dump(), victim), headers);
    EXPECT_TRUE(r.status == 403 || r.status == 404)
        << c.method << " " << c.target << " -> " << r.status << " " << r.body;
  }

  // Through sync, a member's own origin cannot act for another member.
  HttpReply push = s.Post(
      "/api/v1/sync/push",
      {{"operations",
        {{{"v", 1},
          {"id", "steal-1"},
          {"origin", "member:" + s.MemberId(thief)},
          {"seq", thief_seq},
          {"type", "spend_points"},
          {"at", "2026-11-26T12:00:00Z"},
          {"payload", {{"member_id", victim}, {"points", 1}, {"ref", "x"}}}}}}},
      Bearer(thief));
  ASSERT_EQ(push.status, 200) << push.body;
  EXPECT_EQ(push.Json()["results"][0]["applied"], false);
  EXPECT_EQ(push.Json()["results"][0]["error"]["code"], "PERMISSION_DENIED");
  // Nor does a member's pull carry another member's changes.
  HttpReply pulled = s.Get("/api/v1/sync/pull?after=0", Bearer(thief));
  ASSERT_EQ(pulled.status, 200);
  const codec::Json changes = pulled.Json()["changes"];
  for (const auto& change : changes) {
    EXPECT_NE(change["operation"]["payload"].value("member_id", ""), victim);
  }
  EXPECT_EQ(
      s.Get("/api/v1/me", Bearer(victim_token)).Json()["points"]["pending"],
      victim_points_before);
}

TEST(AuthorizationApiTest, ATillActsOnlyForMembersItScanned) {
  TestServer s;
  const std::string token = s.SignIn("13911110000");
  const std::string member = s.MemberId(token);
  ASSERT_EQ(
      s.Post("/api/v1/pos/scan", {{"code", s.MemberCode(token)}}, kTill).status,
      200);
  const codec::Json pay = {{"member_id", member}, {"points", 1}, {"ref", "x"}};
  // Another till, which did not scan them.
  EXPECT_EQ(s.Post("/api/v1/pos/points-payments", pay,
                   "Device pos-xinjie-02:demo-pos-xinjie-02-key", "k")
                .status,
            403);
  // The grant lapses after 15 minutes.
  s.Advance(16 * 60);
  EXPECT_EQ(s.Post("/api/v1/pos/points-payments", pay, kTill, "k").status, 403);
}

TEST(AuthorizationApiTest, DevicesNeedTheirKeyAndTheRightKind) {
  TestServer s;
  const codec::Json scan = {{"code", "x"}};
  EXPECT_EQ(s.Post("/api/v1/pos/scan", scan).status, 401);
  EXPECT_EQ(s.Post("/api/v1/pos/scan", scan,
                   "Device pos-xinjie-01:not-the-key-at-all")
                .status,
            401);
  EXPECT_EQ(
      s.Post("/api/v1/pos/scan", scan, "Device nobody:whatever-key-123").status,
      401);
  EXPECT_EQ(s.Post("/api/v1/pos/scan", scan, kKiosk).status, 403);
}

}  // namespace
}  // namespace atrium::testing
