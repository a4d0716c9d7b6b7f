// The mall's console: coupon templates and grants to members (admin,
// marketing), escrows for kiosks and the programme's rules (admin; every
// role reads them) and member search with masked phones (every role). Reports
// are in report_routes.cc.
#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/routes.h"

namespace atrium::server {
namespace {

// What the operators' routes use.
struct Uses {
  Service& service;
  Gate& gate;
  OpDesk& ops;
  const Catalogue& catalogue;
};

constexpr size_t kMaxSearchResults = 50;
constexpr size_t kMaxGrantMembers = 1000;  // per request

const std::set<Role> kMarketing = {Role::kAdmin, Role::kMarketing};

// Submits `payload` as the operator's operation of `type`; its result
// answers, with `status`.
void SubmitAsOperator(const Uses& ctx, const Request& req, const Caller& op,
                      std::string type, codec::Json payload, int status,
                      const Respond& respond) {
  RunIdempotent(ctx.ops, req,
                {.scope = "operator:" + op.id,
                 .origin = OperatorOrigin(op.id),
                 .sender = ctx.gate.SenderOf(op, true),
                 .type = std::move(type),
                 .payload = std::move(payload),
                 .shape =
                     [status](const sync::OpResult& r) {
                       return JsonResponse(status, r.result);
                     }},
                respond);
}

// An operator's request whose body is the operation's payload as it is.
void BodyAsOperation(const Uses& ctx, const Caller& op, const Request& req,
                     const std::string& type, int status,
                     const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  SubmitAsOperator(ctx, req, op, type, std::move(*body), status, respond);
}

// Grants a kiosk an escrow: what it may do while offline. The kiosk
// returns it through sync (a return_escrow operation of its own).
void GrantEscrow(const Uses& ctx, const Caller& op, const Request& req,
                 const Respond& respond) {
  BodyAsOperation(ctx, op, req, "grant_escrow", 201, respond);
}

// Replaces the programme's rules: an update_program operation, so every
// replica earns and qualifies by the same rules from the same point of the
// log.
void UpdateProgram(const Uses& ctx, const Caller& op, const Request& req,
                   const Respond& respond) {
  BodyAsOperation(ctx, op, req, "update_program", 200, respond);
}

void AddTemplate(const Uses& ctx, const Caller& op, const Request& req,
                 const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  if (body->size() != 1 || !body->contains("template")) {
    return respond(ErrorResponse(400, "INVALID_ARGUMENT",
                                 "the body is {\"template\": {...}}"));
  }
  SubmitAsOperator(ctx, req, op, "add_coupon_template", std::move(*body), 201,
                   respond);
}

// Grants one coupon of a template to each member of a list (targeted
// issuance): one grant_coupon operation per member, each answered.
void GrantCoupons(const Uses& ctx, const Caller& op, const Request& req,
                  const Respond& respond) {
  Response error;
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const std::string template_id = r.Str("template_id");
  const codec::Json* members = r.Raw("member_ids", true);
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  if (!members->is_array() || members->empty() ||
      members->size() > kMaxGrantMembers) {
    return respond(ErrorResponse(400, "INVALID_ARGUMENT",
                                 "body.member_ids: 1..1000 member ids"));
  }
  std::set<std::string> seen;
  std::vector<OpPart> parts;
  for (const codec::Json& m : *members) {
    if (!m.is_string() || !seen.insert(m.get<std::string>()).second) {
      return respond(
          ErrorResponse(400, "INVALID_ARGUMENT",
                        "body.member_ids: distinct strings, each a member id"));
    }
    parts.push_back({m, {{"member_id", m}, {"template_id", template_id}}});
  }
  RunIdempotentAll(
      ctx.ops, req, "operator:" + op.id, OperatorOrigin(op.id),
      ctx.gate.SenderOf(op, true), "grant_coupon", std::move(parts),
      [ids = *members](std::vector<StatusOr<sync::OpResult>> results) {
        codec::Json out = codec::Json::array();
        int64_t granted = 0;
        for (size_t i = 0; i < results.size(); ++i) {
          codec::Json one = {{"member_id", ids[i]}};
          const StatusOr<sync::OpResult>& res = results[i];
          const Status failed = !res.ok()       ? res.status()
                                : !res->applied ? res->error
                                                : Status::Ok();
          if (failed.ok()) {
            one["coupon_id"] = res->result["coupon_id"];
            ++granted;
          } else {
            one["error"] = {
                {"code", std::string(StatusCodeName(failed.code()))},
                {"message", failed.message()}};
          }
          out.push_back(std::move(one));
        }
        return JsonResponse(200, {{"granted", granted}, {"results", out}});
      },
      respond);
}

// The programme's tiers, earning rules and expiry, as the server runs them:
// the programme file's, or the last an admin put.
void ProgramOf(const Uses& ctx, const Caller&, const Request&,
               const Respond& respond) {
  codec::Json program = ctx.catalogue.program_json;
  codec::Json rules =
      ctx.service.ReadState([](const sync::GroupState& s) { return s.rules; });
  if (rules.is_object()) {
    for (const char* part : {"tiers", "earning", "expiry"}) {
      program[part] = rules[part];
    }
    program["max_receipt_age_days"] = rules.value("max_receipt_age_days", 30);
  }
  respond(JsonResponse(200, program));
}

// Members whose phone ends with `phone_suffix` (4 digits), masked.
void SearchMembers(const Uses& ctx, const Caller&, const Request& req,
                   const Respond& respond) {
  const std::string suffix = req.Query("phone_suffix");
  if (suffix.size() != 4 ||
      suffix.find_first_not_of("0123456789") != std::string::npos) {
    return respond(ErrorResponse(400, "INVALID_ARGUMENT",
                                 "phone_suffix must be the last 4 digits"));
  }
  codec::Json found = ctx.service.ReadState([&](const sync::GroupState& s) {
    codec::Json out = codec::Json::array();
    for (const auto& [id, account] : s.accounts) {
      const Member& m = account.member();
      if (!m.phone.digits().ends_with(suffix)) continue;
      out.push_back({{"member_id", id.value()},
                     {"phone", m.phone.Masked()},
                     {"tier", account.tier().tier.value()}});
      if (out.size() == kMaxSearchResults) break;
    }
    return out;
  });
  respond(JsonResponse(200, {{"members", found}}));
}

}  // namespace

void AddOperatorRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate, ctx.ops, ctx.catalogue};
  AddRoute(r, ctx.gate, "POST", "/api/v1/operator/coupon-templates",
           Operators(kMarketing), uses, AddTemplate);
  AddRoute(r, ctx.gate, "POST", "/api/v1/operator/escrows",
           Operators({Role::kAdmin}), uses, GrantEscrow);
  AddRoute(r, ctx.gate, "POST", "/api/v1/operator/coupon-grants",
           Operators(kMarketing), uses, GrantCoupons);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/program", Operators(kAnyRole),
           uses, ProgramOf);
  AddRoute(r, ctx.gate, "PUT", "/api/v1/operator/program",
           Operators({Role::kAdmin}), uses, UpdateProgram);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/members", Operators(kAnyRole),
           uses, SearchMembers);
}

}  // namespace atrium::server
