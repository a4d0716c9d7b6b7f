#include "atrium/codec/parking_json.h"

#include "atrium/points/ledger.h"

namespace atrium::codec {
namespace {

constexpr std::array<std::pair<std::string_view, VehicleClass>, 3> kVehicles = {
    {{"small", VehicleClass::kSmall},
     {"new_energy", VehicleClass::kNewEnergy},
     {"large", VehicleClass::kLarge}}};
constexpr std::array<std::pair<std::string_view, FreePeriod>, 2> kFreePeriods =
    {{{"charge_from_entry", FreePeriod::kChargeFromEntry},
      {"deduct_free", FreePeriod::kDeductFree}}};
constexpr std::array<std::pair<std::string_view, CapPeriod>, 2> kCapPeriods = {
    {{"calendar_day", CapPeriod::kCalendarDay},
     {"rolling_24h", CapPeriod::kRolling24h}}};
constexpr size_t kMaxBands = 24;
constexpr size_t kMaxDates = 366;

std::vector<RateBand> ReadBands(JsonReader& r, std::string_view key,
                                bool required) {
  std::vector<RateBand> out;
  for (JsonReader& b : r.Objects(key, kMaxBands, required)) {
    RateBand band;
    band.from_minute = b.OptTimeOfDay("from", 0) / 60;
    band.per_unit = b.Fen("per_unit_fen");
    b.Finish();
    out.push_back(band);
  }
  return out;
}

ClassRates ReadRates(JsonReader& r) {
  ClassRates c;
  c.vehicle = ReadEnum(r, "vehicle", kVehicles, VehicleClass::kSmall);
  c.free_minutes = static_cast<int32_t>(r.OptInt("free_minutes", 0, 0, 10080));
  c.free_period =
      ReadEnum(r, "free_period", kFreePeriods, FreePeriod::kChargeFromEntry);
  c.unit_minutes = static_cast<int32_t>(r.Int("unit_minutes", 1, 1440));
  c.workday = ReadBands(r, "workday", true);
  c.rest_day = ReadBands(r, "rest_day", false);
  c.daily_cap = Money::Fen(r.OptInt("daily_cap_fen", 0, 0, kMaxAmount.fen()));
  c.stay_cap = Money::Fen(r.OptInt("stay_cap_fen", 0, 0, kMaxAmount.fen()));
  r.Finish();
  return c;
}

// A parking coupon in short form: minutes or an amount off.
void ReadCoupon(JsonReader& c, const MallId& mall, const MemberId& owner,
                QuoteRequest& q) {
  CouponTemplate& t = q.templates.emplace_back();
  CouponInstance& i = q.coupons.emplace_back();
  i.id = CouponId(c.Str("id"));
  t.id = TemplateId("parking:" + i.id.value());
  t.name = "parking";
  t.mall = mall;
  t.kind = CouponKind::kParking;
  t.parking_minutes =
      static_cast<int32_t>(c.OptInt("parking_minutes", 0, 0, 1440));
  t.amount = Money::Fen(c.OptInt("amount_fen", 0, 0, kMaxAmount.fen()));
  if ((t.parking_minutes > 0) == (t.amount.fen() > 0)) {
    c.Fail("parking_minutes", "give parking_minutes or amount_fen, not both");
  }
  i.template_id = t.id;
  i.owner = owner;
  i.valid_from = c.OptTime("valid_from").value_or(kEarliestTime);
  i.valid_until = c.OptTime("valid_until").value_or(kLatestTime);
  c.Finish();
}

}  // namespace

StatusOr<Tariff> TariffFromJson(const Json& j) {
  JsonReader r(j, "tariff");
  Tariff t;
  t.id = TariffId(r.Str("id"));
  t.mall = MallId(r.Str("mall_id"));
  t.version = static_cast<int32_t>(r.Int("version", 1, 1'000'000));
  t.effective_from = r.Time("effective_from");
  t.cap_period =
      ReadEnum(r, "cap_period", kCapPeriods, CapPeriod::kCalendarDay);
  for (JsonReader& c : r.Objects("classes", 3, true)) {
    t.classes.push_back(ReadRates(c));
  }
  t.holidays = r.Dates("holidays", kMaxDates);
  t.workdays = r.Dates("workdays", kMaxDates);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(t.Validate());
  return t;
}

StatusOr<ParkingPolicy> ParkingPolicyFromJson(const Json& j) {
  JsonReader r(j, "policy");
  ParkingPolicy p;
  const auto minutes = [&](std::string_view key, int32_t fallback) {
    return static_cast<int32_t>(r.OptInt(key, fallback, 0, 1440));
  };
  p.exit_grace_minutes = minutes("exit_grace_minutes", 15);
  p.spend_step = Money::Fen(r.OptInt("spend_step_fen", 0, 0, kMaxAmount.fen()));
  p.minutes_per_step = minutes("minutes_per_step", 60);
  p.points_per_hour = r.OptInt("points_per_hour", 0, 0, 1'000'000);
  p.max_points_minutes_per_day = minutes("max_points_minutes_per_day", 0);
  p.max_free_minutes_per_member_day =
      minutes("max_free_minutes_per_member_day", 0);
  p.max_free_minutes_per_plate_day =
      minutes("max_free_minutes_per_plate_day", 0);
  p.max_coupons_per_stay =
      static_cast<int32_t>(r.OptInt("max_coupons_per_stay", 1, 0, 10));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(p.Validate());
  return p;
}

StatusOr<std::vector<MallParking>> ParkingFileFromJson(const Json& j) {
  JsonReader r(j, "parking");
  std::vector<MallParking> out;
  for (JsonReader& m : r.Objects("malls", 100, true)) {
    MallParking& mp = out.emplace_back();
    mp.mall = MallId(m.Str("mall_id"));
    mp.tariff = TariffId(m.Str("tariff_id"));
    if (const Json* p = m.Raw("policy", true)) {
      StatusOr<ParkingPolicy> policy = ParkingPolicyFromJson(*p);
      if (!policy.ok()) return policy.status();
      mp.policy = *policy;
    }
    const Json* tariffs = m.Raw("tariffs", true);
    if (tariffs != nullptr && !tariffs->is_array()) {
      m.Fail("tariffs", "must be an array");
    }
    m.Finish();
    ATRIUM_RETURN_IF_ERROR(m.status());
    for (const Json& t : *tariffs) {
      StatusOr<Tariff> tariff = TariffFromJson(t);
      if (!tariff.ok()) return tariff.status();
      if (tariff->id != mp.tariff || tariff->mall != mp.mall) {
        return InvalidArgument("tariff " + tariff->id.value() +
                               " is not the mall's tariff");
      }
      ATRIUM_RETURN_IF_ERROR(mp.schedule.Add(std::move(*tariff)));
    }
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return out;
}

StatusOr<std::vector<CarPark>> CarParksFromJson(const Json& j) {
  StatusOr<std::vector<MallParking>> file = ParkingFileFromJson(j);
  if (!file.ok()) return file.status();
  std::vector<CarPark> out;
  for (MallParking& m : *file) {
    out.push_back(
        {m.mall, m.tariff, m.policy,
         std::make_shared<const TariffSchedule>(std::move(m.schedule))});
  }
  return out;
}

StatusOr<QuoteRequest> QuoteRequestFromJson(const Json& j) {
  JsonReader r(j, "request");
  QuoteRequest q;
  q.mall = MallId(r.Str("mall_id"));
  StatusOr<Plate> plate = Plate::Parse(r.Str("plate"));
  if (!plate.ok()) r.Fail("plate", plate.status().message());
  if (plate.ok()) q.stay.plate = *plate;
  q.stay.session = r.OptStr("session", "quote");
  q.stay.vehicle = r.Has("vehicle")
                       ? ReadEnum(r, "vehicle", kVehicles, VehicleClass::kSmall)
                       : (q.stay.plate.new_energy() ? VehicleClass::kNewEnergy
                                                    : VehicleClass::kSmall);
  q.stay.entry = r.Time("entry");
  q.at = r.Time("at");
  if (r.Has("earlier")) {
    JsonReader e = r.Object("earlier");
    q.stay.paid = Money::Fen(e.OptInt("paid_fen", 0, 0, kMaxAmount.fen()));
    q.stay.payments = static_cast<int32_t>(e.OptInt("payments", 1, 0, 1000));
    BenefitUse& u = q.stay.used;
    u.tier_minutes = static_cast<int32_t>(e.OptInt("tier_minutes", 0, 0, 1440));
    u.spend_minutes =
        static_cast<int32_t>(e.OptInt("spend_minutes", 0, 0, 1440));
    u.coupon_minutes =
        static_cast<int32_t>(e.OptInt("coupon_minutes", 0, 0, 14400));
    u.points_minutes =
        static_cast<int32_t>(e.OptInt("points_minutes", 0, 0, 1440));
    u.coupon_amount =
        Money::Fen(e.OptInt("coupon_amount_fen", 0, 0, kMaxAmount.fen()));
    for (std::string& id : e.Strs("coupons", 10)) {
      u.coupons.emplace_back(std::move(id));
    }
    e.Finish();
  }
  if (r.Has("member")) {
    JsonReader m = r.Object("member");
    MemberBenefits& b = q.member.emplace();
    b.member = MemberId(m.Str("id"));
    b.tier_minutes_per_day =
        static_cast<int32_t>(m.OptInt("tier_minutes_per_day", 0, 0, 1440));
    b.spend_today =
        Money::Fen(m.OptInt("spend_today_fen", 0, 0, kMaxAmount.fen()));
    b.points_offered = m.OptInt("points_offered", 0, 0, 1'000'000'000);
    for (JsonReader& c : m.Objects("coupons", kMaxQuoteCoupons, false)) {
      ReadCoupon(c, q.mall, b.member, q);
    }
    m.Finish();
    for (size_t i = 0; i < q.coupons.size(); ++i) {
      b.coupons.push_back({&q.coupons[i], &q.templates[i]});
    }
  }
  if (r.Has("usage")) {
    JsonReader u = r.Object("usage");
    const auto m = [&](std::string_view key) {
      return static_cast<int32_t>(u.OptInt(key, 0, 0, 14400));
    };
    q.usage.tier_minutes = m("tier_minutes");
    q.usage.spend_minutes = m("spend_minutes");
    q.usage.points_minutes = m("points_minutes");
    q.usage.member_free_minutes = m("member_free_minutes");
    q.usage.plate_free_minutes = m("plate_free_minutes");
    u.Finish();
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return q;
}

Json QuoteToJson(const ParkingQuote& q) {
  Json lines = Json::array();
  for (const QuoteLine& l : q.lines) {
    Json line = {{"kind", BenefitKindName(l.kind)},
                 {"minutes", l.minutes},
                 {"off_fen", l.off.fen()}};
    if (l.coupon) line["coupon_id"] = l.coupon->value();
    if (l.points > 0) line["points"] = l.points;
    if (l.earlier) line["earlier"] = true;
    lines.push_back(std::move(line));
  }
  Json coupons = Json::array();
  for (const CouponId& c : q.use.coupons) coupons.push_back(c.value());
  Json out = {{"session", q.session},
              {"at", FormatIso8601(q.at)},
              {"entry", FormatIso8601(q.entry)},
              {"parked_seconds", q.parked_seconds},
              {"tariff_id", q.tariff.value()},
              {"tariff_version", q.tariff_version},
              {"gross_fen", q.gross.fen()},
              {"lines", std::move(lines)},
              {"paid_before_fen", q.paid_before.fen()},
              {"due_fen", q.due.fen()},
              {"points_used", q.use.points},
              {"coupons_used", std::move(coupons)},
              {"exit_by", FormatIso8601(q.exit_by)}};
  if (q.member) out["member_id"] = q.member->value();
  return out;
}

StatusOr<ParkingQuote> QuoteFromJson(const Json& j) {
  static constexpr std::array<std::pair<std::string_view, BenefitKind>, 5>
      kKinds = {{{"tier_minutes", BenefitKind::kTierMinutes},
                 {"spend_minutes", BenefitKind::kSpendMinutes},
                 {"coupon_minutes", BenefitKind::kCouponMinutes},
                 {"coupon_amount", BenefitKind::kCouponAmount},
                 {"points_minutes", BenefitKind::kPointsMinutes}}};
  constexpr int32_t kMaxMinutes = 366 * 24 * 60;
  JsonReader r(j, "quote");
  ParkingQuote q;
  q.session = r.Str("session");
  q.at = r.Time("at");
  q.entry = r.Time("entry");
  q.parked_seconds = r.Int("parked_seconds", 0, int64_t{kMaxMinutes} * 60);
  q.tariff = TariffId(r.Str("tariff_id"));
  q.tariff_version =
      static_cast<int32_t>(r.Int("tariff_version", 0, 1'000'000));
  q.gross = r.Fen("gross_fen");
  for (JsonReader& l : r.Objects("lines", kMaxQuoteCoupons + 8, true)) {
    QuoteLine line;
    line.kind = ReadEnum(l, "kind", kKinds, BenefitKind::kTierMinutes);
    line.minutes = static_cast<int32_t>(l.Int("minutes", 0, kMaxMinutes));
    line.off = l.Fen("off_fen");
    if (std::string c = l.OptStr("coupon_id"); !c.empty()) {
      line.coupon = CouponId(std::move(c));
    }
    line.points = l.OptInt("points", 0, 0, kMaxPointsPerEntry);
    line.earlier = l.OptBool("earlier", false);
    l.Finish();
    if (!line.earlier) {
      switch (line.kind) {
        case BenefitKind::kTierMinutes:
          q.use.tier_minutes += line.minutes;
          break;
        case BenefitKind::kSpendMinutes:
          q.use.spend_minutes += line.minutes;
          break;
        case BenefitKind::kCouponMinutes:
          q.use.coupon_minutes += line.minutes;
          break;
        case BenefitKind::kCouponAmount: break;  // its face value is not sent
        case BenefitKind::kPointsMinutes:
          q.use.points_minutes += line.minutes;
          break;
      }
    }
    q.lines.push_back(std::move(line));
  }
  q.paid_before = r.Fen("paid_before_fen");
  q.due = r.Fen("due_fen");
  q.use.points = r.Int("points_used", 0, kMaxPointsPerEntry);
  for (std::string& c : r.Strs("coupons_used", kMaxQuoteCoupons)) {
    q.use.coupons.emplace_back(std::move(c));
  }
  q.exit_by = r.Time("exit_by");
  if (std::string m = r.OptStr("member_id"); !m.empty()) {
    q.member = MemberId(std::move(m));
  }
  (void)r.Raw("plate", false);
  r.Finish();
  if (!r.ok()) return r.status();
  return q;
}

}  // namespace atrium::codec
