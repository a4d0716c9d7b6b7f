#include "atrium/codec/program_json.h"

#include <array>

#include "atrium/points/ledger.h"

namespace atrium::codec {
namespace {

constexpr size_t kMaxMalls = 64;
constexpr size_t kMaxStores = 2000;
constexpr size_t kMaxListItems = 500;
constexpr std::array<std::string_view, 7> kWeekdays = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"};

LocalCalendar ReadCalendar(JsonReader& r) {
  StatusOr<int32_t> offset = ParseUtcOffset(r.OptStr("utc_offset", "+08:00"));
  StatusOr<int32_t> start =
      ParseTimeOfDay(r.OptStr("business_day_start", "00:00"));
  if (!offset.ok()) r.Fail("utc_offset", offset.status().message());
  if (!start.ok()) r.Fail("business_day_start", start.status().message());
  if (!r.ok()) return {};
  StatusOr<LocalCalendar> cal = LocalCalendar::Create(*offset, *start);
  if (!cal.ok()) r.Fail("business_day_start", cal.status().message());
  return cal.ok() ? *cal : LocalCalendar();
}

Mall ReadMall(JsonReader& r) {
  Mall m;
  m.id = MallId(r.Str("id"));
  m.name = r.Str("name");
  m.name_en = r.OptStr("name_en");
  m.calendar = ReadCalendar(r);
  for (JsonReader& s : r.Objects("stores", kMaxStores, false)) {
    Store store{StoreId(s.Str("id")), s.Str("name"), s.OptStr("name_en"),
                s.Str("category"), s.OptStr("pinyin")};
    s.Finish();
    m.stores.push_back(std::move(store));
  }
  r.Finish();
  return m;
}

Group ReadGroup(JsonReader r) {
  Group g;
  g.id = GroupId(r.Str("id"));
  g.name = r.Str("name");
  g.calendar = ReadCalendar(r);
  for (JsonReader& m : r.Objects("malls", kMaxMalls, true)) {
    g.malls.push_back(ReadMall(m));
  }
  r.Finish();
  return g;
}

TierPolicy ReadTiers(JsonReader r) {
  TierPolicy p;
  const std::string mode = r.OptStr("qualify", "spend_or_visits");
  if (mode == "spend_and_visits") {
    p.mode = QualifyMode::kSpendAndVisits;
  } else if (mode != "spend_or_visits") {
    r.Fail("qualify", "must be spend_or_visits or spend_and_visits");
  }
  for (const std::string& d : r.Strs("evaluation_days", 12)) {
    StatusOr<MonthDay> md = ParseMonthDay(d);
    if (!md.ok()) r.Fail("evaluation_days", md.status().message());
    if (md.ok()) p.evaluation_days.push_back(*md);
  }
  p.grace_days = static_cast<int32_t>(r.OptInt("grace_days", 0, 0, 366));
  p.max_levels_down =
      static_cast<int32_t>(r.OptInt("max_levels_down", 1, 0, 100));
  for (JsonReader& l : r.Objects("levels", 32, true)) {
    TierLevel level;
    level.id = TierId(l.Str("id"));
    level.name = l.Str("name");
    level.name_en = l.OptStr("name_en", level.name);
    level.min_spend =
        Money::Fen(l.OptInt("min_spend_fen", 0, 0, kMaxAmount.fen()));
    level.min_visits = static_cast<int32_t>(l.OptInt("min_visits", 0, 0, 366));
    level.parking_free_minutes_per_day = static_cast<int32_t>(
        l.OptInt("parking_free_minutes_per_day", 0, 0, 1440));
    l.Finish();
    p.levels.push_back(std::move(level));
  }
  r.Finish();
  return p;
}

TimeWindow ReadWindow(JsonReader r) {
  TimeWindow w;
  w.from = r.OptTime("from");
  w.until = r.OptTime("until");
  for (const std::string& d : r.Strs("weekdays", 7)) {
    size_t i = 0;
    while (i < kWeekdays.size() && kWeekdays[i] != d) ++i;
    if (i == kWeekdays.size()) r.Fail("weekdays", "use mon, tue, ... sun");
    w.weekdays.push_back(static_cast<Weekday>(i + 1));
  }
  for (const int64_t d : r.Ints("month_days", 31, 1, 31)) {
    w.month_days.push_back(static_cast<int32_t>(d));
  }
  w.dates = r.Dates("dates", 366);
  w.start_second = r.OptTimeOfDay("start", 0);
  w.end_second = r.OptTimeOfDay("end", static_cast<int32_t>(kSecondsPerDay));
  r.Finish();
  return w;
}

template <typename IdT>
std::vector<IdT> ReadIds(JsonReader& r, std::string_view key) {
  std::vector<IdT> out;
  for (std::string& s : r.Strs(key, kMaxListItems))
    out.emplace_back(std::move(s));
  return out;
}

EarningRule ReadRule(JsonReader& r) {
  EarningRule rule;
  rule.id = RuleId(r.Str("id"));
  rule.name = r.Str("name");
  const std::string effect = r.OptStr("effect", "multiply");
  if (effect == "exclude") {
    rule.effect = RuleEffect::kExclude;
  } else if (effect != "multiply") {
    r.Fail("effect", "must be multiply or exclude");
  }
  rule.multiplier_permille = static_cast<int32_t>(
      r.OptInt("multiplier_permille", 1000, 1, kMaxMultiplierPermille));
  rule.malls = ReadIds<MallId>(r, "malls");
  rule.stores = ReadIds<StoreId>(r, "stores");
  rule.categories = r.Strs("categories", kMaxListItems);
  rule.tiers = ReadIds<TierId>(r, "tiers");
  if (r.Has("window")) rule.window = ReadWindow(r.Object("window"));
  r.Finish();
  return rule;
}

EarningPolicy ReadEarning(JsonReader r) {
  EarningPolicy p;
  p.fen_per_point = r.OptInt("fen_per_point", 100, 1, 1'000'000);
  const std::string combine = r.OptStr("combine", "multiply");
  if (combine == "highest") {
    p.combine = CombineMode::kHighest;
  } else if (combine == "add_bonuses") {
    p.combine = CombineMode::kAddBonuses;
  } else if (combine != "multiply") {
    r.Fail("combine", "must be multiply, highest or add_bonuses");
  }
  p.max_points_per_receipt =
      r.OptInt("max_points_per_receipt", 0, 0, kMaxPointsPerEntry);
  p.max_points_per_day =
      r.OptInt("max_points_per_day", 0, 0, kMaxPointsPerEntry);
  p.pending_seconds = r.OptInt("pending_seconds", 0, 0, 366 * kSecondsPerDay);
  p.min_receipt_fen = r.OptInt("min_receipt_fen", 0, 0, kMaxAmount.fen());
  for (JsonReader& rule : r.Objects("rules", kMaxEarningRules, false)) {
    p.rules.push_back(ReadRule(rule));
  }
  r.Finish();
  return p;
}

ExpiryPolicy ReadExpiry(JsonReader r) {
  ExpiryPolicy p;
  const std::string kind = r.Str("kind");
  if (kind == "never") {
    p.kind = ExpiryKind::kNever;
  } else if (kind == "end_of_year") {
    p.kind = ExpiryKind::kEndOfYear;
    p.years = static_cast<int32_t>(r.OptInt("years", 1, 0, 10));
  } else if (kind == "after_days") {
    p.kind = ExpiryKind::kAfterDays;
    p.days = static_cast<int32_t>(r.Int("days", 1, 3660));
  } else if (kind == "end_of_month" || kind == "end_of_quarter") {
    p.kind = kind == "end_of_month" ? ExpiryKind::kEndOfMonth
                                    : ExpiryKind::kEndOfQuarter;
    p.months = static_cast<int32_t>(r.Int("months", 0, 120));
  } else {
    r.Fail("kind",
           "must be never, end_of_year, after_days, end_of_month or "
           "end_of_quarter");
  }
  r.Finish();
  return p;
}

// Reads the rules (what an operator edits) into `p`, then checks that
// nothing else is in `r` and that `p` is valid as a whole.
StatusOr<Program> WithRules(JsonReader& r, Program p) {
  p.tiers = ReadTiers(r.Object("tiers"));
  p.earning = ReadEarning(r.Object("earning"));
  p.expiry = ReadExpiry(r.Object("expiry"));
  p.max_receipt_age_days =
      static_cast<int32_t>(r.OptInt("max_receipt_age_days", 30, 0, 366));
  if (r.Has("points_as_cash")) {
    JsonReader cash = r.Object("points_as_cash");
    p.points_as_cash.points_per_yuan =
        cash.OptInt("points_per_yuan", 100, 1, 1'000'000);
    p.points_as_cash.max_share_permille =
        static_cast<int32_t>(cash.OptInt("max_share_permille", 500, 0, 1000));
    cash.Finish();
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(p.Validate());
  return p;
}

}  // namespace

StatusOr<Program> ProgramFromJson(const Json& j) {
  JsonReader r(j, "program");
  Program p;
  p.group = ReadGroup(r.Object("group"));
  return WithRules(r, std::move(p));
}

StatusOr<ExpiryPolicy> ExpiryFromJson(const Json& j) {
  JsonReader r(j, "expiry");
  ExpiryPolicy p = ReadExpiry(r);  // a copy shares its errors
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(p.Validate());
  return p;
}

StatusOr<Program> ProgramWithRules(Program program, const Json& rules) {
  JsonReader r(rules, "rules");
  return WithRules(r, std::move(program));
}

}  // namespace atrium::codec
