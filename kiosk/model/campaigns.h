// What a guide screen lists as the mall's campaigns, as the H5 app's
// campaign page does (web/app/js/pages/offers.js): the points campaigns
// (member days, multi-point days and hours: bonuses with a window or a
// category, for everyone — tier multipliers belong to the member card —
// and not over) and the limited coupons (claim windows, or stock of 1,000
// or fewer; free to claim; not over).
#ifndef ATRIUM_KIOSK_MODEL_CAMPAIGNS_H_
#define ATRIUM_KIOSK_MODEL_CAMPAIGNS_H_

#include <string>
#include <vector>

#include "atrium/coupons/coupon_template.h"
#include "atrium/points/earning.h"

namespace atrium::kiosk {

std::vector<const EarningRule*> PointsCampaigns(const EarningPolicy& policy,
                                                const MallId& mall,
                                                Timestamp now);
std::vector<const CouponTemplate*> LimitedCoupons(
    const std::vector<CouponTemplate>& templates, const MallId& mall,
    Timestamp now);

// A window's parts as a screen words them, for the screen to join:
// month days (8), weekdays (1 = Monday), first and last local days, and
// hours ("22:00", "02:00"); empty where the window does not limit.
struct WindowParts {
  std::vector<int32_t> month_days;
  std::vector<int> weekdays;
  std::string first_day;  // "2026-12-01"
  std::string last_day;
  std::string start;
  std::string end;
};
WindowParts DescribeWindow(const TimeWindow& w, const LocalCalendar& calendar);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_CAMPAIGNS_H_
