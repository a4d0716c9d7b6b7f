#include "atrium/points/earning.h"

#include <gtest/gtest.h>

#include <functional>

#include "test_util.h"

namespace atrium {
namespace {

using testing::D;
using testing::Local;

Receipt MakeReceipt(const std::string& local_time,
                    std::vector<ReceiptLine> lines) {
  return Receipt{ReceiptId("R1"), MallId("m1"),      StoreId("s1"),
                 MemberId("M1"),  Local(local_time), std::move(lines)};
}

EarningRule Multiplier(const std::string& id, int32_t permille) {
  EarningRule r;
  r.id = RuleId(id);
  r.name = id;
  r.multiplier_permille = permille;
  return r;
}

class EarningTest : public ::testing::Test {
 protected:
  EarnResult Earn(const Receipt& r, const std::string& tier = "normal",
                  int64_t earned_today = 0) {
    EXPECT_TRUE(policy_.Validate().ok()) << policy_.Validate().ToString();
    StatusOr<EarnResult> out =
        ComputeEarn(policy_, cal_, r, TierId(tier), earned_today);
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    return out.ok() ? *out : EarnResult{};
  }
  int64_t PointsAt(const std::string& local_time, int64_t fen = 10000) {
    return Earn(MakeReceipt(local_time, {{"fashion", Money::Fen(fen)}})).points;
  }

  EarningPolicy policy_;
  LocalCalendar cal_;
};

TEST_F(EarningTest, OnePointPerWholeYuanRoundedOncePerReceipt) {
  // Rounding each line would give 27.
  const EarnResult r = Earn(
      MakeReceipt("2026-03-02 12:00:00", {{"food_drink", Money::Fen(999)},
                                          {"food_drink", Money::Fen(999)},
                                          {"food_drink", Money::Fen(999)}}));
  EXPECT_EQ(r.points, 29);
  EXPECT_TRUE(r.applied_rules.empty());
  EXPECT_EQ(PointsAt("2026-03-02 12:00:00", 99), 0);
  EXPECT_EQ(PointsAt("2026-03-02 12:00:00", 100), 1);
  policy_.fen_per_point = 1000;  // one point per ten yuan
  EXPECT_EQ(PointsAt("2026-03-02 12:00:00", 9999), 9);
}

TEST_F(EarningTest, MultipliersCombineAsConfigured) {
  EarningRule gold = Multiplier("gold", 1500);
  gold.tiers = {TierId("gold")};
  EarningRule member_day = Multiplier("member-day", 2000);
  member_day.window.month_days = {8};
  policy_.rules = {gold, member_day};
  const Receipt r =
      MakeReceipt("2026-03-08 12:00:00", {{"fashion", Money::Yuan(100)}});
  const struct {
    CombineMode mode;
    int64_t points;
  } cases[] = {{CombineMode::kMultiply, 300},
               {CombineMode::kHighest, 200},
               {CombineMode::kAddBonuses, 250}};
  for (const auto& c : cases) {
    policy_.combine = c.mode;
    const EarnResult out = Earn(r, "gold");
    EXPECT_EQ(out.points, c.points) << static_cast<int>(c.mode);
  }
  policy_.combine = CombineMode::kMultiply;
  EXPECT_EQ(Earn(r, "normal").points, 200);
  EXPECT_EQ(Earn(r, "gold").applied_rules, (std::vector<uint16_t>{0, 1}));
  policy_.combine = CombineMode::kHighest;
  EXPECT_EQ(Earn(r, "gold").applied_rules, (std::vector<uint16_t>{1}));
}

TEST_F(EarningTest, ExcludedLinesEarnNothingAndSayWhy) {
  EarningRule gift_cards;
  gift_cards.id = RuleId("no-gift-card");
  gift_cards.name = "购物卡不积分";
  gift_cards.effect = RuleEffect::kExclude;
  gift_cards.categories = {"gift_card"};
  policy_.rules = {Multiplier("double", 2000), gift_cards};
  const EarnResult r = Earn(MakeReceipt(
      "2026-03-02 12:00:00",
      {{"fashion", Money::Yuan(100)}, {"gift_card", Money::Yuan(1000)}}));
  EXPECT_EQ(r.points, 200);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_FALSE(r.lines[0].excluded);
  EXPECT_TRUE(r.lines[1].excluded);
  EXPECT_EQ(r.lines[1].multiplier_permille, 0);
  const std::span<const uint16_t> why = r.RulesOf(r.lines[1]);
  EXPECT_EQ(std::vector<uint16_t>(why.begin(), why.end()),
            (std::vector<uint16_t>{1}));
  EXPECT_TRUE(r.RulesOf(r.lines[0]).size() == 1);
}

TEST_F(EarningTest, CapsHitExactly) {
  const struct {
    int64_t per_receipt, per_day, earned_today, yuan;
    int64_t points;
    EarnCap cap;
  } cases[] = {
      {500, 0, 0, 500, 500, EarnCap::kNone},
      {500, 0, 0, 501, 500, EarnCap::kReceipt},
      {0, 1000, 600, 400, 400, EarnCap::kNone},
      {0, 1000, 600, 401, 400, EarnCap::kDay},
      {0, 1000, 1000, 50, 0, EarnCap::kDay},
      {0, 1000, 1200, 50, 0, EarnCap::kDay},
      {300, 1000, 800, 500, 200, EarnCap::kDay},
      {300, 1000, 0, 500, 300, EarnCap::kReceipt},
  };
  for (const auto& c : cases) {
    policy_.max_points_per_receipt = c.per_receipt;
    policy_.max_points_per_day = c.per_day;
    const EarnResult r =
        Earn(MakeReceipt("2026-03-02 12:00:00", {{"x", Money::Yuan(c.yuan)}}),
             "normal", c.earned_today);
    EXPECT_EQ(r.points, c.points) << c.yuan << " yuan";
    EXPECT_EQ(r.cap, c.cap) << c.yuan << " yuan";
    EXPECT_EQ(r.uncapped_points, c.yuan);
  }
}

TEST_F(EarningTest, WindowsAcrossMidnightBelongToTheDayTheyStart) {
  EarningRule late = Multiplier("friday-night", 2000);
  late.window.weekdays = {Weekday::kFriday};
  late.window.start_second = 22 * 3600;
  late.window.end_second = 2 * 3600;
  policy_.rules = {late};
  // 2026-03-06 is a Friday.
  const struct {
    const char* at;
    int64_t points;
  } cases[] = {
      {"2026-03-06 21:59:59", 100}, {"2026-03-06 22:00:00", 200},
      {"2026-03-06 23:59:59", 200}, {"2026-03-07 00:00:00", 200},
      {"2026-03-07 01:59:59", 200}, {"2026-03-07 02:00:00", 100},
      {"2026-03-06 01:00:00", 100},  // Thursday night's window
      {"2026-03-07 22:30:00", 100},  // Saturday
  };
  for (const auto& c : cases) EXPECT_EQ(PointsAt(c.at), c.points) << c.at;
}

TEST_F(EarningTest, DayWindowsFollowLocalMidnight) {
  EarningRule member_day = Multiplier("member-day", 2000);
  member_day.window.month_days = {8};
  EarningRule holiday = Multiplier("national-day", 3000);
  holiday.window.dates = {D("2026-10-01")};
  policy_.rules = {member_day, holiday};
  const struct {
    const char* at;
    int64_t points;
  } cases[] = {
      {"2026-03-07 23:59:59", 100}, {"2026-03-08 00:00:00", 200},
      {"2026-03-08 23:59:59", 200}, {"2026-03-09 00:00:00", 100},
      {"2026-09-30 23:59:59", 100}, {"2026-10-01 00:00:00", 300},
      {"2026-10-08 12:00:00", 200},
  };
  for (const auto& c : cases) EXPECT_EQ(PointsAt(c.at), c.points) << c.at;
}

TEST_F(EarningTest, CampaignRunsFromInclusiveUntilExclusive) {
  EarningRule campaign = Multiplier("campaign", 2000);
  campaign.window.from = Local("2026-12-01 00:00:00");
  campaign.window.until = Local("2027-01-01 00:00:00");
  policy_.rules = {campaign};
  EXPECT_EQ(PointsAt("2026-11-30 23:59:59"), 100);
  EXPECT_EQ(PointsAt("2026-12-01 00:00:00"), 200);
  EXPECT_EQ(PointsAt("2026-12-31 23:59:59"), 200);
  EXPECT_EQ(PointsAt("2027-01-01 00:00:00"), 100);
}

TEST_F(EarningTest, ScopesNarrowByMallStoreCategoryAndTier) {
  EarningRule r = Multiplier("scoped", 2000);
  r.malls = {MallId("m1")};
  r.stores = {StoreId("s1")};
  r.categories = {"beauty"};
  r.tiers = {TierId("gold"), TierId("diamond")};
  policy_.rules = {r};
  Receipt receipt = MakeReceipt(
      "2026-03-02 12:00:00",
      {{"beauty", Money::Yuan(100)}, {"fashion", Money::Yuan(100)}});
  EXPECT_EQ(Earn(receipt, "gold").points, 300);
  EXPECT_EQ(Earn(receipt, "silver").points, 200);
  receipt.store = StoreId("s2");
  EXPECT_EQ(Earn(receipt, "gold").points, 200);
  receipt.store = StoreId("s1");
  receipt.mall = MallId("m2");
  EXPECT_EQ(Earn(receipt, "gold").points, 200);
}

TEST_F(EarningTest, CombinedMultiplierIsCappedAtOneHundred) {
  policy_.rules = {Multiplier("a", 100000), Multiplier("b", 100000)};
  EXPECT_EQ(PointsAt("2026-03-02 12:00:00", 100), 100);
}

TEST_F(EarningTest, PendingPeriodDelaysUsability) {
  policy_.pending_seconds = 86400;
  const EarnResult r =
      Earn(MakeReceipt("2026-03-02 12:00:00", {{"x", Money::Yuan(1)}}));
  EXPECT_EQ(r.usable_from, Local("2026-03-03 12:00:00"));
}

TEST_F(EarningTest, RejectsContradictoryPolicies) {
  const std::vector<std::pair<const char*, std::function<void(EarningPolicy&)>>>
      cases = {
          {"zero base", [](auto& p) { p.fen_per_point = 0; }},
          {"negative cap", [](auto& p) { p.max_points_per_day = -1; }},
          {"long pending", [](auto& p) { p.pending_seconds = 367 * 86400; }},
          {"zero multiplier", [](auto& p) { p.rules = {Multiplier("a", 0)}; }},
          {"repeated id",
           [](auto& p) {
             p.rules = {Multiplier("a", 1), Multiplier("a", 2)};
           }},
          {"empty window",
           [](auto& p) {
             p.rules = {Multiplier("a", 1500)};
             p.rules[0].window.start_second = p.rules[0].window.end_second =
                 3600;
           }},
          {"window ends first",
           [](auto& p) {
             p.rules = {Multiplier("a", 1500)};
             p.rules[0].window.from = Local("2026-02-01 00:00:00");
             p.rules[0].window.until = Local("2026-01-01 00:00:00");
           }},
          {"day 32",
           [](auto& p) {
             p.rules = {Multiplier("a", 1500)};
             p.rules[0].window.month_days = {32};
           }},
          {"too many rules",
           [](auto& p) {
             for (int i = 0; i <= 500; ++i) {
               p.rules.push_back(Multiplier("r" + std::to_string(i), 1000));
             }
           }},
      };
  for (const auto& [what, change] : cases) {
    EarningPolicy p;
    change(p);
    EXPECT_EQ(p.Validate().code(), StatusCode::kInvalidArgument) << what;
  }
}

TEST_F(EarningTest, RejectsBadReceiptsAndCounts) {
  EXPECT_EQ(ComputeEarn(policy_, cal_, MakeReceipt("2026-03-02 12:00:00", {}),
                        TierId("normal"), 0)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(
      ComputeEarn(policy_, cal_,
                  MakeReceipt("2026-03-02 12:00:00", {{"x", Money::Yuan(1)}}),
                  TierId("normal"), -1)
          .status()
          .code(),
      StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
