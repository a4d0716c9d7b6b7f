// A member signed in at a kiosk by their member code, as its screens show
// them: never the full phone number.
#ifndef ATRIUM_KIOSK_MODEL_KIOSK_MEMBER_H_
#define ATRIUM_KIOSK_MODEL_KIOSK_MEMBER_H_

#include <cstdint>
#include <string>

#include "atrium/ids.h"

namespace atrium::kiosk {

struct KioskMember {
  MemberId id;
  std::string phone;  // masked
  std::string tier;   // the tier's name
  int64_t usable_points = 0;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_KIOSK_MEMBER_H_
