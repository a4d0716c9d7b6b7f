// PointsAsCash: how members' points pay at a till, a setting of the
// programme ("points_as_cash" in program.json): whole yuan at
// `points_per_yuan` points each, up to `max_share_permille` of what is left
// to pay after coupons (checkout.h prices it).
#ifndef ATRIUM_POINTS_POINTS_AS_CASH_H_
#define ATRIUM_POINTS_POINTS_AS_CASH_H_

#include <cstdint>

#include "atrium/status.h"

namespace atrium {

struct PointsAsCash {
  int64_t points_per_yuan = 100;     // 1..1,000,000
  int32_t max_share_permille = 500;  // 0..1000

  Status Validate() const;
};

}  // namespace atrium

#endif  // ATRIUM_POINTS_POINTS_AS_CASH_H_
