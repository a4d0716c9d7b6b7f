#include "atrium/store/reports.h"

namespace atrium::store {

StatusOr<std::vector<TenantSales>> SalesByTenant(Db& db) {
  StatusOr<Statement*> s = db.Prepare(
      "SELECT mall_id, store_id, count(*), sum(total_fen), "
      "sum(refunded_fen), sum(points) FROM receipts "
      "GROUP BY mall_id, store_id ORDER BY mall_id, store_id");
  if (!s.ok()) return s.status();
  std::vector<TenantSales> out;
  ATRIUM_RETURN_IF_ERROR((*s)->ForEach([&](Statement& row) {
    out.push_back({std::string(row.Text(0)), std::string(row.Text(1)),
                   row.Int(2), row.Int(3), row.Int(4), row.Int(5)});
  }));
  return out;
}

StatusOr<std::vector<CouponCount>> CouponsByTemplate(Db& db) {
  StatusOr<Statement*> s = db.Prepare(
      "SELECT template_id, status, count(*) FROM coupons "
      "GROUP BY template_id, status ORDER BY template_id, status");
  if (!s.ok()) return s.status();
  std::vector<CouponCount> out;
  ATRIUM_RETURN_IF_ERROR((*s)->ForEach([&](Statement& row) {
    out.push_back(
        {std::string(row.Text(0)), std::string(row.Text(1)), row.Int(2)});
  }));
  return out;
}

StatusOr<std::vector<std::string>> CouponTemplateBodies(Db& db) {
  StatusOr<Statement*> s =
      db.Prepare("SELECT body FROM coupon_templates ORDER BY id");
  if (!s.ok()) return s.status();
  std::vector<std::string> out;
  ATRIUM_RETURN_IF_ERROR(
      (*s)->ForEach([&](Statement& row) { out.emplace_back(row.Text(0)); }));
  return out;
}

StatusOr<std::vector<BoundPlate>> PlatesOf(Db& db, const MemberId& member) {
  StatusOr<Statement*> s = db.Prepare(
      "SELECT value, display FROM identities WHERE member_id = ? AND kind "
      "= 'plate' ORDER BY since");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, member.value());
  std::vector<BoundPlate> out;
  ATRIUM_RETURN_IF_ERROR((*s)->ForEach([&](Statement& row) {
    out.push_back({std::string(row.Text(0)), std::string(row.Text(1))});
  }));
  return out;
}

}  // namespace atrium::store
