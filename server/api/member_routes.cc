// A signed-in member's own data: profile and card, consents, points
// statement, wallet, the rotating member code, claiming coupons and
// exchanging points for them, and plates. A member token
// reaches only its own member: no route here takes a member id.
#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/auth/crypto.h"
#include "atrium/codec/domain_json.h"
#include "atrium/parking/plate.h"
#include "atrium/points/statement.h"
#include "atrium/store/sqlite.h"
#include "atrium/sync/member_views.h"

namespace atrium::server {
namespace {

// What a member's routes use.
struct Uses {
  Service& service;
  Gate& gate;
  OpDesk& ops;
};

// Answers with what `view(state, account, now)` makes of the caller.
template <typename View>
void Show(const Uses& ctx, const Caller& me, const Respond& respond,
          View view) {
  const Timestamp now = ctx.service.Now();
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    auto it = s.accounts.find(MemberId{me.id});
    if (it == s.accounts.end()) {
      return ErrorResponse(404, "NOT_FOUND", "no such member");
    }
    return JsonResponse(200, view(s, it->second, now));
  });
  respond(std::move(out));
}

void Profile(const Uses& ctx, const Caller& me, const Request&,
             const Respond& respond) {
  Show(ctx, me, respond, sync::ProfileJson);
}

void StatementOf(const Uses& ctx, const Caller& me, const Request&,
                 const Respond& respond) {
  Show(ctx, me, respond,
       [](const sync::GroupState& s, const MemberAccount& a, Timestamp now) {
         return codec::StatementToJson(BuildStatement(a.ledger(), now),
                                       s.program.group.calendar);
       });
}

void Wallet(const Uses& ctx, const Caller& me, const Request&,
            const Respond& respond) {
  Show(ctx, me, respond,
       [](const sync::GroupState& s, const MemberAccount& a, Timestamp now) {
         return sync::WalletJson(s, a.member().id, now);
       });
}

void Code(const Uses& ctx, const Caller& me, const Request&,
          const Respond& respond) {
  MemberCodes::Code c =
      ctx.gate.member_codes.Current(MemberId{me.id}, ctx.service.Now());
  respond(
      JsonResponse(200, {{"code", c.text},
                         {"expires_at", FormatIso8601(c.expires_at)},
                         {"window_seconds", auth::kMemberCodeWindowSeconds}}));
}

// The secrets the phone makes its codes with, from today: it asks again
// when the days it holds run short.
void CodeSecrets(const Uses& ctx, const Caller& me, const Request&,
                 const Respond& respond) {
  respond(JsonResponse(
      200, {{"code_secrets", ctx.gate.CodeSecrets(MemberId(me.id))}}));
}

// A coupon of `{template_id}` for the member by operation `type` (a
// claim, or an exchange for points); both count against the claim rate.
void CouponOf(const Uses& ctx, const Caller& me, const Request& req,
              const Respond& respond, const char* type) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string template_id = r.Str("template_id");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  if (!ctx.gate.member_claims.Allow(me.id, ctx.service.Now())) {
    return respond(ErrorResponse(429, "RATE_LIMITED",
                                 "too many claims and exchanges: wait a "
                                 "minute"));
  }
  // A claim the state refuses now (sold out, over the member's limit) is
  // answered without a write: in a flash sale most claims are, and none of
  // them need the log. Such an answer is not kept under the key.
  OpRequest::Guard guard = nullptr;
  if (std::string_view(type) == "claim_coupon") {
    guard = [ctx, member = MemberId(me.id),
             id = TemplateId(template_id)]() -> std::optional<Response> {
      const Status s = ctx.service.ReadState([&](const sync::GroupState& st) {
        return sync::CheckClaim(st, member, id, ctx.service.Now());
      });
      if (s.ok()) return std::nullopt;
      return StatusResponse(s);
    };
  }
  RunIdempotent(
      ctx.ops, req,
      {.scope = "member:" + me.id,
       .origin = ApiOrigin(),
       .sender = ctx.gate.SenderOf(me, true),
       .type = type,
       .payload = {{"member_id", me.id}, {"template_id", template_id}},
       .guard = std::move(guard),
       .shape =
           [](const sync::OpResult& res) {
             return JsonResponse(201, res.result);
           }},
      respond);
}

void Claim(const Uses& ctx, const Caller& me, const Request& req,
           const Respond& respond) {
  CouponOf(ctx, me, req, respond, "claim_coupon");
}

// Replaces the profile and consents: what the body leaves out is cleared.
void UpdateProfile(const Uses& ctx, const Caller& me, const Request& req,
                   const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  codec::Json payload = {{"member_id", me.id}};
  payload["name"] = r.OptStr("name");
  if (std::string birthday = r.OptStr("birthday"); !birthday.empty()) {
    payload["birthday"] = birthday;
  }
  if (const codec::Json* consents = r.Raw("consents", false)) {
    codec::JsonReader c(*consents, "body.consents");
    payload["consent_marketing"] = c.OptBool("marketing", false);
    payload["consent_profiling"] = c.OptBool("profiling", false);
    c.Finish();
    if (!c.ok()) return respond(StatusResponse(c.status()));
  }
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  RunIdempotent(
      ctx.ops, req,
      {.scope = "member:" + me.id,
       .origin = ApiOrigin(),
       .sender = ctx.gate.SenderOf(me, true),
       .type = "update_profile",
       .payload = std::move(payload),
       .shape =
           [ctx, id = me.id](const sync::OpResult&) {
             return ctx.service.ReadState([&](const sync::GroupState& s) {
               return JsonResponse(
                   200, sync::ProfileJson(s, s.accounts.at(MemberId{id}),
                                          ctx.service.Now()));
             });
           }},
      respond);
}

// The points mall: the template's points price for one of its coupons.
void Exchange(const Uses& ctx, const Caller& me, const Request& req,
              const Respond& respond) {
  CouponOf(ctx, me, req, respond, "exchange_points");
}

// Erases the account: phone, profile, consents and plates go; points,
// receipts and coupons stay with the anonymous member id. The session
// ends; signing in with the phone again makes a new member.
void DeleteAccount(const Uses& ctx, const Caller& me, const Request& req,
                   const Respond& respond) {
  RunIdempotent(ctx.ops, req,
                {.scope = "member:" + me.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(me, true),
                 .type = "erase_member",
                 .payload = {{"member_id", me.id}},
                 .shape =
                     [ctx, claims = me.claims](const sync::OpResult& r) {
                       (void)ctx.gate.credentials.Revoke(claims.id,
                                                         claims.expires_at);
                       return JsonResponse(200, r.result);
                     }},
                respond);
}

// Wraps a route that needs a signed-in member.
}  // namespace

void AddMemberRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate, ctx.ops};
  AddRoute(r, ctx.gate, "GET", "/api/v1/me", Members(), uses, Profile);
  AddRoute(r, ctx.gate, "DELETE", "/api/v1/me", Members(), uses, DeleteAccount);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/statement", Members(), uses,
           StatementOf);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/wallet", Members(), uses, Wallet);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/code", Members(), uses, Code);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/code-secrets", Members(), uses,
           CodeSecrets);
  AddRoute(r, ctx.gate, "POST", "/api/v1/me/coupons", Members(), uses, Claim);
  AddRoute(r, ctx.gate, "PUT", "/api/v1/me/profile", Members(), uses,
           UpdateProfile);
  AddRoute(r, ctx.gate, "POST", "/api/v1/me/exchanges", Members(), uses,
           Exchange);
}

}  // namespace atrium::server
