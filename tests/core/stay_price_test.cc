// StayPrice::NextChange is what lets a quote search a handful of waivers
// instead of every minute; a change point it missed would make a quote
// take more free minutes than it needs. Checked second by second against
// awkward tariffs: odd units, bands off the hour, both cap periods, free
// time both ways, a holiday.
#include <gtest/gtest.h>

#include <random>

#include "atrium/parking/parking_tariff.h"
#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

Tariff Awkward(int32_t unit, CapPeriod cap_period, FreePeriod free) {
  Tariff t;
  t.id = TariffId("awkward");
  t.mall = MallId("m1");
  t.effective_from = Local("2026-01-01 00:00:00");
  t.cap_period = cap_period;
  t.holidays = {Date{2026, 3, 18}};
  ClassRates c;
  c.unit_minutes = unit;
  c.free_minutes = 17;
  c.free_period = free;
  c.workday = {
      {0, Money::Fen(150)}, {433, Money::Fen(700)}, {1307, Money::Fen(90)}};
  c.rest_day = {{0, Money::Fen(200)}, {601, Money::Fen(1100)}};
  c.daily_cap = Money::Fen(5500);
  c.stay_cap = Money::Fen(14000);
  t.classes = {c};
  return t;
}

TEST(StayPriceTest, TheFeeChangesOnlyAtTheChangePoints) {
  std::mt19937_64 rng(20261126);
  const Timestamp base = Local("2026-03-16 00:00:00");
  int checked = 0;
  for (const int32_t unit : {7, 30, 60}) {
    for (const CapPeriod cap :
         {CapPeriod::kCalendarDay, CapPeriod::kRolling24h}) {
      for (const FreePeriod free :
           {FreePeriod::kChargeFromEntry, FreePeriod::kDeductFree}) {
        const Tariff t = Awkward(unit, cap, free);
        ASSERT_TRUE(t.Validate().ok());
        const LocalCalendar calendar;  // China Standard Time
        for (int round = 0; round < 3; ++round) {
          const Timestamp entry = base.PlusSeconds(
              static_cast<int64_t>(rng() % (3 * kSecondsPerDay)));
          const Timestamp exit = entry.PlusSeconds(
              static_cast<int64_t>(rng() % (3 * kSecondsPerDay)));
          auto price =
              StayPrice::Create(t, t.classes[0], calendar, entry, exit);
          ASSERT_TRUE(price.ok());
          // Every second of the first six hours of waiver.
          int64_t from = 0;
          int64_t next = price->NextChange(0);
          Money fee = price->With(0);
          for (int64_t w = 1; w <= 6 * 3600; ++w) {
            if (w == next) {
              from = w;
              next = price->NextChange(w);
              ASSERT_GT(next, w);
              fee = price->With(w);
              continue;
            }
            ASSERT_EQ(price->With(w), fee)
                << "unit " << unit << ", entry " << entry.unix_seconds()
                << ", exit " << exit.unix_seconds() << ": waiving " << w
                << " s costs other than waiving " << from << " s";
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace atrium
