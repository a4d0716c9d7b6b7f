// The whole kiosk screen, frame by frame: a header (the mall, online or
// offline and what waits to be sent, the language switch), then the mode's
// screen (guide or parking); after a while untouched it goes home, then to the
// attract screen, until the next touch. Text from the scanner (a keyboard-wedge
// reader types the member code and Enter) goes to the mode that takes it.
// Knows nothing of windows: a platform main feeds ImGui and calls Draw.
//
// What waits on the server (a fee, a sign-in, a payment) runs as an
// errand on a worker (ui/errand.h), never on the thread that draws: a
// slow server shows a wait, not a frozen screen. Scans, a plate from the
// camera and going home that arrive meanwhile wait for it.
#ifndef ATRIUM_KIOSK_UI_KIOSK_SCREEN_H_
#define ATRIUM_KIOSK_UI_KIOSK_SCREEN_H_

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "atrium/map/guide.h"
#include "model/idle_timer.h"
#include "model/member_desk.h"
#include "model/parking_flow.h"
#include "ui/errand.h"
#include "ui/fonts.h"
#include "ui/guide_screen.h"
#include "ui/parking_screen.h"
#include "ui/words.h"

namespace atrium::kiosk {

class KioskScreen {
 public:
  // With `parking`, a parking kiosk (`guide`, if set, finds the way to a
  // car); else a guide screen over `guide`, with `visit` its member
  // services if set.
  KioskScreen(std::string title, Guide* guide, MemberVisit* visit,
              ParkingFlow* parking, const EarningPolicy& earning,
              LocalCalendar calendar, Fonts fonts, std::string app_url);

  // One frame, between ImGui::NewFrame and ImGui::Render; `now_ms` is a
  // steady clock (for idling), `wall` the time of day (for what is on).
  // `touched`: input arrived since the last frame.
  void Draw(int64_t now_ms, Timestamp wall, bool touched);
  void OnScannedText(const std::string& text);
  // A plate the camera read (a parking kiosk): its fee.
  void OnPlate(const std::string& plate);
  // Asks now whether a waiting payment was paid (a test's sync).
  void PollPayment() { next_poll_ms_ = 0; }
  // Whether an errand runs: what it works on is not on screen yet.
  bool busy() const { return errand_.busy(); }
  // Called on the worker when an errand is done (wakes the main loop).
  void set_wake(std::function<void()> wake) { wake_ = std::move(wake); }
  // When the screen next changes by itself (idle → home → attract).
  int64_t NextChangeAt(int64_t now_ms) const {
    // A payment waiting for the shopper's phone is asked after each second.
    if (parking_ != nullptr && !busy() &&
        parking_->step() == ParkingFlow::Step::kPayment) {
      return std::min(idle_.NextChangeAt(now_ms), next_poll_ms_);
    }
    return idle_.NextChangeAt(now_ms);
  }

  // How the kiosk stands with the server, shown once known; a change (a
  // sync that sent or brought something) refreshes what the screen shows
  // of the member.
  void set_sync(const SyncState& s);
  Language language() const { return language_; }

 private:
  void GoHome();
  // What arrived while an errand ran, once it is done.
  void CatchUp();

  int64_t next_poll_ms_ = 0;  // when a waiting payment is asked next
  std::string title_;
  ParkingFlow* parking_;
  std::unique_ptr<GuideScreen> guide_screen_;
  std::unique_ptr<ParkingScreen> parking_screen_;
  Fonts fonts_;
  IdleTimer idle_{90'000, 30'000};
  bool was_idle_ = true;
  SyncState sync_;
  bool parking_offline_ = false;  // its last call did not reach the server
  Language language_ = Language::kZh;
  std::deque<std::string> scans_;  // waiting for the errand
  std::string plate_;              // from the camera, waiting too
  bool go_home_ = false;
  bool refresh_ = false;
  std::function<void()> wake_;
  Errand errand_{[this] {
    if (wake_) wake_();
  }};  // last: its worker stops first
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_KIOSK_SCREEN_H_
