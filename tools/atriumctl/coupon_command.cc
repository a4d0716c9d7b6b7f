// atriumctl coupon: applies a sequence of coupon operations to a coupon
// book and shows each operation's event or error, then every coupon.
#include <map>

#include "atrium/codec/coupon_json.h"
#include "atrium/coupons/coupon_book.h"
#include "cli.h"

namespace atrium::cli {
namespace {

constexpr size_t kMaxOperations = 10'000;

IssueChannel ChannelOf(codec::JsonReader& op) {
  const std::string c = op.OptStr("channel", "claim");
  if (c == "claim") return IssueChannel::kClaim;
  if (c == "points_exchange") return IssueChannel::kPointsExchange;
  if (c == "purchase") return IssueChannel::kPurchase;
  if (c == "campaign") return IssueChannel::kCampaign;
  if (c == "operator") return IssueChannel::kOperator;
  op.Fail("channel",
          "must be claim, points_exchange, purchase, campaign or operator");
  return IssueChannel::kClaim;
}

// Applies one operation; its event, or why it failed.
StatusOr<std::vector<CouponEvent>> Apply(
    CouponBook& book, const std::map<MemberId, Claimant>& members,
    codec::JsonReader& op) {
  const std::string kind = op.Str("op");
  const Timestamp at = op.Time("at");
  if (kind == "expire") {
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    return book.ExpireDue(at);
  }
  const std::string key = op.Str("key");
  const MemberId member(op.Str("member_id"));
  StatusOr<CouponEvent> e = InvalidArgument("unknown op");
  if (kind == "issue") {
    const TemplateId tmpl(op.Str("template_id"));
    const IssueChannel channel = ChannelOf(op);
    op.Finish();
    ATRIUM_RETURN_IF_ERROR(op.status());
    auto m = members.find(member);
    if (m == members.end()) return NotFound("unknown member " + member.value());
    e = book.Issue(key, tmpl, m->second, channel, at);
  } else {
    const CouponId coupon(op.Str("coupon_id"));
    const std::string checkout = op.OptStr("checkout");
    if (kind == "reserve") {
      const int64_t hold = op.OptInt("hold_seconds", 900, 1, kMaxHoldSeconds);
      op.Finish();
      ATRIUM_RETURN_IF_ERROR(op.status());
      e = book.Reserve(key, coupon, member, checkout, at, hold);
    } else if (kind == "release") {
      op.Finish();
      ATRIUM_RETURN_IF_ERROR(op.status());
      e = book.Release(key, coupon, member, checkout, at);
    } else if (kind == "redeem") {
      const Redemption r{checkout, ReceiptId(op.Str("receipt_id")),
                         StoreId(op.Str("store_id")), op.Str("device")};
      op.Finish();
      ATRIUM_RETURN_IF_ERROR(op.status());
      e = book.Redeem(key, coupon, member, r, at);
    } else if (kind == "reverse") {
      op.Finish();
      ATRIUM_RETURN_IF_ERROR(op.status());
      e = book.Reverse(key, coupon, member, at);
    } else {
      op.Fail("op",
              "must be issue, reserve, release, redeem, reverse or expire");
      return op.status();
    }
  }
  if (!e.ok()) return e.status();
  return std::vector<CouponEvent>{*e};
}

StatusOr<codec::Json> Run(const Flags& flags) {
  StatusOr<codec::Json> input = ReadInput(flags);
  if (!input.ok()) return input.status();
  codec::JsonReader r(*input, "request");
  StatusOr<int32_t> offset =
      codec::ParseUtcOffset(r.OptStr("utc_offset", "+08:00"));
  if (!offset.ok()) r.Fail("utc_offset", offset.status().message());
  const codec::Json* templates = r.Raw("templates", true);
  const codec::Json* members_json = r.Raw("members", false);
  const codec::Json* ops = r.Raw("operations", true);
  r.Finish();
  if (!r.ok()) return r.status();
  if (!ops->is_array() || ops->size() > kMaxOperations) {
    return InvalidArgument("operations: an array of at most 10000");
  }

  CouponBook book(*LocalCalendar::Create(*offset, 0));
  if (!templates->is_array()) return InvalidArgument("templates: an array");
  for (const codec::Json& t : *templates) {
    StatusOr<CouponTemplate> tmpl = codec::TemplateFromJson(t);
    if (!tmpl.ok()) return tmpl.status();
    ATRIUM_RETURN_IF_ERROR(book.AddTemplate(std::move(*tmpl)));
  }
  std::map<MemberId, Claimant> members;
  if (members_json != nullptr) {
    if (!members_json->is_array()) return InvalidArgument("members: an array");
    for (const codec::Json& m : *members_json) {
      StatusOr<Claimant> c = codec::ClaimantFromJson(m);
      if (!c.ok()) return c.status();
      members[c->id] = *c;
    }
  }
  codec::Json results = codec::Json::array();
  for (size_t i = 0; i < ops->size(); ++i) {
    // Each operation stands alone: a bad one is reported, the rest go on.
    codec::JsonReader op((*ops)[i], "operations[" + std::to_string(i) + "]");
    StatusOr<std::vector<CouponEvent>> events = Apply(book, members, op);
    codec::Json result = {{"index", i}};
    if (events.ok()) {
      codec::Json list = codec::Json::array();
      for (const CouponEvent& e : *events) {
        list.push_back(codec::CouponEventToJson(e));
      }
      result["events"] = std::move(list);
    } else {
      result["error"] = {
          {"code", std::string(StatusCodeName(events.status().code()))},
          {"message", events.status().message()}};
    }
    results.push_back(std::move(result));
  }
  codec::Json coupons = codec::Json::array();
  for (const auto& [id, member] : members) {
    for (const CouponInstance* c : book.WalletOf(id)) {
      coupons.push_back(codec::CouponToJson(*c));
    }
  }
  return codec::Json{{"results", std::move(results)},
                     {"coupons", std::move(coupons)}};
}

}  // namespace

int CouponCommand(const Flags& flags) {
  StatusOr<codec::Json> out = Run(flags);
  return out.ok() ? PrintJson(*out) : Fail(out.status());
}

}  // namespace atrium::cli
