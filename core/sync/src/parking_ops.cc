// Parking operations: a car's entry and exit at the gates, and paying for
// a stay with the member's benefits. Plates travel keyed (Plate::Keyed):
// no operation or store holds a plate in clear.
#include <array>
#include <span>

#include "apply_internal.h"
#include "registry.h"

namespace atrium::sync::internal {
namespace {

constexpr int64_t kMaxLateEntrySeconds = 7 * kSecondsPerDay;

StatusOr<ParkingLot*> LotOf(GroupState& state, const MallId& mall) {
  const auto it = state.parking.find(mall);
  if (it == state.parking.end()) return NotFound("no car park at this mall");
  return &it->second;
}

StatusOr<Plate> PlateFrom(const codec::Json* j) {
  codec::JsonReader r(*j, "payload.plate");
  std::string value = r.Str("value");
  std::string display = r.Str("display");
  const bool new_energy = r.OptBool("new_energy", false);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Plate> plate =
      Plate::Keyed(std::move(value), std::move(display), new_energy);
  if (!plate.ok()) {
    return InvalidArgument("payload.plate: " + plate.status().message());
  }
  return plate;
}

Effects SessionEffects(const MallId& mall, const ParkingSession& s) {
  Effects fx;
  fx.parking_mall = mall;
  fx.parking_session = s;
  fx.result = {{"session_id", s.id},
               {"plate", s.plate.Masked()},
               {"entry_at", FormatIso8601(s.entry)}};
  return fx;
}

}  // namespace

// What a member brings to a quote at `mall`: the tier's free minutes, the
// day's spend there, the points offered and the coupons of the mall.
MemberBenefits BenefitsOf(const GroupState& state, const MemberAccount& a,
                          const MallId& mall, const LocalCalendar& calendar,
                          int64_t points, Timestamp now) {
  MemberBenefits b;
  b.member = a.member().id;
  const int index = state.program.tiers.IndexOf(a.tier().tier);
  if (index >= 0) {
    b.tier_minutes_per_day =
        state.program.tiers.levels[index].parking_free_minutes_per_day;
  }
  b.spend_today = a.SpentAt(mall, calendar, now);
  b.points_offered = points;
  const auto book = state.coupons.find(mall);
  if (book != state.coupons.end()) {
    for (const CouponInstance* c : book->second.WalletOf(b.member)) {
      b.coupons.push_back({c, book->second.FindTemplate(c->template_id)});
    }
  }
  return b;
}

StatusOr<Effects> ParkEnter(GroupState& state, const Operation& op,
                            Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(DeviceOnly(op));
  codec::JsonReader r(op.payload, "payload");
  const MallId mall(r.Str("mall_id"));
  const codec::Json* plate_json = r.Raw("plate", true);
  const std::string vehicle_name = r.OptStr("vehicle");
  const std::string bay = r.OptStr("bay");
  const std::string ticket = r.OptStr("ticket");
  // The gate's own record of the entry: a gate that lost the network
  // reports its entries later, with their times.
  const std::optional<Timestamp> entered_at = r.OptTime("entered_at");
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  const Timestamp entry = entered_at.value_or(now);
  if (entry > now || entry < now.PlusSeconds(-kMaxLateEntrySeconds)) {
    return InvalidArgument(
        "payload.entered_at: not after now, nor more than 7 days before");
  }
  StatusOr<Plate> plate = PlateFrom(plate_json);
  if (!plate.ok()) return plate.status();
  if (!ticket.empty() && !IsKeyedHash(ticket)) {
    return InvalidArgument("payload.ticket: the server's keyed hash, 64 hex");
  }
  std::optional<VehicleClass> vehicle;
  if (!vehicle_name.empty()) {
    StatusOr<VehicleClass> v = ParseVehicleClass(vehicle_name);
    if (!v.ok())
      return InvalidArgument("payload.vehicle: " + v.status().message());
    vehicle = *v;
  }
  StatusOr<ParkingLot*> lot = LotOf(state, mall);
  if (!lot.ok()) return lot.status();
  StatusOr<const ParkingSession*> s =
      (*lot)->Enter("op:" + op.id, *plate, vehicle, bay, entry, ticket);
  if (!s.ok()) return s.status();
  return SessionEffects(mall, **s);
}

StatusOr<Effects> ParkPay(GroupState& state, const Operation& op,
                          Timestamp now) {
  return ParkPayAt(state, op, now, now, false);
}

StatusOr<Effects> ParkPayAt(GroupState& state, const Operation& op,
                            Timestamp quote_at, Timestamp now, bool dry_run) {
  codec::JsonReader r(op.payload, "payload");
  const MallId mall(r.Str("mall_id"));
  const codec::Json* plate_json = r.Raw("plate", true);
  const MemberId member(r.OptStr("member_id"));
  const Money due = r.Fen("due_fen");
  const int64_t points = r.OptInt("points", 0, 0, kMaxPointsPerEntry);
  const CouponId coupon(r.OptStr("coupon_id"));
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  if (member.empty() && (points > 0 || !coupon.empty())) {
    return InvalidArgument("payload: points and coupons need a member_id");
  }
  if (!member.empty()) ATRIUM_RETURN_IF_ERROR(CheckActor(op, member));
  StatusOr<Plate> plate = PlateFrom(plate_json);
  if (!plate.ok()) return plate.status();
  StatusOr<ParkingLot*> lot = LotOf(state, mall);
  if (!lot.ok()) return lot.status();
  MemberAccount* account = nullptr;
  if (!member.empty()) {
    StatusOr<MemberAccount*> a = AccountOf(state, member);
    if (!a.ok()) return a.status();
    account = *a;
  }
  // A member's own replica holds no stays: it applies the member's side
  // as the server confirmed it (the server checked the quote).
  const bool member_side_only = !state.checks_escrows && account != nullptr &&
                                (*lot)->OpenSession(*plate) == nullptr;
  std::optional<ParkingQuote> quote;
  if (!member_side_only) {
    StatusOr<ParkingQuote> q =
        QuoteParking(state, mall, *plate,
                     account != nullptr ? &member : nullptr, points, quote_at);
    if (!q.ok()) return q.status();
    const bool same_coupon =
        coupon.empty() ? q->use.coupons.empty()
                       : q->use.coupons == std::vector<CouponId>{coupon};
    if (q->due != due || q->use.points != points || !same_coupon) {
      return FailedPrecondition("the fee is now " + q->due.ToString() +
                                " with these benefits: quote again");
    }
    quote = std::move(*q);
  }
  if (account != nullptr && account->ledger().BalanceAt(now).usable < points) {
    return FailedPrecondition("not enough usable points");
  }
  if (dry_run) return Effects{};
  Effects fx;
  if (account != nullptr) {
    fx.member = member;
    const size_t before = account->ledger().entries().size();
    if (!coupon.empty()) {
      auto book = state.coupons.find(mall);
      if (book == state.coupons.end()) return NotFound("no such coupon");
      Redemption redemption;
      redemption.checkout = op.id;
      redemption.receipt = ReceiptId("parking");
      redemption.store = StoreId("parking");
      redemption.device = op.origin.id;
      StatusOr<CouponEvent> e =
          book->second.Redeem("op:" + op.id, coupon, member, redemption, now);
      if (!e.ok()) return e.status();
      fx.coupon = *book->second.Find(coupon);
      fx.coupon_event = *e;
    }
    if (points > 0) {
      StatusOr<LedgerEntry> spent = account->ledger().Spend(
          "op:" + op.id, now, points, "parking", "parking at " + mall.value());
      if (!spent.ok()) return spent.status();
    }
    CollectEntries(*account, before, fx);
  }
  fx.result = {{"paid_fen", due.fen()}, {"points", points}};
  if (!coupon.empty()) fx.result["coupon_id"] = coupon.value();
  if (quote) {
    StatusOr<const ParkingPayment*> paid = (*lot)->Pay("op:" + op.id, *quote);
    if (!paid.ok()) return paid.status();
    const ParkingSession* s = (*lot)->Session(quote->session);
    fx.parking_mall = mall;
    fx.parking_session = *s;
    fx.result["session_id"] = s->id;
    fx.result["exit_by"] = FormatIso8601(quote->at.PlusSeconds(
        int64_t{(*lot)->policy().exit_grace_minutes} * 60));
  }
  return fx;
}

StatusOr<Effects> ParkExit(GroupState& state, const Operation& op,
                           Timestamp now) {
  ATRIUM_RETURN_IF_ERROR(DeviceOnly(op));
  codec::JsonReader r(op.payload, "payload");
  const MallId mall(r.Str("mall_id"));
  const codec::Json* plate_json = r.Raw("plate", true);
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  StatusOr<Plate> plate = PlateFrom(plate_json);
  if (!plate.ok()) return plate.status();
  StatusOr<ParkingLot*> lot = LotOf(state, mall);
  if (!lot.ok()) return lot.status();
  StatusOr<const ParkingSession*> s =
      (*lot)->Exit("op:" + op.id, *plate, now, nullptr);
  if (!s.ok()) return s.status();
  Effects fx = SessionEffects(mall, **s);
  fx.result["exit_at"] = FormatIso8601(now);
  return fx;
}

}  // namespace atrium::sync::internal

namespace atrium::sync {

StatusOr<ParkingQuote> QuoteParking(const GroupState& state, const MallId& mall,
                                    const Plate& plate, const MemberId* member,
                                    int64_t points_offered, Timestamp now) {
  const auto lot = state.parking.find(mall);
  if (lot == state.parking.end()) return NotFound("no car park at this mall");
  if (member == nullptr) return lot->second.Quote(plate, nullptr, now);
  const auto account = state.accounts.find(*member);
  if (account == state.accounts.end()) return NotFound("no such member");
  const MemberBenefits benefits =
      internal::BenefitsOf(state, account->second, mall, lot->second.calendar(),
                           points_offered, now);
  return lot->second.Quote(plate, &benefits, now);
}

// The operation types of parking: entry, payment at a kiosk or on the phone,
// exit: their entries in the registry (registry.h), beside their handlers.
std::span<const OpPolicy> registry::ParkingOps() {
  static constexpr std::array<OpPolicy, 3> kOps = {{
      {"park_enter", Senders({K::kGate, K::kSystem}), 0, nullptr,
       internal::ParkEnter},
      {"park_pay", Senders({K::kMember, K::kKiosk, K::kSystem}), 0,
       CheckParkPay, internal::ParkPay},
      {"park_exit", Senders({K::kGate, K::kSystem}), 0, nullptr,
       internal::ParkExit},
  }};
  return kOps;
}

}  // namespace atrium::sync
