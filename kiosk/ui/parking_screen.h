// The parking mode's screen, one step of the ParkingFlow at a time: the
// plate on the on-screen keyboard; the fee with every line of benefit, the
// member who scanned their code, points to use and paying; the provider's
// QR code for the shopper's phone while the payment waits; the receipt
// with the time to leave by; or, from the plate, where the car is and the
// walk there. Times show in the mall's local time.
#ifndef ATRIUM_KIOSK_UI_PARKING_SCREEN_H_
#define ATRIUM_KIOSK_UI_PARKING_SCREEN_H_

#include "atrium/time.h"
#include "model/guide.h"
#include "model/parking_flow.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

class ParkingScreen {
 public:
  // `guide` (may be null: no walk) finds the way to a car from here.
  ParkingScreen(ParkingFlow& flow, Guide* guide, LocalCalendar calendar)
      : flow_(flow), guide_(guide), calendar_(calendar) {}

  void Draw(Language language, const Fonts& fonts);

 private:
  void DrawPlate(Language language, const Fonts& fonts);
  void DrawQuote(Language language, const Fonts& fonts);
  void DrawPayment(Language language, const Fonts& fonts);
  void DrawReceipt(Language language, const Fonts& fonts);
  void DrawCar(Language language, const Fonts& fonts);

  ParkingFlow& flow_;
  Guide* guide_;
  LocalCalendar calendar_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_PARKING_SCREEN_H_
