#include "model/campaigns.h"

#include <algorithm>
#include <cstdio>

namespace atrium::kiosk {
namespace {

constexpr int64_t kMaxLimitedStock = 1000;

std::string Clock(int32_t second_of_day) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", second_of_day / 3600 % 24,
                second_of_day / 60 % 60);
  return text;
}

}  // namespace

std::vector<const EarningRule*> PointsCampaigns(const EarningPolicy& policy,
                                                const MallId& mall,
                                                Timestamp now) {
  std::vector<const EarningRule*> out;
  for (const EarningRule& r : policy.rules) {
    const TimeWindow& w = r.window;
    const bool windowed = w.from || w.until || !w.weekdays.empty() ||
                          !w.month_days.empty() || !w.dates.empty() ||
                          w.start_second != 0 || w.end_second != kSecondsPerDay;
    const bool here =
        r.malls.empty() ||
        std::find(r.malls.begin(), r.malls.end(), mall) != r.malls.end();
    if (r.effect == RuleEffect::kExclude || !r.tiers.empty() ||
        r.multiplier_permille <= 1000 || !(windowed || !r.categories.empty()) ||
        !here || (w.until && *w.until <= now)) {
      continue;
    }
    out.push_back(&r);
  }
  return out;
}

std::vector<const CouponTemplate*> LimitedCoupons(
    const std::vector<CouponTemplate>& templates, const MallId& mall,
    Timestamp now) {
  std::vector<const CouponTemplate*> out;
  for (const CouponTemplate& t : templates) {
    const bool limited =
        t.claim_from || t.claim_until ||
        (t.total_stock > 0 && t.total_stock <= kMaxLimitedStock);
    if (t.mall != mall || t.acquisition != Acquisition::kFree || !limited ||
        (t.claim_until && *t.claim_until <= now)) {
      continue;
    }
    out.push_back(&t);
  }
  return out;
}

WindowParts DescribeWindow(const TimeWindow& w, const LocalCalendar& calendar) {
  WindowParts p;
  p.month_days = w.month_days;
  for (Weekday d : w.weekdays) p.weekdays.push_back(static_cast<int>(d));
  if (w.from) p.first_day = calendar.DateOf(*w.from).ToString();
  // `until` is the first instant after the window: its last day is the one
  // before.
  if (w.until)
    p.last_day = calendar.DateOf(w.until->PlusSeconds(-1)).ToString();
  if (w.start_second != 0 || w.end_second != kSecondsPerDay) {
    p.start = Clock(w.start_second);
    p.end = Clock(w.end_second);
  }
  return p;
}

}  // namespace atrium::kiosk
