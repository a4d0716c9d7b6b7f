// An escrow is what the server lets one device grant on its own while it
// cannot reach the server: a slice of some coupons' stock, a budget of
// points members may spend, a cap per member, and an expiry.
//
// Contract:
// - The server holds the slice out of the coupons' stock when it grants the
//   escrow, so online claims and the device's offline claims together never
//   exceed the stock; returning the escrow gives back what was not used.
// - A device's operation made under the escrow counts against it if it was
//   made (by the device's clock) before the expiry and the escrow is still
//   open when the server applies it; beyond the escrow the device must wait
//   for the network.
// - Checks change nothing; charges follow a successful check.
#ifndef ATRIUM_ESCROW_H_
#define ATRIUM_ESCROW_H_

#include <cstdint>
#include <map>
#include <string>

#include "atrium/coupons/coupon_template.h"
#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

struct EscrowGrant {
  std::string id;
  std::string device;
  Timestamp expires_at;
  int64_t points_budget = 0;
  int64_t per_member_points = 0;          // 0: only the budget limits a member
  std::map<TemplateId, int64_t> coupons;  // slice of each template's stock
};

class Escrow {
 public:
  explicit Escrow(EscrowGrant grant) : grant_(std::move(grant)) {}

  Status CheckPoints(const MemberId& member, int64_t points,
                     Timestamp made_at) const;
  void ChargePoints(const MemberId& member, int64_t points);
  Status CheckCoupon(const TemplateId& id, Timestamp made_at) const;
  void ChargeCoupon(const TemplateId& id);
  void Close() { open_ = false; }

  bool open() const { return open_; }
  const EscrowGrant& grant() const { return grant_; }
  int64_t points_used() const { return points_used_; }
  int64_t points_of(const MemberId& member) const;
  int64_t coupons_used(const TemplateId& id) const;
  int64_t coupons_left(const TemplateId& id) const;

 private:
  Status CheckUsable(Timestamp made_at) const;

  EscrowGrant grant_;
  bool open_ = true;
  int64_t points_used_ = 0;
  std::map<MemberId, int64_t> points_by_member_;
  std::map<TemplateId, int64_t> coupons_used_;
};

}  // namespace atrium

#endif  // ATRIUM_ESCROW_H_
