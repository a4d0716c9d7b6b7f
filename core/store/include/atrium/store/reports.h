// What the API reads of the store's tables (schema.cc) to answer
// operators and members: named queries, tested here, so no HTTP handler
// knows the schema. Each reads the projection as it stands.
#ifndef ATRIUM_STORE_REPORTS_H_
#define ATRIUM_STORE_REPORTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/status.h"
#include "atrium/store/sqlite.h"

namespace atrium::store {

// Members' receipts by mall and store (tenant).
struct TenantSales {
  std::string mall;
  std::string store;
  int64_t receipts = 0;
  int64_t spend_fen = 0;
  int64_t refunded_fen = 0;
  int64_t points = 0;
};
StatusOr<std::vector<TenantSales>> SalesByTenant(Db& db);

// Coupons by template and status (claimed, redeemed, expired...).
struct CouponCount {
  std::string template_id;
  std::string status;
  int64_t coupons = 0;
};
StatusOr<std::vector<CouponCount>> CouponsByTemplate(Db& db);

// The coupon templates as configured (their JSON), by id.
StatusOr<std::vector<std::string>> CouponTemplateBodies(Db& db);

// A member's proven plates, in the order they were bound: the keyed hash
// (the plate's id) and the masked display.
struct BoundPlate {
  std::string id;
  std::string display;
};
StatusOr<std::vector<BoundPlate>> PlatesOf(Db& db, const MemberId& member);

}  // namespace atrium::store

#endif  // ATRIUM_STORE_REPORTS_H_
