#include "atrium/parking/parking_tariff.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace atrium {
namespace {

using testing::Local;

Tariff Simple() {
  Tariff t;
  t.id = TariffId("t1");
  t.mall = MallId("m1");
  t.effective_from = Local("2026-01-01 00:00:00");
  ClassRates c;
  c.unit_minutes = 60;
  c.workday = {{0, Money::Yuan(5)}};
  t.classes = {c};
  return t;
}

TEST(ParkingTariffTest, RefusesTariffsThatCannotBePriced) {
  struct Case {
    const char* why;
    void (*spoil)(Tariff&);
  };
  const Case cases[] = {
      {"no class", [](Tariff& t) { t.classes.clear(); }},
      {"unit of 0", [](Tariff& t) { t.classes[0].unit_minutes = 0; }},
      {"unit over a day", [](Tariff& t) { t.classes[0].unit_minutes = 1441; }},
      {"no bands", [](Tariff& t) { t.classes[0].workday.clear(); }},
      {"band at 24:00",
       [](Tariff& t) { t.classes[0].workday[0].from_minute = 1440; }},
      {"bands out of order",
       [](Tariff& t) {
         t.classes[0].workday = {{600, Money::Yuan(5)}, {480, Money::Yuan(2)}};
       }},
      {"negative price",
       [](Tariff& t) { t.classes[0].workday[0].per_unit = Money::Fen(-1); }},
      {"negative cap",
       [](Tariff& t) { t.classes[0].daily_cap = Money::Fen(-1); }},
      {"class twice", [](Tariff& t) { t.classes.push_back(t.classes[0]); }},
      {"holiday and workday",
       [](Tariff& t) {
         t.holidays = {Date{2026, 10, 10}};
         t.workdays = {Date{2026, 10, 10}};
       }},
      {"version 0", [](Tariff& t) { t.version = 0; }},
      {"bad id", [](Tariff& t) { t.id = TariffId(""); }},
  };
  ASSERT_TRUE(Simple().Validate().ok());
  for (const Case& c : cases) {
    Tariff t = Simple();
    c.spoil(t);
    EXPECT_EQ(t.Validate().code(), StatusCode::kInvalidArgument) << c.why;
  }
}

TEST(ParkingTariffTest, AStayIsPricedByTheVersionInForceAtEntry) {
  TariffSchedule s;
  Tariff v1 = Simple();
  Tariff v2 = Simple();
  v2.version = 2;
  v2.effective_from = Local("2026-07-01 00:00:00");
  v2.classes[0].workday[0].per_unit = Money::Yuan(8);
  ASSERT_TRUE(s.Add(v1).ok());
  ASSERT_TRUE(s.Add(v2).ok());
  EXPECT_EQ(s.Add(v2).code(), StatusCode::kAlreadyExists);
  Tariff older = Simple();
  older.version = 3;
  older.effective_from = Local("2026-03-01 00:00:00");
  EXPECT_EQ(s.Add(older).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(
      s.InForceAt(TariffId("t1"), Local("2025-12-31 23:59:59")).status().code(),
      StatusCode::kNotFound);
  EXPECT_EQ(
      (*s.InForceAt(TariffId("t1"), Local("2026-06-30 23:59:59")))->version, 1);
  EXPECT_EQ(
      (*s.InForceAt(TariffId("t1"), Local("2026-07-01 00:00:00")))->version, 2);
}

TEST(ParkingTariffTest, WaivedTimeShortensTheChargeableWindow) {
  const Tariff t = Simple();
  const Timestamp in = Local("2026-03-16 10:00:00");
  const Timestamp out = Local("2026-03-16 13:00:00");
  const LocalCalendar cal;
  EXPECT_EQ(*PriceStay(t, t.classes[0], cal, in, out), Money::Yuan(15));
  EXPECT_EQ(*PriceStay(t, t.classes[0], cal, in, out, 3600), Money::Yuan(10));
  EXPECT_EQ(*PriceStay(t, t.classes[0], cal, in, out, 3599), Money::Yuan(15));
  EXPECT_EQ(*PriceStay(t, t.classes[0], cal, in, out, 3 * 3600), Money());
  EXPECT_EQ(PriceStay(t, t.classes[0], cal, in, out, -1).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace atrium
