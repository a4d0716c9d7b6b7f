// A plate is the member's only once proven (issue 21, #9): a claim shows
// nothing of the car and keeps no one out; the entry ticket at a kiosk or
// the vehicle licence at the service desk proves it; the desk settles a
// dispute; only a proven plate's stays are the member's to see and pay.
#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

constexpr char kPlate[] = "沪A80972";
constexpr char kTicket[] = "T0009X7Q2";

class PlatesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_ = s_.SignIn("13912345678");
    stranger_ = s_.SignIn("13700001111");
    admin_ = s_.OperatorToken("admin", "demo-admin-pass");
    HttpReply in =
        s_.Post("/api/v1/parking/entries",
                {{"plate", kPlate}, {"ticket", kTicket}}, kGate, "in-1");
    ASSERT_EQ(in.status, 201) << in.body;
    s_.Advance(3600);
  }
  HttpReply Claim(const std::string& token, const std::string& key) {
    return s_.Post("/api/v1/me/plates", {{"plate", kPlate}}, Bearer(token),
                   key);
  }
  codec::Json Plates(const std::string& token) {
    return s_.Get("/api/v1/me/plates", Bearer(token)).Json()["plates"];
  }
  size_t Stays(const std::string& token) {
    return s_.Get("/api/v1/me/parking", Bearer(token)).Json()["stays"].size();
  }
  void SignInAtKiosk(const std::string& token) {
    ASSERT_EQ(s_.Post("/api/v1/kiosk/sign-in", {{"code", s_.MemberCode(token)}},
                      kKiosk)
                  .status,
              200);
  }
  HttpReply ByTicket(const std::string& token, const std::string& ticket,
                     const std::string& key) {
    return s_.Post("/api/v1/kiosk/plates",
                   {{"member_id", s_.MemberId(token)},
                    {"plate", kPlate},
                    {"ticket", ticket}},
                   kKiosk, key);
  }
  TestServer s_;
  std::string owner_, stranger_, admin_;
};

TEST_F(PlatesApiTest, AClaimShowsNothingOfTheCarAndKeepsNoOneOut) {
  HttpReply claimed = Claim(stranger_, "c1");
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  EXPECT_EQ(claimed.Json()["status"], "pending");
  EXPECT_EQ(claimed.Json()["plate"], "沪A***72");
  EXPECT_EQ(Stays(stranger_), 0u);  // no mall, bay or entry time
  ASSERT_EQ(Plates(stranger_).size(), 1u);
  EXPECT_EQ(Plates(stranger_)[0]["status"], "pending");
  // The owner is not told another claimed it first.
  HttpReply mine = Claim(owner_, "c2");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.Json()["status"], "pending");
  // Withdrawn, the claim is gone.
  EXPECT_EQ(s_.Send("DELETE",
                    "/api/v1/me/plates/" +
                        claimed.Json()["plate_id"].get<std::string>(),
                    nullptr, Bearer(stranger_), "d1")
                .status,
            200);
  EXPECT_EQ(Plates(stranger_).size(), 0u);
}

TEST_F(PlatesApiTest, TheEntryTicketProvesThePlateAtAKiosk) {
  ASSERT_EQ(Claim(owner_, "c1").status, 201);
  // Not signed in at the kiosk: it may not act for the member.
  EXPECT_EQ(ByTicket(owner_, kTicket, "k0").status, 403);
  SignInAtKiosk(owner_);
  EXPECT_EQ(ByTicket(owner_, "WRONG0000", "k1").status, 409);
  EXPECT_EQ(ByTicket(owner_, "short", "k2").status, 400);
  EXPECT_EQ(Stays(owner_), 0u);
  HttpReply proven = ByTicket(owner_, "t0009x7q2", "k3");  // any case
  ASSERT_EQ(proven.status, 200) << proven.body;
  EXPECT_EQ(proven.Json()["plate_status"], "verified");
  ASSERT_EQ(Plates(owner_).size(), 1u);
  EXPECT_EQ(Plates(owner_)[0]["status"], "verified");
  EXPECT_EQ(Stays(owner_), 1u);
  // Someone else holding a ticket of the car does not take the plate: the
  // licence settles it.
  SignInAtKiosk(stranger_);
  HttpReply taken = ByTicket(stranger_, kTicket, "k4");
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.Json()["error"]["code"], "ALREADY_EXISTS");
  EXPECT_EQ(Stays(stranger_), 0u);
}

TEST_F(PlatesApiTest, TheServiceDeskSettlesADisputeByTheLicence) {
  const std::string stranger_id = s_.MemberId(stranger_);
  ASSERT_EQ(s_.Post("/api/v1/operator/plates",
                    {{"member_id", stranger_id}, {"plate", kPlate}},
                    Bearer(admin_), "l1")
                .status,
            200);
  EXPECT_EQ(Stays(stranger_), 1u);
  ASSERT_EQ(Claim(owner_, "c1").status, 201);
  HttpReply waiting = s_.Get("/api/v1/operator/plate-claims", Bearer(admin_));
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  ASSERT_EQ(waiting.Json()["claims"].size(), 1u);
  const codec::Json claim = waiting.Json()["claims"][0];
  EXPECT_EQ(claim["held_by_another"], true);
  EXPECT_EQ(claim["plate"], "沪A***72");
  EXPECT_EQ(claim["phone"], "139****5678");
  EXPECT_EQ(waiting.body.find("13912345678"), std::string::npos);
  // Marketing does not staff the service desk.
  const std::string marketing =
      s_.OperatorToken("marketing", "demo-marketing-pass");
  EXPECT_EQ(s_.Get("/api/v1/operator/plate-claims", Bearer(marketing)).status,
            403);
  HttpReply moved =
      s_.Post("/api/v1/operator/plates",
              {{"member_id", claim["member_id"]}, {"plate", kPlate}},
              Bearer(admin_), "l2");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["moved_from_another_account"], true);
  EXPECT_EQ(Stays(owner_), 1u);
  EXPECT_EQ(Stays(stranger_), 0u);
  EXPECT_EQ(Plates(stranger_).size(), 0u);
  EXPECT_EQ(s_.Get("/api/v1/operator/plate-claims", Bearer(admin_))
                .Json()["claims"]
                .size(),
            0u);
}

// Through the sync push, too, a member pays only for a plate proven theirs.
TEST_F(PlatesApiTest, AMemberPaysOnlyForAPlateProvenTheirs) {
  HttpReply claimed = Claim(stranger_, "c1");
  ASSERT_EQ(claimed.status, 201);
  const std::string member = s_.MemberId(stranger_);
  const codec::Json op = {
      {"v", 1},
      {"id", "member:" + member + ":2"},
      {"origin", "member:" + member},
      {"seq", 2},
      {"type", "park_pay"},
      {"at", FormatIso8601(s_.Now())},
      {"payload",
       {{"mall_id", "m-xinjie"},
        {"member_id", member},
        {"plate",
         {{"value", claimed.Json()["plate_id"]}, {"display", "沪A***72"}}},
        {"due_fen", 0}}}};
  HttpReply r =
      s_.Post("/api/v1/sync/push", {{"operations", {op}}}, Bearer(stranger_));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["results"][0]["applied"], false);
  EXPECT_EQ(r.Json()["results"][0]["error"]["code"], "PERMISSION_DENIED");
}

TEST_F(PlatesApiTest, AGatesTicketIsLettersAndDigits) {
  EXPECT_EQ(s_.Post("/api/v1/parking/entries",
                    {{"plate", "沪B12345"}, {"ticket", "T-1"}}, kGate, "in-2")
                .status,
            400);
}

}  // namespace
}  // namespace atrium::testing
