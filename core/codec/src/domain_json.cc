#include "atrium/codec/domain_json.h"

namespace atrium::codec {
namespace {

std::string_view CapName(EarnCap cap) {
  switch (cap) {
    case EarnCap::kNone: return "none";
    case EarnCap::kReceipt: return "receipt";
    case EarnCap::kDay: return "day";
    case EarnCap::kMinimum: return "minimum";
  }
  return "none";
}

std::string_view LotStatusName(LotStatus s) {
  switch (s) {
    case LotStatus::kUsable: return "usable";
    case LotStatus::kPending: return "pending";
    case LotStatus::kUsedUp: return "used_up";
    case LotStatus::kExpired: return "expired";
  }
  return "usable";
}

bool ParseKind(std::string_view name, EntryKind* out) {
  for (const EntryKind k :
       {EntryKind::kEarn, EntryKind::kSpend, EntryKind::kExpire,
        EntryKind::kReverse, EntryKind::kAdjust}) {
    if (EntryKindName(k) == name) {
      *out = k;
      return true;
    }
  }
  return false;
}

LedgerEntry ReadEntry(JsonReader& r) {
  LedgerEntry e;
  e.seq = r.Int("seq", 1, static_cast<int64_t>(kMaxLedgerEntries));
  e.key = r.Str("key");
  const std::string kind = r.Str("kind");
  if (r.ok() && !ParseKind(kind, &e.kind)) {
    r.Fail("kind", "must be earn, spend, expire, reverse or adjust");
  }
  e.at = r.Time("at");
  e.points = r.Int("points", -kMaxPointsPerEntry, kMaxPointsPerEntry);
  e.requested = r.Int("requested", -kMaxPointsPerEntry, kMaxPointsPerEntry);
  e.usable_from = r.OptTime("usable_from").value_or(Timestamp());
  e.expires_at = r.OptTime("expires_at").value_or(Timestamp());
  for (JsonReader& d : r.Objects("draws", 100'000, false)) {
    e.draws.push_back(
        {d.Int("lot", 1, static_cast<int64_t>(kMaxLedgerEntries)),
         d.Int("points", -kMaxPointsPerEntry, kMaxPointsPerEntry)});
    d.Finish();
  }
  e.target = r.OptInt("target", 0, 0, static_cast<int64_t>(kMaxLedgerEntries));
  e.shortfall = r.OptInt("shortfall", 0, 0, kMaxPointsPerEntry);
  e.ref = r.OptStr("ref");
  e.note = r.OptStr("note");
  r.Finish();
  return e;
}

}  // namespace

StatusOr<Receipt> ReceiptFromJson(const Json& j) {
  JsonReader r(j, "receipt");
  Receipt out;
  out.id = ReceiptId(r.Str("id"));
  out.mall = MallId(r.Str("mall_id"));
  out.store = StoreId(r.Str("store_id"));
  out.member = MemberId(r.Str("member_id"));
  out.at = r.Time("at");
  for (JsonReader& line : r.Objects("lines", kMaxReceiptLines, true)) {
    out.lines.push_back({line.Str("category"), line.Fen("amount_fen")});
    line.Finish();
  }
  r.Finish();
  ATRIUM_RETURN_IF_ERROR(r.status());
  ATRIUM_RETURN_IF_ERROR(ValidateReceipt(out));
  return out;
}

Json ReceiptToJson(const Receipt& r) {
  Json lines = Json::array();
  for (const ReceiptLine& l : r.lines) {
    lines.push_back({{"category", l.category}, {"amount_fen", l.amount.fen()}});
  }
  return {{"id", r.id.value()},          {"mall_id", r.mall.value()},
          {"store_id", r.store.value()}, {"member_id", r.member.value()},
          {"at", FormatIso8601(r.at)},   {"lines", std::move(lines)}};
}

StatusOr<std::vector<LedgerEntry>> EntriesFromJson(const Json& j) {
  if (!j.is_array()) return InvalidArgument("entries must be an array");
  if (j.size() > kMaxLedgerEntries) {
    return InvalidArgument("more than 100000 ledger entries");
  }
  std::vector<LedgerEntry> out;
  out.reserve(j.size());
  for (size_t i = 0; i < j.size(); ++i) {
    JsonReader r(j[i], "entries[" + std::to_string(i) + "]");
    out.push_back(ReadEntry(r));
    ATRIUM_RETURN_IF_ERROR(r.status());
  }
  return out;
}

Json EntryToJson(const LedgerEntry& e) {
  Json j = {{"seq", e.seq},
            {"key", e.key},
            {"kind", EntryKindName(e.kind)},
            {"at", FormatIso8601(e.at)},
            {"points", e.points},
            {"requested", e.requested}};
  if (e.expires_at != Timestamp()) {
    j["usable_from"] = FormatIso8601(e.usable_from);
    j["expires_at"] = FormatIso8601(e.expires_at);
  }
  if (!e.draws.empty()) {
    Json draws = Json::array();
    for (const Draw& d : e.draws) {
      draws.push_back({{"lot", d.lot}, {"points", d.points}});
    }
    j["draws"] = std::move(draws);
  }
  if (e.kind == EntryKind::kReverse) {
    j["target"] = e.target;
    j["shortfall"] = e.shortfall;
  }
  if (!e.ref.empty()) j["ref"] = e.ref;
  if (!e.note.empty()) j["note"] = e.note;
  return j;
}

Json EarnResultToJson(const EarningPolicy& policy, const Receipt& receipt,
                      const EarnResult& r) {
  Json applied = Json::array();
  for (const uint16_t i : r.applied_rules) {
    applied.push_back(
        {{"id", policy.rules[i].id.value()}, {"name", policy.rules[i].name}});
  }
  Json lines = Json::array();
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const LineEarning& l = r.lines[i];
    Json rules = Json::array();
    for (const uint16_t k : r.RulesOf(l)) {
      rules.push_back(policy.rules[k].id.value());
    }
    lines.push_back({{"category", receipt.lines[i].category},
                     {"amount_fen", l.amount.fen()},
                     {"multiplier_permille", l.multiplier_permille},
                     {"excluded", l.excluded},
                     {"rules", std::move(rules)}});
  }
  return {{"points", r.points},
          {"uncapped_points", r.uncapped_points},
          {"cap", CapName(r.cap)},
          {"usable_from", FormatIso8601(r.usable_from)},
          {"applied_rules", std::move(applied)},
          {"lines", std::move(lines)}};
}

Json StatementToJson(const Statement& s, const LocalCalendar& calendar) {
  Json lots = Json::array();
  for (const LotLine& l : s.lots) {
    lots.push_back({{"lot", l.lot.seq},
                    {"points", l.lot.points},
                    {"remaining", l.lot.remaining},
                    {"usable_from", FormatIso8601(l.lot.usable_from)},
                    {"expires_at", FormatIso8601(l.lot.expires_at)},
                    {"status", LotStatusName(l.status)}});
  }
  Json expiring = Json::array();
  for (const ExpiryLine& e : s.expiring) {
    expiring.push_back(
        {{"expires_at", FormatIso8601(e.expires_at)},
         {"last_usable_day",
          calendar.DateOf(e.expires_at.PlusSeconds(-1)).ToString()},
         {"points", e.points}});
  }
  Json entries = Json::array();
  for (const LedgerEntry* e : s.entries) entries.push_back(EntryToJson(*e));
  return {{"at", FormatIso8601(s.at)},
          {"balance",
           {{"usable", s.balance.usable},
            {"pending", s.balance.pending},
            {"expired_unrecorded", s.balance.expired_unrecorded},
            {"total", s.balance.total()}}},
          {"lots", std::move(lots)},
          {"expiring", std::move(expiring)},
          {"entries", std::move(entries)}};
}

Json AuditToJson(const AuditReport& report) {
  Json findings = Json::array();
  for (const AuditFinding& f : report.findings) {
    findings.push_back({{"seq", f.seq}, {"problem", f.problem}});
  }
  return {{"clean", report.clean()},
          {"total", report.total},
          {"findings", std::move(findings)}};
}

}  // namespace atrium::codec
