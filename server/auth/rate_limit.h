// RateLimiter: at most `limit` events per key in each window of `window`
// seconds (fixed windows, by the time passed in). Thread-safe.
//
// Memory is bounded: it holds at most `max_keys` keys, and a key it has no
// room for is refused (as over its limit) until the window turns, so a
// flood of distinct keys costs a refusal, not memory.
#ifndef ATRIUM_SERVER_AUTH_RATE_LIMIT_H_
#define ATRIUM_SERVER_AUTH_RATE_LIMIT_H_

#include <mutex>
#include <string>
#include <unordered_map>

#include "atrium/time.h"

namespace atrium::server {

class RateLimiter {
 public:
  static constexpr size_t kDefaultMaxKeys = 1'000'000;

  RateLimiter(int64_t limit, int64_t window_seconds,
              size_t max_keys = kDefaultMaxKeys)
      : limit_(limit), window_(window_seconds), max_keys_(max_keys) {}

  // Counts an event for `key`; false if the key is over its limit (the
  // event is then not counted) or there is no room for a new key.
  bool Allow(const std::string& key, Timestamp now);
  // Whether Allow would say yes now, counting nothing.
  bool WouldAllow(const std::string& key, Timestamp now);
  size_t keys() const;

 private:
  struct Window {
    int64_t start = 0;
    int64_t count = 0;
  };
  int64_t limit_;
  int64_t window_;
  size_t max_keys_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
  int64_t pruned_at_ = 0;

  // The key's window, made if there is room (null otherwise); under mu_.
  Window* Find(const std::string& key, int64_t start, bool make);
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_AUTH_RATE_LIMIT_H_
