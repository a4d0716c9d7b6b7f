// Parking: the gates (a "gate" device) report entries and exits, a
// parking kiosk quotes a plate's fee, takes payment and finds a car, and a
// member sees and pays for the stays of their own plates with their benefits.
// Plates cross into operations keyed (the server's HMAC of the plate) and
// masked.
#include <optional>

#include "api/access.h"
#include "api/idempotent_op.h"
#include "api/json_response.h"
#include "api/payment_routes.h"
#include "api/plate_keys.h"
#include "api/routes.h"
#include "atrium/auth/crypto.h"
#include "atrium/codec/parking_json.h"
#include "pay/payment_desk.h"

namespace atrium::server {
namespace {

// What the car park's routes use.
struct Uses {
  Service& service;
  Gate& gate;
  OpDesk& ops;
  const PlateKeys& plates;
  PaymentDesk* const& payments;  // set once the desk is up
  const std::function<void(std::string_view)>& log;
};

// A device's body: {"plate"} and the fields `more` names, read strictly;
// the payload of its operation at the device's mall.
struct PlateRequest {
  Plate plate;
  codec::Json payload;
};
StatusOr<PlateRequest> PlateBody(const Uses& ctx, const Caller& device,
                                 const Request& req,
                                 std::initializer_list<std::string> more) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return body.status();
  codec::JsonReader r(*body, "body");
  const std::string text = r.Str("plate");
  codec::Json payload = {{"mall_id", device.device.mall_id}};
  for (const std::string& key : more) {
    if (const codec::Json* v = r.Raw(key, false)) payload[key] = *v;
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Plate> plate = KeyedPlate(ctx.plates, text);
  if (!plate.ok()) return plate.status();
  payload["plate"] = PlateJson(*plate);
  if (payload.contains("ticket")) {
    if (!payload["ticket"].is_string()) {
      return InvalidArgument("ticket: the code printed on the entry ticket");
    }
    StatusOr<std::string> ticket =
        KeyedTicket(ctx.plates, payload["ticket"].get<std::string>());
    if (!ticket.ok()) return ticket.status();
    payload["ticket"] = *ticket;
  }
  return PlateRequest{std::move(*plate), std::move(payload)};
}

void Enter(const Uses& ctx, const Caller& gate, const Request& req,
           const Respond& respond) {
  StatusOr<PlateRequest> p =
      PlateBody(ctx, gate, req, {"vehicle", "bay", "ticket", "entered_at"});
  if (!p.ok()) return respond(StatusResponse(p.status()));
  RunIdempotent(
      ctx.ops, req,
      {.scope = "device:" + gate.id,
       .origin = ApiOrigin(),
       .sender = ctx.gate.SenderOf(gate, true),
       .type = "park_enter",
       .payload = std::move(p->payload),
       .shape =
           [](const sync::OpResult& r) { return JsonResponse(201, r.result); }},
      respond);
}

// Sensorless exit (无感支付): the open_payment that charges a stay's fee
// to the member who let its plate pay at the exit, with their benefits, when
// a fee is due now and within their limit; else none. Its order number
// comes from the gate's request, so a retried exit charges once.
struct AutoCharge {
  codec::Json open_payment;
  std::string agreement;
};
std::optional<AutoCharge> AutoChargeFor(const Uses& ctx, const Caller& gate,
                                        const Request& req,
                                        const PlateRequest& p) {
  const Timestamp now = ctx.service.Now();
  const MallId mall(gate.device.mall_id);
  return ctx.service.ReadState(
      [&](const sync::GroupState& s) -> std::optional<AutoCharge> {
        const auto permit = s.auto_pay.find(p.plate.text());
        if (permit == s.auto_pay.end()) return std::nullopt;
        const MemberId& member = permit->second.member;
        StatusOr<ParkingQuote> q =
            sync::QuoteParking(s, mall, p.plate, &member, 0, now);
        if (!q.ok() || q->due <= Money() || q->due > permit->second.limit) {
          return std::nullopt;
        }
        codec::Json open = p.payload;
        open["order_no"] =
            "PA" +
            auth::Hex(auth::HmacSha256(ctx.ops.op_id_key,
                                       "auto-pay:" + gate.id + ":" +
                                           req.Header("idempotency-key")))
                .substr(0, 30);
        open["payer"] = "auto_pay";
        open["member_id"] = member.value();
        open["due_fen"] = q->due.fen();
        if (!q->use.coupons.empty()) {
          open["coupon_id"] = q->use.coupons.front().value();
        }
        return AutoCharge{std::move(open), permit->second.agreement};
      });
}

// A gate's exit: free within the free time or the grace after paying; with
// a fee due, the member's automatic payment is tried first (the gate waits
// for the provider), and the exit is judged after it.
void Exit(const Uses& ctx, const Caller& gate, const Request& req,
          const Respond& respond) {
  StatusOr<PlateRequest> p = PlateBody(ctx, gate, req, {});
  if (!p.ok()) return respond(StatusResponse(p.status()));
  std::optional<AutoCharge> charge;
  if (ctx.payments != nullptr && !req.Header("idempotency-key").empty()) {
    charge = AutoChargeFor(ctx, gate, req, *p);
  }
  OpRequest exit{.scope = "device:" + gate.id,
                 .origin = ApiOrigin(),
                 .sender = ctx.gate.SenderOf(gate, true),
                 .type = "park_exit",
                 .payload = p->payload};
  if (!charge) return RunIdempotent(ctx.ops, req, std::move(exit), respond);
  const bool posted = ctx.payments->Post(
      [ctx, req, respond, exit, charge = std::move(*charge)]() mutable {
        if (Status paid =
                ctx.payments->AutoPay(charge.open_payment, charge.agreement);
            !paid.ok()) {
          ctx.log("an automatic parking payment was not made: " +
                  std::string(StatusCodeName(paid.code())));
        }
        RunIdempotent(ctx.ops, req, std::move(exit), respond);
      });
  if (!posted) respond(ErrorResponse(503, "BUSY", "try again"));
}

// The member a kiosk's body names ("member_id", with "points" to use):
// only one who signed in at this kiosk with their member code. None for a
// body without one.
struct KioskMemberFields {
  std::optional<MemberId> member;
  int64_t points = 0;
};
StatusOr<KioskMemberFields> KioskMemberOf(const Uses& ctx, const Caller& device,
                                          const codec::Json& payload) {
  KioskMemberFields out;
  const bool has_member = payload.contains("member_id");
  if (payload.contains("points")) {
    const codec::Json& p = payload["points"];
    if (!p.is_number_integer() || p.get<int64_t>() < 0 ||
        p.get<int64_t>() > kMaxPointsPerEntry || !has_member) {
      return InvalidArgument("points: a whole number, with a member_id");
    }
    out.points = p.get<int64_t>();
  }
  if (!has_member) return out;
  if (!payload["member_id"].is_string() || device.device.kind != "kiosk") {
    return InvalidArgument("member_id: a member signed in at this kiosk");
  }
  out.member = MemberId(payload["member_id"].get<std::string>());
  Status served = ctx.service.WithLog([&](store::OpLog& log) {
    return log.CheckServes({sync::OriginKind::kDevice, device.id}, *out.member);
  });
  if (!served.ok()) {
    return PermissionDenied("the member has not signed in at this kiosk");
  }
  return out;
}

// The fee of a plate's stay at the device's mall: with the benefits of a
// member who signed in at this kiosk, and up to `points` of their points.
void Quote(const Uses& ctx, const Caller& device, const Request& req,
           const Respond& respond) {
  StatusOr<PlateRequest> p =
      PlateBody(ctx, device, req, {"member_id", "points"});
  if (!p.ok()) return respond(StatusResponse(p.status()));
  StatusOr<KioskMemberFields> m = KioskMemberOf(ctx, device, p->payload);
  if (!m.ok()) return respond(StatusResponse(m.status()));
  const Timestamp now = ctx.service.Now();
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    StatusOr<ParkingQuote> q =
        sync::QuoteParking(s, MallId(device.device.mall_id), p->plate,
                           m->member ? &*m->member : nullptr, m->points, now);
    if (!q.ok()) return StatusResponse(q.status());
    codec::Json j = codec::QuoteToJson(*q);
    j["plate"] = p->plate.Masked();
    return JsonResponse(200, j);
  });
  respond(std::move(out));
}

// Find my car: where a plate's open stay at the kiosk's mall entered (the
// bay or zone its gate reported). POST, so that no plate is in a URL.
void FindCar(const Uses& ctx, const Caller& kiosk, const Request& req,
             const Respond& respond) {
  StatusOr<PlateRequest> p = PlateBody(ctx, kiosk, req, {});
  if (!p.ok()) return respond(StatusResponse(p.status()));
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    const auto lot = s.parking.find(MallId(kiosk.device.mall_id));
    const ParkingSession* stay =
        lot == s.parking.end() ? nullptr : lot->second.OpenSession(p->plate);
    if (stay == nullptr) {
      return ErrorResponse(404, "NOT_FOUND",
                           "no car of this plate is parked here");
    }
    return JsonResponse(200, {{"plate", p->plate.Masked()},
                              {"bay", stay->bay},
                              {"entered_at", FormatIso8601(stay->entry)}});
  });
  respond(std::move(out));
}

// Pays the quote a kiosk showed (`due_fen`), with a signed-in member's
// benefits, points and coupon if it had: a fee through the provider, its
// QR code shown for the shopper's phone (payment_routes.h).
void KioskPay(const Uses& ctx, const Caller& kiosk, const Request& req,
              const Respond& respond) {
  StatusOr<PlateRequest> p = PlateBody(
      ctx, kiosk, req, {"due_fen", "member_id", "points", "coupon_id"});
  if (!p.ok()) return respond(StatusResponse(p.status()));
  StatusOr<KioskMemberFields> m = KioskMemberOf(ctx, kiosk, p->payload);
  if (!m.ok()) return respond(StatusResponse(m.status()));
  RunPayment(ctx.ops, ctx.payments, req,
             {.scope = "device:" + kiosk.id,
              .origin = ApiOrigin(),
              .sender = ctx.gate.SenderOf(kiosk, true),
              .type = "park_pay",
              .payload = std::move(p->payload)},
             "kiosk", respond);
}

// The member's open stays, one per bound plate parked in a group mall,
// each quoted with their benefits and up to ?points= points.
void MyParking(const Uses& ctx, const Caller& me, const Request& req,
               const Respond& respond) {
  int64_t points = 0;
  if (const std::string text = req.Query("points"); !text.empty()) {
    if (text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      return respond(ErrorResponse(400, "INVALID_ARGUMENT",
                                   "points: a whole number up to 999999999"));
    }
    points = std::stoll(text);
  }
  const MemberId member(me.id);
  const Timestamp now = ctx.service.Now();
  Response out = ctx.service.ReadState([&](const sync::GroupState& s) {
    codec::Json stays = codec::Json::array();
    for (const auto& [mall, lot] : s.parking) {
      for (const ParkingSession* stay : lot.OpenSessions()) {
        const std::string& hash = stay->plate.text();
        const auto owner =
            s.identity_owner.find(sync::Identity{"plate", hash, ""}.Key());
        if (owner == s.identity_owner.end() || owner->second != member) {
          continue;
        }
        StatusOr<ParkingQuote> q =
            sync::QuoteParking(s, mall, stay->plate, &member, points, now);
        if (!q.ok()) return StatusResponse(q.status());
        stays.push_back({{"mall_id", mall.value()},
                         {"plate_id", hash},
                         {"plate", stay->plate.Masked()},
                         {"bay", stay->bay},
                         {"quote", codec::QuoteToJson(*q)}});
      }
    }
    return JsonResponse(200, {{"stays", std::move(stays)}});
  });
  respond(std::move(out));
}

// Pays a stay of one of the member's plates as quoted: {mall_id, plate_id,
// due_fen, points?, coupon_id?}; a fee through the provider's page.
void MyPayment(const Uses& ctx, const Caller& me, const Request& req,
               const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const std::string mall = r.Str("mall_id");
  const std::string plate_id = r.Str("plate_id");
  codec::Json payload = {{"mall_id", mall}, {"member_id", me.id}};
  for (const char* key : {"due_fen", "points", "coupon_id"}) {
    if (const codec::Json* v = r.Raw(key, std::string_view(key) == "due_fen")) {
      payload[key] = *v;
    }
  }
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  // Only a plate the member holds; its masked form from the stay.
  std::optional<std::string> display = ctx.service.ReadState(
      [&](const sync::GroupState& s) -> std::optional<std::string> {
        const auto owner = s.identity_owner.find("plate:" + plate_id);
        if (owner == s.identity_owner.end() || owner->second.value() != me.id) {
          return std::nullopt;
        }
        const auto lot = s.parking.find(MallId(mall));
        if (lot == s.parking.end()) return std::nullopt;
        const ParkingSession* stay = lot->second.OpenSession(plate_id);
        if (stay == nullptr) return std::nullopt;
        return stay->plate.Masked();
      });
  if (!display) {
    return respond(
        ErrorResponse(404, "NOT_FOUND", "no stay of this plate of yours here"));
  }
  payload["plate"] = {{"value", plate_id}, {"display", *display}};
  RunPayment(ctx.ops, ctx.payments, req,
             {.scope = "member:" + me.id,
              .origin = ApiOrigin(),
              .sender = ctx.gate.SenderOf(me, true),
              .type = "park_pay",
              .payload = std::move(payload)},
             "member", respond);
}

}  // namespace

void AddParkingRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate,     ctx.ops,
                  ctx.plates,  ctx.payments, ctx.log};
  AddRoute(r, ctx.gate, "POST", "/api/v1/parking/entries", Devices({"gate"}),
           uses, Enter);
  AddRoute(r, ctx.gate, "POST", "/api/v1/parking/exits", Devices({"gate"}),
           uses, Exit);
  AddRoute(r, ctx.gate, "POST", "/api/v1/parking/quotes",
           Devices({"gate", "kiosk"}), uses, Quote);
  AddRoute(r, ctx.gate, "POST", "/api/v1/parking/payments", Devices({"kiosk"}),
           uses, KioskPay);
  AddRoute(r, ctx.gate, "POST", "/api/v1/parking/cars", Devices({"kiosk"}),
           uses, FindCar);
  AddRoute(r, ctx.gate, "GET", "/api/v1/me/parking", Members(), uses,
           MyParking);
  AddRoute(r, ctx.gate, "POST", "/api/v1/me/parking/payments", Members(), uses,
           MyPayment);
}

}  // namespace atrium::server
