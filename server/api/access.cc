#include "api/access.h"

#include "api/json_response.h"

namespace atrium::server {
namespace {

template <typename Set, typename Name>
std::string Joined(const Set& items, Name name) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ",") + std::string(name(item));
  }
  return out;
}

}  // namespace

Access operator|(Access a, const Access& b) {
  a.anyone = a.anyone || b.anyone;
  a.members = a.members || b.members;
  a.device_kinds.insert(b.device_kinds.begin(), b.device_kinds.end());
  a.roles.insert(b.roles.begin(), b.roles.end());
  return a;
}

std::string Describe(const Access& access) {
  if (access.anyone) return "anyone";
  std::string out;
  const auto add = [&out](const std::string& part) {
    out += (out.empty() ? "" : " | ") + part;
  };
  if (access.members) add("members");
  if (!access.device_kinds.empty()) {
    add("devices:" +
        Joined(access.device_kinds, [](const std::string& k) { return k; }));
  }
  if (!access.roles.empty()) {
    add("operators:" + Joined(access.roles, RoleName));
  }
  return out;
}

StatusOr<Caller> Admit(Gate& gate, const Access& access, const Request& req,
                       Response& error) {
  if (access.anyone) {
    Caller anyone;
    anyone.kind = Caller::Kind::kAnyone;
    return anyone;
  }
  const bool devices = !access.device_kinds.empty();
  const bool operators = !access.roles.empty();
  const bool as_device = req.Header("authorization").starts_with("Device ");
  if (devices && (as_device || (!access.members && !operators))) {
    if (access.device_kinds.size() == 1) {
      return gate.Device(req, *access.device_kinds.begin(), error);
    }
    StatusOr<Caller> device = gate.Device(req, "", error);
    if (device.ok() && !access.device_kinds.contains(device->device.kind)) {
      error = ErrorResponse(
          403, "PERMISSION_DENIED",
          "this route is not for " + device->device.kind + " devices");
      return PermissionDenied("device kind");
    }
    return device;
  }
  if (access.members && operators) {
    StatusOr<Caller> member = gate.Member(req, error);
    if (member.ok()) return member;
    return gate.Operator(req, access.roles, error);
  }
  if (operators) return gate.Operator(req, access.roles, error);
  return gate.Member(req, error);
}

void AddRoute(Router& r, Gate& gate, std::string method,
              const std::string& pattern, Access access, GuardedRoute route) {
  std::string who = Describe(access);
  r.Add(
      std::move(method), pattern,
      [&gate, access = std::move(access), route = std::move(route)](
          const Request& req, const PathParams& path, const Respond& respond) {
        Response error;
        StatusOr<Caller> caller = Admit(gate, access, req, error);
        if (!caller.ok()) return respond(error);
        route(*caller, req, path, respond);
      },
      std::move(who));
}

}  // namespace atrium::server
