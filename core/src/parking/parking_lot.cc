#include "atrium/parking/parking_lot.h"

#include <string>

namespace atrium {
namespace {

std::string Request(std::string_view kind,
                    std::initializer_list<std::string_view> parts) {
  std::string r(kind);
  for (const std::string_view p : parts) {
    r += '\x1f';
    r += p;
  }
  return r;
}

std::string Seconds(Timestamp t) { return std::to_string(t.unix_seconds()); }

}  // namespace

StayFacts ParkingSession::Facts() const {
  StayFacts f;
  f.session = id;
  f.plate = plate;
  f.vehicle = vehicle;
  f.entry = entry;
  for (const ParkingPayment& p : payments) {
    f.used.Add(p.use);
    f.paid += p.amount;
  }
  f.payments = static_cast<int32_t>(payments.size());
  return f;
}

ParkingLot::ParkingLot(TariffId tariff, const TariffSchedule* schedule,
                       LocalCalendar calendar, ParkingPolicy policy)
    // Not owned: an aliasing pointer with no owner.
    : ParkingLot(std::move(tariff),
                 std::shared_ptr<const TariffSchedule>(
                     std::shared_ptr<const TariffSchedule>(), schedule),
                 calendar, policy) {}

ParkingLot::ParkingLot(TariffId tariff,
                       std::shared_ptr<const TariffSchedule> schedule,
                       LocalCalendar calendar, ParkingPolicy policy)
    : tariff_(std::move(tariff)),
      schedule_(std::move(schedule)),
      calendar_(calendar),
      policy_(policy) {}

ParkingLot::ParkingLot(const ParkingLot& o)
    : tariff_(o.tariff_),
      schedule_(o.schedule_),
      calendar_(o.calendar_),
      policy_(o.policy_),
      sessions_(o.sessions_) {
  // The indexes point into the sessions: rebuilt over the copies.
  for (ParkingSession& s : sessions_) {
    by_id_.emplace(s.id, &s);
    if (!s.exit) open_.emplace(s.plate.text(), &s);
  }
  for (const auto& [key, op] : o.ops_) {
    ops_.emplace(key, Op{op.request, by_id_.at(op.session->id), op.payment});
  }
}

ParkingLot& ParkingLot::operator=(const ParkingLot& o) {
  if (this != &o) *this = ParkingLot(o);
  return *this;
}

const ParkingSession* ParkingLot::Session(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

StatusOr<const ParkingLot::Op*> ParkingLot::Replay(
    std::string_view key, const std::string& request) const {
  ATRIUM_RETURN_IF_ERROR(ValidateId(key, "operation key"));
  const auto it = ops_.find(key);
  if (it == ops_.end()) return static_cast<const Op*>(nullptr);
  if (it->second.request != request) {
    return AlreadyExists("key " + std::string(key) +
                         " was used for another request");
  }
  return &it->second;
}

ParkingSession* ParkingLot::FindOpen(const Plate& plate) const {
  const auto it = open_.find(plate.text());
  return it == open_.end() ? nullptr : it->second;
}

const ParkingSession* ParkingLot::OpenSession(const Plate& plate) const {
  return FindOpen(plate);
}

const ParkingSession* ParkingLot::OpenSession(
    std::string_view plate_text) const {
  const auto it = open_.find(plate_text);
  return it == open_.end() ? nullptr : it->second;
}

std::vector<const ParkingSession*> ParkingLot::OpenSessions() const {
  std::vector<const ParkingSession*> out;
  out.reserve(open_.size());
  for (const auto& [plate, s] : open_) out.push_back(s);
  return out;
}

StatusOr<const Tariff*> ParkingLot::TariffOf(const ParkingSession& s) const {
  const Tariff* t = schedule_->Find(s.tariff, s.tariff_version);
  if (t == nullptr)
    return DataLoss("the tariff of session " + s.id + " is gone");
  return t;
}

StatusOr<const ParkingSession*> ParkingLot::Enter(
    std::string_view key, std::string_view plate_text,
    std::optional<VehicleClass> vehicle, std::string_view bay, Timestamp at) {
  StatusOr<Plate> plate = Plate::Parse(plate_text);
  if (!plate.ok()) return plate.status();
  return Enter(key, *plate, vehicle, bay, at);
}

StatusOr<const ParkingSession*> ParkingLot::Enter(
    std::string_view key, const Plate& plate,
    std::optional<VehicleClass> vehicle, std::string_view bay, Timestamp at,
    std::string_view ticket) {
  const VehicleClass v = vehicle.value_or(
      plate.new_energy() ? VehicleClass::kNewEnergy : VehicleClass::kSmall);
  const std::string request = Request(
      "enter", {plate.text(), VehicleClassName(v), bay, Seconds(at), ticket});
  StatusOr<const Op*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return (*replay)->session;
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(at, "entry time"));
  if (bay.size() > kMaxBayLength) {
    return InvalidArgument("bay or zone of more than 32 bytes");
  }
  if (const ParkingSession* open = FindOpen(plate)) {
    return AlreadyExists("plate " + plate.Masked() +
                         " is already parked (entered " +
                         calendar_.FormatLocal(open->entry) + ")");
  }
  StatusOr<const Tariff*> tariff = schedule_->InForceAt(tariff_, at);
  if (!tariff.ok()) return tariff.status();
  if ((*tariff)->RatesFor(v) == nullptr) {
    return FailedPrecondition("this car park takes no " +
                              std::string(VehicleClassName(v)) + " vehicles");
  }
  ParkingSession& s = sessions_.emplace_back();
  s.id = std::string(key);
  s.plate = plate;
  s.vehicle = v;
  s.bay = std::string(bay);
  s.ticket = std::string(ticket);
  s.entry = at;
  s.tariff = (*tariff)->id;
  s.tariff_version = (*tariff)->version;
  open_.emplace(s.plate.text(), &s);
  by_id_.emplace(s.id, &s);
  ops_.emplace(std::string(key), Op{request, &s, 0});
  return &s;
}

UsageToday ParkingLot::Usage(const MemberId* member, const Plate& plate,
                             Timestamp at) const {
  const int64_t day = calendar_.BusinessDateOf(at).DayNumber();
  UsageToday u;
  for (const ParkingSession& s : sessions_) {
    for (const ParkingPayment& p : s.payments) {
      if (p.business_day != day) continue;
      if (s.plate == plate) u.plate_free_minutes += p.use.free_minutes();
      if (member == nullptr || p.member != *member) continue;
      u.tier_minutes += p.use.tier_minutes;
      u.spend_minutes += p.use.spend_minutes;
      u.points_minutes += p.use.points_minutes;
      u.member_free_minutes += p.use.free_minutes();
    }
  }
  return u;
}

StatusOr<ParkingSession*> ParkingLot::Parked(const Plate& plate) const {
  ParkingSession* s = FindOpen(plate);
  if (s == nullptr) return NotParked(plate);
  return s;
}

Status ParkingLot::NotParked(const Plate& plate) {
  return NotFound("plate " + plate.Masked() + " is not parked here");
}

StatusOr<ParkingQuote> ParkingLot::Quote(std::string_view plate_text,
                                         const MemberBenefits* member,
                                         Timestamp at) const {
  StatusOr<Plate> plate = Plate::Parse(plate_text);
  if (!plate.ok()) return plate.status();
  return Quote(*plate, member, at);
}

StatusOr<ParkingQuote> ParkingLot::Quote(const Plate& plate,
                                         const MemberBenefits* member,
                                         Timestamp at) const {
  StatusOr<ParkingSession*> s = Parked(plate);
  if (!s.ok()) return s.status();
  return QuoteOpen(**s, member, at);
}

StatusOr<ParkingQuote> ParkingLot::QuoteOpen(const ParkingSession& s,
                                             const MemberBenefits* member,
                                             Timestamp at) const {
  if (at < s.entry) return InvalidArgument("a time before the car entered");
  StatusOr<const Tariff*> tariff = TariffOf(s);
  if (!tariff.ok()) return tariff.status();
  const ParkingPayment* paid = PaidWithinGrace(s, at);
  const Timestamp priced_at = paid != nullptr ? paid->at : at;
  const UsageToday usage =
      Usage(member != nullptr ? &member->member : nullptr, s.plate, priced_at);
  StatusOr<ParkingQuote> q = QuoteStay(s.Facts(), **tariff, calendar_, policy_,
                                       member, usage, priced_at);
  if (q.ok()) q->parked_seconds = at.unix_seconds() - s.entry.unix_seconds();
  return q;
}

const ParkingPayment* ParkingLot::PaidWithinGrace(const ParkingSession& s,
                                                  Timestamp at) const {
  if (s.payments.empty()) return nullptr;
  const int64_t grace = policy_.exit_grace_minutes * kSecondsPerMinute;
  const ParkingPayment& last = s.payments.back();
  return at <= last.at.PlusSeconds(grace) ? &last : nullptr;
}

StatusOr<const ParkingPayment*> ParkingLot::Pay(std::string_view key,
                                                const ParkingQuote& quote,
                                                bool auto_pay) {
  const std::string request = Request(
      "pay", {quote.session, Seconds(quote.at), std::to_string(quote.due.fen()),
              quote.member ? quote.member->value() : ""});
  StatusOr<const Op*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr)
    return &(*replay)->session->payments[(*replay)->payment];
  const auto it = by_id_.find(quote.session);
  if (it == by_id_.end() || it->second->exit) {
    return FailedPrecondition("no open stay " + quote.session);
  }
  ParkingSession& s = *it->second;
  if (quote.payments_before != static_cast<int32_t>(s.payments.size()) ||
      quote.tariff_version != s.tariff_version || quote.at < s.entry) {
    return FailedPrecondition("the quote is stale: quote again");
  }
  ParkingPayment& p = s.payments.emplace_back();
  p.key = std::string(key);
  p.at = quote.at;
  p.amount = quote.due;
  p.member = quote.member;
  p.auto_pay = auto_pay;
  p.use = quote.use;
  p.business_day = calendar_.BusinessDateOf(quote.at).DayNumber();
  ops_.emplace(std::string(key), Op{request, &s, s.payments.size() - 1});
  return &p;
}

StatusOr<const ParkingSession*> ParkingLot::Exit(
    std::string_view key, std::string_view plate_text, Timestamp at,
    const MemberBenefits* auto_payer) {
  StatusOr<Plate> plate = Plate::Parse(plate_text);
  if (!plate.ok()) return plate.status();
  return Exit(key, *plate, at, auto_payer);
}

StatusOr<const ParkingSession*> ParkingLot::Exit(
    std::string_view key, const Plate& plate, Timestamp at,
    const MemberBenefits* auto_payer) {
  const std::string request = Request("exit", {plate.text(), Seconds(at)});
  StatusOr<const Op*> replay = Replay(key, request);
  if (!replay.ok()) return replay.status();
  if (*replay != nullptr) return (*replay)->session;
  ParkingSession* s = FindOpen(plate);
  if (s == nullptr) return NotParked(plate);
  if (at < s->entry) return InvalidArgument("an exit before the car entered");
  if (PaidWithinGrace(*s, at) == nullptr) {
    StatusOr<ParkingQuote> q = QuoteOpen(*s, nullptr, at);
    if (!q.ok()) return q.status();
    if (q->due.fen() > 0) {
      if (auto_payer == nullptr) {
        return FailedPrecondition(q->due.ToString() +
                                  " is due: pay at a kiosk or in the app");
      }
      q = QuoteOpen(*s, auto_payer, at);
      if (!q.ok()) return q.status();
      StatusOr<const ParkingPayment*> paid =
          Pay(std::string(key) + ":autopay", *q, true);
      if (!paid.ok()) return paid.status();
    }
  }
  s->exit = at;
  open_.erase(open_.find(s->plate.text()));
  ops_.emplace(std::string(key), Op{request, s, 0});
  return s;
}

StatusOr<std::string> ParkingLot::FindCar(std::string_view plate_text) const {
  StatusOr<Plate> plate = Plate::Parse(plate_text);
  if (!plate.ok()) return plate.status();
  StatusOr<ParkingSession*> s = Parked(*plate);
  if (!s.ok()) return s.status();
  if ((*s)->bay.empty())
    return NotFound("the lot did not report where it parked");
  return (*s)->bay;
}

}  // namespace atrium
