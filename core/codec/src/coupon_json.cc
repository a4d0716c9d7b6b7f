#include "atrium/codec/coupon_json.h"

#include <array>
#include <utility>

namespace atrium::codec {
namespace {

constexpr std::array<std::pair<std::string_view, CouponKind>, 6> kKinds = {{
    {"cash_off", CouponKind::kCashOff},
    {"percent_off", CouponKind::kPercentOff},
    {"threshold", CouponKind::kThreshold},
    {"gift", CouponKind::kGift},
    {"free_delivery", CouponKind::kFreeDelivery},
    {"parking", CouponKind::kParking},
}};
constexpr std::array<std::pair<std::string_view, Acquisition>, 3>
    kAcquisitions = {{{"free", Acquisition::kFree},
                      {"points", Acquisition::kPoints},
                      {"paid", Acquisition::kPaid}}};
constexpr std::array<std::pair<std::string_view, CouponStatus>, 5> kStatuses = {
    {
        {"available", CouponStatus::kAvailable},
        {"reserved", CouponStatus::kReserved},
        {"redeemed", CouponStatus::kRedeemed},
        {"expired", CouponStatus::kExpired},
        {"refunded_expired", CouponStatus::kRefundedExpired},
    }};

template <typename IdT>
std::vector<IdT> Ids(JsonReader& r, std::string_view key) {
  std::vector<IdT> out;
  for (std::string& s : r.Strs(key, 500)) out.emplace_back(std::move(s));
  return out;
}

}  // namespace

StatusOr<CouponTemplate> TemplateFromJson(const Json& j) {
  JsonReader r(j, "template");
  CouponTemplate t;
  t.id = TemplateId(r.Str("id"));
  t.name = r.Str("name");
  t.mall = MallId(r.Str("mall_id"));
  t.kind = ReadEnum(r, "kind", kKinds, CouponKind::kCashOff);
  t.pay_permille = static_cast<int32_t>(r.OptInt("pay_permille", 0, 0, 1000));
  t.amount = Money::Fen(r.OptInt("amount_fen", 0, 0, kMaxAmount.fen()));
  t.threshold = Money::Fen(r.OptInt("threshold_fen", 0, 0, kMaxAmount.fen()));
  t.repeating = r.OptBool("repeating", false);
  t.max_discount =
      Money::Fen(r.OptInt("max_discount_fen", 0, 0, kMaxAmount.fen()));
  t.parking_minutes =
      static_cast<int32_t>(r.OptInt("parking_minutes", 0, 0, 1440));
  t.gift_item = r.OptStr("gift_item");
  t.min_spend = Money::Fen(r.OptInt("min_spend_fen", 0, 0, kMaxAmount.fen()));
  if (r.Has("scope")) {
    JsonReader s = r.Object("scope");
    t.scope.stores = Ids<StoreId>(s, "stores");
    t.scope.categories = s.Strs("categories", 500);
    t.scope.excluded_stores = Ids<StoreId>(s, "excluded_stores");
    t.scope.excluded_categories = s.Strs("excluded_categories", 500);
    s.Finish();
  }
  t.validity.from = r.OptTime("valid_from");
  t.validity.until = r.OptTime("valid_until");
  t.validity.days_from_claim =
      static_cast<int32_t>(r.OptInt("days_from_claim", 0, 0, 3660));
  t.total_stock = r.OptInt("total_stock", 0, 0, 1'000'000'000);
  t.per_member_total =
      static_cast<int32_t>(r.OptInt("per_member_total", 0, 0, 1'000'000));
  t.per_member_per_day =
      static_cast<int32_t>(r.OptInt("per_member_per_day", 0, 0, 1'000'000));
  t.tiers = Ids<TierId>(r, "tiers");
  t.tags = r.Strs("tags", 500);
  t.new_member_days =
      static_cast<int32_t>(r.OptInt("new_member_days", 0, 0, 3660));
  t.claim_from = r.OptTime("claim_from");
  t.claim_until = r.OptTime("claim_until");
  for (JsonReader& tr : r.Objects("tier_rules", 32, false)) {
    t.tier_rules.push_back(
        {TierId(tr.Str("tier")),
         static_cast<int32_t>(tr.OptInt("per_member_total", 0, 0, 1'000'000)),
         tr.OptInt("early_seconds", 0, 0, 30 * kSecondsPerDay)});
    tr.Finish();
  }
  t.stacking_group = r.OptStr("stacking_group");
  t.exclusive = r.OptBool("exclusive", false);
  t.combines_with_points = r.OptBool("combines_with_points", true);
  t.acquisition = ReadEnum(r, "acquisition", kAcquisitions, Acquisition::kFree);
  t.points_price = r.OptInt("points_price", 0, 0, 1'000'000'000);
  t.sale_price = Money::Fen(r.OptInt("sale_price_fen", 0, 0, kMaxAmount.fen()));
  t.funded_by = StoreId(r.OptStr("funded_by"));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(t.Validate());
  return t;
}

StatusOr<CouponInstance> CouponFromJson(const Json& j) {
  JsonReader r(j, "coupon");
  CouponInstance c;
  c.id = CouponId(r.Str("id"));
  c.template_id = TemplateId(r.Str("template_id"));
  c.owner = MemberId(r.Str("owner"));
  c.valid_from = r.Time("valid_from");
  c.valid_until = r.Time("valid_until");
  c.status = ReadEnum(r, "status", kStatuses, CouponStatus::kAvailable);
  c.reserved_for = r.OptStr("reserved_for");
  c.reserved_until = r.OptTime("reserved_until").value_or(Timestamp());
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(ValidateId(c.id.value(), "coupon id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(c.template_id.value(), "template id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(c.owner.value(), "owner"));
  if (c.valid_until <= c.valid_from) {
    return InvalidArgument("coupon " + c.id.value() +
                           ": valid_until must follow valid_from");
  }
  return c;
}

Json CouponToJson(const CouponInstance& c) {
  Json j = {{"id", c.id.value()},
            {"template_id", c.template_id.value()},
            {"owner", c.owner.value()},
            {"valid_from", FormatIso8601(c.valid_from)},
            {"valid_until", FormatIso8601(c.valid_until)},
            {"status", CouponStatusName(c.status)}};
  if (c.status == CouponStatus::kReserved) {
    j["reserved_for"] = c.reserved_for;
    j["reserved_until"] = FormatIso8601(c.reserved_until);
  }
  if (!c.redemption.receipt.empty()) {
    j["redeemed_at_store"] = c.redemption.store.value();
    j["receipt_id"] = c.redemption.receipt.value();
  }
  return j;
}

StatusOr<Basket> BasketFromJson(const Json& j) {
  JsonReader r(j, "basket");
  Basket b;
  b.checkout_id = r.Str("checkout_id");
  b.mall = MallId(r.Str("mall_id"));
  b.member = MemberId(r.Str("member_id"));
  b.at = r.Time("at");
  for (JsonReader& l : r.Objects("lines", kMaxBasketLines, true)) {
    b.lines.push_back(
        {StoreId(l.Str("store_id")), l.Str("category"), l.Fen("amount_fen")});
    l.Finish();
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return b;
}

StatusOr<PointsAsCash> PointsPolicyFromJson(const Json& j) {
  JsonReader r(j, "points_policy");
  PointsAsCash p;
  p.points_per_yuan = r.OptInt("points_per_yuan", 100, 1, 1'000'000);
  p.max_share_permille =
      static_cast<int32_t>(r.OptInt("max_share_permille", 500, 0, 1000));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return p;
}

StatusOr<Claimant> ClaimantFromJson(const Json& j) {
  JsonReader r(j, "member");
  Claimant c;
  c.id = MemberId(r.Str("id"));
  c.tier = TierId(r.Str("tier"));
  c.tags = r.Strs("tags", 100);
  c.registered_at = r.Time("registered_at");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  return c;
}

Json CouponEventToJson(const CouponEvent& e) {
  return {{"seq", e.seq},
          {"key", e.key},
          {"op", CouponOpName(e.op)},
          {"coupon_id", e.coupon.value()},
          {"at", FormatIso8601(e.at)},
          {"status", CouponStatusName(e.status_after)}};
}

Json CheckoutToJson(const CheckoutResult& r,
                    std::span<const WalletCoupon> wallet) {
  auto id = [&](size_t i) { return wallet[i].coupon->id.value(); };
  Json used = Json::array();
  for (const size_t i : r.used) used.push_back(id(i));
  Json allocations = Json::array();
  for (const CouponAllocation& a : r.allocations) {
    allocations.push_back({{"coupon_id", id(a.wallet_index)},
                           {"line", a.line},
                           {"amount_fen", a.amount.fen()}});
  }
  Json lines = Json::array();
  for (const CheckoutLine& l : r.lines) {
    lines.push_back({{"gross_fen", l.gross.fen()},
                     {"coupon_discount_fen", l.coupon_discount.fen()},
                     {"points_cash_fen", l.points_cash.fen()},
                     {"paid_fen", l.paid.fen()}});
  }
  Json unused = Json::array();
  for (const UnusedCoupon& u : r.unused) {
    Json x = {{"coupon_id", id(u.wallet_index)},
              {"reason", UnusedReasonName(u.reason)}};
    if (u.yields_to) x["yields_to"] = id(*u.yields_to);
    unused.push_back(std::move(x));
  }
  return {{"gross_fen", r.gross.fen()},
          {"discount_fen", r.discount.fen()},
          {"points_used", r.points_used},
          {"points_cash_fen", r.points_cash.fen()},
          {"to_pay_fen", r.to_pay.fen()},
          {"used", std::move(used)},
          {"allocations", std::move(allocations)},
          {"lines", std::move(lines)},
          {"unused", std::move(unused)}};
}

}  // namespace atrium::codec
