// HttpFetch: one HTTP/1.1 request to a host and the whole response, within
// a deadline that bounds resolving, connecting, writing and reading alike.
// For the server's calls out (the payment provider) and for the payment
// simulator's notifications; blocking, so call it off the HTTP threads.
//
// Contract: OK with the response for any HTTP status (the caller judges
// it); Unavailable when the host could not be reached, did not answer in
// time or answered more than `max_body` bytes.
#ifndef ATRIUM_NET_HTTP_CLIENT_H_
#define ATRIUM_NET_HTTP_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "atrium/net/message.h"
#include "atrium/status.h"

namespace atrium::net {

struct HttpEndpoint {
  std::string host = "127.0.0.1";
  uint16_t port = 80;
  std::chrono::milliseconds timeout{3000};
  size_t max_body = size_t{1} << 20;

  // "http://host:port" (no path, no TLS: a local simulator or a gateway).
  static StatusOr<HttpEndpoint> Parse(std::string_view url);
};

// `req.target` is the path and query; its headers are sent as given, with
// Host and Content-Length set.
StatusOr<Response> HttpFetch(const HttpEndpoint& to, const Request& req);

}  // namespace atrium::net

#endif  // ATRIUM_NET_HTTP_CLIENT_H_
