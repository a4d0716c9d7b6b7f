#include "atrium/program.h"

#include <set>

namespace atrium {

Status Program::Validate() const {
  ATRIUM_RETURN_IF_ERROR(group.Validate());
  ATRIUM_RETURN_IF_ERROR(tiers.Validate());
  ATRIUM_RETURN_IF_ERROR(earning.Validate());
  ATRIUM_RETURN_IF_ERROR(expiry.Validate());
  ATRIUM_RETURN_IF_ERROR(points_as_cash.Validate());
  if (max_receipt_age_days < 0 || max_receipt_age_days > 366) {
    return InvalidArgument("max receipt age must lie in 0..366 days");
  }
  for (const EarningRule& r : earning.rules) {
    for (const MallId& m : r.malls) {
      if (group.FindMall(m) == nullptr) {
        return InvalidArgument("rule " + r.id.value() + " names unknown mall " +
                               m.value());
      }
    }
    for (const StoreId& s : r.stores) {
      bool found = false;
      for (const Mall& m : group.malls) found = found || m.FindStore(s);
      if (!found) {
        return InvalidArgument("rule " + r.id.value() +
                               " names unknown store " + s.value());
      }
    }
    for (const TierId& t : r.tiers) {
      if (tiers.IndexOf(t) < 0) {
        return InvalidArgument("rule " + r.id.value() + " names unknown tier " +
                               t.value());
      }
    }
  }
  std::set<MallId> parked;
  for (const CarPark& c : car_parks) {
    if (group.FindMall(c.mall) == nullptr || !parked.insert(c.mall).second) {
      return InvalidArgument("a car park for unknown or repeated mall " +
                             c.mall.value());
    }
    if (c.schedule == nullptr) {
      return InvalidArgument("the car park of " + c.mall.value() +
                             " has no tariffs");
    }
    ATRIUM_RETURN_IF_ERROR(c.policy.Validate());
  }
  return Status::Ok();
}

}  // namespace atrium
