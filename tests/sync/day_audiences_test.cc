// Whom a business day concerns, for the campaign engine's day: birthdays
// (29 February in a common year), lapses since the last visit (found on
// one day only), and points about to expire (the window's ends).
#include "atrium/sync/day_audiences.h"

#include <gtest/gtest.h>

#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const MemberId kM1("M1");
const MemberId kM2("M2");

Date D(const char* text) { return *ParseDate(text); }

class DayAudiencesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 6)); }
  void Apply(const Operation& op, Timestamp at) {
    StatusOr<Effects> fx = sync::Apply(state_, op, at);
    ASSERT_TRUE(fx.ok()) << op.type << ": " << fx.status().ToString();
  }
  void SetBirthday(const std::string& member, const std::string& birthday) {
    Apply(Op("bd-" + member, "member:" + member, "update_profile",
             {{"member_id", member}, {"birthday", birthday}}),
          testing::kOpsNow);
  }
  // `member` buys for ¥500 at `at` (local time in the text).
  void Buy(const std::string& member, const std::string& id,
           const char* local) {
    const Timestamp at = *ParseIso8601(local);
    Apply(Op(id, "device:pos-01", "earn",
             {{"receipt",
               {{"id", id},
                {"member_id", member},
                {"mall_id", "m-xinjie"},
                {"store_id", "s-101"},
                {"at", FormatIso8601(at)},
                {"lines",
                 {{{"category", "food_drink"}, {"amount_fen", 50000}}}}}}},
             at),
          at);
  }
  void Erase(const std::string& member) {
    Apply(Op("erase-" + member, "member:" + member, "erase_member",
             {{"member_id", member}}),
          testing::kOpsNow.PlusSeconds(60));
  }

  GroupState state_{testing::DemoProgram()};
};

TEST_F(DayAudiencesTest, BirthdaysFallOnTheirDayAndLeapDaysOnTheTwentyEighth) {
  SetBirthday("M1", "02-29");
  SetBirthday("M2", "02-28");
  SetBirthday("M3", "03-01");
  SetBirthday("M4", "12-31");
  SetBirthday("M5", "02-29");
  Erase("M5");  // an erased member has no birthday any more
  const struct {
    const char* day;
    std::vector<MemberId> expected;
  } cases[] = {
      {"2027-02-28", {kM1, kM2}},  // a common year: 29 February's too
      {"2027-03-01", {MemberId("M3")}},
      {"2028-02-28", {kM2}},  // a leap year: each on its own day
      {"2028-02-29", {kM1}},
      {"2028-03-01", {MemberId("M3")}},
      {"2026-12-31", {MemberId("M4")}},
      {"2027-01-01", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(BirthdaysOn(state_, D(c.day)), c.expected) << c.day;
  }
}

TEST_F(DayAudiencesTest, ALapseIsFoundOnTheOneDayItReachesItsLength) {
  // Registered on 8 April (16:00 in the mall); M1 buys on 1 May, late in
  // the evening (the business day is the mall's).
  Buy("M1", "R1", "2026-05-01T23:30:00+08:00");
  EXPECT_EQ(LapsedOn(state_, D("2026-05-31"), 30), std::vector{kM1});
  EXPECT_TRUE(LapsedOn(state_, D("2026-05-30"), 30).empty());
  EXPECT_TRUE(LapsedOn(state_, D("2026-06-01"), 30).empty());
  // Who never bought lapses from their registration: everyone but M1.
  EXPECT_EQ(LapsedOn(state_, D("2026-05-08"), 30).size(), 5u);
  // Back again: the lapse starts anew from the new visit.
  Buy("M1", "R2", "2026-05-20T10:00:00+08:00");
  EXPECT_TRUE(LapsedOn(state_, D("2026-05-31"), 30).empty());
  EXPECT_EQ(LapsedOn(state_, D("2026-06-19"), 30), std::vector{kM1});
  // Out of range: nobody.
  EXPECT_TRUE(LapsedOn(state_, D("2026-05-31"), 0).empty());
  EXPECT_TRUE(LapsedOn(state_, D("2026-05-31"), kMaxAudienceDays + 1).empty());
}

TEST_F(DayAudiencesTest, PointsExpiringWithinTheWindowAfterTheDaysStart) {
  Buy("M1", "R1", "2026-05-01T12:00:00+08:00");
  Buy("M2", "R2", "2026-05-02T12:00:00+08:00");  // the same year: together
  const Lot lot = state_.accounts.at(kM1).ledger().lots().front();
  const LocalCalendar& calendar = state_.program.group.calendar;
  const Date due = calendar.BusinessDateOf(lot.expires_at);
  ASSERT_EQ(calendar.StartOfBusinessDay(due), lot.expires_at);

  // 30 days before: the window's last instant is the expiry.
  const std::vector<Expiring> soon =
      ExpiringWithin(state_, due.PlusDays(-30), 30);
  ASSERT_FALSE(soon.empty());
  EXPECT_EQ(soon.front().member, kM1);
  EXPECT_EQ(soon.front().points, lot.remaining);
  EXPECT_EQ(soon.front().first, lot.expires_at);
  // A day short of it: not yet.
  for (const Expiring& e : ExpiringWithin(state_, due.PlusDays(-30), 29)) {
    EXPECT_NE(e.member, kM1);
  }
  // On the day itself the points are the expiry job's, not a reminder's.
  for (const Expiring& e : ExpiringWithin(state_, due, 30)) {
    EXPECT_NE(e.member, kM1);
  }
  // Spent points are not reminded of.
  const auto members = [&](Date day) {
    std::vector<MemberId> out;
    for (const Expiring& e : ExpiringWithin(state_, day, 1)) {
      out.push_back(e.member);
    }
    return out;
  };
  EXPECT_EQ(members(due.PlusDays(-1)), (std::vector{kM1, kM2}));
  Apply(Op("sp-1", "member:M1", "spend_points",
           {{"member_id", "M1"}, {"points", lot.remaining}, {"ref", "gift"}}),
        *ParseIso8601("2026-06-01T12:00:00+08:00"));
  EXPECT_EQ(members(due.PlusDays(-1)), std::vector{kM2});
}

}  // namespace
}  // namespace atrium::sync
