#include "atrium/store/projection.h"

#include "atrium/codec/json_writer.h"

namespace atrium::store {
namespace {

Status InsertMember(Db& db, const Member& m) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO members(id, group_id, name, birthday, consent_marketing, "
      "consent_profiling, registered_at, erased_at) VALUES (?, ?, ?, ?, ?, "
      "?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, m.id.value())
      .Bind(2, m.group.value())
      .Bind(3, m.profile.name)
      .Bind(5, int64_t{m.consents.marketing})
      .Bind(6, int64_t{m.consents.profiling})
      .Bind(7, m.registered_at.unix_seconds());
  if (m.profile.birthday) {
    (*s)->Bind(4, ToString(*m.profile.birthday));
  } else {
    (*s)->BindNull(4);
  }
  if (m.erased_at) {
    (*s)->Bind(8, m.erased_at->unix_seconds());
  } else {
    (*s)->BindNull(8);
  }
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  if (m.phone.empty()) return Status::Ok();  // registered erased
  StatusOr<Statement*> id = db.Prepare(
      "INSERT INTO identities(kind, value, member_id, since) "
      "VALUES ('phone', ?, ?, ?)");
  if (!id.ok()) return id.status();
  (*id)
      ->Bind(1, m.phone.digits())
      .Bind(2, m.id.value())
      .Bind(3, m.registered_at.unix_seconds());
  return (*id)->Run();
}

Status InsertEntry(Db& db, const MemberId& member, std::string_view op_id,
                   const LedgerEntry& e) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO ledger_entries(member_id, seq, key, kind, at, points, "
      "requested, target, shortfall, usable_from, expires_at, ref, note, "
      "op_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->BindRef(1, member.value())
      .Bind(2, e.seq)
      .BindRef(3, e.key)
      .BindRef(4, EntryKindName(e.kind))
      .Bind(5, e.at.unix_seconds())
      .Bind(6, e.points)
      .Bind(7, e.requested)
      .Bind(8, e.target)
      .Bind(9, e.shortfall)
      .BindRef(12, e.ref)
      .BindRef(13, e.note)
      .BindRef(14, op_id);
  // An entry that adds points is a lot (it has an expiry); draws take
  // from it.
  if (e.points > 0 && e.kind != EntryKind::kReverse) {
    (*s)->Bind(10, e.usable_from.unix_seconds())
        .Bind(11, e.expires_at.unix_seconds());
  } else {
    (*s)->BindNull(10).BindNull(11);
  }
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  for (const Draw& d : e.draws) {
    StatusOr<Statement*> draw = db.Prepare(
        "INSERT INTO ledger_draws(member_id, seq, lot, points) "
        "VALUES (?, ?, ?, ?)");
    if (!draw.ok()) return draw.status();
    (*draw)
        ->Bind(1, member.value())
        .Bind(2, e.seq)
        .Bind(3, d.lot)
        .Bind(4, d.points);
    ATRIUM_RETURN_IF_ERROR((*draw)->Run());
  }
  return Status::Ok();
}

// An earn inserts its receipt; a refund (never of nothing) updates it.
Status SaveReceipt(Db& db, std::string_view op_id, const ReceiptRecord& r) {
  if (r.refunded.fen() > 0) {
    StatusOr<Statement*> s = db.Prepare(
        "UPDATE receipts SET refunded_fen = ? WHERE mall_id = ? AND id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, r.refunded.fen())
        .Bind(2, r.receipt.mall.value())
        .Bind(3, r.receipt.id.value());
    return (*s)->Run();
  }
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO receipts(mall_id, id, member_id, store_id, at, total_fen, "
      "points, op_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->BindRef(1, r.receipt.mall.value())
      .BindRef(2, r.receipt.id.value())
      .BindRef(3, r.receipt.member.value())
      .BindRef(4, r.receipt.store.value())
      .Bind(5, r.receipt.at.unix_seconds())
      .Bind(6, r.receipt.Total().fen())
      .Bind(7, r.points)
      .BindRef(8, op_id);
  return (*s)->Run();
}

Status InsertTemplate(Db& db, const CouponTemplate& t,
                      const codec::Json& body) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO coupon_templates(id, mall_id, body) VALUES (?, ?, ?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, t.id.value())
      .Bind(2, t.mall.value())
      .Bind(3, codec::CompactJson(body));
  return (*s)->Run();
}

// A coupon as it now stands, and the event that made it so.
Status SaveCoupon(Db& db, std::string_view op_id, const CouponInstance& c,
                  const CouponEvent& e) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO coupons(id, template_id, owner, status, valid_from, "
      "valid_until, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET status = excluded.status");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, c.id.value())
      .Bind(2, c.template_id.value())
      .Bind(3, c.owner.value())
      .Bind(4, CouponStatusName(c.status))
      .Bind(5, c.valid_from.unix_seconds())
      .Bind(6, c.valid_until.unix_seconds())
      .Bind(7, c.issued_at.unix_seconds());
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  StatusOr<Statement*> ev = db.Prepare(
      "INSERT INTO coupon_events(coupon_id, seq, key, op, at, status, body, "
      "op_id) VALUES (?, ?, ?, ?, ?, ?, '{}', ?)");
  if (!ev.ok()) return ev.status();
  (*ev)
      ->Bind(1, c.id.value())
      .Bind(2, e.seq)
      .Bind(3, e.key)
      .Bind(4, CouponOpName(e.op))
      .Bind(5, e.at.unix_seconds())
      .Bind(6, CouponStatusName(e.status_after))
      .Bind(7, op_id);
  return (*ev)->Run();
}

// A plate proven by the licence moves from whoever held it.
Status InsertIdentity(Db& db, const sync::Identity& identity,
                      const MemberId& member, Timestamp now) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO identities(kind, value, member_id, since, display) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind, value) DO UPDATE SET "
      "member_id = excluded.member_id, since = excluded.since, display = "
      "excluded.display WHERE identities.member_id <> excluded.member_id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, identity.kind)
      .Bind(2, identity.value)
      .Bind(3, member.value())
      .Bind(4, now.unix_seconds());
  if (identity.display.empty()) {
    (*s)->BindNull(5);
  } else {
    (*s)->Bind(5, identity.display);
  }
  return (*s)->Run();
}

Status UpdateMember(Db& db, const Member& m) {
  StatusOr<Statement*> s = db.Prepare(
      "UPDATE members SET name = ?, birthday = ?, consent_marketing = ?, "
      "consent_profiling = ? WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, m.profile.name)
      .Bind(3, int64_t{m.consents.marketing})
      .Bind(4, int64_t{m.consents.profiling})
      .Bind(5, m.id.value());
  if (m.profile.birthday) {
    (*s)->Bind(2, ToString(*m.profile.birthday));
  } else {
    (*s)->BindNull(2);
  }
  return (*s)->Run();
}

// The member's personal data out of the tables: the profile, and every
// identity (the phone's too).
Status EraseMember(Db& db, const Member& m) {
  StatusOr<Statement*> s = db.Prepare(
      "UPDATE members SET name = '', birthday = NULL, consent_marketing = 0, "
      "consent_profiling = 0, erased_at = ? WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, m.erased_at->unix_seconds()).Bind(2, m.id.value());
  ATRIUM_RETURN_IF_ERROR((*s)->Run());
  StatusOr<Statement*> ids =
      db.Prepare("DELETE FROM identities WHERE member_id = ?");
  if (!ids.ok()) return ids.status();
  (*ids)->Bind(1, m.id.value());
  return (*ids)->Run();
}

Status DeleteIdentity(Db& db, const sync::Identity& identity,
                      const MemberId& member) {
  StatusOr<Statement*> s = db.Prepare(
      "DELETE FROM identities WHERE kind = ? AND value = ? AND member_id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, identity.kind).Bind(2, identity.value).Bind(3, member.value());
  return (*s)->Run();
}

// A parking stay as it now stands, its payments in `body`. The plate is
// keyed (Plate::Keyed): its text is the server's hash, never the plate.
Status SaveParkingSession(Db& db, const MallId& mall,
                          const ParkingSession& session) {
  codec::Json payments = codec::Json::array();
  int64_t paid = 0;
  for (const ParkingPayment& p : session.payments) {
    paid += p.amount.fen();
    codec::Json j = {{"key", p.key},
                     {"at", p.at.unix_seconds()},
                     {"amount_fen", p.amount.fen()},
                     {"tier_minutes", p.use.tier_minutes},
                     {"spend_minutes", p.use.spend_minutes},
                     {"coupon_minutes", p.use.coupon_minutes},
                     {"points_minutes", p.use.points_minutes},
                     {"points", p.use.points},
                     {"coupon_amount_fen", p.use.coupon_amount.fen()},
                     {"business_day", p.business_day}};
    if (p.member) j["member_id"] = p.member->value();
    payments.push_back(std::move(j));
  }
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO parking_sessions(id, mall_id, plate_hash, plate_masked, "
      "entry_at, exit_at, zone, paid_fen, body) VALUES (?, ?, ?, ?, ?, ?, ?, "
      "?, ?) ON CONFLICT(id) DO UPDATE SET exit_at = excluded.exit_at, "
      "paid_fen = excluded.paid_fen, body = excluded.body");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, session.id)
      .Bind(2, mall.value())
      .Bind(3, session.plate.text())
      .Bind(4, session.plate.Masked())
      .Bind(5, session.entry.unix_seconds())
      .Bind(8, paid)
      .Bind(9, codec::Json{{"vehicle", VehicleClassName(session.vehicle)},
                           {"payments", std::move(payments)}}
                   .dump());
  if (session.exit) {
    (*s)->Bind(6, session.exit->unix_seconds());
  } else {
    (*s)->BindNull(6);
  }
  if (session.bay.empty()) {
    (*s)->BindNull(7);
  } else {
    (*s)->Bind(7, session.bay);
  }
  return (*s)->Run();
}

// An escrow as it now stands: its grant and what is left of it.
Status SaveEscrow(Db& db, const Escrow& e, int64_t now) {
  StatusOr<Statement*> s = db.Prepare(
      "INSERT INTO escrows(id, device_id, granted_at, expires_at, "
      "returned_at, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO "
      "UPDATE SET returned_at = excluded.returned_at, body = excluded.body");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, e.grant().id)
      .Bind(2, e.grant().device)
      .Bind(3, now)
      .Bind(4, e.grant().expires_at.unix_seconds())
      .Bind(6, codec::CompactJson(sync::EscrowJson(e)));
  if (e.open()) {
    (*s)->BindNull(5);
  } else {
    (*s)->Bind(5, now);
  }
  return (*s)->Run();
}

}  // namespace

Status ProjectTierChanges(Db& db, std::string_view op_id,
                          const MemberId& member,
                          std::span<const TierChange> changes) {
  for (const TierChange& c : changes) {
    StatusOr<Statement*> s = db.Prepare(
        "INSERT INTO tier_history(member_id, at, tier_id, reason, op_id) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!s.ok()) return s.status();
    (*s)->BindRef(1, member.value())
        .Bind(2, c.at.unix_seconds())
        .BindRef(3, c.to.value())
        .BindRef(4, c.reason)
        .BindRef(5, op_id);
    ATRIUM_RETURN_IF_ERROR((*s)->Run());
  }
  return Status::Ok();
}

Status SaveTiers(Db& db, const TierPolicy& tiers) {
  for (size_t rank = 0; rank < tiers.levels.size(); ++rank) {
    const TierLevel& level = tiers.levels[rank];
    StatusOr<Statement*> s = db.Prepare(
        "INSERT INTO tiers(id, rank, name) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET rank = excluded.rank, "
        "name = excluded.name");
    if (!s.ok()) return s.status();
    (*s)->BindRef(1, level.id.value())
        .Bind(2, static_cast<int64_t>(rank))
        .BindRef(3, level.name);
    ATRIUM_RETURN_IF_ERROR((*s)->Run());
  }
  return Status::Ok();
}

Status Project(Db& db, std::string_view op_id, const sync::Effects& fx,
               Timestamp now) {
  if (fx.registered) ATRIUM_RETURN_IF_ERROR(InsertMember(db, *fx.registered));
  for (const LedgerEntry& e : fx.entries) {
    ATRIUM_RETURN_IF_ERROR(InsertEntry(db, *fx.member, op_id, e));
  }
  for (const auto& [member, entries] : fx.member_entries) {
    for (const LedgerEntry& e : entries) {
      ATRIUM_RETURN_IF_ERROR(InsertEntry(db, member, op_id, e));
    }
  }
  if (fx.receipt) {
    ATRIUM_RETURN_IF_ERROR(SaveReceipt(db, op_id, *fx.receipt));
  }
  if (fx.coupon_template) {
    ATRIUM_RETURN_IF_ERROR(
        InsertTemplate(db, *fx.coupon_template, *fx.coupon_template_json));
  }
  if (fx.coupon) {
    ATRIUM_RETURN_IF_ERROR(SaveCoupon(db, op_id, *fx.coupon, *fx.coupon_event));
  }
  if (fx.identity) {
    ATRIUM_RETURN_IF_ERROR(InsertIdentity(db, *fx.identity, *fx.member, now));
  }
  if (fx.updated) ATRIUM_RETURN_IF_ERROR(UpdateMember(db, *fx.updated));
  if (fx.erased) ATRIUM_RETURN_IF_ERROR(EraseMember(db, *fx.erased));
  if (fx.tiers) ATRIUM_RETURN_IF_ERROR(SaveTiers(db, *fx.tiers));
  if (fx.parking_session) {
    ATRIUM_RETURN_IF_ERROR(
        SaveParkingSession(db, *fx.parking_mall, *fx.parking_session));
  }
  if (fx.unlinked) {
    ATRIUM_RETURN_IF_ERROR(DeleteIdentity(db, *fx.unlinked, *fx.member));
  }
  if (fx.escrow) {
    ATRIUM_RETURN_IF_ERROR(SaveEscrow(db, *fx.escrow, now.unix_seconds()));
  }
  return Status::Ok();
}

}  // namespace atrium::store
