#include "atrium/members/tier.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

TierPolicy DemoTiers(QualifyMode mode = QualifyMode::kSpendOrVisits) {
  TierPolicy p;
  p.levels = {
      {TierId("normal"), "普通", "Normal", Money(), 0, 0},
      {TierId("silver"), "银卡", "Silver", Money::Yuan(5000), 12, 60},
      {TierId("gold"), "金卡", "Gold", Money::Yuan(20000), 36, 120},
      {TierId("diamond"), "钻石", "Diamond", Money::Yuan(80000), 72, 240}};
  p.mode = mode;
  p.evaluation_days = {MonthDay{1, 1}};
  p.grace_days = 30;
  p.max_levels_down = 1;
  return p;
}

TEST(TierPolicyTest, ThresholdsAreReachedExactly) {
  const TierPolicy p = DemoTiers();
  ASSERT_TRUE(p.Validate().ok());
  const struct {
    int64_t fen;
    int32_t visits;
    const char* level;
  } cases[] = {
      {0, 0, "normal"},     {499999, 11, "normal"},  {500000, 0, "silver"},
      {0, 12, "silver"},    {1999999, 35, "silver"}, {2000000, 0, "gold"},
      {0, 36, "gold"},      {7999999, 71, "gold"},   {8000000, 0, "diamond"},
      {100, 72, "diamond"},
  };
  for (const auto& c : cases) {
    const int q = QualifiedLevel(p, {Money::Fen(c.fen), c.visits});
    EXPECT_EQ(p.levels[q].id.value(), c.level) << c.fen << " fen, " << c.visits;
  }
}

TEST(TierPolicyTest, SpendAndVisitsNeedsBoth) {
  const TierPolicy p = DemoTiers(QualifyMode::kSpendAndVisits);
  EXPECT_EQ(QualifiedLevel(p, {Money::Yuan(5000), 11}), 0);
  EXPECT_EQ(QualifiedLevel(p, {Money::Yuan(4999), 12}), 0);
  EXPECT_EQ(QualifiedLevel(p, {Money::Yuan(5000), 12}), 1);
}

TEST(TierPolicyTest, RejectsContradictoryPolicies) {
  TierPolicy empty;
  empty.evaluation_days = {MonthDay{1, 1}};
  EXPECT_FALSE(empty.Validate().ok());
  TierPolicy p = DemoTiers();
  p.levels[0].min_spend = Money::Yuan(1);
  EXPECT_FALSE(p.Validate().ok()) << "lowest level with a threshold";
  p = DemoTiers();
  p.levels[2].min_spend = Money::Yuan(4000);
  EXPECT_FALSE(p.Validate().ok()) << "falling threshold";
  p = DemoTiers();
  p.levels[2] = p.levels[1];
  EXPECT_FALSE(p.Validate().ok()) << "repeated level";
  p = DemoTiers();
  p.evaluation_days.clear();
  EXPECT_FALSE(p.Validate().ok()) << "no evaluation day";
  p = DemoTiers();
  p.evaluation_days = {MonthDay{2, 29}};
  EXPECT_FALSE(p.Validate().ok()) << "29 February as evaluation day";
  p = DemoTiers();
  p.grace_days = -1;
  EXPECT_FALSE(p.Validate().ok());
}

TEST(RollingActivityTest, WindowIsTwelveMonthsIncludingToday) {
  const LocalCalendar cal;
  const std::vector<SpendRecord> records = {
      {Local("2025-06-15 23:59:59"), Money::Yuan(1)},     // a day too early
      {Local("2025-06-16 00:00:00"), Money::Yuan(10)},    // first day
      {Local("2026-06-15 11:00:00"), Money::Yuan(100)},   // today
      {Local("2026-06-15 12:00:01"), Money::Yuan(1000)},  // after `at`
  };
  const Activity a =
      RollingActivity(records, cal, Local("2026-06-15 12:00:00"));
  EXPECT_EQ(a.spend, Money::Yuan(110));
  EXPECT_EQ(a.visits, 2);
}

TEST(RollingActivityTest, LeapDayWindows) {
  const LocalCalendar cal;
  const std::vector<SpendRecord> records = {
      {Local("2024-02-29 10:00:00"), Money::Yuan(1)},
      {Local("2023-02-28 10:00:00"), Money::Yuan(10)},
      {Local("2023-03-01 10:00:00"), Money::Yuan(100)},
  };
  // 2025-02-28 minus a year is 2024-02-28; the window opens a day later.
  EXPECT_EQ(RollingActivity(records, cal, Local("2025-02-28 12:00:00")).spend,
            Money::Yuan(1));
  // 2024-02-29 minus a year is 2023-02-28; the window opens on 1 March.
  EXPECT_EQ(RollingActivity(records, cal, Local("2024-02-29 12:00:00")).spend,
            Money::Yuan(101));
}

TEST(RollingActivityTest, AVisitIsADayWithPositiveNetSpend) {
  const LocalCalendar cal;
  const std::vector<SpendRecord> records = {
      {Local("2026-03-01 10:00:00"), Money::Yuan(50)},
      {Local("2026-03-01 15:00:00"), Money::Yuan(50)},  // same day
      {Local("2026-03-02 10:00:00"), Money::Yuan(80)},
      {Local("2026-03-02 10:00:00"), Money::Fen(-8000)},  // refunded in full
  };
  const Activity a =
      RollingActivity(records, cal, Local("2026-04-01 00:00:00"));
  EXPECT_EQ(a.spend, Money::Yuan(100));
  EXPECT_EQ(a.visits, 1);
}

class TierReviewTest : public ::testing::Test {
 protected:
  TierState Review(TierState s, const std::string& now) {
    StatusOr<TierState> out =
        ReviewTier(policy_, cal_, std::move(s), records_, Local(now));
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? std::move(*out) : TierState{};
  }
  TierState Joined(const std::string& at) {
    return InitialTierState(policy_, Local(at));
  }

  TierPolicy policy_ = DemoTiers();
  LocalCalendar cal_;
  std::vector<SpendRecord> records_;
};

TEST_F(TierReviewTest, UpgradesAtTheQualifyingPurchase) {
  records_ = {{Local("2026-03-01 10:00:00"), Money::Yuan(3000)},
              {Local("2026-04-01 15:30:00"), Money::Yuan(2000)}};
  TierState s = Review(Joined("2026-01-01 09:00:00"), "2026-04-02 00:00:00");
  EXPECT_EQ(s.tier, TierId("silver"));
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].at, Local("2026-04-01 15:30:00"));
  EXPECT_EQ(s.history[0].from, TierId("normal"));
  EXPECT_NE(s.history[0].reason.find("¥5000.00"), std::string::npos)
      << s.history[0].reason;
}

TEST_F(TierReviewTest, ReviewingTwiceChangesNothing) {
  records_ = {{Local("2026-03-01 10:00:00"), Money::Yuan(30000)}};
  TierState once = Review(Joined("2026-01-01 09:00:00"), "2026-05-01 00:00:00");
  TierState twice = Review(once, "2026-05-01 00:00:00");
  EXPECT_EQ(twice.tier, once.tier);
  EXPECT_EQ(twice.history.size(), once.history.size());
  EXPECT_EQ(twice.reviewed_until, once.reviewed_until);
}

TEST_F(TierReviewTest, DowngradesOnlyAfterEvaluationAndGrace) {
  records_ = {{Local("2025-02-01 10:00:00"), Money::Yuan(20000)}};
  TierState s = Review(Joined("2025-01-10 09:00:00"), "2025-02-02 00:00:00");
  ASSERT_EQ(s.tier, TierId("gold"));
  // The spend leaves the window on 2026-02-01, but nothing is decided until
  // the evaluation on 2027-01-01.
  s = Review(s, "2026-12-31 23:59:59");
  EXPECT_EQ(s.tier, TierId("gold"));
  EXPECT_FALSE(s.grace_until.has_value());
  s = Review(s, "2027-01-01 00:00:00");
  EXPECT_EQ(s.tier, TierId("gold"));
  ASSERT_TRUE(s.grace_until.has_value());
  EXPECT_EQ(*s.grace_until, Local("2027-01-31 00:00:00"));
  s = Review(s, "2027-01-30 23:59:59");
  EXPECT_EQ(s.tier, TierId("gold"));
  s = Review(s, "2027-01-31 00:00:00");
  // It qualifies for Normal, but falls one level a review.
  EXPECT_EQ(s.tier, TierId("silver"));
  ASSERT_EQ(s.history.size(), 2u);
  EXPECT_EQ(s.history[1].at, Local("2027-01-31 00:00:00"));
  s = Review(s, "2028-02-01 00:00:00");
  EXPECT_EQ(s.tier, TierId("normal"));
}

TEST_F(TierReviewTest, QualifyingAgainDuringGraceKeepsTheTier) {
  records_ = {{Local("2025-02-01 10:00:00"), Money::Yuan(20000)}};
  TierState s = Review(Joined("2025-01-10 09:00:00"), "2027-01-02 00:00:00");
  ASSERT_TRUE(s.grace_until.has_value());
  records_.push_back({Local("2027-01-15 12:00:00"), Money::Yuan(20000)});
  s = Review(s, "2027-02-15 00:00:00");
  EXPECT_EQ(s.tier, TierId("gold"));
  EXPECT_FALSE(s.grace_until.has_value());
}

TEST_F(TierReviewTest, NoLimitOnLevelsDownDropsToQualifiedLevel) {
  policy_.max_levels_down = 0;
  policy_.grace_days = 0;
  records_ = {{Local("2025-02-01 10:00:00"), Money::Yuan(80000)}};
  TierState s = Review(Joined("2025-01-10 09:00:00"), "2027-01-01 00:00:00");
  EXPECT_EQ(s.tier, TierId("normal"));
}

TEST_F(TierReviewTest, ALateReceiptUpgradesAsOfNow) {
  TierState s = Review(Joined("2026-01-01 09:00:00"), "2026-03-10 00:00:00");
  records_ = {{Local("2026-03-05 10:00:00"), Money::Yuan(6000)}};
  s = Review(s, "2026-03-10 08:00:00");
  EXPECT_EQ(s.tier, TierId("silver"));
  ASSERT_EQ(s.history.size(), 1u);
  EXPECT_EQ(s.history[0].at, Local("2026-03-10 08:00:00"));
}

TEST_F(TierReviewTest, RejectsUnknownTierAndTimeOutOfRange) {
  TierState s = Joined("2026-01-01 09:00:00");
  s.tier = TierId("platinum");
  EXPECT_EQ(ReviewTier(policy_, cal_, s, records_, Local("2026-02-01 00:00:00"))
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReviewTier(policy_, cal_, Joined("2026-01-01 09:00:00"), records_,
                       Timestamp::FromUnixSeconds(0))
                .status()
                .code(),
            StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace atrium
