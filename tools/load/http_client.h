// A small blocking HTTP/1.1 client over TCP to 127.0.0.1, for tests and
// load drivers: one request per connection, a kept-alive connection, or
// raw bytes for malformed input.
#ifndef ATRIUM_TOOLS_LOAD_HTTP_CLIENT_H_
#define ATRIUM_TOOLS_LOAD_HTTP_CLIENT_H_

#include <cstdint>
#include <map>
#include <string>

#include "atrium/codec/json_reader.h"

namespace atrium::load {

struct HttpReply {
  int status = 0;  // 0: no answer (connection failed or closed)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  codec::Json Json() const;  // the body parsed; null if it is not JSON
};

// Sends `raw` bytes and reads until the server closes or sends one whole
// response.
HttpReply SendRaw(uint16_t port, const std::string& raw);

HttpReply Call(uint16_t port, const std::string& method,
               const std::string& target, const std::string& body = "",
               const std::map<std::string, std::string>& headers = {});

// A connection kept open across requests (keep-alive).
class Connection {
 public:
  explicit Connection(uint16_t port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  bool ok() const { return fd_ >= 0; }
  // Sends one request and reads one response; status 0 if the connection
  // was closed.
  HttpReply Request(const std::string& raw);

 private:
  int fd_ = -1;
  std::string pending_;  // bytes read past the last response
};

}  // namespace atrium::load

#endif  // ATRIUM_TOOLS_LOAD_HTTP_CLIENT_H_
