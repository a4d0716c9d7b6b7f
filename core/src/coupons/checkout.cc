#include "atrium/coupons/checkout.h"

#include <algorithm>

#include "checkout_pricer.h"

namespace atrium {
namespace {

using internal::CouponFacts;
using internal::Pricer;

// A priced combination, comparable by the checkout's tie rules.
struct Choice {
  Money saving;
  std::vector<size_t> set;          // in application order
  std::vector<Timestamp> expiries;  // ascending
};

// `set` must be in application order; `saving` is pricer.Saving(set).
Choice MakeChoice(std::span<const WalletCoupon> wallet, std::vector<size_t> set,
                  Money saving) {
  Choice c;
  c.saving = saving;
  for (const size_t i : set) {
    c.expiries.push_back(wallet[i].coupon->valid_until);
  }
  std::sort(c.expiries.begin(), c.expiries.end());
  c.set = std::move(set);
  return c;
}

// The coupon ids of `c`, ascending: the last tie-break, rarely reached, so
// worked out only then.
std::vector<std::string_view> SortedIds(std::span<const WalletCoupon> wallet,
                                        const Choice& c) {
  std::vector<std::string_view> ids;
  for (const size_t i : c.set) ids.push_back(wallet[i].coupon->id.value());
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Least to pay, then fewer coupons, then earliest expiries, then ids.
bool Better(std::span<const WalletCoupon> wallet, const Choice& a,
            const Choice& b) {
  if (a.saving != b.saving) return a.saving > b.saving;
  if (a.set.size() != b.set.size()) return a.set.size() < b.set.size();
  if (a.expiries != b.expiries) return a.expiries < b.expiries;
  return SortedIds(wallet, a) < SortedIds(wallet, b);
}

// Branch and bound over stacking groups: at most one coupon from each.
class Search {
 public:
  Search(const Pricer& pricer, std::span<const WalletCoupon> wallet)
      : pricer_(pricer), wallet_(wallet) {
    const std::vector<CouponFacts>& facts = pricer.facts();
    std::vector<size_t> usable;
    for (size_t i = 0; i < facts.size(); ++i) {
      if (facts[i].unusable) continue;
      (facts[i].exclusive ? exclusive_ : usable).push_back(i);
    }
    // Each group's coupons together, strongest first.
    std::sort(usable.begin(), usable.end(), [&](size_t a, size_t b) {
      if (facts[a].group != facts[b].group) {
        return facts[a].group < facts[b].group;
      }
      if (facts[a].alone != facts[b].alone) {
        return facts[a].alone > facts[b].alone;
      }
      return a < b;
    });
    for (size_t k = 0; k < usable.size(); ++k) {
      if (k == 0 || facts[usable[k]].group != facts[usable[k - 1]].group) {
        groups_.push_back({k, k});
      }
      ++groups_.back().end;
    }
    members_ = std::move(usable);
    // Strongest groups first: good combinations are found early, and the
    // bound then cuts more.
    std::stable_sort(
        groups_.begin(), groups_.end(),
        [&](const Range& a, const Range& b) { return Best(a) > Best(b); });
    // The most the groups from g on could add: each group's best alone.
    ceiling_.assign(groups_.size() + 1, Money());
    for (size_t g = groups_.size(); g-- > 0;) {
      ceiling_[g] = ceiling_[g + 1] + Best(groups_[g]);
    }
    points_ceiling_ = pricer.PointsCeiling();
  }

  Choice Run(int64_t* priced) {
    best_ = MakeChoice(wallet_, {}, pricer_.Saving({}));
    ++priced_;
    for (const size_t i : exclusive_) {
      chosen_.assign(1, i);
      Consider();
    }
    chosen_.clear();
    Descend(0, Money());
    *priced = priced_;
    return std::move(best_);
  }

 private:
  struct Range {  // members_[begin, end): one stacking group
    size_t begin;
    size_t end;
  };

  Money Best(const Range& r) const {
    return pricer_.facts()[members_[r.begin]].alone;
  }

  // Prices chosen_ (in a scratch copy, as ordering it would upset Descend).
  void Consider() {
    ++priced_;
    candidate_.assign(chosen_.begin(), chosen_.end());
    pricer_.Order(candidate_);
    const Money saving = pricer_.Saving(candidate_);
    if (saving < best_.saving) return;  // the tie rules need not be asked
    Choice c = MakeChoice(wallet_, candidate_, saving);
    if (Better(wallet_, c, best_)) best_ = std::move(c);
  }

  void Descend(size_t g, Money alone_sum) {
    // Nothing below can beat the best: prune. Equal savings are explored,
    // since the tie rules may still prefer them.
    if (alone_sum + ceiling_[g] + points_ceiling_ < best_.saving) return;
    if (g == groups_.size()) {
      if (!chosen_.empty()) Consider();
      return;
    }
    for (size_t k = groups_[g].begin; k < groups_[g].end; ++k) {
      const size_t i = members_[k];
      chosen_.push_back(i);
      Descend(g + 1, alone_sum + pricer_.facts()[i].alone);
      chosen_.pop_back();
    }
    Descend(g + 1, alone_sum);
  }

  const Pricer& pricer_;
  std::span<const WalletCoupon> wallet_;
  std::vector<size_t> exclusive_;
  std::vector<size_t> members_;  // usable, not exclusive, grouped
  std::vector<Range> groups_;
  std::vector<size_t> chosen_;     // one coupon from some of the groups
  std::vector<size_t> candidate_;  // chosen_ in application order
  std::vector<Money> ceiling_;
  Money points_ceiling_;
  Choice best_;
  int64_t priced_ = 0;
};

// Why each coupon left out was left out.
std::vector<UnusedCoupon> Explain(const Pricer& pricer,
                                  std::span<const size_t> used) {
  std::optional<size_t> exclusive_used;
  std::vector<std::optional<size_t>> group_used(
      static_cast<size_t>(pricer.group_count()));
  for (const size_t i : used) {
    if (pricer.facts()[i].exclusive) exclusive_used = i;
    group_used[static_cast<size_t>(pricer.facts()[i].group)] = i;
  }
  std::vector<UnusedCoupon> out;
  for (size_t i = 0; i < pricer.facts().size(); ++i) {
    if (std::find(used.begin(), used.end(), i) != used.end()) continue;
    const CouponFacts& f = pricer.facts()[i];
    UnusedCoupon u{i, UnusedReason::kNoGain, std::nullopt};
    const std::optional<size_t>& same_group =
        group_used[static_cast<size_t>(f.group)];
    if (f.unusable) {
      u.reason = *f.unusable;
    } else if (exclusive_used) {
      u.reason = UnusedReason::kExclusive;
      u.yields_to = exclusive_used;
    } else if (f.exclusive) {
      u.reason = UnusedReason::kExclusive;
    } else if (same_group) {
      u.reason = UnusedReason::kNotStackable;
      u.yields_to = same_group;
    }
    out.push_back(u);
  }
  return out;
}

}  // namespace

std::string_view UnusedReasonName(UnusedReason r) {
  switch (r) {
    case UnusedReason::kNotYours: return "not_yours";
    case UnusedReason::kAlreadyUsed: return "already_used";
    case UnusedReason::kReservedElsewhere:
      return "reserved_by_another_checkout";
    case UnusedReason::kExpired: return "expired";
    case UnusedReason::kNotYetValid: return "not_yet_valid";
    case UnusedReason::kOtherMall: return "other_mall";
    case UnusedReason::kNotForBaskets: return "not_for_baskets";
    case UnusedReason::kOutOfScope: return "out_of_scope";
    case UnusedReason::kBelowMinimum: return "below_minimum";
    case UnusedReason::kNotStackable: return "not_stackable";
    case UnusedReason::kExclusive: return "exclusive";
    case UnusedReason::kNoGain: return "no_gain";
  }
  return "unknown";
}

Money Basket::Total() const {
  Money total;
  for (const BasketLine& l : lines) total += l.amount;
  return total;
}

Status PointsAsCash::Validate() const {
  if (points_per_yuan < 1 || points_per_yuan > 1'000'000) {
    return InvalidArgument("points per yuan must lie in 1..1000000");
  }
  if (max_share_permille < 0 || max_share_permille > 1000) {
    return InvalidArgument("points share must lie in 0..1000 thousandths");
  }
  return Status::Ok();
}

StatusOr<CheckoutResult> PriceCheckout(const Basket& basket,
                                       std::span<const WalletCoupon> wallet,
                                       int64_t usable_points,
                                       const PointsAsCash& policy) {
  Pricer pricer(basket, wallet, usable_points, policy);
  ATRIUM_RETURN_IF_ERROR(pricer.Prepare());
  int64_t priced = 0;
  const Choice best = Search(pricer, wallet).Run(&priced);
  CheckoutResult r = pricer.Build(best.set);
  r.unused = Explain(pricer, best.set);
  r.combinations_priced = priced;
  return r;
}

StatusOr<CheckoutResult> PriceWith(const Basket& basket,
                                   std::span<const WalletCoupon> wallet,
                                   int64_t usable_points,
                                   const PointsAsCash& policy,
                                   std::span<const size_t> chosen) {
  Pricer pricer(basket, wallet, usable_points, policy);
  ATRIUM_RETURN_IF_ERROR(pricer.Prepare());
  std::vector<size_t> set(chosen.begin(), chosen.end());
  for (const size_t i : set) {
    if (i >= wallet.size()) return InvalidArgument("no such wallet coupon");
  }
  pricer.Order(set);
  if (std::adjacent_find(set.begin(), set.end()) != set.end()) {
    return InvalidArgument("a coupon chosen twice");
  }
  ATRIUM_RETURN_IF_ERROR(pricer.CheckLegal(set));
  CheckoutResult r = pricer.Build(set);
  r.unused = Explain(pricer, set);
  r.combinations_priced = 1;
  return r;
}

}  // namespace atrium
