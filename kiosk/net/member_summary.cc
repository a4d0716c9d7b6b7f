#include "net/member_summary.h"

namespace atrium::kiosk {

StatusOr<KioskMember> KioskMemberFromSummary(const codec::Json& summary) {
  codec::JsonReader r(summary, "member");
  KioskMember m;
  m.id = MemberId(r.Str("member_id"));
  m.phone = r.Str("phone");
  // The rest of the card only as far as the screen shows it.
  if (const codec::Json* tier = r.Raw("tier", false);
      tier != nullptr && tier->is_object()) {
    m.tier = tier->value("name", "");
  }
  if (const codec::Json* points = r.Raw("points", false);
      points != nullptr && points->is_object()) {
    m.usable_points = points->value("usable", int64_t{0});
  }
  if (!r.ok()) return r.status();
  return m;
}

}  // namespace atrium::kiosk
