// A member's visit at a guide kiosk over a desk the test plays: sign in by
// code, the offers as the desk judges them, what was taken and how it
// stands, and the next member's scan ending the visit.
#include "model/member_visit.h"

#include <gtest/gtest.h>

#include <map>

namespace atrium::kiosk {
namespace {

// Members M1 (1,000 points) and M2; a free coupon and one for 800 points.
class FakeDesk : public MemberDesk {
 public:
  StatusOr<KioskMember> SignIn(std::string_view code) override {
    if (code == "code-M1") return Member(MemberId("M1"));
    if (code == "code-M2") return Member(MemberId("M2"));
    return InvalidArgument("not a member code");
  }
  StatusOr<KioskMember> Member(const MemberId& m) override {
    return KioskMember{m, "139****0001", "银卡", points[m]};
  }
  std::vector<Offer> Offers(const MemberId& m) override {
    std::vector<Offer> out = {{TemplateId("free"), "新人礼", 0, Status::Ok()},
                              {TemplateId("pts"), "拿铁券", 800, Status::Ok()}};
    if (points[m] < 800) out[1].can = FailedPrecondition("not enough points");
    return out;
  }
  StatusOr<std::string> Take(const MemberId& m,
                             const TemplateId& offer) override {
    if (offline_without_escrow) return Unavailable("offline");
    if (offer.value() == "pts") points[m] -= 800;
    const std::string id = "op-" + std::to_string(++ops);
    outcomes[id] = {};
    return id;
  }
  Outcome OutcomeOf(const std::string& id) override { return outcomes[id]; }
  std::vector<CouponTemplate> Coupons() override { return {}; }
  SyncState sync_state() override { return {true, true, 0, 0}; }

  std::map<MemberId, int64_t> points = {{MemberId("M1"), 1000}};
  std::map<std::string, Outcome> outcomes;
  int ops = 0;
  bool offline_without_escrow = false;
};

TEST(MemberVisitTest, AMemberTakesWhatTheyMayAndSeesHowItStands) {
  FakeDesk desk;
  MemberVisit visit(desk);
  EXPECT_EQ(visit.Take(TemplateId("free")).code(),
            StatusCode::kFailedPrecondition);  // nobody signed in
  EXPECT_EQ(visit.SignIn("hello").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(visit.member(), nullptr);
  EXPECT_TRUE(visit.scan_failed());  // the screen says the code, not a coupon

  ASSERT_TRUE(visit.SignIn("code-M1").ok());
  EXPECT_EQ(visit.member()->usable_points, 1000);
  ASSERT_EQ(visit.offers().size(), 2u);
  ASSERT_TRUE(visit.Take(TemplateId("pts")).ok());
  EXPECT_EQ(visit.member()->usable_points, 200);  // the card follows
  // Now short of points: refused before the desk is asked.
  EXPECT_EQ(visit.Take(TemplateId("pts")).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(desk.ops, 1);
  EXPECT_FALSE(visit.scan_failed());
  EXPECT_EQ(visit.Take(TemplateId("gone")).code(), StatusCode::kNotFound);
  ASSERT_TRUE(visit.Take(TemplateId("free")).ok());
  EXPECT_TRUE(visit.error().ok());

  desk.outcomes["op-1"] = {Outcome::State::kDone, ""};
  desk.outcomes["op-2"] = {Outcome::State::kRefused, "sold out"};
  const std::vector<MemberVisit::Taken> taken = visit.taken();
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].name, "新人礼");  // newest first
  EXPECT_EQ(taken[0].outcome.state, Outcome::State::kRefused);
  EXPECT_EQ(taken[0].outcome.why, "sold out");
  EXPECT_EQ(taken[1].outcome.state, Outcome::State::kDone);
}

TEST(MemberVisitTest, OfflineWithoutAnEscrowTakesNothing) {
  FakeDesk desk;
  MemberVisit visit(desk);
  ASSERT_TRUE(visit.SignIn("code-M1").ok());
  desk.offline_without_escrow = true;
  EXPECT_EQ(visit.Take(TemplateId("free")).code(), StatusCode::kUnavailable);
  EXPECT_EQ(visit.error().code(), StatusCode::kUnavailable);
  EXPECT_TRUE(visit.taken().empty());
}

TEST(MemberVisitTest, TheNextScanOrSignOutEndsTheVisit) {
  FakeDesk desk;
  MemberVisit visit(desk);
  ASSERT_TRUE(visit.SignIn("code-M1").ok());
  ASSERT_TRUE(visit.Take(TemplateId("free")).ok());
  // A bad scan leaves the visit as it was.
  EXPECT_FALSE(visit.SignIn("nonsense").ok());
  EXPECT_EQ(visit.member()->id, MemberId("M1"));
  ASSERT_TRUE(visit.SignIn("code-M2").ok());
  EXPECT_EQ(visit.member()->id, MemberId("M2"));
  EXPECT_TRUE(visit.taken().empty());  // M1's are not M2's to see
  EXPECT_EQ(visit.offers()[1].can.code(), StatusCode::kFailedPrecondition);
  visit.SignOut();
  EXPECT_EQ(visit.member(), nullptr);
  EXPECT_TRUE(visit.offers().empty());
}

}  // namespace
}  // namespace atrium::kiosk
