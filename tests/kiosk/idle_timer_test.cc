// A public screen left alone goes home, then to its attract loop; a touch
// brings it back.
#include "model/idle_timer.h"

#include <gtest/gtest.h>

namespace atrium::kiosk {
namespace {

using State = IdleTimer::State;

TEST(IdleTimerTest, HomeThenAttractThenBackOnATouch) {
  IdleTimer idle(60'000, 30'000);
  const int64_t t0 = 1'000'000;
  EXPECT_EQ(idle.At(t0), State::kAttract);  // nobody has touched it yet
  idle.Touch(t0);
  EXPECT_EQ(idle.At(t0 + 59'999), State::kActive);
  EXPECT_EQ(idle.At(t0 + 60'000), State::kHome);
  EXPECT_EQ(idle.At(t0 + 89'999), State::kHome);
  EXPECT_EQ(idle.At(t0 + 90'000), State::kAttract);
  EXPECT_EQ(idle.NextChangeAt(t0 + 10), t0 + 60'000);
  EXPECT_EQ(idle.NextChangeAt(t0 + 60'000), t0 + 90'000);
  // Attracting, the screen sleeps until a touch.
  EXPECT_EQ(idle.NextChangeAt(t0 + 90'000), INT64_MAX);
  idle.Touch(t0 + 100'000);
  EXPECT_EQ(idle.At(t0 + 100'001), State::kActive);
}

}  // namespace
}  // namespace atrium::kiosk
