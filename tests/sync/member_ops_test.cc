// A member's own data through operations: the profile and consents they
// keep, and unbinding an identity.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const Timestamp kNow = testing::kOpsNow;
const codec::Json kPlate = {{"kind", "plate"},
                            {"value", std::string(64, 'a')},
                            {"display", "沪A***45"}};

class MemberOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 2)); }
  StatusCode Code(const Operation& op) {
    return Apply(state_, op, kNow).status().code();
  }
  const Member& M1() { return *state_.directory.Find(MemberId("M1")); }
  GroupState state_{testing::DemoProgram()};
};

TEST_F(MemberOpsTest, TheProfileIsReplacedWholeByItsMemberOnly) {
  const codec::Json profile = {{"member_id", "M1"},
                               {"name", "林小姐"},
                               {"birthday", "02-29"},
                               {"consent_marketing", true}};
  EXPECT_EQ(Code(Op("p0", "member:M2", "update_profile", profile)),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Code(Op("p0", "operator:console", "update_profile", profile)),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> fx =
      Apply(state_, Op("p1", "member:M1", "update_profile", profile), kNow);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  ASSERT_TRUE(fx->updated.has_value());
  EXPECT_EQ(M1().profile.name, "林小姐");
  EXPECT_EQ(M1().profile.birthday, (MonthDay{2, 29}));
  EXPECT_TRUE(M1().consents.marketing);
  EXPECT_FALSE(M1().consents.profiling);
  // The account shows the same member (the card reads it).
  EXPECT_EQ(state_.accounts.at(MemberId("M1")).member().profile.name, "林小姐");

  // What is left out is cleared: consent withdrawn, birthday removed.
  ASSERT_TRUE(Apply(state_,
                    Op("p2", "member:M1", "update_profile",
                       {{"member_id", "M1"}, {"name", "林小姐"}}),
                    kNow)
                  .ok());
  EXPECT_FALSE(M1().consents.marketing);
  EXPECT_FALSE(M1().profile.birthday.has_value());
}

TEST_F(MemberOpsTest, BadProfilesChangeNothing) {
  for (const codec::Json& bad :
       {codec::Json{{"member_id", "M1"}, {"birthday", "02-30"}},
        codec::Json{{"member_id", "M1"}, {"birthday", "1990-02-01"}},
        codec::Json{{"member_id", "M1"}, {"name", std::string(65, 'x')}},
        codec::Json{{"member_id", "M1"}, {"name", "a\nb"}},
        codec::Json{{"member_id", "M1"}, {"consent_marketing", "yes"}},
        codec::Json{{"member_id", "M1"}, {"phone", "13900000000"}}}) {
    EXPECT_EQ(Code(Op("bad", "member:M1", "update_profile", bad)),
              StatusCode::kInvalidArgument)
        << bad.dump();
  }
  EXPECT_EQ(Code(Op("nobody", "member:M9", "update_profile",
                    {{"member_id", "M9"}, {"name", "x"}})),
            StatusCode::kNotFound);
  EXPECT_TRUE(M1().profile.name.empty());
}

TEST_F(MemberOpsTest, AnIdentityIsUnlinkedOnlyByItsMember) {
  // The service desk saw the licence: the plate is M1's.
  ASSERT_TRUE(
      Apply(state_,
            Op("l1", "operator:desk", "verify_plate",
               {{"member_id", "M1"},
                {"plate",
                 {{"value", kPlate["value"]}, {"display", kPlate["display"]}}},
                {"proof", "licence"}}),
            kNow)
          .ok());
  // M2 cannot unbind M1's plate, and learns nothing of whose it is.
  EXPECT_EQ(Code(Op("u0", "member:M2", "unlink_identity",
                    {{"member_id", "M2"}, {"identity", kPlate}})),
            StatusCode::kNotFound);
  EXPECT_EQ(Code(Op("u0", "member:M2", "unlink_identity",
                    {{"member_id", "M1"}, {"identity", kPlate}})),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> fx = Apply(state_,
                               Op("u1", "member:M1", "unlink_identity",
                                  {{"member_id", "M1"}, {"identity", kPlate}}),
                               kNow);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  EXPECT_EQ(fx->unlinked->Key(), "plate:" + std::string(64, 'a'));
  EXPECT_FALSE(state_.identity_owner.contains(fx->unlinked->Key()));
  // Unlinked twice: nothing to unlink. Then M2 may bind the car.
  EXPECT_EQ(Code(Op("u2", "member:M1", "unlink_identity",
                    {{"member_id", "M1"}, {"identity", kPlate}})),
            StatusCode::kNotFound);
  EXPECT_EQ(Code(Op("l2", "member:M2", "link_identity",
                    {{"member_id", "M2"}, {"identity", kPlate}})),
            StatusCode::kOk);
}

TEST_F(MemberOpsTest, ErasingFreesThePhoneAndKeepsTheAccount) {
  ASSERT_TRUE(Apply(state_,
                    Op("l1", "member:M1", "link_identity",
                       {{"member_id", "M1"}, {"identity", kPlate}}),
                    kNow)
                  .ok());
  EXPECT_EQ(Code(Op("e0", "member:M2", "erase_member", {{"member_id", "M1"}})),
            StatusCode::kPermissionDenied);
  StatusOr<Effects> fx =
      Apply(state_,
            Op("e1", "member:M1", "erase_member", {{"member_id", "M1"}}), kNow);
  ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  ASSERT_TRUE(fx->erased.has_value());
  EXPECT_TRUE(M1().phone.empty());
  EXPECT_TRUE(M1().erased_at.has_value());
  EXPECT_FALSE(state_.identity_owner.contains("plate:" + std::string(64, 'a')));
  EXPECT_TRUE(state_.accounts.contains(MemberId("M1")));
  EXPECT_EQ(state_.accounts.at(MemberId("M1")).member().erased_at,
            M1().erased_at);
  // The phone registers anew; the erased member changes no more.
  EXPECT_EQ(Code(Op("r", "device:desk", "register",
                    {{"member_id", "M9"}, {"phone", "13800000001"}})),
            StatusCode::kOk);
  EXPECT_EQ(Code(Op("p", "member:M1", "update_profile",
                    {{"member_id", "M1"}, {"name", "x"}})),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Code(Op("e2", "member:M1", "erase_member", {{"member_id", "M1"}})),
            StatusCode::kOk);  // again: nothing more to erase
}

}  // namespace
}  // namespace atrium::sync
