// Writes what an applied operation changed into the store's tables
// (members, identities, ledger entries, draws and lots, receipts, coupon
// templates, coupons and their events, escrows; the log adds tier changes),
// at `now`, inside the caller's transaction. The tables are derived from
// the operation log: they serve queries and pulls, and an audit can check
// them against it.
#ifndef ATRIUM_STORE_PROJECTION_H_
#define ATRIUM_STORE_PROJECTION_H_

#include <span>
#include <string_view>

#include "atrium/store/sqlite.h"
#include "atrium/sync/apply.h"

namespace atrium::store {

Status Project(Db& db, std::string_view op_id, const sync::Effects& fx,
               Timestamp now);
// Appends a member's tier changes to the tier history.
Status ProjectTierChanges(Db& db, std::string_view op_id,
                          const MemberId& member,
                          std::span<const TierChange> changes);
// Writes the programme's tiers (their ids, ranks and names), which the tier
// history refers to.
Status SaveTiers(Db& db, const TierPolicy& tiers);

}  // namespace atrium::store

#endif  // ATRIUM_STORE_PROJECTION_H_
