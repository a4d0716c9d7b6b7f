// A mall's car park: sessions by plate, payments and exits.
//
// Contract:
// - Entry, payment and exit are operations with idempotency keys: the same
//   key and request again returns the first result and changes nothing;
//   the same key with another request is AlreadyExists. A refused
//   operation records nothing.
// - One open session per plate: a second entry is AlreadyExists.
// - Pay takes a quote from Quote(). A quote made before another payment of
//   the same stay is stale: FailedPrecondition, quote again.
// - Exit is free when the stay costs nothing, or when it was paid and the
//   car leaves within the exit grace; past it, the fee of the time since
//   is due (FailedPrecondition naming the amount). Given an auto-pay member
//   (无感支付), the fee is quoted with their benefits and paid as part of
//   the exit: one operation.
// - The benefits given per member and per plate each business day are
//   derived from the payments, for the daily allowances and caps.
// The coupons and points a payment uses are redeemed by the caller in the
// same transaction (CouponBook, PointsLedger), keyed from the payment's key.
// Plates are given as text (parsed) or as Plate values, keyed ones too.
// A copy of a lot is a whole, independent lot (replicas copy their state).
#ifndef ATRIUM_PARKING_PARKING_LOT_H_
#define ATRIUM_PARKING_PARKING_LOT_H_

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/parking/parking_quote.h"

namespace atrium {

struct ParkingPayment {
  std::string key;
  Timestamp at;
  Money amount;
  std::optional<MemberId> member;
  bool auto_pay = false;
  BenefitUse use;
  int64_t business_day = 0;  // Date::DayNumber
};

struct ParkingSession {
  std::string id;  // the entry's key
  Plate plate;
  VehicleClass vehicle = VehicleClass::kSmall;
  std::string bay;  // bay or zone the lot reported; may be empty
  // The keyed hash of the code on the entry ticket the gate gave, if it
  // gave one: whoever holds the ticket was in the car.
  std::string ticket;
  Timestamp entry;
  TariffId tariff;
  int32_t tariff_version = 0;
  std::vector<ParkingPayment> payments;
  std::optional<Timestamp> exit;

  StayFacts Facts() const;
};

inline constexpr size_t kMaxBayLength = 32;

class ParkingLot {
 public:
  // `schedule` must outlive the lot; stays are priced by `tariff`'s version
  // in force at entry (the tariff names the mall).
  ParkingLot(TariffId tariff, const TariffSchedule* schedule,
             LocalCalendar calendar, ParkingPolicy policy);
  // The same, sharing the schedule (copies of the lot share it too).
  ParkingLot(TariffId tariff, std::shared_ptr<const TariffSchedule> schedule,
             LocalCalendar calendar, ParkingPolicy policy);
  ParkingLot(const ParkingLot& other);
  ParkingLot& operator=(const ParkingLot& other);
  ParkingLot(ParkingLot&&) = default;  // a deque's elements stay put
  ParkingLot& operator=(ParkingLot&&) = default;

  // A car enters. `vehicle` defaults from the plate (new-energy or small);
  // `ticket` is its entry ticket's keyed code, if the gate gave one.
  StatusOr<const ParkingSession*> Enter(std::string_view key,
                                        std::string_view plate,
                                        std::optional<VehicleClass> vehicle,
                                        std::string_view bay, Timestamp at);
  StatusOr<const ParkingSession*> Enter(std::string_view key,
                                        const Plate& plate,
                                        std::optional<VehicleClass> vehicle,
                                        std::string_view bay, Timestamp at,
                                        std::string_view ticket = {});
  // The stay's fee at `at`, with `member`'s benefits if given. Within the
  // exit grace after a payment the stay is quoted as it was paid (nothing
  // more due, the same time to leave by), parked until `at`.
  StatusOr<ParkingQuote> Quote(std::string_view plate,
                               const MemberBenefits* member,
                               Timestamp at) const;
  StatusOr<ParkingQuote> Quote(const Plate& plate, const MemberBenefits* member,
                               Timestamp at) const;
  StatusOr<const ParkingPayment*> Pay(std::string_view key,
                                      const ParkingQuote& quote,
                                      bool auto_pay = false);
  StatusOr<const ParkingSession*> Exit(std::string_view key,
                                       std::string_view plate, Timestamp at,
                                       const MemberBenefits* auto_payer);
  StatusOr<const ParkingSession*> Exit(std::string_view key, const Plate& plate,
                                       Timestamp at,
                                       const MemberBenefits* auto_payer);
  // Reverse car finding: the bay or zone the car entered by.
  StatusOr<std::string> FindCar(std::string_view plate) const;

  const ParkingSession* OpenSession(const Plate& plate) const;
  // By the plate's text: a keyed plate's hash.
  const ParkingSession* OpenSession(std::string_view plate_text) const;
  std::vector<const ParkingSession*> OpenSessions() const;
  const ParkingSession* Session(std::string_view id) const;
  const std::deque<ParkingSession>& sessions() const { return sessions_; }
  // Benefits given on the business day of `at` to `member` (may be null)
  // and to `plate`.
  UsageToday Usage(const MemberId* member, const Plate& plate,
                   Timestamp at) const;
  const ParkingPolicy& policy() const { return policy_; }
  const LocalCalendar& calendar() const { return calendar_; }

 private:
  struct Op {
    std::string request;  // what the key was used for
    ParkingSession* session;
    size_t payment;  // for payments
  };
  StatusOr<const Op*> Replay(std::string_view key,
                             const std::string& request) const;
  ParkingSession* FindOpen(const Plate& plate) const;
  // The open session of a plate; NotFound.
  StatusOr<ParkingSession*> Parked(const Plate& plate) const;
  static Status NotParked(const Plate& plate);
  // The last payment, when `at` is within the exit grace after it.
  const ParkingPayment* PaidWithinGrace(const ParkingSession& s,
                                        Timestamp at) const;
  StatusOr<ParkingQuote> QuoteOpen(const ParkingSession& s,
                                   const MemberBenefits* member,
                                   Timestamp at) const;
  StatusOr<const Tariff*> TariffOf(const ParkingSession& s) const;

  TariffId tariff_;
  std::shared_ptr<const TariffSchedule> schedule_;
  LocalCalendar calendar_;
  ParkingPolicy policy_;
  std::deque<ParkingSession> sessions_;  // stable addresses
  std::map<std::string, ParkingSession*, std::less<>> open_;  // by plate
  std::map<std::string, ParkingSession*, std::less<>> by_id_;
  std::map<std::string, Op, std::less<>> ops_;
};

}  // namespace atrium

#endif  // ATRIUM_PARKING_PARKING_LOT_H_
