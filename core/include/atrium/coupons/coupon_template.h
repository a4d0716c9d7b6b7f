// A coupon template: what a coupon is worth, where it applies, when it is
// valid, how many exist, and who may hold one.
//
// Kinds and their value fields:
//   kPercentOff   pay `pay_permille` of the eligible amount (850 = 8.5 折),
//                 the discount capped at `max_discount` when set
//   kCashOff      `amount` off (立减)
//   kThreshold    满减: `amount` off for each full `threshold` spent when
//                 `repeating`, else once; the total capped at
//                 `max_discount` when set (每满 300 减 50, 最多减 150)
//   kGift         an item (`gift_item`) handed over at a store; no money off
//   kFreeDelivery the delivery fee of an order; no money off a basket
//   kParking      `parking_minutes` or `amount` off a parking fee
// Amounts are taken off the lines in scope only, never below zero.
// Validate() refuses contradictory templates: a kind without its value,
// a value the kind does not use, a window that ends before it starts,
// limits that can never be met, prices that do not fit the acquisition.
#ifndef ATRIUM_COUPONS_COUPON_TEMPLATE_H_
#define ATRIUM_COUPONS_COUPON_TEMPLATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

using TemplateId = Id<struct TemplateTag>;

enum class CouponKind {
  kPercentOff,
  kCashOff,
  kThreshold,
  kGift,
  kFreeDelivery,
  kParking,
};

// How a member comes to hold one.
enum class Acquisition { kFree, kPoints, kPaid };

// Where a coupon applies; empty lists mean everywhere in the mall.
// Exclusions win over inclusions.
struct CouponScope {
  std::vector<StoreId> stores;
  std::vector<std::string> categories;
  std::vector<StoreId> excluded_stores;
  std::vector<std::string> excluded_categories;

  bool Covers(const StoreId& store, const std::string& category) const;
  // Covers every store and category: no list is set.
  bool Unrestricted() const {
    return stores.empty() && categories.empty() && excluded_stores.empty() &&
           excluded_categories.empty();
  }
};

// A fixed window, or N days from the claim to the end of that local day.
struct CouponValidity {
  std::optional<Timestamp> from;   // fixed: valid from
  std::optional<Timestamp> until;  // fixed: valid up to, not including
  int32_t days_from_claim = 0;     // > 0: relative validity

  // The window of a coupon claimed at `claimed` (mall-local days).
  std::pair<Timestamp, Timestamp> WindowFor(const LocalCalendar& calendar,
                                            Timestamp claimed) const;
};

struct TierClaimRule {
  TierId tier;
  int32_t per_member_total = 0;  // overrides the template's; 0: keep it
  int64_t early_seconds = 0;     // may claim this long before claim_from
};

struct CouponTemplate {
  TemplateId id;
  std::string name;
  MallId mall;
  CouponKind kind = CouponKind::kCashOff;

  // Value (see the kinds above).
  int32_t pay_permille = 0;
  Money amount;
  Money threshold;
  bool repeating = false;
  Money max_discount;  // zero: no cap
  int32_t parking_minutes = 0;
  std::string gift_item;
  Money min_spend;  // of the lines in scope

  CouponScope scope;
  CouponValidity validity;

  // Stock and limits; zero means no limit.
  int64_t total_stock = 0;
  int32_t per_member_total = 0;
  int32_t per_member_per_day = 0;

  // Who may claim, and from when.
  std::vector<TierId> tiers;      // empty: every tier
  std::vector<std::string> tags;  // a member needs one; empty: anyone
  int32_t new_member_days = 0;    // > 0: only members this new
  std::optional<Timestamp> claim_from;
  std::optional<Timestamp> claim_until;
  std::vector<TierClaimRule> tier_rules;

  // Combination.
  std::string stacking_group;  // at most one coupon per group in a checkout
  bool exclusive = false;      // combines with no other coupon
  bool combines_with_points = true;

  Acquisition acquisition = Acquisition::kFree;
  int64_t points_price = 0;  // kPoints
  Money sale_price;          // kPaid
  StoreId funded_by;         // empty: the mall funds it; else the tenant

  Status Validate() const;
  // The discount on `eligible`, the amount of the lines in scope, before
  // the min-spend check (callers check min_spend). Never above `eligible`.
  Money DiscountOn(Money eligible) const;
  // The per-member limit for a member of `tier`.
  int32_t PerMemberTotalFor(const TierId& tier) const;
};

std::string_view CouponKindName(CouponKind kind);

}  // namespace atrium

#endif  // ATRIUM_COUPONS_COUPON_TEMPLATE_H_
