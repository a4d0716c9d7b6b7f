// The kiosk's line to atriumd: JSON over HTTP/1.1 with the device's key,
// one request at a time, each within a deadline.
//
// The answer's Status says what the kiosk does next: Unavailable when the
// server could not be reached or answered 5xx in time (work offline, try
// later), PermissionDenied when it refuses the kiosk's key (stop: the
// kiosk needs its operator), otherwise the code the server named in its
// error (NotFound, FailedPrecondition, ...), with its message.
#ifndef ATRIUM_KIOSK_NET_SERVER_LINK_H_
#define ATRIUM_KIOSK_NET_SERVER_LINK_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"

namespace atrium::kiosk {

struct ServerAddress {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string device;  // the kiosk's device id
  std::string key;     // and its key
  std::chrono::milliseconds timeout{3000};
};

class ServerLink {
 public:
  explicit ServerLink(ServerAddress address) : a_(std::move(address)) {}

  StatusOr<codec::Json> Get(const std::string& target);
  // `idempotency_key` for a change: a retry is applied once.
  StatusOr<codec::Json> Post(const std::string& target, const codec::Json& body,
                             const std::string& idempotency_key = "");

 private:
  StatusOr<codec::Json> Send(bool post, const std::string& target,
                             const std::string& body,
                             const std::string& idempotency_key);
  ServerAddress a_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_SERVER_LINK_H_
