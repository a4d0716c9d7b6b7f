// A member's visit at a guide kiosk: they scan their code, see their card
// and this mall's coupons, claim some and exchange points for others, and
// leave (or walk away, and the idle timer ends the visit).
//
// Each thing taken shows how it stands: done when the server applied it,
// queued while the kiosk is offline (sent when it is back), or refused
// with the reason. A failure leaves the visit where it was, with the
// reason in error().
#ifndef ATRIUM_KIOSK_MODEL_MEMBER_VISIT_H_
#define ATRIUM_KIOSK_MODEL_MEMBER_VISIT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/member_desk.h"

namespace atrium::kiosk {

class MemberVisit {
 public:
  explicit MemberVisit(MemberDesk& desk) : desk_(desk) {}

  // A scanned member code: this member's visit begins (another's ends).
  Status SignIn(std::string_view code);
  Status Take(const TemplateId& offer);
  void SignOut();
  // Reads the member's card and offers again (after a sync).
  void Refresh();

  const KioskMember* member() const { return member_ ? &*member_ : nullptr; }
  const std::vector<Offer>& offers() const { return offers_; }
  // What this visit took, newest first, with how each stands now.
  struct Taken {
    std::string name;
    Outcome outcome;
  };
  std::vector<Taken> taken() const;
  const Status& error() const { return error_; }
  // Whether error() is a scan's (a code not taken) rather than a take's.
  bool scan_failed() const { return scan_failed_; }
  // This mall's coupon templates, for the campaigns' limited ones.
  std::vector<CouponTemplate> Coupons() const { return desk_.Coupons(); }

 private:
  Status Fail(Status s);

  MemberDesk& desk_;
  std::optional<KioskMember> member_;
  std::vector<Offer> offers_;
  std::vector<std::pair<std::string, std::string>> taken_;  // name, op id
  Status error_;
  bool scan_failed_ = false;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_MEMBER_VISIT_H_
