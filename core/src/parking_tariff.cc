#include "atrium/parking_tariff.h"

#include <algorithm>
#include <string>

namespace atrium {
namespace {

constexpr int64_t kMaxFreeMinutes = int64_t{7} * 24 * 60;

Status ValidateBands(const std::vector<RateBand>& bands, const char* which) {
  for (size_t i = 0; i < bands.size(); ++i) {
    const RateBand& b = bands[i];
    if (b.from_minute < 0 || b.from_minute >= 24 * 60) {
      return InvalidArgument(std::string(which) +
                             " band must start within the day (0..1439)");
    }
    if (i > 0 && b.from_minute <= bands[i - 1].from_minute) {
      return InvalidArgument(std::string(which) +
                             " bands must be in ascending order of start");
    }
    if (b.per_unit.is_negative() || b.per_unit > kMaxAmount) {
      return InvalidArgument(std::string(which) + " band price out of range");
    }
  }
  return Status::Ok();
}

Status ValidateRates(const ClassRates& r) {
  if (r.unit_minutes < 1 || r.unit_minutes > 24 * 60) {
    return InvalidArgument("unit must be 1..1440 minutes");
  }
  if (r.free_minutes < 0 || r.free_minutes > kMaxFreeMinutes) {
    return InvalidArgument("free minutes must lie in 0..10080");
  }
  if (r.workday.empty()) return InvalidArgument("a class needs workday bands");
  ATRIUM_RETURN_IF_ERROR(ValidateBands(r.workday, "workday"));
  ATRIUM_RETURN_IF_ERROR(ValidateBands(r.rest_day, "rest-day"));
  for (const Money cap : {r.daily_cap, r.stay_cap}) {
    if (cap.is_negative() || cap > kMaxAmount) {
      return InvalidArgument("cap out of range");
    }
  }
  return Status::Ok();
}

int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }  // a >= 0

// Prices one stay: walks the chargeable window in pieces within which the
// band, the day and the cap period stay the same.
class StayPricer {
 public:
  StayPricer(const Tariff& tariff, const ClassRates& rates,
             const LocalCalendar& calendar, Timestamp entry)
      : tariff_(tariff),
        rates_(rates),
        offset_(calendar.utc_offset_seconds()),
        entry_(entry.unix_seconds()) {}

  Money Price(int64_t start, int64_t exit) {
    const int64_t unit = rates_.unit_minutes * kSecondsPerMinute;
    int64_t total = 0;
    int64_t period_sum = 0;
    int64_t period = -1;
    for (int64_t t = start; t < exit;) {
      const int64_t local = t + offset_;
      const int64_t day = FloorDiv(local, kSecondsPerDay);
      const int64_t second = local - day * kSecondsPerDay;
      if (day != day_) {
        day_ = day;
        bands_ = RestDay(day) && !rates_.rest_day.empty() ? &rates_.rest_day
                                                          : &rates_.workday;
      }
      int64_t end = std::min(exit, t + (kSecondsPerDay - second));
      const RateBand& band = BandAt(second, t, end);
      const bool rolling = tariff_.cap_period == CapPeriod::kRolling24h;
      const int64_t p = rolling ? (t - entry_) / kSecondsPerDay : day;
      if (rolling) end = std::min(end, entry_ + (p + 1) * kSecondsPerDay);
      // The units that start in [t, end).
      const int64_t units =
          CeilDiv(end - start, unit) - CeilDiv(t - start, unit);
      if (p != period) {
        total += Capped(period_sum);
        period = p;
        period_sum = 0;
      }
      period_sum += units * band.per_unit.fen();
      t = end;
    }
    total += Capped(period_sum);
    if (rates_.stay_cap.fen() > 0) {
      total = std::min(total, rates_.stay_cap.fen());
    }
    return Money::Fen(total);
  }

 private:
  bool RestDay(int64_t day) const {
    const Date d = Date::FromDayNumber(day);
    const auto listed = [&](const std::vector<Date>& v) {
      return std::find(v.begin(), v.end(), d) != v.end();
    };
    if (listed(tariff_.holidays)) return true;
    if (listed(tariff_.workdays)) return false;
    return d.weekday() >= Weekday::kSaturday;
  }

  // The band in force at `second` of the day; lowers `end` to where the
  // next band starts, if that comes first.
  const RateBand& BandAt(int64_t second, int64_t t, int64_t& end) const {
    const std::vector<RateBand>& b = *bands_;
    size_t i = b.size();
    while (i > 0 && b[i - 1].from_minute * kSecondsPerMinute > second) --i;
    if (i < b.size()) {
      end = std::min(end, t + b[i].from_minute * kSecondsPerMinute - second);
    }
    return i == 0 ? b.back() : b[i - 1];
  }

  int64_t Capped(int64_t sum) const {
    return rates_.daily_cap.fen() > 0 ? std::min(sum, rates_.daily_cap.fen())
                                      : sum;
  }

  const Tariff& tariff_;
  const ClassRates& rates_;
  int64_t offset_;
  int64_t entry_;
  int64_t day_ = INT64_MIN;
  const std::vector<RateBand>* bands_ = nullptr;
};

}  // namespace

std::string_view VehicleClassName(VehicleClass c) {
  switch (c) {
    case VehicleClass::kSmall: return "small";
    case VehicleClass::kNewEnergy: return "new_energy";
    case VehicleClass::kLarge: return "large";
  }
  return "unknown";
}

StatusOr<VehicleClass> ParseVehicleClass(std::string_view name) {
  for (const VehicleClass c :
       {VehicleClass::kSmall, VehicleClass::kNewEnergy, VehicleClass::kLarge}) {
    if (name == VehicleClassName(c)) return c;
  }
  return InvalidArgument("vehicle class must be small, new_energy or large");
}

Status Tariff::Validate() const {
  ATRIUM_RETURN_IF_ERROR(ValidateId(id.value(), "tariff id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(mall.value(), "mall id"));
  if (version < 1) return InvalidArgument("tariff version must be 1 or more");
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(effective_from, "effective_from"));
  if (classes.empty()) return InvalidArgument("a tariff needs a vehicle class");
  for (size_t i = 0; i < classes.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (classes[j].vehicle == classes[i].vehicle) {
        return InvalidArgument(
            "vehicle class listed twice: " +
            std::string(VehicleClassName(classes[i].vehicle)));
      }
    }
    ATRIUM_RETURN_IF_ERROR(ValidateRates(classes[i]));
  }
  for (const Date& d : holidays) {
    if (std::find(workdays.begin(), workdays.end(), d) != workdays.end()) {
      return InvalidArgument(d.ToString() + " is both a holiday and a workday");
    }
  }
  return Status::Ok();
}

const ClassRates* Tariff::RatesFor(VehicleClass vehicle) const {
  for (const ClassRates& r : classes) {
    if (r.vehicle == vehicle) return &r;
  }
  return nullptr;
}

StatusOr<Money> PriceStay(const Tariff& tariff, const ClassRates& rates,
                          const LocalCalendar& calendar, Timestamp entry,
                          Timestamp exit, int64_t waived) {
  const int64_t stay = exit.unix_seconds() - entry.unix_seconds();
  if (stay < 0) return InvalidArgument("exit before entry");
  if (stay > kMaxStaySeconds) {
    return OutOfRange("a stay longer than 90 days is for the operator");
  }
  if (waived < 0) return InvalidArgument("negative waived time");
  const int64_t free = rates.free_minutes * kSecondsPerMinute;
  if (stay <= free) return Money();
  const int64_t start =
      entry.unix_seconds() + waived +
      (rates.free_period == FreePeriod::kDeductFree ? free : 0);
  if (start >= exit.unix_seconds()) return Money();
  return StayPricer(tariff, rates, calendar, entry)
      .Price(start, exit.unix_seconds());
}

Status TariffSchedule::Add(Tariff tariff) {
  ATRIUM_RETURN_IF_ERROR(tariff.Validate());
  for (const Tariff& t : tariffs_) {
    if (t.id != tariff.id) continue;
    if (t.version == tariff.version) {
      return AlreadyExists("tariff " + t.id.value() + " version " +
                           std::to_string(t.version) + " exists");
    }
    if (t.version > tariff.version ||
        t.effective_from >= tariff.effective_from) {
      return InvalidArgument(
          "a new tariff version must follow the last, and "
          "take effect after it");
    }
  }
  tariffs_.push_back(std::move(tariff));
  return Status::Ok();
}

StatusOr<const Tariff*> TariffSchedule::InForceAt(const TariffId& id,
                                                  Timestamp at) const {
  const Tariff* best = nullptr;
  for (const Tariff& t : tariffs_) {
    if (t.id == id && t.effective_from <= at &&
        (best == nullptr || t.version > best->version)) {
      best = &t;
    }
  }
  if (best == nullptr) {
    return NotFound("no version of tariff " + id.value() + " in force then");
  }
  return best;
}

const Tariff* TariffSchedule::Find(const TariffId& id, int32_t version) const {
  for (const Tariff& t : tariffs_) {
    if (t.id == id && t.version == version) return &t;
  }
  return nullptr;
}

}  // namespace atrium
