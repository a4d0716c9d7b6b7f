// The console's reports, for every operator role (finance reads only
// these): points liability, sales by tenant, coupons by template.
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/store/sqlite.h"

namespace atrium::server {
namespace {

const std::set<Role> kAnyRole = {Role::kAdmin, Role::kMarketing,
                                 Role::kFinance};

// Points issued, redeemed, expired, reversed and outstanding, group-wide.
void PointsLiability(ApiContext& ctx, const Request& req, const PathParams&,
                     const Respond& respond) {
  Response error;
  StatusOr<Caller> op = ctx.Operator(req, kAnyRole, error);
  if (!op.ok()) return respond(error);
  const Timestamp now = ctx.service.Now();
  codec::Json out = ctx.service.ReadState([&](const sync::GroupState& s) {
    int64_t issued = 0, spent = 0, expired = 0, reversed = 0, adjusted = 0;
    int64_t usable = 0, pending = 0;
    for (const auto& [id, account] : s.accounts) {
      for (const LedgerEntry& e : account.ledger().entries()) {
        switch (e.kind) {
          case EntryKind::kEarn: issued += e.points; break;
          case EntryKind::kSpend: spent -= e.points; break;
          case EntryKind::kExpire: expired -= e.points; break;
          case EntryKind::kReverse: reversed -= e.points; break;
          case EntryKind::kAdjust: adjusted += e.points; break;
        }
      }
      const Balance b = account.ledger().BalanceAt(now);
      usable += b.usable;
      pending += b.pending;
    }
    return codec::Json{{"issued", issued},
                       {"redeemed", spent},
                       {"expired", expired},
                       {"reversed", reversed},
                       {"adjusted", adjusted},
                       {"outstanding_usable", usable},
                       {"outstanding_pending", pending},
                       {"members", s.accounts.size()},
                       {"as_of", FormatIso8601(now)}};
  });
  respond(JsonResponse(200, out));
}

// Runs `sql` and answers its rows as objects named by `columns` (all
// integers but the first `text_columns`).
Response Rows(ApiContext& ctx, std::string_view sql,
              const std::vector<std::string>& columns, size_t text_columns) {
  return ctx.service.WithLog([&](store::OpLog& log) {
    StatusOr<store::Statement*> s = log.db().Prepare(sql);
    if (!s.ok()) return StatusResponse(s.status());
    codec::Json rows = codec::Json::array();
    Status read = (*s)->ForEach([&](store::Statement& row) {
      codec::Json r;
      for (size_t i = 0; i < columns.size(); ++i) {
        const int c = static_cast<int>(i);
        if (i < text_columns) {
          r[columns[i]] = std::string(row.Text(c));
        } else {
          r[columns[i]] = row.Int(c);
        }
      }
      rows.push_back(std::move(r));
    });
    if (!read.ok()) return StatusResponse(read);
    return JsonResponse(200, {{"rows", rows}});
  });
}

// Members' receipts by mall and store (tenant): count, spend, refunds,
// points given.
void SalesByTenant(ApiContext& ctx, const Request& req, const PathParams&,
                   const Respond& respond) {
  Response error;
  if (!ctx.Operator(req, kAnyRole, error).ok()) return respond(error);
  respond(Rows(ctx,
               "SELECT mall_id, store_id, count(*), sum(total_fen), "
               "sum(refunded_fen), sum(points) FROM receipts "
               "GROUP BY mall_id, store_id ORDER BY mall_id, store_id",
               {"mall_id", "store_id", "receipts", "spend_fen", "refunded_fen",
                "points"},
               2));
}

// Coupons by template and status: how many were claimed, redeemed, expired.
void CouponsByTemplate(ApiContext& ctx, const Request& req, const PathParams&,
                       const Respond& respond) {
  Response error;
  if (!ctx.Operator(req, kAnyRole, error).ok()) return respond(error);
  respond(Rows(ctx,
               "SELECT template_id, status, count(*) FROM coupons "
               "GROUP BY template_id, status ORDER BY template_id, status",
               {"template_id", "status", "coupons"}, 2));
}

}  // namespace

void AddReportRoutes(Router& r, ApiContext& ctx) {
  using namespace std::placeholders;
  r.Add("GET", "/api/v1/operator/reports/sales-by-tenant",
        std::bind(SalesByTenant, std::ref(ctx), _1, _2, _3));
  r.Add("GET", "/api/v1/operator/reports/coupons-by-template",
        std::bind(CouponsByTemplate, std::ref(ctx), _1, _2, _3));
  r.Add("GET", "/api/v1/operator/reports/points-liability",
        std::bind(PointsLiability, std::ref(ctx), _1, _2, _3));
}

}  // namespace atrium::server
