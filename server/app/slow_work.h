// SlowWork: runs CPU-heavy tasks (an operator's argon2id password check)
// on threads of its own, so that the HTTP threads go on answering (a health
// check never waits for a password hash).
//
// Contract:
// - Post() queues a task and returns true, or returns false at once when
//   `max_queued` tasks already wait: the caller answers "busy" itself.
// - Tasks run in the order posted, on `threads` threads.
// - The destructor runs what is queued, then joins the threads.
#ifndef ATRIUM_SERVER_APP_SLOW_WORK_H_
#define ATRIUM_SERVER_APP_SLOW_WORK_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace atrium::server {

class SlowWork {
 public:
  SlowWork(int threads, size_t max_queued);
  ~SlowWork();
  SlowWork(const SlowWork&) = delete;
  SlowWork& operator=(const SlowWork&) = delete;

  bool Post(std::function<void()> task);

 private:
  void Run();

  size_t max_queued_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;  // under mu_
  bool stopping_ = false;                    // under mu_
  std::vector<std::thread> threads_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_APP_SLOW_WORK_H_
