// The day's jobs as operations: points expire at the first day's start at
// or after their expiry instant, tiers fall after their grace, and the days
// missed are caught up one by one.
#include <gtest/gtest.h>

#include "atrium/sync/apply.h"
#include "atrium/sync/day_jobs.h"
#include "shared_files.h"
#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

const MemberId kM1("M1");

class DayJobOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterMembers(state_, 2)); }
  // M1 spends `fen` at the main mall at `at`.
  void Spend(const std::string& id, int64_t fen, Timestamp at) {
    StatusOr<Effects> fx = Apply(
        state_,
        Op(id, "device:pos-01", "earn",
           {{"receipt",
             {{"id", id},
              {"member_id", "M1"},
              {"mall_id", "m-xinjie"},
              {"store_id", "s-101"},
              {"at", FormatIso8601(at)},
              {"lines", {{{"category", "food_drink"}, {"amount_fen", fen}}}}}}},
           at),
        at);
    ASSERT_TRUE(fx.ok()) << fx.status().ToString();
  }
  StatusOr<Effects> RunJob(std::string_view job, Date day, Timestamp now) {
    return Apply(state_, DayJobOperation(job, day, now), now);
  }
  const MemberAccount& M1() const { return state_.accounts.at(kM1); }
  const LocalCalendar& Calendar() const {
    return state_.program.group.calendar;
  }

  GroupState state_{testing::DemoProgram()};
};

TEST_F(DayJobOpsTest, PointsExpireAtTheDayWhoseStartReachesTheirExpiry) {
  Spend("R1", 50000, testing::kOpsNow);
  ASSERT_EQ(M1().ledger().lots().size(), 1u);
  const Lot lot = M1().ledger().lots().front();
  const Date day = Calendar().BusinessDateOf(lot.expires_at);
  ASSERT_EQ(Calendar().StartOfBusinessDay(day), lot.expires_at);

  // The day before: its start is a day short of the expiry.
  const Timestamp eve = Calendar().StartOfBusinessDay(day.PlusDays(-1));
  StatusOr<Effects> before =
      RunJob("expire_points", day.PlusDays(-1), eve.PlusSeconds(60));
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_TRUE(before->member_entries.empty());
  EXPECT_EQ(M1().ledger().BalanceAt(eve).usable, lot.points);

  // The day it expires, run an hour into it: all of the lot, recorded then.
  const Timestamp ran = lot.expires_at.PlusSeconds(3600);
  StatusOr<Effects> on = RunJob("expire_points", day, ran);
  ASSERT_TRUE(on.ok()) << on.status().ToString();
  ASSERT_EQ(on->member_entries.size(), 1u);
  EXPECT_EQ(on->member_entries[0].first, kM1);
  const LedgerEntry& e = on->member_entries[0].second.at(0);
  EXPECT_EQ(e.kind, EntryKind::kExpire);
  EXPECT_EQ(e.points, -lot.points);
  EXPECT_EQ(e.at, ran);
  EXPECT_EQ(on->result["points"], lot.points);
  EXPECT_TRUE(on->everyone);  // every replica applies it to its members
  EXPECT_EQ(M1().ledger().BalanceAt(ran).total(), 0);
  EXPECT_TRUE(PointsLedger::FromEntries(M1().ledger().entries()).ok());

  // Again (a second node, a replay): nothing more.
  StatusOr<Effects> again = RunJob("expire_points", day, ran);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->member_entries.empty());
}

TEST_F(DayJobOpsTest, ALateRunExpiresOnlyWhatWasDueByItsDay) {
  Spend("R1", 50000, testing::kOpsNow);
  const Lot lot = M1().ledger().lots().front();
  const Date day = Calendar().BusinessDateOf(lot.expires_at);
  // Run three days late, after a later purchase: the day before the
  // expiry still expires nothing.
  const Timestamp late = lot.expires_at.PlusSeconds(3 * kSecondsPerDay);
  Spend("R2", 10000, late.PlusSeconds(-60));
  StatusOr<Effects> before = RunJob("expire_points", day.PlusDays(-1), late);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_TRUE(before->member_entries.empty());
  StatusOr<Effects> on = RunJob("expire_points", day, late);
  ASSERT_TRUE(on.ok()) << on.status().ToString();
  ASSERT_EQ(on->member_entries.size(), 1u);
  EXPECT_EQ(on->member_entries[0].second.at(0).points, -lot.points);
}

TEST_F(DayJobOpsTest, AGoldMemberWhoStopsShoppingFallsAfterTheGrace) {
  // ¥20,000 in 2026: Gold at once.
  Spend("R1", 2'000'000, testing::kOpsNow);
  ASSERT_EQ(M1().tier().tier, TierId("gold"));
  // 1 January 2027 looks back on 2026: still Gold.
  const Date jan27{2027, 1, 1};
  ASSERT_TRUE(RunJob("review_tiers", jan27,
                     Calendar().StartOfBusinessDay(jan27).PlusSeconds(60))
                  .ok());
  EXPECT_EQ(M1().tier().tier, TierId("gold"));
  // 1 January 2028 looks back on an empty 2027: a downgrade, after 30
  // days' grace, by one level (max_levels_down).
  const Date jan28{2028, 1, 1};
  StatusOr<Effects> eval =
      RunJob("review_tiers", jan28,
             Calendar().StartOfBusinessDay(jan28).PlusSeconds(60));
  ASSERT_TRUE(eval.ok()) << eval.status().ToString();
  EXPECT_EQ(M1().tier().tier, TierId("gold"));
  ASSERT_TRUE(M1().tier().grace_until.has_value());
  const Date in_grace = jan28.PlusDays(29);
  ASSERT_TRUE(RunJob("review_tiers", in_grace,
                     Calendar().StartOfBusinessDay(in_grace).PlusSeconds(60))
                  .ok());
  EXPECT_EQ(M1().tier().tier, TierId("gold"));
  const Date after = jan28.PlusDays(31);
  StatusOr<Effects> fell =
      RunJob("review_tiers", after,
             Calendar().StartOfBusinessDay(after).PlusSeconds(60));
  ASSERT_TRUE(fell.ok()) << fell.status().ToString();
  EXPECT_EQ(M1().tier().tier, TierId("silver"));
  ASSERT_EQ(fell->reviewed, std::vector<MemberId>{kM1});
  EXPECT_EQ(M1().tier().history.back().from, TierId("gold"));
  EXPECT_EQ(M1().tier().history.back().to, TierId("silver"));
}

TEST_F(DayJobOpsTest, ADayNotBegunOrAnUnknownJobIsRefused) {
  const Date day{2026, 4, 9};  // begins at 2026-04-08T16:00Z
  EXPECT_EQ(RunJob("expire_points", day, testing::kOpsNow).status().code(),
            StatusCode::kFailedPrecondition);
  Operation odd = DayJobOperation("expire_points", day, testing::kOpsNow);
  odd.payload["job"] = "send_birthday_cards";
  EXPECT_EQ(Apply(state_, odd, testing::kOpsNow.PlusSeconds(kSecondsPerDay))
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(DaysDueTest, CatchesUpDayByDayFromTheLastDayDone) {
  const Date today{2026, 12, 3};
  struct Case {
    const char* name;
    std::vector<Date> done;
    std::vector<Date> due;
  };
  const std::vector<Case> cases = {
      {"today done", {today}, {}},
      {"yesterday done", {today.PlusDays(-1)}, {today}},
      {"three days missed",
       {today.PlusDays(-4)},
       {today.PlusDays(-3), today.PlusDays(-2), today.PlusDays(-1), today}},
      {"never run", {}, {today}},
      {"last run too long ago", {today.PlusDays(-kMaxCatchUpDays)}, {today}},
  };
  for (const Case& c : cases) {
    const std::vector<Date> due = DaysDue(today, [&](Date d) {
      return std::find(c.done.begin(), c.done.end(), d) != c.done.end();
    });
    EXPECT_EQ(due, c.due) << c.name;
  }
}

TEST(DaysDueTest, AJobsIdNamesTheJobAndTheDay) {
  Operation op =
      DayJobOperation("review_tiers", Date{2026, 12, 3}, testing::kOpsNow);
  EXPECT_EQ(op.id, "day:review_tiers:2026-12-03");
  op.seq = 1;  // as the server's writer numbers it
  EXPECT_TRUE(Validate(op).ok()) << Validate(op).ToString();
}

}  // namespace
}  // namespace atrium::sync
