// Plates members have bound to their accounts, for parking benefits and
// sensorless (无感) payment.
//
// Decisions: a plate may be bound by up to kMaxMembersPerPlate members (a
// family car); each brings their own benefits when they pay, and the car
// park's per-plate daily cap stops them stacking free hours on one stay.
// At most one of them pays automatically at exit: a second auto-pay binding
// is FailedPrecondition until the first is switched off. A member binds at
// most kMaxPlatesPerMember plates. Binding again only changes the auto-pay
// choice; unbinding a plate that is not bound is NotFound.
#ifndef ATRIUM_PARKING_PLATE_BINDING_H_
#define ATRIUM_PARKING_PLATE_BINDING_H_

#include <optional>
#include <vector>

#include "atrium/ids.h"
#include "atrium/parking/plate.h"
#include "atrium/status.h"

namespace atrium {

inline constexpr size_t kMaxMembersPerPlate = 5;
inline constexpr size_t kMaxPlatesPerMember = 5;

class PlateBindings {
 public:
  Status Bind(const MemberId& member, const Plate& plate, bool auto_pay);
  Status Unbind(const MemberId& member, const Plate& plate);

  std::vector<MemberId> MembersOf(const Plate& plate) const;
  std::vector<Plate> PlatesOf(const MemberId& member) const;
  // The member charged at exit, if any.
  std::optional<MemberId> AutoPayer(const Plate& plate) const;

 private:
  struct Binding {
    MemberId member;
    Plate plate;
    bool auto_pay = false;
  };
  Binding* Find(const MemberId& member, const Plate& plate);
  std::vector<Binding> bindings_;
};

}  // namespace atrium

#endif  // ATRIUM_PARKING_PLATE_BINDING_H_
