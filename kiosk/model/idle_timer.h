// Inactivity on a public screen. A touch restarts the count; after
// `home_after` without one the screen goes back home (a half-typed plate
// or a signed-in member must not wait for the next passer-by), and after
// `attract_after` more it shows the attract loop until the next touch.
// Time is a steady millisecond count the caller passes in.
#ifndef ATRIUM_KIOSK_MODEL_IDLE_TIMER_H_
#define ATRIUM_KIOSK_MODEL_IDLE_TIMER_H_

#include <cstdint>

namespace atrium::kiosk {

class IdleTimer {
 public:
  enum class State { kActive, kHome, kAttract };

  IdleTimer(int64_t home_after_ms, int64_t attract_after_ms)
      : home_after_(home_after_ms), attract_after_(attract_after_ms) {}

  void Touch(int64_t now_ms) { last_touch_ = now_ms; }
  State At(int64_t now_ms) const {
    const int64_t idle = now_ms - last_touch_;
    if (idle >= home_after_ + attract_after_) return State::kAttract;
    if (idle >= home_after_) return State::kHome;
    return State::kActive;
  }
  // When At() next changes by itself, for a screen that sleeps until then;
  // on the attract screen nothing does until a touch (INT64_MAX).
  int64_t NextChangeAt(int64_t now_ms) const {
    const int64_t home = last_touch_ + home_after_;
    if (now_ms < home) return home;
    const int64_t attract = home + attract_after_;
    return now_ms < attract ? attract : INT64_MAX;
  }

 private:
  int64_t home_after_;
  int64_t attract_after_;
  int64_t last_touch_ = 0;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_IDLE_TIMER_H_
