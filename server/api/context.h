// What every route reads: the service, credentials and signers, limits,
// and how a request proves who sent it.
#ifndef ATRIUM_SERVER_API_CONTEXT_H_
#define ATRIUM_SERVER_API_CONTEXT_H_

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "app/service.h"
#include "app/slow_work.h"
#include "atrium/auth/credentials.h"
#include "atrium/auth/token.h"
#include "atrium/map/mall_map.h"
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

// Idempotency keys whose first request is still being answered.
class InFlight {
 public:
  bool Begin(const std::string& key);
  void End(const std::string& key);

 private:
  std::mutex mu_;
  std::set<std::string> keys_;
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

class PaymentDesk;

struct ApiContext {
  ApiContext(Service& service, Credentials& credentials,
             auth::TokenSigner tokens, MemberCodes& member_codes,
             SignInCodes& sign_in_codes, ApiLimits limits,
             std::function<void(std::string_view)> log)
      : service(service),
        credentials(credentials),
        tokens(std::move(tokens)),
        member_codes(member_codes),
        sign_in_codes(sign_in_codes),
        limits(limits),
        log(std::move(log)) {}

  Service& service;
  Credentials& credentials;
  auth::TokenSigner tokens;
  MemberCodes& member_codes;
  SignInCodes& sign_in_codes;
  ApiLimits limits;
  std::function<void(std::string_view)> log;
  // The key of plates' keyed hashes: a plate is stored only as
  // HMAC-SHA256(plate_key, plate), so the store cannot be searched by
  // plate without the server.
  std::string plate_key;
  // The key of the ids the server gives REST operations (from their
  // Idempotency-Key): secret, so no client can foresee and take one.
  std::string op_id_key;
  // The programme and car parks as configured (shared/formats/program.md,
  // parking.md), shown to operators and given to phones, whose replicas
  // start from them; the server runs the parsed form in the service's
  // state. Later changes (update_program) reach replicas as operations.
  codec::Json program_json;
  codec::Json parking_json = codec::Json::array();
  // The main mall's floor plan (shared/formats/map.md), served as given,
  // and its model for store search; absent when the demo has none.
  codec::Json map_json;
  std::optional<MallMap> mall_map;
  // The payment provider's desk; null when the server has none (payments
  // of a fee then answer 503).
  PaymentDesk* payments = nullptr;
  InFlight in_flight;
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

#endif  // ATRIUM_SERVER_API_CONTEXT_H_
