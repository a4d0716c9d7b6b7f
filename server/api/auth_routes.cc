// Signing in: members by phone and a one-time code, operators by name and
// password; signing out revokes the session token.
#include "api/access.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/auth/crypto.h"

namespace atrium::server {
namespace {

// What sign-in and out use.
struct Uses {
  Service& service;
  Gate& gate;
};

constexpr int64_t kDay = int64_t{24} * 3600;

// Reads {phone, code?} from the body.
struct PhoneBody {
  std::optional<Phone> phone;
  std::string code;
};

StatusOr<PhoneBody> ReadPhoneBody(const Request& req, bool with_code) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return body.status();
  codec::JsonReader r(*body, "body");
  std::string phone = r.Str("phone");
  PhoneBody out;
  if (with_code) out.code = r.Str("code");
  r.Finish();
  if (!r.ok()) return r.status();
  StatusOr<Phone> p = Phone::Parse(phone);
  if (!p.ok()) return p.status();
  out.phone = *p;
  return out;
}

std::optional<MemberId> MemberByPhone(const Uses& ctx, const Phone& phone) {
  return ctx.service.ReadState(
      [&](const sync::GroupState& st) -> std::optional<MemberId> {
        const atrium::Member* m = st.directory.FindByPhone(phone);
        if (m == nullptr) return std::nullopt;
        return m->id;
      });
}

void IssueMemberSession(const Uses& ctx, const MemberId& member,
                        bool registered, const Respond& respond) {
  const Timestamp now = ctx.service.Now();
  auth::Claims c{
      "member", member.value(), "",
      Timestamp::FromUnixSeconds(now.unix_seconds() +
                                 ctx.gate.limits.member_session_days * kDay),
      ""};
  codec::Json out = {
      {"token", ctx.gate.tokens.Issue(c)},
      {"member_id", member.value()},
      {"expires_at", FormatIso8601(c.expires_at)},
      {"new_member", registered},
      // A phone's replica numbers its operations from here: its own
      // registration, or another phone of the member's, came first.
      {"next_seq",
       ctx.service.LastSeq({sync::OriginKind::kMember, member.value()}) + 1},
      {"code_secrets", ctx.gate.CodeSecrets(member)}};
  respond(JsonResponse(registered ? 201 : 200, out));
}

void RequestCode(const Uses& ctx, const Caller&, const Request& req,
                 const Respond& respond) {
  StatusOr<PhoneBody> body = ReadPhoneBody(req, false);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  Status s = ctx.gate.sign_in_codes.Request(*body->phone, req.remote,
                                            ctx.service.Now());
  if (s.code() == StatusCode::kResourceExhausted) {
    return respond(ErrorResponse(429, "RATE_LIMITED", s.message()));
  }
  if (!s.ok()) return respond(StatusResponse(s));
  respond(JsonResponse(202, {{"sent", true}, {"expires_in_seconds", 300}}));
}

void SignIn(const Uses& ctx, const Caller&, const Request& req,
            const Respond& respond) {
  StatusOr<PhoneBody> body = ReadPhoneBody(req, true);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  const Phone phone = *body->phone;
  Status s = ctx.gate.sign_in_codes.Check(phone, body->code, ctx.service.Now());
  if (!s.ok())
    return respond(ErrorResponse(401, "UNAUTHENTICATED", s.message()));
  std::optional<MemberId> known = MemberByPhone(ctx, phone);
  if (known) return IssueMemberSession(ctx, *known, false, respond);

  // A new member registers themselves.
  MemberId id{"M" + auth::Hex(auth::RandomBytes(6))};
  sync::Operation op;
  op.id = "reg-" + auth::Hex(auth::RandomBytes(12));
  op.origin = {sync::OriginKind::kMember, id.value()};
  op.type = "register";
  op.client_time = ctx.service.Now();
  op.payload = {{"member_id", id.value()}, {"phone", phone.digits()}};
  sync::Sender self;
  self.id = id.value();
  self.via_api = true;
  ctx.service.Submit(
      std::move(op), std::move(self),
      [ctx, id, phone, respond](StatusOr<sync::OpResult> r) {
        if (!r.ok()) return respond(StatusResponse(r.status()));
        if (r->applied) return IssueMemberSession(ctx, id, true, respond);
        // Registered a moment ago by another sign-in of the same phone.
        std::optional<MemberId> now_known = MemberByPhone(ctx, phone);
        if (now_known)
          return IssueMemberSession(ctx, *now_known, false, respond);
        respond(StatusResponse(r->error));
      });
}

void SignOut(const Uses& ctx, const Caller& who, const Request&,
             const Respond& respond) {
  Status s = ctx.gate.credentials.Revoke(who.claims.id, who.claims.expires_at);
  if (!s.ok()) return respond(StatusResponse(s));
  respond(JsonResponse(200, {{"signed_out", true}}));
}

void OperatorSignIn(const Uses& ctx, const Caller&, const Request& req,
                    const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string name = r.Str("name");
  std::string password = r.Str("password");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  const Timestamp now = ctx.service.Now();
  if (!ctx.gate.operator_logins.Allow(req.remote, now)) {
    return respond(ErrorResponse(429, "RATE_LIMITED", "too many attempts"));
  }
  if (!ctx.gate.operator_failures.WouldAllow(name, now)) {
    return respond(ErrorResponse(
        423, "LOCKED",
        "too many failed sign-ins: this account is locked for up to 15 "
        "minutes"));
  }
  const bool queued = ctx.gate.slow_work.Post([ctx, name, password, now,
                                               respond] {
    StatusOr<Role> role = ctx.gate.credentials.CheckOperator(name, password);
    if (!role.ok()) {
      ctx.gate.operator_failures.Allow(name, now);
      return respond(
          ErrorResponse(401, "UNAUTHENTICATED", role.status().message()));
    }
    auth::Claims c{
        "operator", name, std::string(RoleName(*role)),
        Timestamp::FromUnixSeconds(
            now.unix_seconds() + ctx.gate.limits.operator_session_hours * 3600),
        ""};
    respond(JsonResponse(200, {{"token", ctx.gate.tokens.Issue(c)},
                               {"role", RoleName(*role)},
                               {"expires_at", FormatIso8601(c.expires_at)}}));
  });
  if (!queued) {
    respond(ErrorResponse(503, "UNAVAILABLE",
                          "too many sign-ins at once: try again"));
  }
}

}  // namespace

void AddAuthRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate};
  AddRoute(r, ctx.gate, "POST", "/api/v1/auth/code", Anyone(), uses,
           RequestCode);
  AddRoute(r, ctx.gate, "POST", "/api/v1/auth/session", Anyone(), uses, SignIn);
  AddRoute(r, ctx.gate, "DELETE", "/api/v1/auth/session",
           Members() | Operators(kAnyRole), uses, SignOut);
  AddRoute(r, ctx.gate, "POST", "/api/v1/operator/session", Anyone(), uses,
           OperatorSignIn);
}

}  // namespace atrium::server
