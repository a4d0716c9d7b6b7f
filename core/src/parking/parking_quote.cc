#include "atrium/parking/parking_quote.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace atrium {
namespace {

constexpr int32_t kNoCap = INT32_MAX;

int32_t CapOrNone(int32_t cap, int32_t used) {
  return cap > 0 ? std::max(0, cap - used) : kNoCap;
}

// The stay's fee for a total waiver and amount off.
class FeeModel {
 public:
  explicit FeeModel(const StayPrice& price) : price_(price) {}

  // What is owed with `minutes` waived and `amount` off, never below zero.
  int64_t Fee(int64_t minutes, int64_t amount) const {
    return std::max<int64_t>(0, Gross(minutes) - amount);
  }

  // The fewest of up to `most` minutes (in steps of `step`) that, waived
  // on top of `minutes`, bring the fee down to `target`; `target` must be
  // reachable. The fee is non-increasing in the waiver and changes only at
  // the stay's change points, so a binary search over those finds it.
  int32_t Fewest(int64_t minutes, int64_t amount, int32_t most, int32_t step,
                 int64_t target) const {
    if (step <= 0 || most < step || Fee(minutes, amount) <= target) return 0;
    const int64_t top = int64_t{most / step} * step;
    // The waivers, in whole steps, at which the fee may change.
    std::vector<int64_t>& steps = scratch_;
    steps.clear();
    const int64_t step_seconds = int64_t{step} * kSecondsPerMinute;
    const int64_t base = minutes * kSecondsPerMinute;
    for (int64_t x = price_.NextChange(base);
         x <= base + top * kSecondsPerMinute;) {
      const int64_t e = (x - base + step_seconds - 1) / step_seconds * step;
      steps.push_back(e);
      x = price_.NextChange(base + e * kSecondsPerMinute);  // past e
    }
    if (steps.empty()) return static_cast<int32_t>(top);  // not reached
    size_t lo = 0;
    size_t hi = steps.size() - 1;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (Fee(minutes + steps[mid], amount) <= target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return static_cast<int32_t>(steps[lo]);
  }

 private:
  // The searches and the lines ask for the same waivers again and again,
  // so the last few prices are kept.
  int64_t Gross(int64_t minutes) const {
    for (const Priced& p : seen_) {
      if (p.minutes == minutes) return p.gross;
    }
    const int64_t gross = price_.With(minutes * kSecondsPerMinute).fen();
    seen_[next_] = {minutes, gross};
    next_ = (next_ + 1) % seen_.size();
    return gross;
  }

  struct Priced {
    int64_t minutes = -1;
    int64_t gross = 0;
  };
  const StayPrice& price_;
  mutable std::array<Priced, 8> seen_;
  mutable size_t next_ = 0;
  mutable std::vector<int64_t> scratch_;
};

// Applies benefits one after another and lists what each took off.
class Quoter {
 public:
  Quoter(const FeeModel& fee, ParkingQuote& q) : fee_(fee), q_(q) {}

  int64_t minutes() const { return minutes_; }
  int64_t amount() const { return amount_; }
  int64_t Current() const { return fee_.Fee(minutes_, amount_); }
  // The points the last line (points for minutes) cost.
  void SetPoints(int64_t points) { q_.lines.back().points = points; }

  void Waive(BenefitKind kind, int32_t minutes, bool earlier,
             std::optional<CouponId> coupon = std::nullopt) {
    if (minutes <= 0) return;
    const int64_t before = Current();
    minutes_ += minutes;
    q_.lines.push_back({kind, minutes, Money::Fen(before - Current()),
                        std::move(coupon), 0, earlier});
  }

  // Takes `amount` off; the line shows what it took (at most the fee).
  void Take(int64_t amount, bool earlier,
            std::optional<CouponId> coupon = std::nullopt) {
    const int64_t off = std::min(Current(), amount);
    amount_ += amount;
    q_.lines.push_back({BenefitKind::kCouponAmount, 0, Money::Fen(off),
                        std::move(coupon), 0, earlier});
  }

 private:
  const FeeModel& fee_;
  ParkingQuote& q_;
  int64_t minutes_ = 0;
  int64_t amount_ = 0;
};

// A parking coupon `member` may use at `at` in `mall`.
bool Usable(const WalletCoupon& w, const MemberBenefits& member,
            const MallId& mall, Timestamp at) {
  if (w.coupon == nullptr || w.tmpl == nullptr) return false;
  const CouponInstance& c = *w.coupon;
  return w.tmpl->kind == CouponKind::kParking && w.tmpl->mall == mall &&
         c.owner == member.member &&
         c.StatusAt(at) == CouponStatus::kAvailable && c.valid_from <= at &&
         at < c.valid_until;
}

void ApplyEarlier(const BenefitUse& used, Quoter& quoter) {
  quoter.Waive(BenefitKind::kTierMinutes, used.tier_minutes, true);
  quoter.Waive(BenefitKind::kSpendMinutes, used.spend_minutes, true);
  quoter.Waive(BenefitKind::kCouponMinutes, used.coupon_minutes, true);
  if (used.coupon_amount.fen() > 0) quoter.Take(used.coupon_amount.fen(), true);
  quoter.Waive(BenefitKind::kPointsMinutes, used.points_minutes, true);
}

// The member's parking coupons usable now, earliest expiring first.
std::vector<const WalletCoupon*> UsableCoupons(const MemberBenefits& member,
                                               const MallId& mall,
                                               Timestamp at) {
  std::vector<const WalletCoupon*> coupons;
  for (const WalletCoupon& w : member.coupons) {
    if (Usable(w, member, mall, at)) coupons.push_back(&w);
  }
  std::sort(coupons.begin(), coupons.end(), [](auto* a, auto* b) {
    if (a->coupon->valid_until != b->coupon->valid_until) {
      return a->coupon->valid_until < b->coupon->valid_until;
    }
    return a->coupon->id < b->coupon->id;
  });
  return coupons;
}

// A coupon the quote may use, and what it gives.
struct Chosen {
  const WalletCoupon* wallet;
  int32_t minutes;
  int64_t amount;
};

// First, what all the member's benefits together could bring the fee down
// to; then, from the last benefit to the first, the least of each that
// still gets there while the ones before it give all they can.
void ApplyMember(const MemberBenefits& member, const StayFacts& stay,
                 const MallId& mall, const ParkingPolicy& policy,
                 const UsageToday& usage, Timestamp at, const FeeModel& fee,
                 Quoter& quoter, BenefitUse& use) {
  int32_t free_left = std::min(CapOrNone(policy.max_free_minutes_per_member_day,
                                         usage.member_free_minutes),
                               CapOrNone(policy.max_free_minutes_per_plate_day,
                                         usage.plate_free_minutes));
  const int32_t tier_most = std::min(
      free_left, std::max(0, member.tier_minutes_per_day - usage.tier_minutes));
  free_left -= tier_most;
  int32_t spend_most = 0;
  if (policy.spend_step.fen() > 0) {
    const int64_t steps = member.spend_today.fen() / policy.spend_step.fen();
    const int64_t earned =
        std::min<int64_t>(steps * policy.minutes_per_step, int64_t{24} * 60);
    spend_most =
        std::min(free_left, std::max<int32_t>(0, static_cast<int32_t>(earned) -
                                                     usage.spend_minutes));
  }
  free_left -= spend_most;
  int32_t points_most = 0;
  if (policy.points_per_hour > 0) {
    const int64_t hours = std::min<int64_t>(
        member.points_offered / policy.points_per_hour,
        CapOrNone(policy.max_points_minutes_per_day, usage.points_minutes) /
            60);
    points_most = static_cast<int32_t>(std::min<int64_t>(hours, 24) * 60);
  }

  // Everything at once. A coupon is taken only if it lowers the fee that
  // the benefits after it would leave.
  int64_t minutes = quoter.minutes() + tier_most + spend_most;
  int64_t amount = quoter.amount();
  std::vector<Chosen> chosen;
  chosen.reserve(static_cast<size_t>(policy.max_coupons_per_stay));
  int32_t coupons_left =
      std::max<int32_t>(0, policy.max_coupons_per_stay -
                               static_cast<int32_t>(stay.used.coupons.size()));
  for (const WalletCoupon* w : UsableCoupons(member, mall, at)) {
    const int64_t now = fee.Fee(minutes + points_most, amount);
    if (coupons_left == 0 || now == 0) break;
    const CouponTemplate& t = *w->tmpl;
    const int32_t m = std::min(t.parking_minutes, free_left);
    const int64_t off = t.parking_minutes > 0 ? 0 : t.amount.fen();
    if ((m == 0 && off <= 0) ||
        fee.Fee(minutes + m + points_most, amount + off) == now) {
      continue;
    }
    chosen.push_back({w, m, off});
    minutes += m;
    amount += off;
    free_left -= m;
    --coupons_left;
  }
  const int64_t target = fee.Fee(minutes + points_most, amount);

  // Then the least of each, last first.
  const int32_t points = fee.Fewest(minutes, amount, points_most, 60, target);
  for (size_t i = chosen.size(); i-- > 0;) {
    const Chosen& c = chosen[i];
    if (fee.Fee(minutes - c.minutes + points, amount - c.amount) <= target) {
      minutes -= c.minutes;
      amount -= c.amount;
      chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  minutes -= tier_most + spend_most;
  const int32_t spend =
      fee.Fewest(minutes + tier_most + points, amount, spend_most, 1, target);
  const int32_t tier =
      fee.Fewest(minutes + spend + points, amount, tier_most, 1, target);

  // Listed in order, each line with what it took off after the ones before.
  quoter.Waive(BenefitKind::kTierMinutes, tier, false);
  quoter.Waive(BenefitKind::kSpendMinutes, spend, false);
  use.tier_minutes = tier;
  use.spend_minutes = spend;
  for (const Chosen& c : chosen) {
    const CouponId& id = c.wallet->coupon->id;
    if (c.minutes > 0) {
      quoter.Waive(BenefitKind::kCouponMinutes, c.minutes, false, id);
    } else {
      quoter.Take(c.amount, false, id);
    }
    use.coupon_minutes += c.minutes;
    use.coupon_amount += Money::Fen(c.amount);  // its face value: the stay's
    use.coupons.push_back(id);
  }
  quoter.Waive(BenefitKind::kPointsMinutes, points, false);
  use.points_minutes = points;
  use.points = points / 60 * policy.points_per_hour;
  if (points > 0) quoter.SetPoints(use.points);
}

}  // namespace

void BenefitUse::Add(const BenefitUse& o) {
  tier_minutes += o.tier_minutes;
  spend_minutes += o.spend_minutes;
  coupon_minutes += o.coupon_minutes;
  points_minutes += o.points_minutes;
  points += o.points;
  coupon_amount += o.coupon_amount;
  coupons.insert(coupons.end(), o.coupons.begin(), o.coupons.end());
}

std::string_view BenefitKindName(BenefitKind k) {
  switch (k) {
    case BenefitKind::kTierMinutes: return "tier_minutes";
    case BenefitKind::kSpendMinutes: return "spend_minutes";
    case BenefitKind::kCouponMinutes: return "coupon_minutes";
    case BenefitKind::kCouponAmount: return "coupon_amount";
    case BenefitKind::kPointsMinutes: return "points_minutes";
  }
  return "unknown";
}

Status ParkingPolicy::Validate() const {
  constexpr int32_t kDay = 24 * 60;
  if (exit_grace_minutes < 0 || exit_grace_minutes > 120) {
    return InvalidArgument("exit grace must lie in 0..120 minutes");
  }
  if (spend_step.is_negative() || spend_step > kMaxAmount) {
    return InvalidArgument("spend step out of range");
  }
  if (minutes_per_step < 0 || minutes_per_step > kDay) {
    return InvalidArgument("minutes per spend step must lie in 0..1440");
  }
  if (points_per_hour < 0 || points_per_hour > 1'000'000) {
    return InvalidArgument("points per hour must lie in 0..1000000");
  }
  for (const int32_t m :
       {max_points_minutes_per_day, max_free_minutes_per_member_day,
        max_free_minutes_per_plate_day}) {
    if (m < 0 || m > kDay) {
      return InvalidArgument("daily minute limits must lie in 0..1440");
    }
  }
  if (max_coupons_per_stay < 0 || max_coupons_per_stay > 10) {
    return InvalidArgument("coupons per stay must lie in 0..10");
  }
  return Status::Ok();
}

StatusOr<ParkingQuote> QuoteStay(const StayFacts& stay, const Tariff& tariff,
                                 const LocalCalendar& calendar,
                                 const ParkingPolicy& policy,
                                 const MemberBenefits* member,
                                 const UsageToday& usage, Timestamp at) {
  ATRIUM_RETURN_IF_ERROR(policy.Validate());
  const ClassRates* rates = tariff.RatesFor(stay.vehicle);
  if (rates == nullptr) {
    return FailedPrecondition(
        "tariff " + tariff.id.value() + " does not admit " +
        std::string(VehicleClassName(stay.vehicle)) + " vehicles");
  }
  StatusOr<StayPrice> price =
      StayPrice::Create(tariff, *rates, calendar, stay.entry, at);
  if (!price.ok()) return price.status();
  if (member != nullptr && member->coupons.size() > kMaxQuoteCoupons) {
    return InvalidArgument("a quote takes at most 100 coupons");
  }
  if (member != nullptr &&
      (member->tier_minutes_per_day < 0 || member->spend_today.is_negative() ||
       member->points_offered < 0)) {
    return InvalidArgument("member benefits must not be negative");
  }

  ParkingQuote q;
  q.lines.reserve(8);
  q.session = stay.session;
  q.at = at;
  q.entry = stay.entry;
  q.parked_seconds = at.unix_seconds() - stay.entry.unix_seconds();
  q.tariff = tariff.id;
  q.tariff_version = tariff.version;
  q.paid_before = stay.paid;
  q.payments_before = stay.payments;
  q.exit_by = at.PlusSeconds(policy.exit_grace_minutes * kSecondsPerMinute);

  const FeeModel fee(*price);
  q.gross = Money::Fen(fee.Fee(0, 0));
  Quoter quoter(fee, q);
  ApplyEarlier(stay.used, quoter);
  if (member != nullptr) {
    q.member = member->member;
    ApplyMember(*member, stay, tariff.mall, policy, usage, at, fee, quoter,
                q.use);
  }
  q.due = Money::Fen(std::max<int64_t>(0, quoter.Current() - stay.paid.fen()));
  return q;
}

}  // namespace atrium
