// RateLimiter: at most `limit` events per key in each window of `window`
// seconds (fixed windows, by the time passed in). Thread-safe.
#ifndef ATRIUM_SERVER_AUTH_RATE_LIMIT_H_
#define ATRIUM_SERVER_AUTH_RATE_LIMIT_H_

#include <mutex>
#include <string>
#include <unordered_map>

#include "atrium/time.h"

namespace atrium::server {

class RateLimiter {
 public:
  RateLimiter(int64_t limit, int64_t window_seconds)
      : limit_(limit), window_(window_seconds) {}

  // Counts an event for `key`; false if the key is over its limit (the
  // event is then not counted).
  bool Allow(const std::string& key, Timestamp now);

 private:
  struct Window {
    int64_t start = 0;
    int64_t count = 0;
  };
  int64_t limit_;
  int64_t window_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
  int64_t pruned_at_ = 0;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_AUTH_RATE_LIMIT_H_
