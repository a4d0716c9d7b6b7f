// Writes what an applied operation changed into the store's tables
// (members, identities, ledger entries, draws and lots, receipts, coupon
// templates, coupons and their events, escrows), at `now`, inside
// the caller's transaction. The tables are derived from the operation log:
// they serve queries and pulls, and an audit can check them against it.
#ifndef ATRIUM_STORE_PROJECTION_H_
#define ATRIUM_STORE_PROJECTION_H_

#include <string_view>

#include "atrium/store/sqlite.h"
#include "atrium/sync/apply.h"

namespace atrium::store {

Status Project(Db& db, std::string_view op_id, const sync::Effects& fx,
               Timestamp now);

}  // namespace atrium::store

#endif  // ATRIUM_STORE_PROJECTION_H_
