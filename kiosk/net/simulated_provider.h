// A payment provider for the demo and tests: every charge succeeds unless
// told to decline, a key charges once, and refunds are remembered. A real
// kiosk puts WeChat Pay, Alipay or UnionPay behind the same interface.
#ifndef ATRIUM_KIOSK_NET_SIMULATED_PROVIDER_H_
#define ATRIUM_KIOSK_NET_SIMULATED_PROVIDER_H_

#include <map>
#include <set>
#include <string>

#include "model/parking_desk.h"

namespace atrium::kiosk {

class SimulatedProvider : public PaymentProvider {
 public:
  StatusOr<std::string> Charge(Money amount, const std::string& key) override {
    if (decline_) return PermissionDenied("the payment was declined");
    auto [it, added] = charges_.try_emplace(key, amount);
    if (!added && it->second != amount) {
      return InvalidArgument("this key charged another amount");
    }
    return "sim-" + key;
  }
  Status Refund(const std::string& payment) override {
    refunded_.insert(payment);
    return Status::Ok();
  }

  void set_decline(bool decline) { decline_ = decline; }
  Money charged() const {
    Money sum;
    for (const auto& [key, amount] : charges_) {
      if (!refunded_.contains("sim-" + key)) sum += amount;
    }
    return sum;
  }

 private:
  bool decline_ = false;
  std::map<std::string, Money> charges_;
  std::set<std::string> refunded_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_SIMULATED_PROVIDER_H_
