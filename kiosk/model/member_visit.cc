#include "model/member_visit.h"

namespace atrium::kiosk {

Status MemberVisit::Fail(Status s) {
  error_ = s;
  scan_failed_ = false;
  return s;
}

Status MemberVisit::SignIn(std::string_view code) {
  StatusOr<KioskMember> m = desk_.SignIn(code);
  if (!m.ok()) {
    error_ = m.status();
    scan_failed_ = true;
    return error_;
  }
  SignOut();
  member_ = std::move(*m);
  offers_ = desk_.Offers(member_->id);
  return Status::Ok();
}

Status MemberVisit::Take(const TemplateId& offer) {
  if (!member_) return Fail(FailedPrecondition("scan your member code first"));
  const Offer* o = nullptr;
  for (const Offer& x : offers_) {
    if (x.id == offer) o = &x;
  }
  if (o == nullptr) return Fail(NotFound("no such coupon here"));
  if (!o->can.ok()) return Fail(o->can);
  StatusOr<std::string> op = desk_.Take(member_->id, offer);
  if (!op.ok()) return Fail(op.status());
  taken_.emplace_back(o->name, std::move(*op));
  error_ = Status::Ok();
  Refresh();
  return Status::Ok();
}

void MemberVisit::SignOut() {
  if (member_) desk_.SignOut(member_->id);
  member_.reset();
  offers_.clear();
  taken_.clear();
  error_ = Status::Ok();
  scan_failed_ = false;
}

void MemberVisit::Refresh() {
  if (!member_) return;
  // Held by the kiosk only once its history came; until then the card the
  // sign-in gave stands.
  if (StatusOr<KioskMember> m = desk_.Member(member_->id); m.ok()) {
    member_ = std::move(*m);
  }
  offers_ = desk_.Offers(member_->id);
}

std::vector<MemberVisit::Taken> MemberVisit::taken() const {
  std::vector<Taken> out;
  for (auto it = taken_.rbegin(); it != taken_.rend(); ++it) {
    out.push_back({it->first, desk_.OutcomeOf(it->second)});
  }
  return out;
}

}  // namespace atrium::kiosk
