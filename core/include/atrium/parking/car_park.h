// A mall's car park as an operator configures it (shared/formats/
// parking.md): its tariff and its policy for member benefits. Data only:
// the programme holds these; ParkingLot (parking_lot.h) runs the stays and
// the quote (parking_quote.h) prices them.
#ifndef ATRIUM_PARKING_CAR_PARK_H_
#define ATRIUM_PARKING_CAR_PARK_H_

#include <cstdint>
#include <memory>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/parking/parking_tariff.h"
#include "atrium/status.h"

namespace atrium {

// What member benefits may do at the car park; zero caps are none.
struct ParkingPolicy {
  int32_t exit_grace_minutes = 15;
  Money spend_step;  // zero: spend gives no minutes
  int32_t minutes_per_step = 60;
  int64_t points_per_hour = 0;                  // zero: points buy no minutes
  int32_t max_points_minutes_per_day = 0;       // zero: no cap
  int32_t max_free_minutes_per_member_day = 0;  // zero: no cap
  int32_t max_free_minutes_per_plate_day = 0;   // zero: no cap
  int32_t max_coupons_per_stay = 1;

  Status Validate() const;
};

// A mall's car park as an operator configures it: the programme holds one
// per mall with parking, and the group's state a lot for each.
struct CarPark {
  MallId mall;
  TariffId tariff;
  ParkingPolicy policy;
  std::shared_ptr<const TariffSchedule> schedule;  // shared, never changed
};

}  // namespace atrium

#endif  // ATRIUM_PARKING_CAR_PARK_H_
