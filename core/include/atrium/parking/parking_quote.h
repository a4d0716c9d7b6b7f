// The parking quote: a stay's fee, every member benefit applied, the amount
// due.
//
// Benefits, in this order:
//   1. the tier's free minutes a day (Gold: 2 h);
//   2. spend minutes: each full `spend_step` spent at the mall this
//      business day gives `minutes_per_step` (¥200 → 1 h);
//   3. parking coupons from the wallet, earliest expiring first, at most
//      `max_coupons_per_stay`: minutes, or an amount off;
//   4. points for minutes, by the hour (100 points → 1 h), up to what the
//      member offers and `max_points_minutes_per_day`.
// Minutes waive the start of the chargeable window (PriceStay's `waived`).
//
// The benefits together bring the fee as low as all of them can (a daily
// cap may need tier and spend minutes at once to go below it). Of what that
// takes, each kind covers only what the kinds before it in the order cannot,
// and no kind gives more than is needed: points are spent, and coupons used,
// only when the free minutes before them are not enough; minutes not needed
// stay for later that day, and a coupon not needed stays in the wallet. A
// coupon is considered only if it lowers the fee the benefits after it would
// leave. No fee goes below zero. Each line shows what its benefit took off
// after the ones before it, so an early benefit that only helps together with a
// later one shows 0. Free minutes (tier, spend, coupons) given in one business
// day are capped per member and per plate, across all their stays; points are
// bought, not given, and count only towards their own daily limit.
// Allowances are those of the business day of the quote: a three-day stay
// gets one day's.
//
// A stay paid earlier keeps the benefits it used: a new quote (after the
// exit grace, say) prices the whole stay with them, subtracts what was
// paid, and adds only new benefits.
#ifndef ATRIUM_PARKING_PARKING_QUOTE_H_
#define ATRIUM_PARKING_PARKING_QUOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/coupons/wallet_coupon.h"
#include "atrium/parking/car_park.h"
#include "atrium/parking/parking_tariff.h"
#include "atrium/parking/plate.h"

namespace atrium {

// What a member brings to a quote.
struct MemberBenefits {
  MemberId member;
  int32_t tier_minutes_per_day = 0;   // from their tier
  Money spend_today;                  // at this mall, this business day
  int64_t points_offered = 0;         // at most this many for minutes
  std::vector<WalletCoupon> coupons;  // any kinds: only parking ones apply
};

// Benefits one payment consumed, or a whole stay has.
struct BenefitUse {
  int32_t tier_minutes = 0;
  int32_t spend_minutes = 0;
  int32_t coupon_minutes = 0;
  int32_t points_minutes = 0;
  int64_t points = 0;
  Money coupon_amount;  // face value of amount coupons: the stay keeps it
  std::vector<CouponId> coupons;

  int32_t free_minutes() const {
    return tier_minutes + spend_minutes + coupon_minutes;
  }
  int32_t minutes() const { return free_minutes() + points_minutes; }
  void Add(const BenefitUse& o);
};

// Benefit minutes already given this business day.
struct UsageToday {
  int32_t tier_minutes = 0;         // the member's
  int32_t spend_minutes = 0;        // the member's
  int32_t points_minutes = 0;       // the member's
  int32_t member_free_minutes = 0;  // the member's, all free kinds
  int32_t plate_free_minutes = 0;   // the plate's, whoever paid
};

enum class BenefitKind {
  kTierMinutes,
  kSpendMinutes,
  kCouponMinutes,
  kCouponAmount,
  kPointsMinutes
};
std::string_view BenefitKindName(BenefitKind k);

struct QuoteLine {
  BenefitKind kind = BenefitKind::kTierMinutes;
  int32_t minutes = 0;
  Money off;  // what it took off the fee
  std::optional<CouponId> coupon;
  int64_t points = 0;
  bool earlier = false;  // used by an earlier payment of this stay
};

// A stay as the quote sees it.
struct StayFacts {
  std::string session;
  Plate plate;
  VehicleClass vehicle = VehicleClass::kSmall;
  Timestamp entry;
  BenefitUse used;  // by earlier payments
  Money paid;       // by earlier payments
  int32_t payments = 0;
};

struct ParkingQuote {
  std::string session;
  Timestamp at;
  Timestamp entry;
  int64_t parked_seconds = 0;
  TariffId tariff;
  int32_t tariff_version = 0;
  Money gross;                     // the whole stay, no benefit
  std::vector<QuoteLine> lines;    // every benefit, earlier ones first
  Money paid_before;               // by earlier payments
  int32_t payments_before = 0;     // how many: a later payment makes it stale
  Money due;                       // to pay now
  BenefitUse use;                  // what paying this quote consumes
  std::optional<MemberId> member;  // whose benefits
  Timestamp exit_by;               // once paid: leave before this
};

inline constexpr size_t kMaxQuoteCoupons = 100;

// Quotes `stay` at `at` under `tariff` (the version in force at entry).
// `member` may be null (no benefits beyond the stay's earlier ones).
StatusOr<ParkingQuote> QuoteStay(const StayFacts& stay, const Tariff& tariff,
                                 const LocalCalendar& calendar,
                                 const ParkingPolicy& policy,
                                 const MemberBenefits* member,
                                 const UsageToday& usage, Timestamp at);

}  // namespace atrium

#endif  // ATRIUM_PARKING_PARKING_QUOTE_H_
