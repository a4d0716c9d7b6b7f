// Notifier: the provider's asynchronous payment notifications, sent to
// each order's notify_url signed with the merchant's key, on a thread of
// their own. As with the real APIs, a notification the merchant does not
// acknowledge (2xx) is sent again (after 1, 3, 10 and 30 s), and the test
// faults make them late, twice or never, so the merchant must query.
#ifndef ATRIUM_TOOLS_PAYSIM_NOTIFIER_H_
#define ATRIUM_TOOLS_PAYSIM_NOTIFIER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace atrium::paysim {

enum class NotifyFault { kNone, kDrop, kDuplicate, kDelay };

class Notifier {
 public:
  // `clock`: unix seconds, for the signatures' time.
  Notifier(std::string key, std::function<int64_t()> clock);
  ~Notifier();  // stops; what is still due is not sent
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  // Sends `body` (JSON) to `url` (http://host:port/path).
  void Send(const std::string& url, const std::string& body);
  void SetFault(NotifyFault fault, std::chrono::milliseconds delay);
  // Notifications acknowledged so far, for the simulator's status.
  int64_t delivered() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Due {
    std::string url;
    std::string body;
    int attempt = 0;
  };
  void Run();
  bool Deliver(const Due& d);

  std::string key_;
  std::function<int64_t()> clock_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::multimap<Clock::time_point, Due> due_;  // under mu_
  NotifyFault fault_ = NotifyFault::kNone;     // under mu_
  std::chrono::milliseconds delay_{0};         // under mu_
  int64_t delivered_ = 0;                      // under mu_
  bool stopping_ = false;                      // under mu_
  std::thread thread_;
};

}  // namespace atrium::paysim

#endif  // ATRIUM_TOOLS_PAYSIM_NOTIFIER_H_
