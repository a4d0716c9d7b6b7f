// Sync for clients that keep a replica (kiosks, the phone app): push
// operations, pull changes, and a kiosk's member sign-in with the member's
// history. A client pushes only its own operations (origin = caller) and
// pulls only what the log lets its origin see.
#include <charconv>

#include "api/access.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/auth/crypto.h"
#include "atrium/sync/device_view.h"
#include "atrium/sync/envelopes.h"
#include "atrium/sync/member_views.h"

namespace atrium::server {
namespace {

// What the sync routes use.
struct Uses {
  Service& service;
  Gate& gate;
};

sync::Origin OriginOf(const Caller& c) {
  return {c.kind == Caller::Kind::kMember ? sync::OriginKind::kMember
                                          : sync::OriginKind::kDevice,
          c.id};
}

StatusOr<int64_t> QueryInt(const Request& req, const std::string& name,
                           int64_t fallback, int64_t min, int64_t max) {
  std::string text = req.Query(name);
  if (text.empty()) return fallback;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min ||
      v > max) {
    return InvalidArgument(name + " must be an integer in [" +
                           std::to_string(min) + ", " + std::to_string(max) +
                           "]");
  }
  return v;
}

// ?after=<cursor>&limit=<1..10,000>, as a pull or a history asks.
struct Page {
  int64_t after = 0;
  size_t limit = sync::kDefaultPullLimit;
};

StatusOr<Page> ReadPage(const Request& req) {
  StatusOr<int64_t> after = QueryInt(req, "after", 0, 0, INT64_MAX);
  if (!after.ok()) return after.status();
  StatusOr<int64_t> limit = QueryInt(req, "limit", sync::kDefaultPullLimit, 1,
                                     static_cast<int64_t>(sync::kMaxPull));
  if (!limit.ok()) return limit.status();
  return Page{*after, static_cast<size_t>(*limit)};
}

// A page of changes, the stored texts as they are (sync/envelopes.h).
Response ChangesResponse(const std::vector<sync::Change>& changes,
                         const Page& page, int64_t next_seq = 0) {
  Response r;
  r.body = sync::PullPageText(changes, page.after, page.limit, next_seq);
  return r;
}

void Push(const Uses& ctx, const Caller& who, const Request& req,
          const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  StatusOr<std::vector<sync::Operation>> batch = sync::PushFromJson(*body);
  if (!batch.ok()) return respond(StatusResponse(batch.status()));
  const sync::Origin origin = OriginOf(who);
  for (size_t i = 0; i < batch->size(); ++i) {
    if (!((*batch)[i].origin == origin)) {
      return respond(ErrorResponse(403, "PERMISSION_DENIED",
                                   "operations[" + std::to_string(i) +
                                       "]: a client pushes only its own "
                                       "operations"));
    }
  }
  // Claims and exchanges count against each member's claim rate, as
  // through the REST routes; a batch over it is refused whole.
  const Timestamp now = ctx.service.Now();
  for (const sync::Operation& op : *batch) {
    if (op.type != "claim_coupon" && op.type != "exchange_points") continue;
    const auto member = op.payload.find("member_id");
    const std::string key = member != op.payload.end() && member->is_string()
                                ? member->get<std::string>()
                                : origin.ToString();
    if (!ctx.gate.member_claims.Allow(key, now)) {
      return respond(ErrorResponse(429, "RATE_LIMITED",
                                   "too many claims and exchanges for one "
                                   "member: send them again in a minute"));
    }
  }
  ctx.service.Push(std::move(*batch), ctx.gate.SenderOf(who, false),
                   [respond](StatusOr<std::vector<sync::OpResult>> results) {
                     if (!results.ok()) {
                       return respond(StatusResponse(results.status()));
                     }
                     respond(JsonResponse(200, sync::PushAnswer(*results)));
                   });
}

void Pull(const Uses& ctx, const Caller& who, const Request& req,
          const Respond& respond) {
  StatusOr<Page> page = ReadPage(req);
  if (!page.ok()) return respond(StatusResponse(page.status()));
  StatusOr<std::vector<sync::Change>> changes =
      ctx.service.WithLog([&](store::OpLog& log) {
        return log.Pull(OriginOf(who), page->after, page->limit);
      });
  if (!changes.ok()) return respond(StatusResponse(changes.status()));
  if (who.kind == Caller::Kind::kDevice) {
    for (sync::Change& c : *changes) sync::MaskForDevice(c);
  }
  respond(
      ChangesResponse(*changes, *page, ctx.service.LastSeq(OriginOf(who)) + 1));
}

// A member signs in at a kiosk with their code: the kiosk is served them
// for a session. It is given no code secret: a kiosk can neither check nor
// make a member's codes, so it cannot sign anyone in without the server.
void KioskSignIn(const Uses& ctx, const Caller& kiosk, const Request& req,
                 const Respond& respond) {
  StatusOr<MemberId> member = ctx.gate.ScanCode(req);
  if (!member.ok()) return respond(StatusResponse(member.status()));
  const Timestamp now = ctx.service.Now();
  Response out = ctx.service.WithLog([&](store::OpLog& log) {
    const auto it = log.state().accounts.find(*member);
    if (it == log.state().accounts.end() || it->second.member().erased_at) {
      return ErrorResponse(404, "NOT_FOUND", "no such member");
    }
    Status s = log.Serve(OriginOf(kiosk), *member, now);
    if (!s.ok()) return StatusResponse(s);
    codec::Json summary = sync::SummaryJson(log.state(), it->second, now);
    summary["session_expires_at"] =
        FormatIso8601(now.PlusSeconds(ctx.gate.limits.kiosk_session_seconds));
    return JsonResponse(200, summary);
  });
  if (out.status == 200) {
    ctx.gate.kiosk_sessions.Grant(
        kiosk.id, *member,
        now.PlusSeconds(ctx.gate.limits.kiosk_session_seconds));
  }
  respond(std::move(out));
}

// The member is done at the kiosk (or walked away: the kiosk's idle timer
// says so): the kiosk acts for them no longer, but within its escrow.
void KioskSignOut(const Uses& ctx, const Caller& kiosk, const Request& req,
                  const Respond& respond) {
  StatusOr<codec::Json> body = ParseBody(req);
  if (!body.ok()) return respond(StatusResponse(body.status()));
  codec::JsonReader r(*body, "body");
  const MemberId member(r.Str("member_id"));
  r.Finish();
  if (!r.ok()) return respond(StatusResponse(r.status()));
  ctx.gate.kiosk_sessions.End(kiosk.id, member);
  respond(JsonResponse(200, {{"signed_out", true}}));
}

void History(const Uses& ctx, const Caller& kiosk, const Request& req,
             const PathParams& params, const Respond& respond) {
  StatusOr<Page> page = ReadPage(req);
  if (!page.ok()) return respond(StatusResponse(page.status()));
  StatusOr<std::vector<sync::Change>> changes =
      ctx.service.WithLog([&](store::OpLog& log) {
        return log.History(OriginOf(kiosk), MemberId{params.at("member_id")},
                           page->after, page->limit);
      });
  if (!changes.ok()) return respond(StatusResponse(changes.status()));
  for (sync::Change& c : *changes) sync::MaskForDevice(c);
  respond(ChangesResponse(*changes, *page));
}

}  // namespace

void AddSyncRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service, ctx.gate};
  // A member's phone or a kiosk: a till has no replica.
  const Access replicas = Members() | Devices({"kiosk"});
  AddRoute(r, ctx.gate, "POST", "/api/v1/sync/push", replicas, uses, Push);
  AddRoute(r, ctx.gate, "GET", "/api/v1/sync/pull", replicas, uses, Pull);
  AddRoute(r, ctx.gate, "POST", "/api/v1/kiosk/sign-in", Devices({"kiosk"}),
           uses, KioskSignIn);
  AddRoute(r, ctx.gate, "POST", "/api/v1/kiosk/sign-out", Devices({"kiosk"}),
           uses, KioskSignOut);
  AddRoute(r, ctx.gate, "GET", "/api/v1/sync/members/{member_id}/history",
           Devices({"kiosk"}), uses, History);
}

}  // namespace atrium::server
