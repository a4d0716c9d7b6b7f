#include "atrium/parking_quote.h"

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

// The fee of the stay for a given waiver and amount off, as benefits are
// tried one after another.
class FeeModel {
 public:
  explicit FeeModel(const StayPrice& price) : price_(price) {
    gross_ = Gross(0);
  }

  // What is owed now, never below zero.
  int64_t Current() const { return Net(gross_); }
  // The fee if `more` minutes were waived too.
  int64_t WithMore(int64_t more) const { return Net(Gross(minutes_ + more)); }

  // The fewest of up to `most` extra minutes (in steps of `step`) that
  // lower the fee as far as all of them would. The fee is non-increasing in
  // the waiver and changes only at the stay's change points, so a binary
  // search over those finds it.
  int32_t Needed(int32_t most, int32_t step) const {
    if (step <= 0 || most < step) return 0;
    const int64_t top = int64_t{most / step} * step;
    const int64_t floor = WithMore(top);
    if (floor == Current()) return 0;
    // The waivers, in whole steps, at which the fee may change.
    std::vector<int64_t>& steps = scratch_;
    steps.clear();
    const int64_t step_seconds = int64_t{step} * kSecondsPerMinute;
    const int64_t base = minutes_ * kSecondsPerMinute;
    for (int64_t x = price_.NextChange(base);
         x <= base + top * kSecondsPerMinute;) {
      const int64_t e = (x - base + step_seconds - 1) / step_seconds * step;
      steps.push_back(e);
      x = price_.NextChange(base + e * kSecondsPerMinute);  // past e
    }
    if (steps.empty()) return static_cast<int32_t>(top);  // not reached
    // The first that reaches the floor; the last always does, as nothing
    // changes between it and `top`.
    size_t lo = 0;
    size_t hi = steps.size() - 1;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (WithMore(steps[mid]) == floor) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return static_cast<int32_t>(steps[lo]);
  }

  void Waive(int64_t minutes) {
    minutes_ += minutes;
    gross_ = Gross(minutes_);
  }
  void Take(int64_t amount) { amount_ += amount; }

 private:
  // A search's answer is a waiver it has priced (often its first, the
  // floor, or its last), so the last two prices are kept.
  int64_t Gross(int64_t minutes) const {
    for (const Priced& p : seen_) {
      if (p.minutes == minutes) return p.gross;
    }
    const int64_t gross = price_.With(minutes * kSecondsPerMinute).fen();
    seen_[next_] = {minutes, gross};
    next_ ^= 1;
    return gross;
  }
  int64_t Net(int64_t gross) const {
    return std::max<int64_t>(0, gross - amount_);
  }

  const StayPrice& price_;
  int64_t minutes_ = 0;
  int64_t amount_ = 0;
  int64_t gross_ = 0;  // with minutes_ waived
  struct Priced {
    int64_t minutes = -1;
    int64_t gross = 0;
  };
  mutable std::array<Priced, 2> seen_;
  mutable size_t next_ = 0;
  mutable std::vector<int64_t> scratch_;
};

// Applies benefits to the fee and lists each on the quote.
class Quoter {
 public:
  Quoter(FeeModel& fee, ParkingQuote& q) : fee_(fee), q_(q) {}

  // Waives `minutes` of `kind` and lists what they took off.
  int32_t Waive(BenefitKind kind, int32_t minutes, bool earlier,
                std::optional<CouponId> coupon = std::nullopt) {
    if (minutes <= 0) return 0;
    const int64_t before = fee_.Current();
    fee_.Waive(minutes);
    q_.lines.push_back({kind, minutes, Money::Fen(before - fee_.Current()),
                        std::move(coupon), 0, earlier});
    return minutes;
  }

  // Waives the fewest of up to `most` minutes that lower the fee as far as
  // all of them would.
  int32_t WaiveNeeded(BenefitKind kind, int32_t most, int32_t step) {
    return Waive(kind, fee_.Needed(most, step), false);
  }

  // Takes `amount` off and lists what it took (at most the fee).
  int64_t Take(int64_t amount, bool earlier,
               std::optional<CouponId> coupon = std::nullopt) {
    const int64_t off = std::min(fee_.Current(), amount);
    fee_.Take(amount);
    q_.lines.push_back({BenefitKind::kCouponAmount, 0, Money::Fen(off),
                        std::move(coupon), 0, earlier});
    return off;
  }

 private:
  FeeModel& fee_;
  ParkingQuote& q_;
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
  q.session = stay.session;
  q.at = at;
  q.entry = stay.entry;
  q.parked_seconds = at.unix_seconds() - stay.entry.unix_seconds();
  q.tariff = tariff.id;
  q.tariff_version = tariff.version;
  q.paid_before = stay.paid;
  q.payments_before = stay.payments;
  q.exit_by = at.PlusSeconds(policy.exit_grace_minutes * kSecondsPerMinute);

  FeeModel fee(*price);
  q.gross = Money::Fen(fee.Current());  // nothing waived yet
  Quoter quoter(fee, q);
  ApplyEarlier(stay.used, quoter);

  if (member != nullptr) {
    q.member = member->member;
    BenefitUse& use = q.use;
    int32_t free_left =
        std::min(CapOrNone(policy.max_free_minutes_per_member_day,
                           usage.member_free_minutes),
                 CapOrNone(policy.max_free_minutes_per_plate_day,
                           usage.plate_free_minutes));
    const int32_t tier =
        std::max(0, member->tier_minutes_per_day - usage.tier_minutes);
    use.tier_minutes = quoter.WaiveNeeded(BenefitKind::kTierMinutes,
                                          std::min(tier, free_left), 1);
    free_left -= use.tier_minutes;

    if (policy.spend_step.fen() > 0) {
      const int64_t steps = member->spend_today.fen() / policy.spend_step.fen();
      const int64_t earned =
          std::min<int64_t>(steps * policy.minutes_per_step, int64_t{24} * 60);
      const int32_t spend = std::max<int32_t>(
          0, static_cast<int32_t>(earned) - usage.spend_minutes);
      use.spend_minutes = quoter.WaiveNeeded(BenefitKind::kSpendMinutes,
                                             std::min(spend, free_left), 1);
      free_left -= use.spend_minutes;
    }

    std::vector<const WalletCoupon*> coupons;
    for (const WalletCoupon& w : member->coupons) {
      if (Usable(w, *member, tariff.mall, at)) coupons.push_back(&w);
    }
    std::sort(coupons.begin(), coupons.end(), [](auto* a, auto* b) {
      if (a->coupon->valid_until != b->coupon->valid_until) {
        return a->coupon->valid_until < b->coupon->valid_until;
      }
      return a->coupon->id < b->coupon->id;
    });
    int32_t coupons_left = std::max<int32_t>(
        0, policy.max_coupons_per_stay -
               static_cast<int32_t>(stay.used.coupons.size()));
    for (const WalletCoupon* w : coupons) {
      if (coupons_left == 0 || fee.Current() == 0) break;
      const CouponTemplate& t = *w->tmpl;
      if (t.parking_minutes > 0) {
        // Used whole: all its minutes (within the caps), if they lower the
        // fee at all.
        const int32_t m = std::min(t.parking_minutes, free_left);
        if (m == 0 || fee.WithMore(m) == fee.Current()) continue;
        quoter.Waive(BenefitKind::kCouponMinutes, m, false, w->coupon->id);
        use.coupon_minutes += m;
        free_left -= m;
      } else {
        if (t.amount.fen() <= 0) continue;
        quoter.Take(t.amount.fen(), false, w->coupon->id);
        use.coupon_amount += t.amount;  // its face value is the stay's
      }
      use.coupons.push_back(w->coupon->id);
      --coupons_left;
    }

    if (policy.points_per_hour > 0) {
      const int64_t hours = std::min<int64_t>(
          member->points_offered / policy.points_per_hour,
          CapOrNone(policy.max_points_minutes_per_day, usage.points_minutes) /
              60);
      const auto most = static_cast<int32_t>(std::min<int64_t>(hours, 24) * 60);
      use.points_minutes =
          quoter.WaiveNeeded(BenefitKind::kPointsMinutes, most, 60);
      use.points = use.points_minutes / 60 * policy.points_per_hour;
      if (use.points_minutes > 0) q.lines.back().points = use.points;
    }
  }
  q.due = Money::Fen(std::max<int64_t>(0, fee.Current() - stay.paid.fen()));
  return q;
}

}  // namespace atrium
