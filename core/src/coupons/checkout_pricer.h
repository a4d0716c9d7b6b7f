// Pricer: what PriceCheckout and PriceWith share. It analyses each wallet
// coupon once (usable? which lines? worth how much alone?), prices any set
// of coupons exactly, and builds the full result for the set chosen.
// Internal to core/src.
#ifndef ATRIUM_SRC_CHECKOUT_PRICER_H_
#define ATRIUM_SRC_CHECKOUT_PRICER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "atrium/coupons/checkout.h"

namespace atrium::internal {

struct CouponFacts {
  std::optional<UnusedReason> unusable;  // set when it cannot be used
  std::span<const uint16_t> lines;       // basket lines in its scope
  std::array<uint64_t, 4> line_mask{};   // the same lines, as bits
  Money eligible;                        // their original price
  Money alone;                           // its discount on its own
  int group = 0;      // its stacking group (or kind), numbered from 0
  int kind_rank = 0;  // application order
  int id_rank = 0;    // position by coupon id: ties in application order
  bool exclusive = false;
  bool allows_points = true;
};

class Pricer {
 public:
  Pricer(const Basket& basket, std::span<const WalletCoupon> wallet,
         int64_t usable_points, const PointsAsCash& policy);

  // Checks the basket, wallet and policy; then analyses every coupon.
  Status Prepare();

  const std::vector<CouponFacts>& facts() const { return facts_; }
  int group_count() const { return group_count_; }
  // Sorts `set` into application order.
  void Order(std::vector<size_t>& set) const;
  // OK if `set` (ordered) is a legal combination; else why not.
  Status CheckLegal(std::span<const size_t> set) const;
  // What `set` (ordered, legal) takes off: coupons plus points cash.
  Money Saving(std::span<const size_t> set) const;
  // The most points could ever take off this basket.
  Money PointsCeiling() const;
  // The full result for `set` (ordered, legal).
  CheckoutResult Build(std::span<const size_t> set) const;

 private:
  // Which coupons of `set` Saving must price exactly. A coupon's discount
  // is its discount alone unless it plus the earlier coupons sharing a line
  // could exceed its eligible amount: then it is "exact", and reads what
  // is left of its lines. An earlier coupon is spread over its lines only
  // when a later exact or spread coupon shares one of them. Fills exact_
  // and spread_, indexed like `set`; false when no coupon is exact.
  bool PlanSpreads(std::span<const size_t> set) const;
  // Takes each coupon of `set` off `left` (per-line fen remaining),
  // recording allocations in `out`. Returns the coupon discount.
  int64_t ApplyCoupons(std::span<const size_t> set, std::vector<int64_t>& left,
                       std::vector<CouponAllocation>& out) const;
  // Numbers each coupon's stacking group (or kind, when it has none).
  void NumberGroups();
  // Points: the yuan they pay given `after_coupons` fen left, or zero.
  int64_t PointsYuan(std::span<const size_t> set, int64_t after_coupons) const;
  // Appends the coupon's lines to line_pool_, which must have room.
  CouponFacts Analyse(const WalletCoupon& w);

  const Basket& basket_;
  std::span<const WalletCoupon> wallet_;
  int64_t usable_points_;
  PointsAsCash policy_;
  std::vector<CouponFacts> facts_;
  std::vector<uint16_t> line_pool_;  // every CouponFacts::lines, end to end
  std::vector<uint8_t> overlap_;     // facts_.size()^2: scopes share a line
  int group_count_ = 0;
  // Scratch for pricing, reused across the search's many calls.
  mutable std::vector<int64_t> left_;
  mutable std::vector<int64_t> shares_;
  mutable std::vector<int64_t> rem_;
  mutable std::vector<uint8_t> exact_;
  mutable std::vector<uint8_t> spread_;
};

// Takes `amount` fen off the lines `lines` of `left` in proportion to what
// is left of each, largest remainders first; each line's share goes to
// `shares`. `rem` is scratch.
void Spread(int64_t amount, std::span<const uint16_t> lines,
            std::vector<int64_t>& left, std::vector<int64_t>& shares,
            std::vector<int64_t>& rem);

}  // namespace atrium::internal

#endif  // ATRIUM_SRC_CHECKOUT_PRICER_H_
