// An HTTP request and response as the API sees them: plain values, no
// sockets and no Beast types, so that routes are functions of a request
// that tests can call directly.
#ifndef ATRIUM_NET_MESSAGE_H_
#define ATRIUM_NET_MESSAGE_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace atrium::net {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // as sent: path and query
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote;  // the peer's address, for rate limits

  // The target up to '?'.
  std::string Path() const;
  // The query's value for `name` (percent-decoded), or "" when absent.
  std::string Query(const std::string& name) const;
  // The header's value, or "" when absent; `name` in lower case.
  std::string Header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Called exactly once with the response, from any thread.
using Respond = std::function<void(Response)>;
// What the server calls for each request. It may answer at once or later
// (a write waits for its batch to commit) and must not block.
using Handler = std::function<void(Request, Respond)>;

}  // namespace atrium::net

#endif  // ATRIUM_NET_MESSAGE_H_
