// What a guide kiosk does for a member who scanned their code there: show
// their card, and claim coupons or exchange points for them.
//
// MemberDesk is the kiosk's replica of the server's data (net/
// kiosk_replica.h). Online, what the member takes is sent at once and the
// server's answer follows; offline, it is taken within the kiosk's escrow,
// queued, and sent when the server is back. Codes: Unavailable (offline
// and the kiosk cannot do it alone: wait for the network),
// ResourceExhausted (sold out, or beyond the escrow), FailedPrecondition
// (the member may not: claimed already, short of points), NotFound.
#ifndef ATRIUM_KIOSK_MODEL_MEMBER_DESK_H_
#define ATRIUM_KIOSK_MODEL_MEMBER_DESK_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/coupons/coupon_template.h"
#include "atrium/ids.h"
#include "atrium/status.h"
#include "model/kiosk_member.h"

namespace atrium::kiosk {

// A coupon of this mall a member may take at the kiosk.
struct Offer {
  TemplateId id;
  std::string name;
  int64_t points_price = 0;  // 0: claimed for free
  Status can;                // OK, or why not now
};

// How the kiosk's replica stands with the server.
struct SyncState {
  bool known = false;   // the kiosk has tried the server since it started
  bool online = false;  // and the last try reached it
  size_t queued = 0;    // operations waiting to be sent
  int64_t cursor = 0;   // how far it has pulled: grows with news
};

// What became of one thing a member took.
struct Outcome {
  enum class State { kQueued, kDone, kRefused } state = State::kQueued;
  std::string why;  // kRefused: the server's reason
};

class MemberDesk {
 public:
  virtual ~MemberDesk() = default;
  virtual StatusOr<KioskMember> SignIn(std::string_view member_code) = 0;
  // The member as the kiosk sees them now (their points after a change).
  virtual StatusOr<KioskMember> Member(const MemberId& member) = 0;
  // This mall's coupons to claim or to buy with points, for `member`.
  virtual std::vector<Offer> Offers(const MemberId& member) = 0;
  // Takes `offer` for `member`: the operation's id, to follow with
  // OutcomeOf.
  virtual StatusOr<std::string> Take(const MemberId& member,
                                     const TemplateId& offer) = 0;
  virtual Outcome OutcomeOf(const std::string& operation_id) = 0;
  // This mall's coupon templates as the kiosk holds them now.
  virtual std::vector<CouponTemplate> Coupons() = 0;
  virtual SyncState sync_state() = 0;
  // The member is done here (signed out, or the screen went idle): the
  // kiosk stops acting for them, and tells the server when it can.
  virtual void SignOut(const MemberId& member) { (void)member; }
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_MEMBER_DESK_H_
