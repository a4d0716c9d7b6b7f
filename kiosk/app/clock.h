// The clocks the kiosk app reads (the core and the screens read none):
// a steady one for idling and deadlines, and the time of day.
#ifndef ATRIUM_KIOSK_APP_CLOCK_H_
#define ATRIUM_KIOSK_APP_CLOCK_H_

#include <chrono>
#include <cstdint>
#include <ctime>

#include "atrium/time.h"

namespace atrium::kiosk {

inline int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline Timestamp WallClock() {
  return Timestamp::FromUnixSeconds(static_cast<int64_t>(std::time(nullptr)));
}

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_CLOCK_H_
