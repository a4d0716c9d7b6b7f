// A payment order: money the server asked a payment provider (WeChat Pay,
// Alipay, UnionPay; tools/paysim in the demo) to take, and what it pays for.
// A caller's word is never proof of money: the order is paid only when the
// provider's signed confirmation reached the server (confirm_payment, an
// operation only the server sends).
//
// Life of an order (each step an operation, so every replica agrees):
//   open_payment     -> open       the quote it pays is fixed at opening
//   confirm_payment  -> paid       the stay is paid as quoted at opening
//                    -> refund_due the money came, but what it paid for is
//                                  gone (the order had closed, the car left,
//                                  the points were spent meanwhile)
//   close_payment    -> closed     unpaid past its deadline
//   refund_payment   -> refunded   the provider gave the money back
// Reports count the money of paid orders only.
#ifndef ATRIUM_SYNC_PAYMENT_ORDER_H_
#define ATRIUM_SYNC_PAYMENT_ORDER_H_

#include <string>
#include <string_view>

#include "atrium/codec/json_reader.h"
#include "atrium/money.h"
#include "atrium/sync/operation.h"
#include "atrium/time.h"

namespace atrium::sync {

// How long a payment order may stay unpaid by default.
inline constexpr int64_t kPaymentOrderSeconds = int64_t{5} * 60;
// A merchant order number: 6..32 letters, digits, '-' or '_' (what the
// mobile-payment APIs accept).
inline constexpr size_t kMaxOrderNoLength = 32;

enum class PaymentStatus { kOpen, kPaid, kClosed, kRefundDue, kRefunded };
std::string_view PaymentStatusName(PaymentStatus s);

// Who pays: a member in their app, a shopper at a kiosk's QR code, or a
// member's standing agreement at the exit gate (sensorless parking).
enum class Payer { kMember, kKiosk, kAutoPay };
std::string_view PayerName(Payer p);

struct PaymentOrder {  // NOLINT(bugprone-exception-escape): holds a
                       // nlohmann::json
  std::string order_no;
  Payer payer = Payer::kMember;
  Origin origin;        // of the open_payment: who the stay is paid by
  codec::Json settles;  // the park_pay payload it settles, once paid
  Money amount;         // to take
  Timestamp opened;     // the quote's instant
  Timestamp expires;    // unpaid past this: closed
  PaymentStatus status = PaymentStatus::kOpen;
  std::string transaction;  // the provider's, once it confirmed
  Timestamp paid_at;        // as the provider said
  std::string refund_reason;
  std::string refund_no;  // once refunded
};

bool IsOrderNo(std::string_view text);

// {order_no, status, amount_fen, payer, opened_at, expires_at, paid_at?,
//  transaction_id?, refund_reason?}: an order as its payer and operators see
//  it.
codec::Json PaymentOrderJson(const PaymentOrder& o);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_PAYMENT_ORDER_H_
