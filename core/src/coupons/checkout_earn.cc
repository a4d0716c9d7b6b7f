#include <map>

#include "atrium/coupons/checkout.h"

namespace atrium {

StatusOr<int64_t> PointsEarnedBy(const Basket& basket,
                                 const CheckoutResult& result,
                                 const EarningPolicy& policy,
                                 const LocalCalendar& calendar,
                                 const TierId& tier, int64_t earned_today) {
  if (result.lines.size() != basket.lines.size()) {
    return InvalidArgument("the result does not match its basket");
  }
  std::map<StoreId, Receipt> by_store;
  for (size_t i = 0; i < basket.lines.size(); ++i) {
    const BasketLine& line = basket.lines[i];
    Receipt& r = by_store[line.store];
    if (r.lines.empty()) {
      r = Receipt{ReceiptId(basket.checkout_id),
                  basket.mall,
                  line.store,
                  basket.member,
                  basket.at,
                  {}};
    }
    r.lines.push_back({line.category, result.lines[i].paid});
  }
  int64_t total = 0;
  for (const auto& [store, receipt] : by_store) {
    if (receipt.Total().is_zero()) continue;  // paid for entirely by discounts
    StatusOr<EarnResult> earn =
        ComputeEarn(policy, calendar, receipt, tier, earned_today + total);
    if (!earn.ok()) return earn.status();
    total += earn->points;
  }
  return total;
}

}  // namespace atrium
