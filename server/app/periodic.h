// Periodic: the server's own work done by time (the day's jobs each
// minute, closing unpaid payment orders): a function called every period
// on a thread of its own.
//
// Contract: Start() begins the calls (the first at once, or after one
// period); Stop() (and the destructor) wakes the thread at once, lets a
// call under way finish, and makes no more. Calls never overlap.
#ifndef ATRIUM_SERVER_APP_PERIODIC_H_
#define ATRIUM_SERVER_APP_PERIODIC_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace atrium::server {

class Periodic {
 public:
  enum class First { kAtOnce, kAfterAPeriod };

  Periodic(std::chrono::milliseconds every, First first,
           std::function<void()> call)
      : every_(every), first_(first), call_(std::move(call)) {}
  ~Periodic() { Stop(); }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  void Start();
  void Stop();

 private:
  void Loop();

  const std::chrono::milliseconds every_;
  const First first_;
  const std::function<void()> call_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // under mu_
  std::thread thread_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_APP_PERIODIC_H_
