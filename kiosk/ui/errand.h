// An errand: something the screen asked for that may wait on the server
// (a fee, a member's sign-in, a coupon taken, whether a payment arrived),
// run on a worker thread so the screen keeps drawing and can say it waits.
//
// One errand at a time. While one runs, what it works on (the parking
// flow, the member's visit) belongs to the worker: the screen draws a wait
// instead of reading it, and starts nothing else. busy() turns false only
// after every change the errand made is visible to the thread that asks.
// A quiet errand (asking whether a payment arrived, each second) is
// routine: the screen keeps what it showed instead of a wait.
#ifndef ATRIUM_KIOSK_UI_ERRAND_H_
#define ATRIUM_KIOSK_UI_ERRAND_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace atrium::kiosk {

class Errand {
 public:
  // `on_done` runs on the worker after each errand (it wakes a main loop
  // that waits for events, to draw the outcome).
  explicit Errand(std::function<void()> on_done = {});
  // Waits for the running errand, then stops the worker.
  ~Errand();
  Errand(const Errand&) = delete;
  Errand& operator=(const Errand&) = delete;

  // Runs `work` on the worker; false, and nothing runs, while another is
  // running.
  bool Start(std::function<void()> work, bool quiet = false);
  bool busy() const { return busy_.load(std::memory_order_acquire); }
  // Whether the running errand is a quiet one.
  bool quiet() const { return busy() && quiet_.load(); }
  // Blocks until no errand runs.
  void Wait();

 private:
  void Loop();

  std::function<void()> on_done_;
  std::mutex mu_;  // guards work_, stop_
  std::condition_variable cv_;
  std::function<void()> work_;
  bool stop_ = false;
  std::atomic<bool> busy_{false};
  std::atomic<bool> quiet_{false};
  std::thread worker_;  // last: starts once the rest is ready
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_ERRAND_H_
