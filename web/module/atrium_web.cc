// The core as the phone sees it, for JavaScript (embind): the member's
// replica kept in SQLite, and the pure computations the app shows before
// the server confirms them. Every value crosses as a JSON text, so money
// is always integer fen and never a float; every call answers
// {"ok": true, "value": ...} or {"ok": false, "error": {code, message}}.
// The JS API is documented in atrium.d.ts beside this file.
#include <emscripten/bind.h>

#include <charconv>
#include <memory>
#include <string>

#include "atrium/codec/domain_json.h"
#include "atrium/codec/mall_files.h"
#include "atrium/codec/parking_json.h"
#include "atrium/codec/program_json.h"
#include "atrium/points/earning.h"
#include "atrium/points/statement.h"
#include "atrium/store/replica_store.h"
#include "atrium/sync/envelopes.h"
#include "atrium/sync/member_views.h"

namespace atrium::web {
namespace {

using codec::Json;

std::string Ok(const Json& value) {
  return Json{{"ok", true}, {"value", value}}.dump();
}

std::string Error(const Status& s) {
  return Json{{"ok", false}, {"error", sync::ErrorJson(s)}}.dump();
}

StatusOr<Json> Parse(const std::string& text, const char* what) {
  StatusOr<Json> j = codec::ParseJson(text);
  if (!j.ok()) return InvalidArgument(std::string(what) + ": not JSON");
  return j;
}

StatusOr<Timestamp> Instant(const std::string& iso) {
  StatusOr<Timestamp> t = ParseIso8601(iso);
  if (!t.ok()) return InvalidArgument("now: not an ISO-8601 instant");
  return t;
}

// {tier, earned_today, receipt} → the points the receipt earns.
std::string ComputeEarnJson(const std::string& program_json,
                            const std::string& request_json) {
  StatusOr<Program> program = codec::ProgramFromTexts(program_json, "");
  if (!program.ok()) return Error(program.status());
  StatusOr<Json> req = Parse(request_json, "request");
  if (!req.ok()) return Error(req.status());
  codec::JsonReader r(*req, "request");
  const TierId tier(r.Str("tier"));
  const int64_t earned_today = r.OptInt("earned_today", 0, 0, INT64_MAX);
  const Json* receipt_json = r.Raw("receipt", true);
  r.Finish();
  if (!r.ok()) return Error(r.status());
  StatusOr<Receipt> receipt = codec::ReceiptFromJson(*receipt_json);
  if (!receipt.ok()) return Error(receipt.status());
  const Mall* mall = program->group.FindMall(receipt->mall);
  if (mall == nullptr) return Error(NotFound("no such mall"));
  StatusOr<EarnResult> earned = ComputeEarn(program->earning, mall->calendar,
                                            *receipt, tier, earned_today);
  if (!earned.ok()) return Error(earned.status());
  return Ok(codec::EarnResultToJson(program->earning, *receipt, *earned));
}

// A parking quote request (shared/formats/parking.md) → the quote.
std::string QuoteParkingJson(const std::string& program_json,
                             const std::string& parking_json,
                             const std::string& request_json) {
  StatusOr<Program> program =
      codec::ProgramFromTexts(program_json, parking_json);
  if (!program.ok()) return Error(program.status());
  StatusOr<Json> j = Parse(request_json, "request");
  if (!j.ok()) return Error(j.status());
  StatusOr<codec::QuoteRequest> req = codec::QuoteRequestFromJson(*j);
  if (!req.ok()) return Error(req.status());
  const Mall* mall = program->group.FindMall(req->mall);
  const CarPark* park = nullptr;
  for (const CarPark& c : program->car_parks) {
    if (c.mall == req->mall) park = &c;
  }
  if (mall == nullptr || park == nullptr) return Error(NotFound("no car park"));
  StatusOr<const Tariff*> tariff =
      park->schedule->InForceAt(park->tariff, req->stay.entry);
  if (!tariff.ok()) return Error(tariff.status());
  StatusOr<ParkingQuote> q =
      QuoteStay(req->stay, **tariff, mall->calendar, park->policy,
                req->member ? &*req->member : nullptr, req->usage, req->at);
  if (!q.ok()) return Error(q.status());
  return Ok(codec::QuoteToJson(*q));
}

}  // namespace

// One member's replica on the phone: open it, submit operations offline,
// push and pull through the app's fetch, and read the member's views.
class MemberReplica {
 public:
  std::string Open(const std::string& path, const std::string& program_json,
                   const std::string& parking_json, const std::string& member,
                   int next_seq) {
    StatusOr<Program> program =
        codec::ProgramFromTexts(program_json, parking_json);
    if (!program.ok()) return Error(program.status());
    StatusOr<sync::Origin> origin = sync::Origin::Parse("member:" + member);
    if (!origin.ok()) return Error(origin.status());
    StatusOr<std::unique_ptr<store::ReplicaStore>> s =
        store::ReplicaStore::Open(path, std::move(*program), std::move(*origin),
                                  next_seq);
    if (!s.ok()) return Error(s.status());
    store_ = std::move(*s);
    member_ = MemberId(member);
    return Ok(State());
  }

  std::string Submit(const std::string& type, const std::string& payload,
                     const std::string& now) {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    StatusOr<Json> p = Parse(payload, "payload");
    if (!p.ok()) return Error(p.status());
    StatusOr<Timestamp> at = Instant(now);
    if (!at.ok()) return Error(at.status());
    StatusOr<sync::Operation> op = store_->Submit(type, std::move(*p), *at);
    if (!op.ok()) return Error(op.status());
    return Ok(sync::OperationToJson(*op));
  }

  // The body of POST /api/v1/sync/push.
  std::string ToPush() const {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    // The kiosk's rule too: at most a push's worth at a time.
    std::vector<sync::Operation> ops = store_->ToPush();
    if (ops.size() > sync::kMaxPushOperations) {
      ops.resize(sync::kMaxPushOperations);
    }
    return Ok(sync::PushBody(ops));
  }

  // The answer of POST /api/v1/sync/push.
  std::string Acknowledge(const std::string& answer) {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    StatusOr<Json> j = Parse(answer, "answer");
    if (!j.ok()) return Error(j.status());
    StatusOr<std::vector<sync::OpResult>> results =
        sync::PushAnswerFromJson(*j);
    if (!results.ok()) return Error(results.status());
    Status s = store_->Acknowledge(*results);
    return s.ok() ? Ok(State()) : Error(s);
  }

  // The answer of GET /api/v1/sync/pull?after=<after>.
  std::string Pulled(const std::string& after, const std::string& answer) {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    StatusOr<Json> j = Parse(answer, "answer");
    if (!j.ok()) return Error(j.status());
    int64_t from = 0;
    auto [end, ec] =
        std::from_chars(after.data(), after.data() + after.size(), from);
    if (ec != std::errc() || end != after.data() + after.size() || from < 0) {
      return Error(InvalidArgument("after: not a cursor"));
    }
    StatusOr<sync::PullPage> page = sync::PullPageFromJson(*j);
    if (!page.ok()) return Error(page.status());
    Status s = store_->Pulled(from, page->changes);
    if (!s.ok()) return Error(s);
    Json state = State();
    state["more"] = page->more;  // ask again after the new cursor
    return Ok(state);
  }

  // {cursor, queued, next_seq, registered}: what the app needs to sync.
  std::string StateJson() const {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    return Ok(State());
  }

  std::string Card(const std::string& now) const {
    return View(now, [](const sync::GroupState& s, const MemberAccount& a,
                        Timestamp t) { return sync::ProfileJson(s, a, t); });
  }
  std::string Statement(const std::string& now) const {
    return View(now, [](const sync::GroupState& s, const MemberAccount& a,
                        Timestamp t) {
      return codec::StatementToJson(BuildStatement(a.ledger(), t),
                                    s.program.group.calendar);
    });
  }
  std::string Wallet(const std::string& now) const {
    return View(
        now, [](const sync::GroupState& s, const MemberAccount& a,
                Timestamp t) { return sync::WalletJson(s, a.member().id, t); });
  }

  // Every answer the server gave, oldest first.
  std::string Outcomes() const {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    Json out = Json::array();
    for (const sync::OpResult& r : store_->outcomes()) {
      out.push_back(sync::OpResultToJson(r));
    }
    return Ok(out);
  }

 private:
  Json State() const {
    const sync::Replica& r = store_->replica();
    return {{"cursor", r.cursor()},
            {"queued", r.queued()},
            {"next_seq", r.next_seq()},
            {"registered", r.view().accounts.contains(member_)}};
  }

  template <typename F>
  std::string View(const std::string& now, F view) const {
    if (!store_) return Error(FailedPrecondition("open the replica first"));
    StatusOr<Timestamp> at = Instant(now);
    if (!at.ok()) return Error(at.status());
    const sync::GroupState& s = store_->replica().view();
    auto it = s.accounts.find(member_);
    if (it == s.accounts.end() || it->second.member().erased_at) {
      return Error(NotFound("the member is not in the replica yet: pull"));
    }
    return Ok(view(s, it->second, *at));
  }

  std::unique_ptr<store::ReplicaStore> store_;
  MemberId member_;
};

}  // namespace atrium::web

EMSCRIPTEN_BINDINGS(atrium) {
  using atrium::web::MemberReplica;
  emscripten::function("computeEarn", &atrium::web::ComputeEarnJson);
  emscripten::function("quoteParking", &atrium::web::QuoteParkingJson);
  emscripten::class_<MemberReplica>("MemberReplica")
      .constructor<>()
      .function("open", &MemberReplica::Open)
      .function("submit", &MemberReplica::Submit)
      .function("toPush", &MemberReplica::ToPush)
      .function("acknowledge", &MemberReplica::Acknowledge)
      .function("pulled", &MemberReplica::Pulled)
      .function("state", &MemberReplica::StateJson)
      .function("card", &MemberReplica::Card)
      .function("statement", &MemberReplica::Statement)
      .function("wallet", &MemberReplica::Wallet)
      .function("outcomes", &MemberReplica::Outcomes);
}
