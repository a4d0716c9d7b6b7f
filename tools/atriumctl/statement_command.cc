// atriumctl statement: balance, lots and expiries of a stored ledger, after
// an audit of its entries.
#include "atrium/codec/domain_json.h"
#include "atrium/points/audit.h"
#include "atrium/points/ledger.h"
#include "atrium/points/statement.h"
#include "cli.h"

namespace atrium::cli {
namespace {

// Exit code when the ledger itself is inconsistent.
constexpr int kAuditFailed = 3;

}  // namespace

int StatementCommand(const Flags& flags) {
  StatusOr<codec::Json> request = ReadInput(flags);
  if (!request.ok()) return Fail(request.status());

  codec::JsonReader r(*request, "request");
  const Timestamp at = r.Time("at");
  StatusOr<int32_t> offset =
      codec::ParseUtcOffset(r.OptStr("utc_offset", "+08:00"));
  if (!offset.ok()) r.Fail("utc_offset", offset.status().message());
  const codec::Json* entries_json = r.Raw("entries", true);
  r.Finish();
  if (!r.ok()) return Fail(r.status());
  StatusOr<std::vector<LedgerEntry>> entries =
      codec::EntriesFromJson(*entries_json);
  if (!entries.ok()) return Fail(entries.status());

  const AuditReport audit = AuditEntries(*entries, nullptr);
  if (!audit.clean()) {
    PrintJson({{"audit", codec::AuditToJson(audit)}});
    return kAuditFailed;
  }
  StatusOr<PointsLedger> ledger =
      PointsLedger::FromEntries(std::move(*entries));
  if (!ledger.ok()) return Fail(ledger.status());
  const LocalCalendar calendar = *LocalCalendar::Create(*offset, 0);
  codec::Json out =
      codec::StatementToJson(BuildStatement(*ledger, at), calendar);
  out["audit"] = codec::AuditToJson(Audit(*ledger));
  return PrintJson(out);
}

}  // namespace atrium::cli
