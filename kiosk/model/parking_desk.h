// What a parking kiosk asks of its car park: ParkingDesk is the car park
// as the kiosk reaches it, through the server. A fee is paid with the
// shopper's phone: the server opens an order with the payment provider
// (WeChat Pay, Alipay, UnionPay; tools/paysim in the demo), the kiosk
// shows its page as a QR code, and the stay is paid once the provider's
// confirmation reached the server. The kiosk never holds the money.
// Every answer's Status code says what to do next: NotFound (no such stay
// or member), FailedPrecondition (quote again), Unavailable (try again).
#ifndef ATRIUM_KIOSK_MODEL_PARKING_DESK_H_
#define ATRIUM_KIOSK_MODEL_PARKING_DESK_H_

#include <optional>
#include <string>
#include <string_view>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/parking/parking_quote.h"
#include "atrium/parking/plate.h"
#include "atrium/status.h"
#include "model/kiosk_member.h"

namespace atrium::kiosk {

struct ParkingReceipt {
  std::string session;
  Money paid;
  int64_t points = 0;
  Timestamp exit_by;  // leave before this
};

// A fee waiting for the shopper's phone: the provider's order and its page,
// shown as a QR code.
struct PendingPayment {
  std::string order_no;
  std::string code_url;
  Money amount;
};

class ParkingDesk {
 public:
  virtual ~ParkingDesk() = default;
  // The open stay of `plate` quoted now, with the benefits of `member`
  // (null: none) and up to `points` of their points.
  virtual StatusOr<ParkingQuote> Quote(const Plate& plate,
                                       const MemberId* member,
                                       int64_t points) = 0;
  virtual StatusOr<KioskMember> SignIn(std::string_view member_code) = 0;
  // Find my car: the bay the gate reported for `plate`'s open stay (may
  // be empty); NotFound when it is not parked here.
  virtual StatusOr<std::string> FindCar(const Plate& plate) = 0;
  // Settles `quote` when nothing is due (benefits cover the fee):
  // FailedPrecondition when the fee has changed since.
  virtual StatusOr<ParkingReceipt> Pay(const Plate& plate,
                                       const ParkingQuote& quote) = 0;
  // Opens a payment of `quote`'s fee with the provider (a retry of the
  // same quote opens it once): FailedPrecondition when the fee changed.
  virtual StatusOr<PendingPayment> OpenPayment(const Plate& plate,
                                               const ParkingQuote& quote) = 0;
  // The receipt once the provider confirmed the payment; none while it
  // waits; FailedPrecondition once the order closed unpaid (or its money
  // went back): quote and pay again.
  virtual StatusOr<std::optional<ParkingReceipt>> PaymentStatus(
      const std::string& order_no) = 0;
  // The member signed in here proves `plate` theirs with the code on the
  // entry ticket of its stay: FailedPrecondition for another stay's
  // ticket, AlreadyExists when another member holds the plate (the service
  // desk settles it by the vehicle licence).
  virtual Status ProvePlate(const Plate& plate, const MemberId& member,
                            std::string_view ticket) = 0;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_PARKING_DESK_H_
