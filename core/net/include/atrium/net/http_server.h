// HttpServer: HTTP/1.1 over TCP (Boost.Beast), handing each request to a
// Handler and writing back its response.
//
// Contract:
// - Keep-alive; a connection idle for `idle_timeout` or slower than
//   `read_timeout` to send a request is closed.
// - A body over `body_limit` is answered 413, malformed HTTP 400, both with
//   a JSON error body, and the connection is closed.
// - Beyond `max_connections` open connections, or `max_per_address` from
//   one address, a new one is answered 503 and closed. The cap in force is
//   the smaller of `max_connections` and what the process's descriptor
//   limit leaves room for (RLIMIT_NOFILE less a reserve for files), so the
//   server keeps a descriptor to say 503 with (max_connections()).
// - When accepting fails (out of descriptors, say), the listener waits
//   before it tries again (10 ms, doubling to 1 s), never spinning.
// - Stop() stops accepting, lets each request in flight finish and be
//   answered, closes idle connections, and returns when all are closed
//   (the caller then flushes its store).
#ifndef ATRIUM_NET_HTTP_SERVER_H_
#define ATRIUM_NET_HTTP_SERVER_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "atrium/net/message.h"

namespace atrium::net {

struct HttpOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (see HttpServer::port)
  int threads = 2;
  size_t body_limit = size_t{1} << 20;
  size_t max_connections = 10'000;
  size_t max_per_address = 1'000;  // tills behind one NAT share an address
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
};

class HttpServer {
 public:
  HttpServer(HttpOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts the threads; false with `error` set if it cannot bind.
  bool Start(std::string& error);
  // The port bound (useful with port 0).
  uint16_t port() const;
  // The connection cap in force, once started.
  size_t max_connections() const;
  // How many accepts have failed so far (each followed by a wait).
  size_t accept_failures() const;
  // Connections open now.
  size_t connections() const;
  // Blocks until SIGINT or SIGTERM arrives, then stops.
  void RunUntilSignalled();
  // See the contract above. Safe to call more than once.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace atrium::net

#endif  // ATRIUM_NET_HTTP_SERVER_H_
