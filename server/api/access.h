// Access: who may call a route, declared with it in the route table
// (AddRoute) and checked before it runs, so that a route only ever sees a
// caller it was declared for, and a reader of the table sees who may do
// what:
//   AddRoute(r, gate, "POST", "/api/v1/pos/receipts", Devices({"pos"}),
//            uses, Earn);
//   AddRoute(r, gate, "PUT", "/api/v1/operator/program",
//            Operators({Role::kAdmin}), uses, UpdateProgram);
// `uses` is what the route file's routes use (a struct of references to
// parts of the ApiContext, api/context.h), and all a route can reach.
//
// Contract: a request without credentials, or with bad ones, is answered
// 401; one from a kind of caller the route is not for, or an operator
// without one of the roles, 403; a device over its rate, 429. What the
// caller may do to which member, store or escrow is then the route's and
// the operation registry's (sync::Authorize) to judge.
#ifndef ATRIUM_SERVER_API_ACCESS_H_
#define ATRIUM_SERVER_API_ACCESS_H_

#include <functional>
#include <set>
#include <string>
#include <type_traits>

#include "api/gate.h"
#include "api/router.h"

namespace atrium::server {

struct Access {
  bool anyone = false;   // no credentials asked (the route proves the rest)
  bool members = false;  // a member's session
  std::set<std::string> device_kinds;  // devices of these kinds
  std::set<Role> roles;                // operators with one of these roles
};

inline Access Anyone() {
  Access a;
  a.anyone = true;
  return a;
}
inline Access Members() {
  Access a;
  a.members = true;
  return a;
}
inline Access Devices(std::set<std::string> kinds) {
  Access a;
  a.device_kinds = std::move(kinds);
  return a;
}
inline Access Operators(std::set<Role> roles) {
  Access a;
  a.roles = std::move(roles);
  return a;
}
inline const std::set<Role> kAnyRole = {Role::kAdmin, Role::kMarketing,
                                        Role::kFinance};
// Either: e.g. Members() | Devices({"kiosk"}).
Access operator|(Access a, const Access& b);
// In words, for the route table: "anyone", or any of "members",
// "devices:gate,kiosk", "operators:admin,marketing" joined by " | ".
std::string Describe(const Access& access);

// The caller `access` admits, or the error response to send.
StatusOr<Caller> Admit(Gate& gate, const Access& access, const Request& req,
                       Response& error);

// A route, given the caller its access admitted (kind kAnyone for a route
// open to anyone).
using GuardedRoute =
    std::function<void(const Caller& caller, const Request& req,
                       const PathParams& path, const Respond& respond)>;
void AddRoute(Router& r, Gate& gate, std::string method,
              const std::string& pattern, Access access, GuardedRoute route);

// A route of a file whose routes use `Uses`: a function of (const Uses&,
// const Caller&, const Request&, [const PathParams&,] const Respond&).
template <class Uses, class Route>
void AddRoute(Router& r, Gate& gate, std::string method,
              const std::string& pattern, Access access, Uses uses,
              Route route) {
  AddRoute(
      r, gate, std::move(method), pattern, std::move(access),
      [uses, route](const Caller& caller, const Request& req,
                    const PathParams& path, const Respond& respond) {
        if constexpr (std::is_invocable_v<Route, const Uses&, const Caller&,
                                          const Request&, const PathParams&,
                                          const Respond&>) {
          route(uses, caller, req, path, respond);
        } else {
          route(uses, caller, req, respond);
        }
      });
}

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_ACCESS_H_
