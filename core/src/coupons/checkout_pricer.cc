#include "checkout_pricer.h"

#include <algorithm>
#include <array>
#include <functional>

#include "wide_math.h"

namespace atrium::internal {
namespace {

// Threshold, cash, percent: the order coupons are taken off in.
int KindRank(CouponKind kind) {
  switch (kind) {
    case CouponKind::kThreshold: return 0;
    case CouponKind::kCashOff: return 1;
    case CouponKind::kPercentOff: return 2;
    default: return 3;
  }
}

bool MoneyOff(CouponKind kind) { return KindRank(kind) < 3; }

constexpr int64_t kNarrow = int64_t{1} << 31;
constexpr int64_t kMax32 = UINT32_MAX;

// A line index fits a byte: Spread's keys (a remainder, below the lines'
// total, times 256 plus the index) and the four words of
// CouponFacts::line_mask rely on it.
static_assert(kMaxBasketLines <= 256);
static_assert(kMaxAmount.fen() < (int64_t{1} << 45) / kMaxBasketLines);

}  // namespace

void Spread(int64_t amount, std::span<const uint16_t> lines,
            std::vector<int64_t>& left, std::vector<int64_t>& shares,
            std::vector<int64_t>& rem) {
  shares.assign(lines.size(), 0);
  int64_t base = 0;
  for (const uint16_t l : lines) base += left[l];
  if (amount <= 0 || base <= 0) return;
  // Floor shares first; the fen left over go to the largest remainders.
  rem.assign(lines.size(), 0);
  int64_t given = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int64_t part = left[lines[i]];
    // Both below 2^31 (¥21 million): the product fits in 64 bits. Checked
    // by range, not __builtin_mul_overflow, which wasm32 runs as a
    // 128-bit multiply.
    if (amount < kNarrow && part < kNarrow) {
      const int64_t num = amount * part;
      // Small products (most coupons on most lines) divide in 32 bits,
      // several times faster than 64, natively and in wasm.
      if (num <= kMax32 && base <= kMax32) {
        shares[i] = static_cast<uint32_t>(num) / static_cast<uint32_t>(base);
      } else {
        shares[i] = num / base;
      }
      rem[i] = num - shares[i] * base;
    } else {
      const QuotientRemainder q = MulDiv(amount, part, base);
      shares[i] = q.quotient;
      rem[i] = q.remainder;
    }
    given += shares[i];
  }
  const int64_t extra = amount - given;  // fewer than lines.size()
  if (extra > 0) {
    // A distinct key per line: the larger remainder first, then the earlier
    // line. The `extra` largest keys get one fen more.
    std::array<int64_t, kMaxBasketLines> keys;
    for (size_t i = 0; i < lines.size(); ++i) {
      rem[i] = rem[i] * 256 + static_cast<int64_t>(255 - i);
      keys[i] = rem[i];
    }
    const auto nth = keys.begin() + (extra - 1);
    std::nth_element(keys.begin(), nth, keys.begin() + lines.size(),
                     std::greater<>());
    for (size_t i = 0; i < lines.size(); ++i) {
      if (rem[i] >= *nth) ++shares[i];
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) left[lines[i]] -= shares[i];
}

Pricer::Pricer(const Basket& basket, std::span<const WalletCoupon> wallet,
               int64_t usable_points, const PointsAsCash& policy)
    : basket_(basket),
      wallet_(wallet),
      usable_points_(usable_points),
      policy_(policy) {}

Status Pricer::Prepare() {
  ATRIUM_RETURN_IF_ERROR(ValidateId(basket_.checkout_id, "checkout id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(basket_.mall.value(), "mall id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(basket_.member.value(), "member id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(basket_.at, "checkout time"));
  ATRIUM_RETURN_IF_ERROR(policy_.Validate());
  if (basket_.lines.empty()) return InvalidArgument("the basket is empty");
  if (basket_.lines.size() > kMaxBasketLines) {
    return InvalidArgument("a basket has at most 200 lines");
  }
  for (const BasketLine& l : basket_.lines) {
    ATRIUM_RETURN_IF_ERROR(ValidateId(l.store.value(), "store id"));
    if (l.category.empty() || l.category.size() > 32) {
      return InvalidArgument("line category must have 1 to 32 bytes");
    }
    if (l.amount.is_negative() || l.amount > kMaxAmount) {
      return InvalidArgument("line amount out of range: " +
                             l.amount.ToString());
    }
  }
  const Money total = basket_.Total();
  if (total.is_zero() || total > kMaxAmount) {
    return InvalidArgument("basket total must lie in ¥0.01..¥100000000.00");
  }
  if (usable_points_ < 0) return InvalidArgument("usable points are negative");
  if (wallet_.size() > kMaxWalletCoupons) {
    return InvalidArgument("a wallet of more than 100 coupons");
  }
  for (const WalletCoupon& w : wallet_) {
    if (w.coupon == nullptr || w.tmpl == nullptr ||
        w.coupon->template_id != w.tmpl->id) {
      return InvalidArgument("a wallet coupon without its template");
    }
  }
  const size_t n = wallet_.size();
  std::vector<uint32_t> by_id(n);
  for (size_t i = 0; i < n; ++i) by_id[i] = static_cast<uint32_t>(i);
  std::sort(by_id.begin(), by_id.end(), [this](uint32_t a, uint32_t b) {
    return wallet_[a].coupon->id < wallet_[b].coupon->id;
  });
  for (size_t k = 1; k < n; ++k) {
    const CouponId& id = wallet_[by_id[k]].coupon->id;
    if (id == wallet_[by_id[k - 1]].coupon->id) {
      return InvalidArgument("coupon listed twice: " + id.value());
    }
  }
  facts_.clear();
  facts_.reserve(n);
  line_pool_.clear();
  line_pool_.reserve(n * basket_.lines.size());  // no reallocation: spans hold
  for (const WalletCoupon& w : wallet_) facts_.push_back(Analyse(w));
  for (size_t k = 0; k < n; ++k) facts_[by_id[k]].id_rank = static_cast<int>(k);
  NumberGroups();
  overlap_.assign(n * n, 0);
  const size_t words = (basket_.lines.size() + 63) / 64;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b <= a; ++b) {
      uint64_t shared = 0;
      for (size_t w = 0; w < words; ++w) {
        shared |= facts_[a].line_mask[w] & facts_[b].line_mask[w];
      }
      overlap_[a * n + b] = overlap_[b * n + a] = shared != 0;
    }
  }
  return Status::Ok();
}

CouponFacts Pricer::Analyse(const WalletCoupon& w) {
  const CouponInstance& c = *w.coupon;
  const CouponTemplate& t = *w.tmpl;
  CouponFacts f;
  f.kind_rank = KindRank(t.kind);
  f.exclusive = t.exclusive;
  f.allows_points = t.combines_with_points;
  const Timestamp at = basket_.at;
  const CouponStatus s = c.StatusAt(at);
  if (c.owner != basket_.member) {
    f.unusable = UnusedReason::kNotYours;
  } else if (s == CouponStatus::kRedeemed ||
             s == CouponStatus::kRefundedExpired) {
    f.unusable = UnusedReason::kAlreadyUsed;
  } else if (s == CouponStatus::kExpired || at >= c.valid_until) {
    f.unusable = UnusedReason::kExpired;
  } else if (at < c.valid_from) {
    f.unusable = UnusedReason::kNotYetValid;
  } else if (s == CouponStatus::kReserved &&
             c.reserved_for != basket_.checkout_id) {
    f.unusable = UnusedReason::kReservedElsewhere;
  } else if (t.mall != basket_.mall) {
    f.unusable = UnusedReason::kOtherMall;
  } else if (!MoneyOff(t.kind)) {
    f.unusable = UnusedReason::kNotForBaskets;
  }
  if (f.unusable) return f;
  Money eligible;
  const size_t first = line_pool_.size();
  const bool everywhere = t.scope.Unrestricted();
  for (size_t i = 0; i < basket_.lines.size(); ++i) {
    const BasketLine& l = basket_.lines[i];
    if (!l.amount.is_zero() &&
        (everywhere || t.scope.Covers(l.store, l.category))) {
      line_pool_.push_back(static_cast<uint16_t>(i));
      f.line_mask[i / 64] |= uint64_t{1} << (i % 64);
      eligible += l.amount;
    }
  }
  f.lines = std::span(line_pool_).subspan(first);
  f.eligible = eligible;
  f.alone = t.DiscountOn(eligible);
  if (f.lines.empty()) {
    f.unusable = UnusedReason::kOutOfScope;
  } else if (eligible < t.min_spend || f.alone.is_zero()) {
    f.unusable = UnusedReason::kBelowMinimum;
  }
  return f;
}

void Pricer::NumberGroups() {
  // (kind, "") for coupons without a group, (-1, name) for named groups.
  std::vector<std::pair<int, std::string_view>> keys;
  for (size_t i = 0; i < facts_.size(); ++i) {
    const CouponTemplate& t = *wallet_[i].tmpl;
    const std::pair<int, std::string_view> key =
        t.stacking_group.empty()
            ? std::pair<int, std::string_view>(static_cast<int>(t.kind), "")
            : std::pair<int, std::string_view>(-1, t.stacking_group);
    auto it = std::find(keys.begin(), keys.end(), key);
    facts_[i].group = static_cast<int>(it - keys.begin());
    if (it == keys.end()) keys.push_back(key);
  }
  group_count_ = static_cast<int>(keys.size());
}

void Pricer::Order(std::vector<size_t>& set) const {
  std::sort(set.begin(), set.end(), [this](size_t a, size_t b) {
    if (facts_[a].kind_rank != facts_[b].kind_rank) {
      return facts_[a].kind_rank < facts_[b].kind_rank;
    }
    return facts_[a].id_rank < facts_[b].id_rank;
  });
}

Status Pricer::CheckLegal(std::span<const size_t> set) const {
  std::vector<bool> seen(static_cast<size_t>(group_count_), false);
  for (const size_t i : set) {
    if (i >= facts_.size()) return InvalidArgument("no such wallet coupon");
    const CouponFacts& f = facts_[i];
    const std::string& id = wallet_[i].coupon->id.value();
    if (f.unusable) {
      return FailedPrecondition("coupon " + id + " cannot be used: " +
                                std::string(UnusedReasonName(*f.unusable)));
    }
    if (f.exclusive && set.size() > 1) {
      return FailedPrecondition("coupon " + id + " combines with no other");
    }
    if (seen[static_cast<size_t>(f.group)]) {
      return FailedPrecondition("coupon " + id +
                                " does not stack with another of its group");
    }
    seen[static_cast<size_t>(f.group)] = true;
  }
  return Status::Ok();
}

int64_t Pricer::ApplyCoupons(std::span<const size_t> set,
                             std::vector<int64_t>& left,
                             std::vector<CouponAllocation>& out) const {
  int64_t total = 0;
  for (const size_t i : set) {
    const CouponFacts& f = facts_[i];
    int64_t room = 0;
    for (const uint16_t l : f.lines) room += left[l];
    const int64_t d = std::min(f.alone.fen(), room);
    total += d;
    Spread(d, f.lines, left, shares_, rem_);
    for (size_t k = 0; k < f.lines.size(); ++k) {
      if (shares_[k] > 0)
        out.push_back({i, f.lines[k], Money::Fen(shares_[k])});
    }
  }
  return total;
}

int64_t Pricer::PointsYuan(std::span<const size_t> set,
                           int64_t after_coupons) const {
  for (const size_t i : set) {
    if (!facts_[i].allows_points) return 0;
  }
  const int64_t cap_yuan =
      after_coupons * policy_.max_share_permille / 1000 / 100;
  return std::min(usable_points_ / policy_.points_per_yuan, cap_yuan);
}

Money Pricer::PointsCeiling() const {
  return Money::Yuan(PointsYuan({}, basket_.Total().fen()));
}

bool Pricer::PlanSpreads(std::span<const size_t> set) const {
  const size_t n = facts_.size();
  const size_t m = set.size();
  exact_.assign(m, 0);
  spread_.assign(m, 0);
  bool any_exact = false;
  for (size_t k = 0; k < m; ++k) {
    // The most the earlier coupons sharing a line could have taken.
    Money taken = facts_[set[k]].alone;
    for (size_t j = 0; j < k; ++j) {
      if (overlap_[set[k] * n + set[j]]) taken += facts_[set[j]].alone;
    }
    exact_[k] = taken > facts_[set[k]].eligible;
    any_exact |= exact_[k];
  }
  if (!any_exact) return false;
  for (size_t k = m; k-- > 0;) {
    for (size_t j = k + 1; j < m && !spread_[k]; ++j) {
      spread_[k] = overlap_[set[k] * n + set[j]] && (exact_[j] || spread_[j]);
    }
  }
  return true;
}

Money Pricer::Saving(std::span<const size_t> set) const {
  if (PlanSpreads(set)) {
    left_.clear();
    for (const BasketLine& l : basket_.lines) left_.push_back(l.amount.fen());
  }
  int64_t discount = 0;
  for (size_t k = 0; k < set.size(); ++k) {
    const CouponFacts& f = facts_[set[k]];
    int64_t d = f.alone.fen();
    if (exact_[k]) {
      int64_t room = 0;
      for (const uint16_t l : f.lines) room += left_[l];
      d = std::min(d, room);
    }
    if (spread_[k]) Spread(d, f.lines, left_, shares_, rem_);
    discount += d;
  }
  const int64_t after = basket_.Total().fen() - discount;
  return Money::Fen(discount + PointsYuan(set, after) * 100);
}

CheckoutResult Pricer::Build(std::span<const size_t> set) const {
  CheckoutResult r;
  r.used.assign(set.begin(), set.end());
  std::vector<int64_t> left;
  for (const BasketLine& l : basket_.lines) left.push_back(l.amount.fen());
  r.gross = basket_.Total();
  r.discount = Money::Fen(ApplyCoupons(set, left, r.allocations));
  const int64_t yuan = PointsYuan(set, (r.gross - r.discount).fen());
  r.points_used = yuan * policy_.points_per_yuan;
  r.points_cash = Money::Yuan(yuan);
  r.to_pay = r.gross - r.discount - r.points_cash;

  r.lines.resize(basket_.lines.size());
  for (size_t i = 0; i < basket_.lines.size(); ++i) {
    r.lines[i].gross = basket_.lines[i].amount;
  }
  for (const CouponAllocation& a : r.allocations) {
    r.lines[a.line].coupon_discount += a.amount;
  }
  std::vector<uint16_t> all(basket_.lines.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint16_t>(i);
  std::vector<int64_t> shares;
  Spread(r.points_cash.fen(), all, left, shares, rem_);
  for (size_t i = 0; i < all.size(); ++i) {
    r.lines[i].points_cash = Money::Fen(shares[i]);
    r.lines[i].paid = Money::Fen(left[i]);
  }
  return r;
}

}  // namespace atrium::internal
