// The car park as an online parking kiosk reaches it: atriumd's parking
// routes (fees, payments, find my car) and the kiosk member sign-in
// (shared/api/README.md). A member's benefits apply once they scanned their
// code at this kiosk; a payment is keyed by the stay, what it had paid
// before and the amount, so a retry opens one order.
#ifndef ATRIUM_KIOSK_NET_HTTP_PARKING_DESK_H_
#define ATRIUM_KIOSK_NET_HTTP_PARKING_DESK_H_

#include <string>

#include "model/parking_desk.h"
#include "net/server_link.h"

namespace atrium::kiosk {

class HttpParkingDesk : public ParkingDesk {
 public:
  explicit HttpParkingDesk(ServerLink& link) : link_(link) {}

  StatusOr<ParkingQuote> Quote(const Plate& plate, const MemberId* member,
                               int64_t points) override;
  StatusOr<KioskMember> SignIn(std::string_view member_code) override;
  StatusOr<std::string> FindCar(const Plate& plate) override;
  StatusOr<ParkingReceipt> Pay(const Plate& plate,
                               const ParkingQuote& quote) override;
  StatusOr<PendingPayment> OpenPayment(const Plate& plate,
                                       const ParkingQuote& quote) override;
  StatusOr<std::optional<ParkingReceipt>> PaymentStatus(
      const std::string& order_no) override;
  Status ProvePlate(const Plate& plate, const MemberId& member,
                    std::string_view ticket) override;

 private:
  ServerLink& link_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_HTTP_PARKING_DESK_H_
