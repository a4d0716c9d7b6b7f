// The guide's campaigns: the mall's points campaigns with their days and
// hours in words, and its limited coupons (claimed by a signed-in member
// on the member tab).
#ifndef ATRIUM_KIOSK_UI_CAMPAIGNS_PANEL_H_
#define ATRIUM_KIOSK_UI_CAMPAIGNS_PANEL_H_

#include <vector>

#include "atrium/coupons/coupon_template.h"
#include "atrium/points/earning.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

void DrawCampaigns(const std::vector<const EarningRule*>& rules,
                   const std::vector<const CouponTemplate*>& coupons,
                   const LocalCalendar& calendar, Language language,
                   const Fonts& fonts);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_CAMPAIGNS_PANEL_H_
