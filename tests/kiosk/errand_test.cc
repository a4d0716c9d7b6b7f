// The kiosk's errands: a call that waits on the server runs on the worker
// while the screen keeps drawing; one at a time; what it changed is there
// once it is no longer busy; the kiosk stopping waits for it.
#include "ui/errand.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>

namespace atrium::kiosk {
namespace {

TEST(ErrandTest, RunsOffTheCallersThreadAndIsBusyUntilDone) {
  std::atomic<int> woken{0};
  Errand errand([&woken] { ++woken; });
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::thread::id ran_on;
  std::string fee;  // what the errand brings back, read once it is done
  ASSERT_TRUE(errand.Start([&] {
    ran_on = std::this_thread::get_id();
    released.wait();  // a slow server
    fee = "¥15.00";
  }));
  // The caller is free while the errand waits: it keeps drawing.
  EXPECT_TRUE(errand.busy());
  EXPECT_FALSE(errand.quiet());
  // One at a time: a second touch starts nothing.
  bool second = false;
  EXPECT_FALSE(errand.Start([&second] { second = true; }));
  release.set_value();
  errand.Wait();
  EXPECT_FALSE(errand.busy());
  EXPECT_EQ(fee, "¥15.00");
  EXPECT_NE(ran_on, std::this_thread::get_id());
  EXPECT_FALSE(second);
  // The screen was woken to draw the outcome.
  while (woken.load() == 0) std::this_thread::yield();
  EXPECT_EQ(woken.load(), 1);
}

TEST(ErrandTest, AQuietErrandSaysSoWhileItRuns) {
  Errand errand;
  std::promise<void> release;
  std::future<void> released = release.get_future();
  ASSERT_TRUE(errand.Start([&released] { released.wait(); }, true));
  EXPECT_TRUE(errand.quiet());
  release.set_value();
  errand.Wait();
  EXPECT_FALSE(errand.quiet());
  // And the next one may run.
  int ran = 0;
  ASSERT_TRUE(errand.Start([&ran] { ran = 1; }));
  errand.Wait();
  EXPECT_EQ(ran, 1);
}

TEST(ErrandTest, StoppingTheKioskFinishesTheRunningErrand) {
  std::atomic<bool> finished{false};
  {
    Errand errand;
    ASSERT_TRUE(errand.Start([&finished] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      finished = true;
    }));
  }
  EXPECT_TRUE(finished.load());
}

}  // namespace
}  // namespace atrium::kiosk
