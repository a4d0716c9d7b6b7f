#include "model/parking_flow.h"

namespace atrium::kiosk {
namespace {

constexpr size_t kPlateChars = 8;  // 粤BD12345: a new-energy plate

}  // namespace

ParkingFlow::ParkingFlow(ParkingDesk& desk)
    : desk_(desk), keyboard_(KeyboardLayout::kPlate, kPlateChars) {}

Status ParkingFlow::Fail(Status s) {
  error_ = s;
  proof_failed_ = false;
  return s;
}

Status ParkingFlow::EnterPlate(std::string_view text) {
  if (step_ != Step::kPlate) Reset();
  StatusOr<Plate> plate =
      Plate::Parse(text.empty() ? std::string_view(keyboard_.text()) : text);
  if (!plate.ok()) return Fail(plate.status());
  StatusOr<ParkingQuote> q = desk_.Quote(*plate, nullptr, 0);
  if (!q.ok()) return Fail(q.status());
  plate_ = std::move(*plate);
  quote_ = std::move(*q);
  step_ = Step::kQuote;
  error_ = Status::Ok();
  return error_;
}

Status ParkingFlow::FindCar() {
  if (step_ != Step::kPlate) {
    return Fail(FailedPrecondition("find a car from the plate screen"));
  }
  StatusOr<Plate> plate = Plate::Parse(keyboard_.text());
  if (!plate.ok()) return Fail(plate.status());
  StatusOr<std::string> bay = desk_.FindCar(*plate);
  if (!bay.ok()) return Fail(bay.status());
  plate_ = std::move(*plate);
  bay_ = std::move(*bay);
  step_ = Step::kCar;
  error_ = Status::Ok();
  return error_;
}

Status ParkingFlow::Requote() {
  const int64_t points = use_points_ && member_ ? member_->usable_points : 0;
  StatusOr<ParkingQuote> q =
      desk_.Quote(*plate_, member_ ? &member_->id : nullptr, points);
  if (!q.ok()) return Fail(q.status());
  quote_ = std::move(*q);
  error_ = Status::Ok();
  return error_;
}

Status ParkingFlow::ScanMember(std::string_view code) {
  if (step_ != Step::kQuote) {
    return Fail(FailedPrecondition("scan the member code once the fee shows"));
  }
  StatusOr<KioskMember> m = desk_.SignIn(code);
  if (!m.ok()) return Fail(m.status());
  member_ = std::move(*m);
  use_points_ = false;
  plate_proven_ = false;
  return Requote();
}

Status ParkingFlow::ProvePlate(std::string_view ticket) {
  if (step_ != Step::kQuote || !member_) {
    return Fail(FailedPrecondition(
        "scan the member code first, then the entry ticket"));
  }
  Status s = desk_.ProvePlate(*plate_, member_->id, ticket);
  if (!s.ok()) {
    (void)Fail(s);
    proof_failed_ = true;
    return s;
  }
  plate_proven_ = true;
  error_ = Status::Ok();
  return error_;
}

Status ParkingFlow::Scanned(std::string_view text) {
  if (text.starts_with("ATM1.") || !member_) return ScanMember(text);
  return ProvePlate(text);
}

Status ParkingFlow::UsePoints(bool use) {
  if (step_ != Step::kQuote || !member_) {
    return Fail(FailedPrecondition("points need a member signed in"));
  }
  use_points_ = use;
  return Requote();
}

Status ParkingFlow::Pay() {
  if (step_ != Step::kQuote) {
    return Fail(FailedPrecondition("nothing to pay yet"));
  }
  if (!quote_->due.is_zero()) {
    StatusOr<PendingPayment> opened = desk_.OpenPayment(*plate_, *quote_);
    if (!opened.ok()) {
      if (opened.status().code() == StatusCode::kFailedPrecondition) {
        (void)Requote();
      }
      return Fail(opened.status());
    }
    payment_ = std::move(*opened);
    step_ = Step::kPayment;
    error_ = Status::Ok();
    return error_;
  }
  StatusOr<ParkingReceipt> r = desk_.Pay(*plate_, *quote_);
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kFailedPrecondition) {
      (void)Requote();
    }
    return Fail(r.status());
  }
  receipt_ = std::move(*r);
  step_ = Step::kReceipt;
  error_ = Status::Ok();
  return error_;
}

Status ParkingFlow::Poll() {
  if (step_ != Step::kPayment) return Status::Ok();
  StatusOr<std::optional<ParkingReceipt>> paid =
      desk_.PaymentStatus(payment_->order_no);
  if (!paid.ok()) {
    if (paid.status().code() == StatusCode::kFailedPrecondition) {
      CancelPayment();
      (void)Requote();
    }
    return Fail(paid.status());
  }
  if (!paid->has_value()) return Status::Ok();  // still waiting
  receipt_ = std::move(**paid);
  payment_.reset();
  step_ = Step::kReceipt;
  error_ = Status::Ok();
  return error_;
}

void ParkingFlow::CancelPayment() {
  if (step_ != Step::kPayment) return;
  payment_.reset();
  step_ = Step::kQuote;
}

void ParkingFlow::Reset() {
  keyboard_.Clear();
  step_ = Step::kPlate;
  plate_.reset();
  quote_.reset();
  member_.reset();
  use_points_ = false;
  plate_proven_ = false;
  payment_.reset();
  receipt_.reset();
  bay_.clear();
  error_ = Status::Ok();
}

}  // namespace atrium::kiosk
