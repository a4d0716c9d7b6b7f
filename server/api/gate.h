// Gate: who sent a request, and what they may do now. It checks members'
// and operators' sessions, devices' keys and rates, and member codes. It
// also knows which members are present at a till (its scans) or a kiosk
// (signed in there). Every route's access is checked here (api/access.h)
// before the route runs; the core's authorisation (sync::Authorize) then
// sees the caller as a sync::Sender (SenderOf).
#ifndef ATRIUM_SERVER_API_GATE_H_
#define ATRIUM_SERVER_API_GATE_H_

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "app/service.h"
#include "app/slow_work.h"
#include "atrium/auth/credentials.h"
#include "atrium/auth/token.h"
#include "atrium/sync/authority.h"
#include "auth/member_code.h"
#include "auth/rate_limit.h"
#include "auth/sign_in_codes.h"
#include "http/messages.h"

namespace atrium::server {

// Who may call, as atrium::auth keeps them.
using auth::Credentials;
using auth::Device;
using auth::ParseRole;
using auth::Role;
using auth::RoleName;

// Explicit limits; the load tests raise the per-device rate.
struct ApiLimits {
  int64_t requests_per_device_minute = 600'000;
  int64_t claims_per_member_minute = 10;
  int64_t member_session_days = 30;
  int64_t operator_session_hours = 12;
  // How long a till may act for a member after scanning their code.
  int64_t scan_grant_seconds = int64_t{15} * 60;
  // How long a member's session at a kiosk lasts after they sign in with
  // their code, unless they sign out first. Offline, within its escrow, a
  // kiosk may still act for a member who signed in there before.
  int64_t kiosk_session_seconds = int64_t{10} * 60;
};

// Who sent a request (kAnyone: a route open to anyone; api/access.h).
struct Caller {
  enum class Kind { kMember, kDevice, kOperator, kAnyone } kind = Kind::kMember;
  std::string id;              // member id, device id or operator name
  Device device;               // for a device
  Role role = Role::kFinance;  // for an operator
  auth::Claims claims;         // for a member or an operator
};

// Members present at a device, each until a time: a till's scans, a
// kiosk's signed-in members.
class Presence {
 public:
  void Grant(const std::string& device, const MemberId& member,
             Timestamp until);
  bool Allowed(const std::string& device, const MemberId& member,
               Timestamp now);
  void End(const std::string& device, const MemberId& member);

 private:
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, Timestamp> until_;
};

struct Gate {
  Gate(Service& service, Credentials& credentials, auth::TokenSigner tokens,
       MemberCodes& member_codes, SignInCodes& sign_in_codes, ApiLimits limits)
      : service(service),
        credentials(credentials),
        tokens(std::move(tokens)),
        member_codes(member_codes),
        sign_in_codes(sign_in_codes),
        limits(limits) {}

  Service& service;  // its clock, and who is erased
  Credentials& credentials;
  auth::TokenSigner tokens;
  MemberCodes& member_codes;
  SignInCodes& sign_in_codes;
  ApiLimits limits;
  Presence scan_grants;     // a till's scans
  Presence kiosk_sessions;  // members signed in at a kiosk
  RateLimiter device_requests{limits.requests_per_device_minute, 60};
  RateLimiter member_claims{limits.claims_per_member_minute, 60};
  RateLimiter operator_logins{10, 60};  // per client address
  // Failed sign-ins per operator name: past 10 in a quarter of an hour the
  // account is locked until the quarter ends, from every address.
  RateLimiter operator_failures{10, int64_t{15} * 60};
  // Password hashes (argon2id) run here, off the HTTP threads; at most two
  // at once, and a queue beyond which sign-ins are told to retry.
  SlowWork slow_work{2, 64};

  // The caller, or an error response (401 no or bad credentials, 403 the
  // wrong kind of caller, 429 over its rate).
  StatusOr<Caller> Member(const Request& req, Response& error);
  StatusOr<Caller> Device(const Request& req, std::string_view kind,
                          Response& error);
  StatusOr<Caller> Operator(const Request& req, const std::set<Role>& roles,
                            Response& error);
  // The member whose code the body {"code"} holds (MemberCodes::Scan).
  StatusOr<MemberId> ScanCode(const Request& req);
  // The member's code secrets for their phone, from today:
  // [{day, secret (base64url)}].
  codec::Json CodeSecrets(const MemberId& member);
  // Who the caller is to the core's authorisation (sync::Authorize): its
  // kind, mall, store and role, and the members present: for a till, those
  // whose code it scanned within ApiLimits::scan_grant_seconds; for a
  // kiosk, those in an open session there (kiosk_session_seconds). `via_api`:
  // the server builds the caller's operations (a REST route), not the caller.
  sync::Sender SenderOf(const Caller& caller, bool via_api);

 private:
  // A member's or operator's session token, checked and not revoked.
  StatusOr<auth::Claims> Session(const Request& req, std::string_view kind,
                                 Response& error);
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_GATE_H_
