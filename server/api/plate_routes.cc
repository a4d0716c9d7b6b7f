// Plates: a member binds a plate (a claim, shown as pending), and proves it
// theirs at a kiosk with the entry ticket of the car's stay there, or at
// the service desk with the vehicle licence (an admin, who also settles a
// dispute: the plate moves to the licence's holder). Until proven a plate
// shows its member nothing of the car. The service desk lists the claims
// waiting. Plates and tickets cross into operations keyed (plate_keys.h).
#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/plate_keys.h"
#include "api/routes.h"
#include "atrium/store/reports.h"

namespace atrium::server {
namespace {

// What the plates' routes use.
struct Uses {
  Service& service;
  Gate& gate;
  OpDesk& ops;
  const PlateKeys& plates;
};

codec::Json ProofPlate(const Plate& plate) {
  return {{"value", plate.text()}, {"display", plate.Masked()}};
}

// Binds a car's plate to the member: a claim until it is proven.
void Claim(const Uses& ctx, const Caller& me, const Request& req,
           const PathParams&, const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  std::string text = r.Str("plate");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  StatusOr<Plate> plate = KeyedPlate(ctx.plates, text);
  if (!plate.ok()) return respond(StatusResponse(plate.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "member:" + me.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(me, true),
                 .type = "link_identity",
                 .payload = {{"member_id", me.id},
                             {"identity",
                              {{"kind", "plate"},
                               {"value", plate->text()},
                               {"display", plate->Masked()}}}},
                 .shape =
                     [display = plate->Masked(),
                      id = plate->text()](const sync::OpResult& res) {
                       return JsonResponse(
                           201,
                           {{"plate_id", id},
                            {"plate", display},
                            {"status", res.result.value("plate_status", "")}});
                     }},
                respond);
}

// The member's plates, masked, each with the id that unbinds it (the
// plate's keyed hash: it names the plate without showing it) and whether
// it is proven ("verified") or waits for proof ("pending").
void List(const Uses& ctx, const Caller& me, const Request&, const PathParams&,
          const Respond& respond) {
  // The proven plates from the database on a reader of its own, the
  // waiting claims and auto-pay limits from the state: neither holds the
  // writer up.
  StatusOr<StatusOr<std::vector<store::BoundPlate>>> read = ctx.service.Read(
      [&](store::Db& db) { return store::PlatesOf(db, MemberId(me.id)); });
  if (!read.ok()) return respond(StatusResponse(read.status()));
  const StatusOr<std::vector<store::BoundPlate>>& bound = *read;
  if (!bound.ok()) return respond(StatusResponse(bound.status()));
  codec::Json plates = ctx.service.ReadState([&](const sync::GroupState& s) {
    codec::Json out = codec::Json::array();
    for (const store::BoundPlate& p : *bound) {
      const auto permit = s.auto_pay.find(p.id);
      out.push_back(
          {{"plate_id", p.id},
           {"plate", p.display},
           {"status", "verified"},
           {"auto_pay_limit_fen",
            permit == s.auto_pay.end() ? 0 : permit->second.limit.fen()}});
    }
    for (const auto& [hash, claims] : s.plate_claims) {
      for (const sync::PlateClaim& c : claims) {
        if (c.member.value() != me.id) continue;
        out.push_back(
            {{"plate_id", hash}, {"plate", c.display}, {"status", "pending"}});
      }
    }
    return out;
  });
  respond(JsonResponse(200, {{"plates", plates}}));
}

void Unbind(const Uses& ctx, const Caller& me, const Request& req,
            const PathParams& params, const Respond& respond) {
  RunIdempotent(
      ctx.ops, req,
      {.scope = "member:" + me.id,
       .origin = ApiOrigin(),
       .sender = ctx.gate.SenderOf(me, true),
       .type = "unlink_identity",
       .payload = {{"member_id", me.id},
                   {"identity",
                    {{"kind", "plate"}, {"value", params.at("plate_id")}}}}},
      respond);
}

// Sensorless exit for a proven plate: {limit_fen} the most one stay may
// charge without the member (0 stops it).
void SetAutoPay(const Uses& ctx, const Caller& me, const Request& req,
                const PathParams& params, const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const int64_t limit = r.Int("limit_fen", 0, sync::kMaxAutoPayFen);
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "member:" + me.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(me, true),
                 .type = "set_auto_pay",
                 .payload = {{"member_id", me.id},
                             {"plate", {{"value", params.at("plate_id")}}},
                             {"limit_fen", limit}}},
                respond);
}

// A member signed in at this kiosk proves a plate theirs with the entry
// ticket of the car's stay here: {member_id, plate, ticket}.
void ProveByTicket(const Uses& ctx, const Caller& kiosk, const Request& req,
                   const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const std::string member = r.Str("member_id");
  const std::string text = r.Str("plate");
  const std::string code = r.Str("ticket");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  StatusOr<Plate> plate = KeyedPlate(ctx.plates, text);
  if (!plate.ok()) return respond(StatusResponse(plate.status()));
  StatusOr<std::string> ticket = KeyedTicket(ctx.plates, code);
  if (!ticket.ok()) return respond(StatusResponse(ticket.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "device:" + kiosk.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(kiosk, true),
                 .type = "verify_plate",
                 .payload = {{"member_id", member},
                             {"mall_id", kiosk.device.mall_id},
                             {"plate", ProofPlate(*plate)},
                             {"proof", "ticket"},
                             {"ticket", *ticket}}},
                respond);
}

// The service desk has seen the vehicle licence: {member_id, plate}. The
// plate becomes the member's, whoever held it.
void ProveByLicence(const Uses& ctx, const Caller& op, const Request& req,
                    const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const std::string member = r.Str("member_id");
  const std::string text = r.Str("plate");
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  StatusOr<Plate> plate = KeyedPlate(ctx.plates, text);
  if (!plate.ok()) return respond(StatusResponse(plate.status()));
  RunIdempotent(ctx.ops, req,
                {.scope = "operator:" + op.id,
                 .origin = OperatorOrigin(op.id),
                 .sender = ctx.gate.SenderOf(op, true),
                 .type = "verify_plate",
                 .payload = {{"member_id", member},
                             {"plate", ProofPlate(*plate)},
                             {"proof", "licence"}}},
                respond);
}

// The claims waiting for the service desk, oldest first: the plate and
// phone masked, and whether another account holds the plate (a dispute).
void WaitingClaims(const Uses& ctx, const Caller&, const Request&,
                   const Respond& respond) {
  constexpr size_t kMaxListed = 200;
  codec::Json out = ctx.service.ReadState([&](const sync::GroupState& s) {
    std::vector<std::pair<const std::string*, const sync::PlateClaim*>> all;
    for (const auto& [hash, claims] : s.plate_claims) {
      for (const sync::PlateClaim& c : claims) all.emplace_back(&hash, &c);
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.second->since < b.second->since;
    });
    codec::Json list = codec::Json::array();
    for (const auto& [hash, c] : all) {
      if (list.size() == kMaxListed) break;
      const auto account = s.accounts.find(c->member);
      list.push_back(
          {{"plate_id", *hash},
           {"plate", c->display},
           {"member_id", c->member.value()},
           {"phone", account == s.accounts.end()
                         ? ""
                         : account->second.member().phone.Masked()},
           {"since", FormatIso8601(c->since)},
           {"held_by_another", s.identity_owner.contains("plate:" + *hash)}});
    }
    return list;
  });
  respond(JsonResponse(200, {{"claims", std::move(out)}}));
}

}  // namespace

void AddPlateRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate, ctx.ops, ctx.plates};
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/plates", Members(), uses, List);
  AddRoute(r, ctx.gate, "POST", "/api/v1/me/plates", Members(), uses, Claim);
  AddRoute(r, ctx.gate, "DELETE", "/api/v1/me/plates/{plate_id}", Members(),
           uses, Unbind);
  AddRoute(r, ctx.gate, "PUT", "/api/v1/me/plates/{plate_id}/auto-pay",
           Members(), uses, SetAutoPay);
  AddRoute(r, ctx.gate, "POST", "/api/v1/kiosk/plates", Devices({"kiosk"}),
           uses, ProveByTicket);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/plate-claims",
           Operators({Role::kAdmin}), uses, WaitingClaims);
  AddRoute(r, ctx.gate, "POST", "/api/v1/operator/plates",
           Operators({Role::kAdmin}), uses, ProveByLicence);
}

}  // namespace atrium::server
