#include "api/gate.h"

#include "api/json_response.h"
#include "atrium/auth/crypto.h"

namespace atrium::server {
namespace {

// "Bearer <token>" -> token; "" otherwise.
std::string BearerToken(const Request& req) {
  std::string h = req.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  return h.starts_with(kBearer) ? h.substr(kBearer.size()) : "";
}

StatusOr<Caller> Unauthenticated(Response& error, std::string_view message) {
  error = ErrorResponse(401, "UNAUTHENTICATED", message);
  return PermissionDenied(std::string(message));
}

StatusOr<Caller> Forbidden(Response& error, std::string_view message) {
  error = ErrorResponse(403, "PERMISSION_DENIED", message);
  return PermissionDenied(std::string(message));
}

}  // namespace

void Presence::Grant(const std::string& device, const MemberId& member,
                     Timestamp until) {
  std::lock_guard lock(mu_);
  until_[{device, member.value()}] = until;
}

bool Presence::Allowed(const std::string& device, const MemberId& member,
                       Timestamp now) {
  std::lock_guard lock(mu_);
  auto it = until_.find({device, member.value()});
  if (it == until_.end()) return false;
  if (it->second <= now) {
    until_.erase(it);
    return false;
  }
  return true;
}

void Presence::End(const std::string& device, const MemberId& member) {
  std::lock_guard lock(mu_);
  until_.erase({device, member.value()});
}

StatusOr<auth::Claims> Gate::Session(const Request& req, std::string_view kind,
                                     Response& error) {
  std::string token = BearerToken(req);
  if (token.empty()) {
    error = ErrorResponse(401, "UNAUTHENTICATED", "sign in first");
    return PermissionDenied("no token");
  }
  StatusOr<auth::Claims> c = tokens.Verify(token, service.Now());
  if (c.ok() && credentials.IsRevoked(c->id)) {
    c = PermissionDenied("the session was signed out");
  }
  if (!c.ok()) {
    error = ErrorResponse(401, "UNAUTHENTICATED", c.status().message());
    return c.status();
  }
  if (c->kind != kind) {
    error = ErrorResponse(403, "PERMISSION_DENIED",
                          "this route is for " + std::string(kind) + "s");
    return PermissionDenied("wrong kind of session");
  }
  return c;
}

StatusOr<Caller> Gate::Member(const Request& req, Response& error) {
  StatusOr<auth::Claims> c = Session(req, "member", error);
  if (!c.ok()) return c.status();
  const bool gone = service.ReadState([&](const sync::GroupState& s) {
    const atrium::Member* m = s.directory.Find(MemberId{c->subject});
    return m == nullptr || m->erased_at.has_value();
  });
  if (gone) return Unauthenticated(error, "the account was erased");
  Caller caller;
  caller.kind = Caller::Kind::kMember;
  caller.id = c->subject;
  caller.claims = std::move(*c);
  return caller;
}

StatusOr<Caller> Gate::Device(const Request& req, std::string_view kind,
                              Response& error) {
  // "Device <id>:<key>"
  std::string h = req.Header("authorization");
  constexpr std::string_view kScheme = "Device ";
  size_t colon = h.find(':');
  if (h.starts_with("Bearer ")) {
    return Forbidden(error, "this route is for devices");
  }
  if (!h.starts_with(kScheme) || colon == std::string::npos) {
    return Unauthenticated(error, "device credentials required");
  }
  std::string id = h.substr(kScheme.size(), colon - kScheme.size());
  StatusOr<server::Device> d =
      credentials.CheckDevice(id, std::string_view(h).substr(colon + 1));
  if (!d.ok()) return Unauthenticated(error, d.status().message());
  if (!kind.empty() && d->kind != kind) {
    return Forbidden(error,
                     "this route is for " + std::string(kind) + " devices");
  }
  if (!device_requests.Allow(d->id, service.Now())) {
    error = ErrorResponse(429, "RATE_LIMITED",
                          "too many requests from this device");
    return ResourceExhausted("rate");
  }
  Caller caller;
  caller.kind = Caller::Kind::kDevice;
  caller.id = d->id;
  caller.device = std::move(*d);
  return caller;
}

StatusOr<Caller> Gate::Operator(const Request& req, const std::set<Role>& roles,
                                Response& error) {
  StatusOr<auth::Claims> c = Session(req, "operator", error);
  if (!c.ok()) return c.status();
  StatusOr<Role> role = ParseRole(c->role);
  if (!role.ok() || !roles.contains(*role)) {
    return Forbidden(error, "your role may not do this");
  }
  Caller caller;
  caller.kind = Caller::Kind::kOperator;
  caller.id = c->subject;
  caller.role = *role;
  caller.claims = std::move(*c);
  return caller;
}

sync::Sender Gate::SenderOf(const Caller& caller, bool via_api) {
  sync::Sender s;
  s.id = caller.id;
  s.via_api = via_api;
  switch (caller.kind) {
    case Caller::Kind::kMember: s.kind = sync::SenderKind::kMember; break;
    case Caller::Kind::kAnyone:
      // Routes open to anyone make no operations of their caller's; were
      // one to, no type admits an anonymous sender.
      s.kind = sync::SenderKind::kAnonymous;
      s.id.clear();
      break;
    case Caller::Kind::kOperator:
      s.kind = sync::SenderKind::kOperator;
      s.role = std::string(RoleName(caller.role));
      break;
    case Caller::Kind::kDevice:
      s.kind = caller.device.kind == "pos"    ? sync::SenderKind::kTill
               : caller.device.kind == "gate" ? sync::SenderKind::kGate
                                              : sync::SenderKind::kKiosk;
      s.mall = MallId(caller.device.mall_id);
      if (!caller.device.store_id.empty()) {
        s.store = StoreId(caller.device.store_id);
      }
      break;
  }
  if (s.kind == sync::SenderKind::kTill) {
    s.present = [this, device = caller.id](const MemberId& m) {
      return scan_grants.Allowed(device, m, service.Now());
    };
  }
  if (s.kind == sync::SenderKind::kKiosk) {
    s.present = [this, device = caller.id](const MemberId& m) {
      return kiosk_sessions.Allowed(device, m, service.Now());
    };
  }
  return s;
}

StatusOr<MemberId> Gate::ScanCode(const Request& req) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return body.status();
  codec::JsonReader r(*body, "body");
  std::string code = r.Str("code");
  r.Finish();
  if (!r.ok()) return r.status();
  return member_codes.Scan(code, service.Now());
}

codec::Json Gate::CodeSecrets(const MemberId& member) {
  codec::Json out = codec::Json::array();
  for (const MemberCodes::DaySecret& d :
       member_codes.SecretsFor(member, service.Now())) {
    out.push_back({{"day", d.day}, {"secret", auth::Base64Url(d.secret)}});
  }
  return out;
}

}  // namespace atrium::server
