// The parking mode's screen, one step of the ParkingFlow at a time: the
// plate on the on-screen keyboard; the fee with every line of benefit, the
// member who scanned their code, points to use and paying; the provider's
// QR code for the shopper's phone while the payment waits; the receipt
// with the time to leave by; or, from the plate, where the car is and the
// walk there. Times show in the mall's local time. What asks the server
// runs as an errand: meanwhile the screen says it waits (or, while a
// payment is asked after, keeps its QR code).
#ifndef ATRIUM_KIOSK_UI_PARKING_SCREEN_H_
#define ATRIUM_KIOSK_UI_PARKING_SCREEN_H_

#include <functional>

#include "atrium/map/guide.h"
#include "atrium/time.h"
#include "model/parking_flow.h"
#include "ui/errand.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

class ParkingScreen {
 public:
  // `guide` (may be null: no walk) finds the way to a car from here.
  ParkingScreen(ParkingFlow& flow, Errand& errand, Guide* guide,
                LocalCalendar calendar)
      : flow_(flow), errand_(errand), guide_(guide), calendar_(calendar) {}

  void Draw(Language language, const Fonts& fonts);

 private:
  void DrawPlate(Language language, const Fonts& fonts);
  void DrawQuote(Language language, const Fonts& fonts);
  // The payment as last drawn: shown while the errand asks after it.
  void DrawPayment(Language language, const Fonts& fonts);
  // Runs `call` on the flow as an errand.
  void Run(std::function<void(ParkingFlow&)> call);
  void DrawReceipt(Language language, const Fonts& fonts);
  void DrawCar(Language language, const Fonts& fonts);

  ParkingFlow& flow_;
  Errand& errand_;
  Guide* guide_;
  std::string shown_plate_;
  PendingPayment shown_payment_;
  bool cancel_asked_ = false;  // Back while the payment was asked after
  LocalCalendar calendar_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_PARKING_SCREEN_H_
