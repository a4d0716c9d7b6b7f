// Plates through operations: a member's claim, its proof by the entry
// ticket (kiosk) or the vehicle licence (service desk), a dispute settled
// by the licence, and the limits of what waits for proof.
#include <gtest/gtest.h>

#include "atrium/parking/plate_binding.h"
#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const std::string kHash(64, 'c');
const std::string kTicket(64, 'e');

codec::Json PlateJson(const std::string& hash = kHash) {
  return {{"value", hash}, {"display", "沪A***45"}};
}

class PlateOpsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::RegisterMembers(state_, 2));
    ASSERT_TRUE(Do(Op("in", "device:gate-b2", "park_enter",
                      {{"mall_id", "m-xinjie"},
                       {"plate", PlateJson()},
                       {"ticket", kTicket}}))
                    .ok());
  }
  StatusOr<Effects> Do(const Operation& op) { return Apply(state_, op, kNow); }
  StatusOr<Effects> Claim(const char* member, const std::string& hash = kHash) {
    return Do(
        Op(std::string("claim-") + member + hash.substr(0, 2),
           std::string("member:") + member, "link_identity",
           {{"member_id", member},
            {"identity",
             {{"kind", "plate"}, {"value", hash}, {"display", "沪A***45"}}}}));
  }
  StatusOr<Effects> ByTicket(const char* member, const std::string& ticket) {
    return Do(Op("t", "device:api", "verify_plate",
                 {{"member_id", member},
                  {"mall_id", "m-xinjie"},
                  {"plate", PlateJson()},
                  {"proof", "ticket"},
                  {"ticket", ticket}}));
  }
  StatusOr<Effects> ByLicence(const char* member) {
    return Do(Op(
        "l", "operator:desk", "verify_plate",
        {{"member_id", member}, {"plate", PlateJson()}, {"proof", "licence"}}));
  }
  bool Owns(const char* member) {
    const auto it = state_.identity_owner.find("plate:" + kHash);
    return it != state_.identity_owner.end() && it->second == MemberId(member);
  }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(PlateOpsTest, TheStaysTicketProvesTheClaim) {
  ASSERT_TRUE(Claim("M1").ok());
  EXPECT_FALSE(Owns("M1"));
  EXPECT_EQ(ByTicket("M1", std::string(64, 'f')).status().code(),
            StatusCode::kFailedPrecondition);
  StatusOr<Effects> fx = ByTicket("M1", kTicket);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->result["plate_status"], "verified");
  ASSERT_TRUE(fx->identity.has_value());
  EXPECT_EQ(fx->identity->display, "沪A***45");
  EXPECT_TRUE(Owns("M1"));
  EXPECT_FALSE(state_.plate_claims.contains(kHash));  // the claim is done
  // Claiming a plate already proven theirs says so.
  StatusOr<Effects> again = Claim("M1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->result["plate_status"], "verified");
}

TEST_F(PlateOpsTest, NoTicketAfterTheCarLeftOrWithoutOne) {
  ASSERT_TRUE(Do(Op("out", "device:gate-b2", "park_exit",
                    {{"mall_id", "m-xinjie"}, {"plate", PlateJson()}}))
                  .ok());
  EXPECT_EQ(ByTicket("M1", kTicket).status().code(),
            StatusCode::kFailedPrecondition);
  // A stay the gate gave no ticket for proves nothing by ticket.
  const std::string other(64, 'd');
  ASSERT_TRUE(Do(Op("in2", "device:gate-b2", "park_enter",
                    {{"mall_id", "m-xinjie"}, {"plate", PlateJson(other)}}))
                  .ok());
  codec::Json p = {{"member_id", "M1"},
                   {"mall_id", "m-xinjie"},
                   {"plate", PlateJson(other)},
                   {"proof", "ticket"},
                   {"ticket", std::string(64, '0')}};
  EXPECT_EQ(Do(Op("t2", "device:api", "verify_plate", p)).status().code(),
            StatusCode::kFailedPrecondition);
  p["proof"] = "hunch";
  EXPECT_EQ(Do(Op("t3", "device:api", "verify_plate", p)).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(PlateOpsTest, OnlyTheLicenceTakesAPlateFromItsHolder) {
  ASSERT_TRUE(ByLicence("M2").ok());
  ASSERT_TRUE(Claim("M1").ok());  // the real owner's claim still goes in
  EXPECT_EQ(ByTicket("M1", kTicket).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_TRUE(Owns("M2"));
  StatusOr<Effects> moved = ByLicence("M1");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->result["moved_from_another_account"], true);
  EXPECT_TRUE(Owns("M1"));
}

TEST_F(PlateOpsTest, ClaimsWaitingAreLimitedAndGoWithTheMember) {
  for (size_t i = 0; i < kMaxPlatesPerMember; ++i) {
    ASSERT_TRUE(Claim("M1", std::string(64, static_cast<char>('0' + i))).ok());
  }
  EXPECT_EQ(Claim("M1", std::string(64, '9')).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_TRUE(Claim("M2", std::string(64, '9')).ok());
  ASSERT_TRUE(
      Do(Op("erase", "member:M1", "erase_member", {{"member_id", "M1"}})).ok());
  for (const auto& [hash, claims] : state_.plate_claims) {
    for (const PlateClaim& c : claims) EXPECT_NE(c.member, MemberId("M1"));
  }
  EXPECT_TRUE(state_.plate_claims.contains(std::string(64, '9')));
}

// A plate named at registration is a claim too.
TEST_F(PlateOpsTest, ARegistrationsPlateIsAClaim) {
  ASSERT_TRUE(ByLicence("M2").ok());
  StatusOr<Effects> fx = Do(
      Op("r", "member:M9", "register",
         {{"member_id", "M9"},
          {"phone", "13800000099"},
          {"identity",
           {{"kind", "plate"}, {"value", kHash}, {"display", "沪A***45"}}}}));
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->result["plate_status"], "pending");
  EXPECT_TRUE(Owns("M2"));
}

// Paying at the exit is the proven holder's to allow, and stops when the
// plate is no longer theirs.
TEST_F(PlateOpsTest, OnlyTheHolderLetsThePlatePayAtTheExitUntilItMoves) {
  auto allow = [&](const char* member, int64_t limit) {
    return Do(Op(std::string("ap-") + member + std::to_string(limit),
                 std::string("member:") + member, "set_auto_pay",
                 {{"member_id", member},
                  {"plate", {{"value", kHash}}},
                  {"limit_fen", limit}}));
  };
  EXPECT_EQ(allow("M1", 5000).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(ByLicence("M1").ok());
  StatusOr<Effects> on = allow("M1", 5000);
  ASSERT_TRUE(on.ok()) << on.status().ToString();
  EXPECT_EQ(state_.auto_pay.at(kHash).member, MemberId("M1"));
  EXPECT_EQ(state_.auto_pay.at(kHash).limit, Money::Fen(5000));
  EXPECT_EQ(state_.auto_pay.at(kHash).agreement, on->result["agreement"]);
  EXPECT_EQ(allow("M1", kMaxAutoPayFen + 1).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(allow("M2", 5000).status().code(), StatusCode::kFailedPrecondition);
  // The licence moves the plate to M2: M1's permission goes with it.
  ASSERT_TRUE(ByLicence("M2").ok());
  EXPECT_FALSE(state_.auto_pay.contains(kHash));
  ASSERT_TRUE(allow("M2", 8000).ok());
  ASSERT_TRUE(allow("M2", 0).ok());
  EXPECT_FALSE(state_.auto_pay.contains(kHash));
}

}  // namespace
}  // namespace atrium::sync
