// The server's work by time: the first call at once or after a period,
// then every period; Stop does not wait out the period (an hour here: the
// test would hang).
#include "app/periodic.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace atrium::server {
namespace {

TEST(PeriodicTest, TheFirstCallComesAtOnceAndStopEndsTheWait) {
  std::promise<void> called;
  std::atomic<int> calls{0};
  Periodic p(std::chrono::hours(1), Periodic::First::kAtOnce, [&] {
    if (calls++ == 0) called.set_value();
  });
  p.Start();
  called.get_future().wait();
  p.Stop();
  EXPECT_EQ(calls.load(), 1);
}

TEST(PeriodicTest, AfterAPeriodNothingIsCalledBeforeIt) {
  std::atomic<int> calls{0};
  {
    Periodic p(std::chrono::hours(1), Periodic::First::kAfterAPeriod,
               [&] { ++calls; });
    p.Start();
  }  // stopped by the destructor, within the first period
  EXPECT_EQ(calls.load(), 0);
}

TEST(PeriodicTest, CallsRepeatEveryPeriod) {
  std::promise<void> third;
  std::atomic<int> calls{0};
  Periodic p(std::chrono::milliseconds(1), Periodic::First::kAfterAPeriod, [&] {
    if (++calls == 3) third.set_value();
  });
  p.Start();
  third.get_future().wait();
  p.Stop();
  EXPECT_GE(calls.load(), 3);
}

}  // namespace
}  // namespace atrium::server
