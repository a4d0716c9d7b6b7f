#include "atrium/coupons/coupon_template.h"

#include <algorithm>
#include <set>

namespace atrium {
namespace {

template <typename T>
bool Contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool AmountInRange(Money m) { return !m.is_negative() && m <= kMaxAmount; }

// The value fields each kind uses; any other set is a contradiction.
Status CheckValue(const CouponTemplate& t) {
  const bool has_pay = t.pay_permille != 0;
  const bool has_amount = !t.amount.is_zero();
  const bool has_threshold = !t.threshold.is_zero() || t.repeating;
  const bool has_cap = !t.max_discount.is_zero();
  const bool has_minutes = t.parking_minutes != 0;
  const bool has_gift = !t.gift_item.empty();
  bool ok = false;
  switch (t.kind) {
    case CouponKind::kPercentOff:
      ok = t.pay_permille >= 1 && t.pay_permille <= 999 && !has_amount &&
           !has_threshold && !has_minutes && !has_gift;
      break;
    case CouponKind::kCashOff:
      ok = has_amount && !has_pay && !has_threshold && !has_cap &&
           !has_minutes && !has_gift;
      break;
    case CouponKind::kThreshold:
      ok = has_amount && !t.threshold.is_zero() && t.amount <= t.threshold &&
           !has_pay && !has_minutes && !has_gift &&
           (!has_cap || t.max_discount >= t.amount);
      break;
    case CouponKind::kGift:
      ok = has_gift && !has_pay && !has_amount && !has_threshold && !has_cap &&
           !has_minutes;
      break;
    case CouponKind::kFreeDelivery:
      ok = !has_pay && !has_amount && !has_threshold && !has_cap &&
           !has_minutes && !has_gift;
      break;
    case CouponKind::kParking:
      ok = (has_minutes != has_amount) && t.parking_minutes >= 0 &&
           t.parking_minutes <= 24 * 60 && !has_pay && !has_threshold &&
           !has_cap && !has_gift;
      break;
  }
  if (!ok) {
    return InvalidArgument("coupon " + t.id.value() +
                           ": the value fields do "
                           "not fit a " +
                           std::string(CouponKindName(t.kind)) + " coupon");
  }
  return Status::Ok();
}

Status CheckLimits(const CouponTemplate& t) {
  const std::string who = "coupon " + t.id.value() + ": ";
  if (t.total_stock < 0 || t.per_member_total < 0 || t.per_member_per_day < 0) {
    return InvalidArgument(who + "stock and limits may not be negative");
  }
  if (t.per_member_total > 0 && t.per_member_per_day > t.per_member_total) {
    return InvalidArgument(who + "a daily limit above the total limit");
  }
  if (t.new_member_days < 0 || t.new_member_days > 3660) {
    return InvalidArgument(who + "new-member days must lie in 0..3660");
  }
  std::set<TierId> seen;
  for (const TierClaimRule& r : t.tier_rules) {
    if (!seen.insert(r.tier).second) {
      return InvalidArgument(who + "tier rule repeated: " + r.tier.value());
    }
    if (r.per_member_total < 0 || r.early_seconds < 0 ||
        r.early_seconds > 30 * kSecondsPerDay) {
      return InvalidArgument(who + "tier rule out of range: " + r.tier.value());
    }
    if (!t.tiers.empty() && !Contains(t.tiers, r.tier)) {
      return InvalidArgument(
          who + "tier rule for a tier that may not claim: " + r.tier.value());
    }
  }
  return Status::Ok();
}

Status CheckTimes(const CouponTemplate& t) {
  const std::string who = "coupon " + t.id.value() + ": ";
  const CouponValidity& v = t.validity;
  const bool fixed = v.from.has_value() || v.until.has_value();
  if (fixed == (v.days_from_claim > 0)) {
    return InvalidArgument(who +
                           "give either a fixed validity (from and "
                           "until) or days from claim");
  }
  if (fixed && (!v.from || !v.until || *v.until <= *v.from)) {
    return InvalidArgument(who + "validity must end after it starts");
  }
  if (v.days_from_claim < 0 || v.days_from_claim > 3660) {
    return InvalidArgument(who + "days from claim must lie in 1..3660");
  }
  if (t.claim_from && t.claim_until && *t.claim_until <= *t.claim_from) {
    return InvalidArgument(who + "the claim window ends before it starts");
  }
  if (fixed && t.claim_from && *t.claim_from >= *v.until) {
    return InvalidArgument(who + "claims open after the coupon expires");
  }
  return Status::Ok();
}

Status CheckPrice(const CouponTemplate& t) {
  const bool points = t.points_price != 0;
  const bool money = !t.sale_price.is_zero();
  bool ok = false;
  switch (t.acquisition) {
    case Acquisition::kFree: ok = !points && !money; break;
    case Acquisition::kPoints: ok = t.points_price > 0 && !money; break;
    case Acquisition::kPaid:
      ok = !points && t.sale_price > Money() && AmountInRange(t.sale_price);
      break;
  }
  if (!ok) {
    return InvalidArgument("coupon " + t.id.value() +
                           ": the price does not fit how it is acquired");
  }
  return Status::Ok();
}

}  // namespace

std::string_view CouponKindName(CouponKind kind) {
  switch (kind) {
    case CouponKind::kPercentOff: return "percent_off";
    case CouponKind::kCashOff: return "cash_off";
    case CouponKind::kThreshold: return "threshold";
    case CouponKind::kGift: return "gift";
    case CouponKind::kFreeDelivery: return "free_delivery";
    case CouponKind::kParking: return "parking";
  }
  return "unknown";
}

bool CouponScope::Covers(const StoreId& store,
                         const std::string& category) const {
  if (Contains(excluded_stores, store) ||
      Contains(excluded_categories, category)) {
    return false;
  }
  return (stores.empty() || Contains(stores, store)) &&
         (categories.empty() || Contains(categories, category));
}

std::pair<Timestamp, Timestamp> CouponValidity::WindowFor(
    const LocalCalendar& calendar, Timestamp claimed) const {
  if (days_from_claim > 0) {
    // The claim day is the first of the N days.
    const Date last = calendar.DateOf(claimed).PlusDays(days_from_claim);
    return {claimed, calendar.StartOfDate(last)};
  }
  return {from.value_or(claimed), until.value_or(claimed)};
}

Status CouponTemplate::Validate() const {
  ATRIUM_RETURN_IF_ERROR(ValidateId(id.value(), "coupon template id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(mall.value(), "mall id"));
  if (name.empty() || name.size() > 64) {
    return InvalidArgument("coupon " + id.value() +
                           ": name must have 1..64 "
                           "bytes");
  }
  for (const Money m : {amount, threshold, max_discount, min_spend}) {
    if (!AmountInRange(m)) {
      return InvalidArgument("coupon " + id.value() + ": amount out of range");
    }
  }
  for (const StoreId& s : scope.stores) {
    if (Contains(scope.excluded_stores, s)) {
      return InvalidArgument("coupon " + id.value() + ": store " + s.value() +
                             " both included and excluded");
    }
  }
  ATRIUM_RETURN_IF_ERROR(CheckValue(*this));
  ATRIUM_RETURN_IF_ERROR(CheckLimits(*this));
  ATRIUM_RETURN_IF_ERROR(CheckTimes(*this));
  ATRIUM_RETURN_IF_ERROR(CheckPrice(*this));
  return Status::Ok();
}

Money CouponTemplate::DiscountOn(Money eligible) const {
  if (eligible <= Money()) return Money();
  Money d;
  switch (kind) {
    case CouponKind::kPercentOff:
      // The discount rounds down to the fen: the shopper never gets more
      // off than the percentage says.
      d = Money::Fen(eligible.fen() * (1000 - pay_permille) / 1000);
      break;
    case CouponKind::kCashOff: d = amount; break;
    case CouponKind::kThreshold:
      if (eligible >= threshold) {
        const int64_t times = repeating ? eligible.fen() / threshold.fen() : 1;
        d = Money::Fen(times * amount.fen());
      }
      break;
    case CouponKind::kGift:
    case CouponKind::kFreeDelivery:
    case CouponKind::kParking: return Money();
  }
  if (!max_discount.is_zero() && d > max_discount) d = max_discount;
  return std::min(d, eligible);
}

int32_t CouponTemplate::PerMemberTotalFor(const TierId& tier) const {
  for (const TierClaimRule& r : tier_rules) {
    if (r.tier == tier && r.per_member_total > 0) return r.per_member_total;
  }
  return per_member_total;
}

}  // namespace atrium
