// The console over HTTP: granting coupons to a list of members, reading
// and changing the programme, and who may do which.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "test_server.h"

namespace atrium::testing {
namespace {

codec::Json Template(int64_t stock) {
  return {{"template",
           {{"id", "vip-gift"},
            {"name", "会员礼券"},
            {"mall_id", "m-xinjie"},
            {"kind", "cash_off"},
            {"amount_fen", 2000},
            {"valid_from", "2026-11-01T00:00:00+08:00"},
            {"valid_until", "2027-01-01T00:00:00+08:00"},
            {"total_stock", stock},
            {"per_member_total", 1}}}};
}

TEST(OperatorApiTest, CouponsAreGrantedToAListOnceEach) {
  TestServer s;
  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  ASSERT_EQ(s.Post("/api/v1/operator/coupon-templates", Template(2),
                   Bearer(admin), "t1")
                .status,
            201);
  const std::string a = s.SignIn("13900000001");
  const std::string b = s.SignIn("13900000002");
  const std::string c = s.SignIn("13900000003");
  const codec::Json grant = {
      {"template_id", "vip-gift"},
      {"member_ids",
       {s.MemberId(a), s.MemberId(b), s.MemberId(c), "no-such-member"}}};
  HttpReply r =
      s.Post("/api/v1/operator/coupon-grants", grant, Bearer(admin), "g1");
  ASSERT_EQ(r.status, 200) << r.body;
  // Stock 2: two granted; the third finds none left; the unknown member
  // is named.
  EXPECT_EQ(r.Json()["granted"], 2);
  const codec::Json results = r.Json()["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0].contains("coupon_id"));
  EXPECT_TRUE(results[1].contains("coupon_id"));
  EXPECT_EQ(results[2]["error"]["code"], "RESOURCE_EXHAUSTED");
  EXPECT_EQ(results[3]["error"]["code"], "NOT_FOUND");
  EXPECT_EQ(s.Get("/api/v1/me/wallet", Bearer(a)).Json()["coupons"].size(), 1u);

  // The same request again replays each grant: nothing more is issued.
  HttpReply again =
      s.Post("/api/v1/operator/coupon-grants", grant, Bearer(admin), "g1");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.Json()["results"][0]["coupon_id"], results[0]["coupon_id"]);
  EXPECT_EQ(s.Get("/api/v1/me/wallet", Bearer(a)).Json()["coupons"].size(), 1u);
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  codec::Json coupons =
      s.Get("/api/v1/operator/reports/coupons-by-template", Bearer(finance))
          .Json()["rows"];
  ASSERT_EQ(coupons.size(), 1u);
  EXPECT_EQ(coupons[0]["coupons"], 2);
}

TEST(OperatorApiTest, GrantsRefuseBadListsAndTheFinanceRole) {
  TestServer s;
  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  const codec::Json one = {{"template_id", "vip-gift"}, {"member_ids", {"M1"}}};
  EXPECT_EQ(s.Post("/api/v1/operator/coupon-grants", one, Bearer(finance), "g")
                .status,
            403);
  codec::Json too_many = {{"template_id", "vip-gift"},
                          {"member_ids", codec::Json::array()}};
  for (int i = 0; i < 1001; ++i) {
    too_many["member_ids"].push_back("M" + std::to_string(i));
  }
  for (const codec::Json& bad :
       {too_many,
        codec::Json{{"template_id", "vip-gift"},
                    {"member_ids", codec::Json::array()}},
        codec::Json{{"template_id", "vip-gift"}, {"member_ids", {"M1", "M1"}}},
        codec::Json{{"template_id", "vip-gift"}, {"member_ids", {1, 2}}},
        codec::Json{{"template_id", "vip-gift"}, {"member_ids", "M1"}}}) {
    EXPECT_EQ(s.Post("/api/v1/operator/coupon-grants", bad, Bearer(admin), "g")
                  .status,
              400)
        << bad.dump().substr(0, 80);
  }
}

TEST(OperatorApiTest, EveryRoleReadsTheProgramme) {
  TestServer s;
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  HttpReply r = s.Get("/api/v1/operator/program", Bearer(finance));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GE(r.Json()["tiers"]["levels"].size(), 3u);
  EXPECT_TRUE(r.Json().contains("earning"));
  EXPECT_EQ(s.Get("/api/v1/operator/program").status, 401);
}

TEST(OperatorApiTest, AnAdminChangesTheRulesWhichOutliveARestart) {
  TestServer s;
  const std::string admin = s.OperatorToken("admin", "demo-admin-pass");
  const std::string marketing =
      s.OperatorToken("marketing", "demo-marketing-pass");
  codec::Json rules = s.Get("/api/v1/operator/program", Bearer(admin)).Json();
  rules.erase("group");
  rules["earning"]["fen_per_point"] = 50;
  const std::string target = "/api/v1/operator/program";
  EXPECT_EQ(s.Send("PUT", target, rules, Bearer(marketing), "p1").status, 403);
  EXPECT_EQ(s.Send("PUT", target, rules, Bearer(admin)).status, 400);  // key
  HttpReply put = s.Send("PUT", target, rules, Bearer(admin), "p1");
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.Json()["rules"].size(), rules["earning"]["rules"].size());
  EXPECT_EQ(s.Send("PUT", target, rules, Bearer(admin), "p1").status, 200);

  codec::Json no_gold = rules;
  no_gold["tiers"]["levels"].erase(2);
  no_gold["earning"]["rules"] = codec::Json::array();
  HttpReply refused = s.Send("PUT", target, no_gold, Bearer(admin), "p2");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(
      s.Send("PUT", target, codec::Json::array(), Bearer(admin), "p3").status,
      400);

  s.Restart();
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  codec::Json now = s.Get(target, Bearer(finance)).Json();
  EXPECT_EQ(now["earning"]["fen_per_point"], 50);
  EXPECT_EQ(now["tiers"]["levels"].size(), 4u);
  EXPECT_TRUE(now.contains("group"));
}

// The service desk finds a member by the last four digits of the phone:
// masked, with the tier; nothing for anyone but an operator, and a clear
// error for anything but four digits.
TEST(OperatorApiTest, TheDeskFindsMembersByThePhonesLastFourDigits) {
  TestServer s;
  const std::string a = s.MemberId(s.SignIn("13912340001"));
  const std::string b = s.MemberId(s.SignIn("13812340001"));
  s.SignIn("13912340002");
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  HttpReply found =
      s.Get("/api/v1/operator/members?phone_suffix=0001", Bearer(finance));
  ASSERT_EQ(found.status, 200) << found.body;
  const codec::Json members = found.Json()["members"];
  ASSERT_EQ(members.size(), 2u) << found.body;
  std::set<std::string> ids;
  for (const codec::Json& m : members) {
    ids.insert(m["member_id"].get<std::string>());
    EXPECT_EQ(m["tier"], "normal");
    EXPECT_THAT(m["phone"].get<std::string>(), ::testing::EndsWith("****0001"));
  }
  EXPECT_EQ(ids, (std::set<std::string>{a, b}));
  EXPECT_EQ(found.body.find("1234"), std::string::npos) << "phones masked";
  EXPECT_EQ(s.Get("/api/v1/operator/members?phone_suffix=9999", Bearer(finance))
                .Json()["members"]
                .size(),
            0u);
  for (const char* bad : {"001", "00011", "12a4", ""}) {
    HttpReply r =
        s.Get(std::string("/api/v1/operator/members?phone_suffix=") + bad,
              Bearer(finance));
    EXPECT_EQ(r.status, 400) << bad;
  }
  EXPECT_EQ(s.Get("/api/v1/operator/members?phone_suffix=0001",
                  Bearer(s.SignIn("13912340002")))
                .status,
            403);
  EXPECT_EQ(s.Get("/api/v1/operator/members?phone_suffix=0001", kTill).status,
            401);
}

}  // namespace
}  // namespace atrium::testing
