// Router: picks the route for a request by method and path pattern and
// answers unknown paths (404) and wrong methods (405) with a JSON error.
//
// Patterns are literal segments and `{name}` segments, which match one
// non-empty segment and are passed to the route by name:
//   router.Add("GET", "/api/v1/members/{member_id}/wallet", fn);
#ifndef ATRIUM_SERVER_API_ROUTER_H_
#define ATRIUM_SERVER_API_ROUTER_H_

#include <map>
#include <string>
#include <vector>

#include "http/messages.h"

namespace atrium::server {

using PathParams = std::map<std::string, std::string>;
using RouteFn = std::function<void(const Request&, const PathParams&, Respond)>;

class Router {
 public:
  // `who`: who may call it, in words (api/access.h), for the route table.
  void Add(std::string method, const std::string& pattern, RouteFn fn,
           std::string who = "");
  // Calls the matching route, or answers 404 / 405 itself.
  void Handle(const Request& req, const Respond& respond) const;

  struct Entry {
    std::string method;
    std::string pattern;
    std::string who;
  };
  // Every route as added, for tests and the operator's documentation.
  std::vector<Entry> Table() const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" for a parameter
    RouteFn fn;
    std::string who;
  };
  std::vector<Route> routes_;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_ROUTER_H_
