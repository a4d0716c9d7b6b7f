// The console's reports, for every operator role (finance reads only
// these): points liability, sales by tenant, coupons by template, parking
// revenue and benefits.
#include "api/access.h"
#include "api/json_response.h"
#include "api/routes.h"
#include "atrium/store/reports.h"
#include "atrium/store/sqlite.h"

namespace atrium::server {
namespace {

// What the reports use.
struct Uses {
  Service& service;
};

using sync::PaymentStatus;

// Points issued, redeemed, expired, reversed and outstanding, group-wide.
void PointsLiability(const Uses& ctx, const Caller&, const Request&,
                     const Respond& respond) {
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

// Members' receipts by mall and store (tenant): count, spend, refunds,
// points given.
void SalesByTenant(const Uses& ctx, const Caller&, const Request&,
                   const Respond& respond) {
  // On a reader of its own: a report never waits for the writer.
  StatusOr<Response> out = ctx.service.Read([](store::Db& db) {
    StatusOr<std::vector<store::TenantSales>> sales = store::SalesByTenant(db);
    if (!sales.ok()) return StatusResponse(sales.status());
    codec::Json rows = codec::Json::array();
    for (const store::TenantSales& t : *sales) {
      rows.push_back({{"mall_id", t.mall},
                      {"store_id", t.store},
                      {"receipts", t.receipts},
                      {"spend_fen", t.spend_fen},
                      {"refunded_fen", t.refunded_fen},
                      {"points", t.points}});
    }
    return JsonResponse(200, {{"rows", rows}});
  });
  respond(out.ok() ? *out : StatusResponse(out.status()));
}

// Coupons by template and status: how many were claimed, redeemed, expired.
void CouponsByTemplate(const Uses& ctx, const Caller&, const Request&,
                       const Respond& respond) {
  StatusOr<Response> out = ctx.service.Read([](store::Db& db) {
    StatusOr<std::vector<store::CouponCount>> counts =
        store::CouponsByTemplate(db);
    if (!counts.ok()) return StatusResponse(counts.status());
    codec::Json rows = codec::Json::array();
    for (const store::CouponCount& c : *counts) {
      rows.push_back({{"template_id", c.template_id},
                      {"status", c.status},
                      {"coupons", c.coupons}});
    }
    return JsonResponse(200, {{"rows", rows}});
  });
  respond(out.ok() ? *out : StatusResponse(out.status()));
}

// Parking by mall and business day: payments, revenue, and the benefits
// given (minutes by kind, points taken, coupon money off). Revenue is what
// settled stays: a fee above zero settles only on the provider's
// confirmation. Money the provider took that settled nothing (a closed
// order, a stay paid meanwhile) is refunded, not revenue: `refunded_fen`
// (sent back) and `refund_due_fen` (on its way), by the day it was paid.
void ParkingRevenue(const Uses& ctx, const Caller&, const Request&,
                    const Respond& respond) {
  struct Day {
    int64_t payments = 0, revenue = 0, tier = 0, spend = 0, coupon = 0,
            points_minutes = 0, points = 0, coupon_off = 0, refunded = 0,
            refund_due = 0;
  };
  codec::Json rows = ctx.service.ReadState([](const sync::GroupState& s) {
    std::map<std::pair<std::string, int64_t>, Day> days;
    for (const auto& [mall, lot] : s.parking) {
      for (const ParkingSession& stay : lot.sessions()) {
        for (const ParkingPayment& p : stay.payments) {
          Day& d = days[{mall.value(), p.business_day}];
          ++d.payments;
          d.revenue += p.amount.fen();
          d.tier += p.use.tier_minutes;
          d.spend += p.use.spend_minutes;
          d.coupon += p.use.coupon_minutes;
          d.points_minutes += p.use.points_minutes;
          d.points += p.use.points;
          d.coupon_off += p.use.coupon_amount.fen();
        }
      }
    }
    for (const auto& [no, o] : s.payments) {
      const bool refunded = o.status == PaymentStatus::kRefunded;
      if (!refunded && o.status != PaymentStatus::kRefundDue) continue;
      const MallId mall(o.settles.value("mall_id", ""));
      const auto lot = s.parking.find(mall);
      if (lot == s.parking.end()) continue;
      Day& d =
          days[{mall.value(),
                lot->second.calendar().BusinessDateOf(o.paid_at).DayNumber()}];
      (refunded ? d.refunded : d.refund_due) += o.amount.fen();
    }
    codec::Json out = codec::Json::array();
    for (const auto& [key, d] : days) {
      out.push_back(
          {{"mall_id", key.first},
           {"business_day", Date::FromDayNumber(key.second).ToString()},
           {"payments", d.payments},
           {"revenue_fen", d.revenue},
           {"tier_minutes", d.tier},
           {"spend_minutes", d.spend},
           {"coupon_minutes", d.coupon},
           {"points_minutes", d.points_minutes},
           {"points", d.points},
           {"coupon_off_fen", d.coupon_off},
           {"refunded_fen", d.refunded},
           {"refund_due_fen", d.refund_due}});
    }
    return out;
  });
  respond(JsonResponse(200, {{"rows", rows}}));
}

}  // namespace

void AddReportRoutes(Router& r, ApiContext& ctx) {
  const Uses uses{ctx.service};
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/reports/sales-by-tenant",
           Operators(kAnyRole), uses, SalesByTenant);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/reports/coupons-by-template",
           Operators(kAnyRole), uses, CouponsByTemplate);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/reports/parking",
           Operators(kAnyRole), uses, ParkingRevenue);
  AddRoute(r, ctx.gate, "GET", "/api/v1/operator/reports/points-liability",
           Operators(kAnyRole), uses, PointsLiability);
}

}  // namespace atrium::server
