#include "atrium/parking/parking_tariff.h"

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

int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

int64_t CeilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }  // a >= 0

bool RestDay(const Tariff& tariff, int64_t day) {
  const Date d = Date::FromDayNumber(day);
  const auto listed = [&](const std::vector<Date>& v) {
    return std::find(v.begin(), v.end(), d) != v.end();
  };
  if (listed(tariff.holidays)) return true;
  if (listed(tariff.workdays)) return false;
  return d.weekday() >= Weekday::kSaturday;
}

// The band in force at `second` of a day with `bands`; lowers `end` to where
// the next band starts, if that comes first.
const RateBand& BandAt(const std::vector<RateBand>& b, int64_t second,
                       int64_t t, int64_t& end) {
  size_t i = b.size();
  while (i > 0 && b[i - 1].from_minute * kSecondsPerMinute > second) --i;
  if (i < b.size()) {
    end = std::min(end, t + b[i].from_minute * kSecondsPerMinute - second);
  }
  return i == 0 ? b.back() : b[i - 1];
}

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

StatusOr<StayPrice> StayPrice::Create(const Tariff& tariff,
                                      const ClassRates& rates,
                                      const LocalCalendar& calendar,
                                      Timestamp entry, Timestamp exit) {
  const int64_t stay = exit.unix_seconds() - entry.unix_seconds();
  if (stay < 0) return InvalidArgument("exit before entry");
  if (stay > kMaxStaySeconds) {
    return OutOfRange("a stay longer than 90 days is for the operator");
  }
  StayPrice p(rates, entry.unix_seconds(), exit.unix_seconds());
  const int64_t offset = calendar.utc_offset_seconds();
  const bool rolling = tariff.cap_period == CapPeriod::kRolling24h;
  const size_t days = static_cast<size_t>(stay / kSecondsPerDay) + 2;
  const size_t bands_a_day =
      std::max(rates.workday.size(), rates.rest_day.size()) + 2;
  p.pieces_.reserve(days * bands_a_day);
  int64_t day = -1;
  const std::vector<RateBand>* bands = nullptr;
  for (int64_t t = p.entry_; t < p.exit_;) {
    const int64_t local = t + offset;
    const int64_t d = FloorDiv(local, kSecondsPerDay);
    if (d != day) {
      day = d;
      bands = RestDay(tariff, d) && !rates.rest_day.empty() ? &rates.rest_day
                                                            : &rates.workday;
    }
    const int64_t second = local - d * kSecondsPerDay;
    int64_t end = std::min(p.exit_, t + (kSecondsPerDay - second));
    const RateBand& band = BandAt(*bands, second, t, end);
    const int64_t period = rolling ? (t - p.entry_) / kSecondsPerDay : d;
    if (rolling) end = std::min(end, p.entry_ + (period + 1) * kSecondsPerDay);
    p.pieces_.push_back({t, band.per_unit.fen(), period});
    t = end;
  }
  const int64_t unit = rates.unit_minutes * kSecondsPerMinute;
  p.residues_.reserve(p.pieces_.size() + 1);
  p.residues_.push_back(FloorMod(p.exit_, unit));
  for (const Piece& piece : p.pieces_) {
    p.residues_.push_back(FloorMod(piece.begin, unit));
  }
  std::sort(p.residues_.begin(), p.residues_.end());
  p.residues_.erase(std::unique(p.residues_.begin(), p.residues_.end()),
                    p.residues_.end());
  return p;
}

int64_t StayPrice::Start(int64_t waived) const {
  return entry_ + waived +
         (rates_->free_period == FreePeriod::kDeductFree
              ? rates_->free_minutes * kSecondsPerMinute
              : 0);
}

int64_t StayPrice::NextChange(int64_t waived) const {
  const int64_t start = Start(waived);
  if (exit_ - entry_ <= rates_->free_minutes * kSecondsPerMinute ||
      start >= exit_) {
    return INT64_MAX;  // free whatever is waived
  }
  const int64_t unit = rates_->unit_minutes * kSecondsPerMinute;
  const int64_t pos = FloorMod(start, unit);
  const auto next = std::upper_bound(residues_.begin(), residues_.end(), pos);
  const int64_t step =
      next != residues_.end() ? *next - pos : unit - pos + residues_.front();
  return waived + step;
}

// Counts the units that start in each piece from the end of the waiver on,
// summing and capping by period.
Money StayPrice::With(int64_t waived) const {
  if (exit_ - entry_ <= rates_->free_minutes * kSecondsPerMinute) {
    return Money();
  }
  const int64_t start = Start(waived);
  if (start >= exit_) return Money();
  const int64_t unit = rates_->unit_minutes * kSecondsPerMinute;
  const int64_t cap = rates_->daily_cap.fen();
  const auto capped = [cap](int64_t sum) {
    return cap > 0 ? std::min(sum, cap) : sum;
  };
  // The piece holding `start`: the last that begins at or before it.
  auto it = std::upper_bound(
      pieces_.begin(), pieces_.end(), start,
      [](int64_t t, const Piece& piece) { return t < piece.begin; });
  --it;
  int64_t total = 0;
  int64_t period_sum = 0;
  int64_t period = it->period;
  int64_t units_before = 0;  // units starting before the current piece
  for (; it != pieces_.end(); ++it) {
    const int64_t end = it + 1 == pieces_.end() ? exit_ : (it + 1)->begin;
    const int64_t units_to_end = CeilDiv(end - start, unit);
    if (it->period != period) {
      total += capped(period_sum);
      period = it->period;
      period_sum = 0;
    }
    period_sum += (units_to_end - units_before) * it->per_unit;
    units_before = units_to_end;
  }
  total += capped(period_sum);
  if (rates_->stay_cap.fen() > 0) {
    total = std::min(total, rates_->stay_cap.fen());
  }
  return Money::Fen(total);
}

StatusOr<Money> PriceStay(const Tariff& tariff, const ClassRates& rates,
                          const LocalCalendar& calendar, Timestamp entry,
                          Timestamp exit, int64_t waived) {
  if (waived < 0) return InvalidArgument("negative waived time");
  StatusOr<StayPrice> p =
      StayPrice::Create(tariff, rates, calendar, entry, exit);
  if (!p.ok()) return p.status();
  return p->With(waived);
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
