// SlowWork runs password hashes off the HTTP threads: on a thread of its
// own, in order, and refuses at once past its queue.
#include "app/slow_work.h"

#include <gtest/gtest.h>

#include <future>
#include <thread>

namespace atrium::server {
namespace {

TEST(SlowWorkTest, RunsTasksOnItsOwnThreadAndRefusesPastItsQueue) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<std::thread::id> ran_on;
  std::vector<int> order;
  {
    SlowWork work(1, 2);
    ASSERT_TRUE(work.Post([&] {
      ran_on.set_value(std::this_thread::get_id());
      released.wait();  // a slow hash
    }));
    EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
    // The one thread is busy: two may wait, the third is refused.
    EXPECT_TRUE(work.Post([&] { order.push_back(1); }));
    EXPECT_TRUE(work.Post([&] { order.push_back(2); }));
    EXPECT_FALSE(work.Post([&] { order.push_back(3); }));
    release.set_value();
  }  // the destructor runs what waits
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace atrium::server
