// What a parking kiosk asks of its car park and of the payment provider.
//
// ParkingDesk is the car park as the kiosk reaches it (the server online;
// the kiosk's replica within its escrow offline). PaymentProvider takes
// the shopper's money (WeChat Pay, Alipay, UnionPay; a simulated one for
// the demo). Both answer with a Status whose code says what to do next:
// NotFound (no such stay or member), FailedPrecondition (quote again),
// Unavailable (try again), and for a provider, PermissionDenied for a
// declined payment.
#ifndef ATRIUM_KIOSK_MODEL_PARKING_DESK_H_
#define ATRIUM_KIOSK_MODEL_PARKING_DESK_H_

#include <string>
#include <string_view>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/parking_quote.h"
#include "atrium/plate.h"
#include "atrium/status.h"
#include "model/kiosk_member.h"

namespace atrium::kiosk {

struct ParkingReceipt {
  std::string session;
  Money paid;
  int64_t points = 0;
  Timestamp exit_by;  // leave before this
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
  // Records that `quote` was paid (`payment` is the provider's reference):
  // FailedPrecondition when the fee has changed since.
  virtual StatusOr<ParkingReceipt> Pay(const Plate& plate,
                                       const ParkingQuote& quote,
                                       const std::string& payment) = 0;
  // The member signed in here proves `plate` theirs with the code on the
  // entry ticket of its stay: FailedPrecondition for another stay's
  // ticket, AlreadyExists when another member holds the plate (the service
  // desk settles it by the vehicle licence).
  virtual Status ProvePlate(const Plate& plate, const MemberId& member,
                            std::string_view ticket) = 0;
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  // Takes `amount`; `key` makes a retry charge once. The provider's
  // reference of the payment.
  virtual StatusOr<std::string> Charge(Money amount,
                                       const std::string& key) = 0;
  // Gives back a payment that could not be recorded.
  virtual Status Refund(const std::string& payment) = 0;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_PARKING_DESK_H_
