// The steps of a parking kiosk's screens: the plate (typed on the
// on-screen keyboard or read by the camera), its stay quoted, a member
// signing in by their code for their benefits and choosing to use points,
// paying, and the receipt with the time to leave by. A member signed in
// may scan the entry ticket too, which proves the plate theirs (their
// phone then shows its stays). Or, from the same plate, find my car: the
// bay it was parked in.
//
// Paying a fee opens an order with the provider and shows it as a QR code
// for the shopper's phone (the payment step); Poll() asks whether the
// provider confirmed it, and the receipt follows. An order unpaid in time
// closes: the stay is quoted again. Benefits that cover the whole fee are
// used at once. Every failure leaves the flow where it was, with the
// reason in error().
#ifndef ATRIUM_KIOSK_MODEL_PARKING_FLOW_H_
#define ATRIUM_KIOSK_MODEL_PARKING_FLOW_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/on_screen_keyboard.h"
#include "model/parking_desk.h"

namespace atrium::kiosk {

class ParkingFlow {
 public:
  enum class Step { kPlate, kQuote, kPayment, kReceipt, kCar };

  explicit ParkingFlow(ParkingDesk& desk);

  Step step() const { return step_; }
  OnScreenKeyboard& keyboard() { return keyboard_; }

  // A plate from the camera, or the keyboard's when `text` is empty.
  Status EnterPlate(std::string_view text = {});
  // Find my car, by the keyboard's plate: the car step, with its bay.
  Status FindCar();
  // In the quote step: the member of a scanned code, whose benefits then
  // apply.
  Status ScanMember(std::string_view code);
  // In the quote step, a member signed in: the entry ticket's code proves
  // the plate theirs (they then see and pay for its stays on their phone).
  Status ProvePlate(std::string_view ticket);
  // What the scanner read in the quote step: a member code signs the
  // member in; anything else, once they are, is their entry ticket.
  Status Scanned(std::string_view text);
  // Uses up to all the member's usable points, or none.
  Status UsePoints(bool use);
  Status Pay();
  // In the payment step: whether the provider has confirmed it (then the
  // receipt step). Call it every second or so while it waits.
  Status Poll();
  // Back from the payment step to the fee (the unpaid order closes itself).
  void CancelPayment();
  // Back to an empty plate, no member: for the next shopper.
  void Reset();

  std::string plate() const { return plate_ ? plate_->Masked() : ""; }
  const ParkingQuote* quote() const { return quote_ ? &*quote_ : nullptr; }
  const KioskMember* member() const { return member_ ? &*member_ : nullptr; }
  // Whether the member proved the plate theirs here; whether error() is
  // the proof's.
  bool plate_proven() const { return plate_proven_; }
  bool proof_failed() const { return proof_failed_ && !error_.ok(); }
  bool using_points() const { return use_points_; }
  const PendingPayment* payment() const {
    return payment_ ? &*payment_ : nullptr;
  }
  const ParkingReceipt* receipt() const {
    return receipt_ ? &*receipt_ : nullptr;
  }
  // The car step: the bay its gate reported ("" when it said none).
  const std::string& bay() const { return bay_; }
  const Status& error() const { return error_; }

 private:
  Status Requote();
  Status Fail(Status s);

  ParkingDesk& desk_;
  OnScreenKeyboard keyboard_;
  Step step_ = Step::kPlate;
  std::optional<Plate> plate_;
  std::optional<ParkingQuote> quote_;
  std::optional<KioskMember> member_;
  bool use_points_ = false;
  bool plate_proven_ = false;
  bool proof_failed_ = false;
  std::optional<PendingPayment> payment_;
  std::optional<ParkingReceipt> receipt_;
  std::string bay_;
  Status error_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_PARKING_FLOW_H_
