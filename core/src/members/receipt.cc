#include "atrium/members/receipt.h"

namespace atrium {

Money Receipt::Total() const {
  Money total;
  for (const ReceiptLine& line : lines) total += line.amount;
  return total;
}

std::string Receipt::KeyOf(const MallId& mall, const ReceiptId& id) {
  return "receipt:" + mall.value() + ":" + id.value();
}

Status ValidateReceipt(const Receipt& r) {
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.id.value(), "receipt id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.mall.value(), "mall id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.store.value(), "store id"));
  ATRIUM_RETURN_IF_ERROR(ValidateId(r.member.value(), "member id"));
  ATRIUM_RETURN_IF_ERROR(CheckTimeInRange(r.at, "receipt time"));
  if (r.lines.empty()) return InvalidArgument("receipt has no lines");
  if (r.lines.size() > kMaxReceiptLines) {
    return InvalidArgument("receipt has more than 200 lines");
  }
  Money total;
  for (const ReceiptLine& line : r.lines) {
    if (line.category.empty() || line.category.size() > kMaxCategoryLength) {
      return InvalidArgument("line category must have 1 to 32 bytes");
    }
    if (line.amount.is_negative()) {
      return InvalidArgument("line amount is negative: " +
                             line.amount.ToString());
    }
    if (line.amount > kMaxAmount) {
      return OutOfRange("line amount is over the limit of ¥100000000.00");
    }
    total += line.amount;  // cannot overflow: 200 lines of at most 1e10 fen
  }
  if (total.is_zero()) return InvalidArgument("receipt total is zero");
  if (total > kMaxAmount) {
    return OutOfRange("receipt total is over the limit of ¥100000000.00");
  }
  return Status::Ok();
}

}  // namespace atrium
