// The guide's campaign list on the demo programme and coupons: which
// points rules are campaigns at which mall and when, which coupons are
// limited, and a window in parts a screen words.
#include "model/campaigns.h"

#include <gtest/gtest.h>

#include <map>

#include "atrium/codec/coupon_json.h"
#include "shared_files.h"

namespace atrium::kiosk {
namespace {

using testing::DemoProgram;

const Timestamp kNow = *ParseIso8601("2026-11-27T04:00:00Z");

std::vector<std::string> Ids(const std::vector<const EarningRule*>& rules) {
  std::vector<std::string> out;
  for (const EarningRule* r : rules) out.push_back(r->id.value());
  return out;
}

TEST(CampaignsTest, BonusesForEveryoneWithAWindowOrACategoryNotOver) {
  const Program p = DemoProgram();
  // Not the tiers' multipliers, the exclusion or the supermarket's half.
  EXPECT_EQ(Ids(PointsCampaigns(p.earning, MallId("m-xinjie"), kNow)),
            (std::vector<std::string>{"r-member-day", "r-december-weekend",
                                      "r-late-cinema"}));
  // December weekends are the main mall's only.
  EXPECT_EQ(Ids(PointsCampaigns(p.earning, MallId("m-binjiang"), kNow)),
            (std::vector<std::string>{"r-member-day", "r-late-cinema"}));
  // And over with the year.
  EXPECT_EQ(Ids(PointsCampaigns(p.earning, MallId("m-xinjie"),
                                *ParseIso8601("2027-01-01T00:00:00Z"))),
            (std::vector<std::string>{"r-member-day", "r-late-cinema"}));
}

TEST(CampaignsTest, AWindowInPartsInTheMallsTime) {
  const Program p = DemoProgram();
  const LocalCalendar& calendar =
      p.group.FindMall(MallId("m-xinjie"))->calendar;
  std::map<std::string, WindowParts> parts;
  for (const EarningRule& r : p.earning.rules) {
    parts[r.id.value()] = DescribeWindow(r.window, calendar);
  }
  EXPECT_EQ(parts["r-member-day"].month_days, std::vector<int32_t>{8});
  const WindowParts& december = parts["r-december-weekend"];
  EXPECT_EQ(december.weekdays, (std::vector<int>{6, 7}));
  EXPECT_EQ(december.first_day, "2026-12-01");  // local, not UTC
  EXPECT_EQ(december.last_day, "2026-12-31");
  EXPECT_EQ(december.start, "");
  EXPECT_EQ(parts["r-late-cinema"].start, "22:00");
  EXPECT_EQ(parts["r-late-cinema"].end, "02:00");
}

TEST(CampaignsTest, LimitedCouponsAreFreeLimitedAndNotOver) {
  const codec::Json file = testing::ReadSharedJson("demo-mall/coupons.json");
  std::vector<CouponTemplate> templates;
  for (const codec::Json& t : file["templates"]) {
    templates.push_back(*codec::TemplateFromJson(t));
  }
  std::vector<std::string> ids;
  for (const CouponTemplate* t :
       LimitedCoupons(templates, MallId("m-xinjie"), kNow)) {
    ids.push_back(t->id.value());
  }
  // The flash sale's 100; not the points mall's, nor the 5,000-stock one.
  EXPECT_EQ(ids, std::vector<std::string>{"flash-50"});
  templates[0].claim_until = kNow;  // a claim window just over
  templates[0].total_stock = 10;
  EXPECT_EQ(LimitedCoupons(templates, MallId("m-xinjie"), kNow).size(), 1u);
}

}  // namespace
}  // namespace atrium::kiosk
