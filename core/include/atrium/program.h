// A group's membership programme: its malls, tiers, earning rules and the
// expiry of points. Everything here is configuration an operator edits;
// nothing here changes as members shop.
#ifndef ATRIUM_PROGRAM_H_
#define ATRIUM_PROGRAM_H_

#include "atrium/mall.h"
#include "atrium/members/tier.h"
#include "atrium/parking/car_park.h"
#include "atrium/points/earning.h"
#include "atrium/points/expiry.h"
#include "atrium/points/points_as_cash.h"
#include "atrium/status.h"

namespace atrium {

struct Program {
  Group group;
  TierPolicy tiers;
  EarningPolicy earning;
  ExpiryPolicy expiry;
  // How late a till may report a receipt and still earn (补积分).
  int32_t max_receipt_age_days = 30;
  // How points pay at a till (积分抵现).
  PointsAsCash points_as_cash;
  // Car parks, one per mall at most (shared/demo-mall/parking.json).
  std::vector<CarPark> car_parks;

  // Validates every part, and that rules name only malls, stores and tiers
  // the programme has, and car parks only its malls.
  Status Validate() const;
};

}  // namespace atrium

#endif  // ATRIUM_PROGRAM_H_
