#include "notifier.h"

#include "atrium/auth/pay_signature.h"
#include "atrium/net/http_client.h"

namespace atrium::paysim {
namespace {

constexpr std::chrono::seconds kRetryAfter[] = {
    std::chrono::seconds(1), std::chrono::seconds(3), std::chrono::seconds(10),
    std::chrono::seconds(30)};

}  // namespace

Notifier::Notifier(std::string key, std::function<int64_t()> clock)
    : key_(std::move(key)),
      clock_(std::move(clock)),
      thread_([this] { Run(); }) {}

Notifier::~Notifier() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Notifier::Send(const std::string& url, const std::string& body) {
  {
    std::lock_guard lock(mu_);
    if (fault_ == NotifyFault::kDrop) return;
    const auto at =
        Clock::now() +
        (fault_ == NotifyFault::kDelay ? delay_ : std::chrono::milliseconds(0));
    due_.emplace(at, Due{url, body, 0});
    if (fault_ == NotifyFault::kDuplicate) {
      due_.emplace(at + std::chrono::milliseconds(50), Due{url, body, 0});
    }
  }
  wake_.notify_all();
}

void Notifier::SetFault(NotifyFault fault, std::chrono::milliseconds delay) {
  std::lock_guard lock(mu_);
  fault_ = fault;
  delay_ = delay;
}

int64_t Notifier::delivered() const {
  std::lock_guard lock(mu_);
  return delivered_;
}

bool Notifier::Deliver(const Due& d) {
  const std::string_view prefix = "http://";
  const size_t slash = d.url.find('/', prefix.size());
  StatusOr<net::HttpEndpoint> to =
      net::HttpEndpoint::Parse(d.url.substr(0, slash));
  if (!to.ok()) return true;  // a bad URL is never delivered: stop trying
  net::Request req;
  req.method = "POST";
  req.target = slash == std::string::npos ? "/" : d.url.substr(slash);
  req.body = d.body;
  req.headers = {
      {"content-type", "application/json"},
      {std::string(auth::kPaySignatureHeader),
       auth::SignPayMessage(key_, clock_(), "POST", req.target, req.body)}};
  StatusOr<net::Response> res = net::HttpFetch(*to, req);
  return res.ok() && res->status >= 200 && res->status < 300;
}

void Notifier::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (due_.empty()) {
      wake_.wait(lock);
      continue;
    }
    const auto first = due_.begin();
    if (first->first > Clock::now()) {
      wake_.wait_until(lock, first->first);
      continue;
    }
    Due d = std::move(first->second);
    due_.erase(first);
    lock.unlock();
    const bool acknowledged = Deliver(d);
    lock.lock();
    if (acknowledged) {
      ++delivered_;
    } else if (d.attempt < static_cast<int>(std::size(kRetryAfter))) {
      const auto at = Clock::now() + kRetryAfter[d.attempt];
      ++d.attempt;
      due_.emplace(at, std::move(d));
    }
  }
}

}  // namespace atrium::paysim
