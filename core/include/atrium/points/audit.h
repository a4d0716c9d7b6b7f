// The ledger audit: recomputes a member's lots and balance from the entries
// alone and reports every place where they break the ledger's contract (see
// ledger.h) or disagree with the lots the ledger holds.
//
// It trusts nothing but the entries, so it also checks data restored from
// storage or received from another device.
#ifndef ATRIUM_POINTS_AUDIT_H_
#define ATRIUM_POINTS_AUDIT_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "atrium/points/ledger_entry.h"

namespace atrium {

struct AuditFinding {
  int64_t seq = 0;  // the entry at fault; 0 for the ledger as a whole
  std::string problem;
};

struct AuditReport {
  std::vector<AuditFinding> findings;
  int64_t total = 0;  // the sum of all entries' points
  bool clean() const { return findings.empty(); }
};

// Checks `entries`; when `claimed` is given, also compares the recomputed
// lots with it, field by field.
AuditReport AuditEntries(std::span<const LedgerEntry> entries,
                         const std::vector<Lot>* claimed);

class PointsLedger;
// The ledger's entries, and its lots against them.
AuditReport Audit(const PointsLedger& ledger);

}  // namespace atrium

#endif  // ATRIUM_POINTS_AUDIT_H_
