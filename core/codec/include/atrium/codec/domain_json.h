// JSON forms of receipts, ledger entries and what the core computes from
// them (earn results, statements, audits). Documented in shared/formats/.
#ifndef ATRIUM_CODEC_DOMAIN_JSON_H_
#define ATRIUM_CODEC_DOMAIN_JSON_H_

#include <vector>

#include "atrium/codec/json_reader.h"
#include "atrium/members/account.h"
#include "atrium/members/receipt.h"
#include "atrium/points/audit.h"
#include "atrium/points/earning.h"
#include "atrium/points/ledger.h"
#include "atrium/points/statement.h"

namespace atrium::codec {

inline constexpr size_t kMaxLedgerEntries = 100'000;

// Decodes and validates a receipt.
StatusOr<Receipt> ReceiptFromJson(const Json& j);
Json ReceiptToJson(const Receipt& r);

// Decodes entries as stored; FromEntries or AuditEntries checks them.
StatusOr<std::vector<LedgerEntry>> EntriesFromJson(const Json& j);
Json EntryToJson(const LedgerEntry& e);

// The earn result for `receipt`, with rule ids and names from `policy`.
Json EarnResultToJson(const EarningPolicy& policy, const Receipt& receipt,
                      const EarnResult& r);
// A statement; lots and entries carry times in UTC and in `calendar`.
Json StatementToJson(const Statement& s, const LocalCalendar& calendar);
Json AuditToJson(const AuditReport& report);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_DOMAIN_JSON_H_
