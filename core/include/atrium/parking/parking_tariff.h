// Parking tariffs: what a stay costs before any member benefit.
//
// Contract:
// - A stay is priced by units of `unit_minutes` counted from the start of
//   its chargeable window; every started unit is charged in full, at the
//   price of the band and day type in force when the unit starts (mall-local
//   time). Bands are given by the minute of the day they start at and run
//   until the next one, round the clock. Saturdays, Sundays and listed
//   holidays use the rest-day bands, except listed make-up workdays (调休).
// - Free minutes: a stay no longer than `free_minutes` costs nothing. A
//   longer one is charged from entry (kChargeFromEntry, "30 分钟内免费") or
//   from the end of the free minutes (kDeductFree).
// - Daily cap: the units starting in one period cost at most `daily_cap`;
//   the period is the local calendar day (kCalendarDay) or each 24 hours
//   from entry (kRolling24h). `stay_cap` bounds the whole stay. Zero: none.
// - Tariffs are versioned; a stay is priced by the version in force at
//   entry (TariffSchedule::InForceAt), whatever changes while it is parked.
#ifndef ATRIUM_PARKING_PARKING_TARIFF_H_
#define ATRIUM_PARKING_PARKING_TARIFF_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

using TariffId = Id<struct TariffTag>;

enum class VehicleClass { kSmall, kNewEnergy, kLarge };
enum class FreePeriod { kChargeFromEntry, kDeductFree };
enum class CapPeriod { kCalendarDay, kRolling24h };

std::string_view VehicleClassName(VehicleClass c);
StatusOr<VehicleClass> ParseVehicleClass(std::string_view name);

struct RateBand {
  int32_t from_minute = 0;  // of the local day, 0..1439
  Money per_unit;
};

struct ClassRates {
  VehicleClass vehicle = VehicleClass::kSmall;
  int32_t free_minutes = 0;
  FreePeriod free_period = FreePeriod::kChargeFromEntry;
  int32_t unit_minutes = 60;
  std::vector<RateBand> workday;   // ascending from_minute
  std::vector<RateBand> rest_day;  // empty: as workday
  Money daily_cap;                 // zero: none
  Money stay_cap;                  // zero: none
};

struct Tariff {
  TariffId id;
  MallId mall;
  int32_t version = 1;
  Timestamp effective_from;
  CapPeriod cap_period = CapPeriod::kCalendarDay;
  std::vector<ClassRates> classes;  // one per vehicle class it admits
  std::vector<Date> holidays;       // priced as rest days
  std::vector<Date> workdays;       // weekend days priced as workdays

  // Ids, at least one class and each class at most once, units of 1..1440
  // minutes, free minutes within a week, bands ascending and starting in
  // the day, prices and caps within kMaxAmount.
  Status Validate() const;
  // The rates for `vehicle`, or nullptr when the tariff does not admit it.
  const ClassRates* RatesFor(VehicleClass vehicle) const;
};

// Longest stay priced: longer ones are refused (an abandoned car is a case
// for the operator, not for the kiosk).
inline constexpr int64_t kMaxStaySeconds = 90 * kSecondsPerDay;

// The fee of a stay from `entry` to `exit`, before benefits. `waived`
// seconds at the start of the chargeable window cost nothing (member
// benefits): units are counted from the end of the waiver, and caps still
// count periods from entry. Fails for a stay that ends before it starts or
// lasts longer than kMaxStaySeconds.
StatusOr<Money> PriceStay(const Tariff& tariff, const ClassRates& rates,
                          const LocalCalendar& calendar, Timestamp entry,
                          Timestamp exit, int64_t waived = 0);

// One stay priced again and again with different waivers, as the quote's
// benefit searches do: the type of each day of the stay is worked out once.
// Holds references to the tariff and rates.
class StayPrice {
 public:
  // Fails like PriceStay for a stay that ends before it starts or lasts
  // longer than kMaxStaySeconds.
  static StatusOr<StayPrice> Create(const Tariff& tariff,
                                    const ClassRates& rates,
                                    const LocalCalendar& calendar,
                                    Timestamp entry, Timestamp exit);
  // PriceStay's fee with `waived` (>= 0) seconds waived.
  Money With(int64_t waived) const;
  // The least waiver above `waived` at which the fee may differ from
  // With(waived); every waiver in between costs the same. INT64_MAX when
  // no larger waiver changes the fee.
  //
  // Why so few: a fee depends on which piece each unit starts in, and a
  // unit changes piece only when its start crosses a piece boundary or the
  // exit, i.e. when the start of the chargeable window is congruent to one
  // of them modulo the unit.
  int64_t NextChange(int64_t waived) const;

 private:
  // A stretch of the stay with one price per unit and one cap period.
  struct Piece {
    int64_t begin;  // unix seconds; the piece ends where the next begins
    int64_t per_unit;
    int64_t period;  // the cap period it counts towards
  };

  StayPrice(const ClassRates& rates, int64_t entry, int64_t exit)
      : rates_(&rates), entry_(entry), exit_(exit) {}
  // Where the chargeable window starts with `waived` seconds waived.
  int64_t Start(int64_t waived) const;

  const ClassRates* rates_;
  int64_t entry_;
  int64_t exit_;
  // Where band, day or cap period change between entry and exit: the same
  // for every waiver, so worked out once.
  std::vector<Piece> pieces_;
  // The piece boundaries and the exit modulo the unit, ascending, distinct.
  std::vector<int64_t> residues_;
};

// The versions of each mall's tariff.
class TariffSchedule {
 public:
  // Adds a validated version; its (id, version) must be new and its
  // effective_from later than every earlier version of that id.
  Status Add(Tariff tariff);
  // The version of `id` in force at `at`: the latest effective at or
  // before it. NotFound when none is.
  StatusOr<const Tariff*> InForceAt(const TariffId& id, Timestamp at) const;
  // The version with this number.
  const Tariff* Find(const TariffId& id, int32_t version) const;

 private:
  std::vector<Tariff> tariffs_;  // by id, then version
};

}  // namespace atrium

#endif  // ATRIUM_PARKING_PARKING_TARIFF_H_
