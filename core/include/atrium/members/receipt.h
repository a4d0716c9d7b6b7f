// A purchase at a tenant store, as the till reports it.
//
// Line amounts are what the shopper paid after every discount, in fen. A
// receipt is identified by (mall, receipt id): the same receipt applied
// twice earns once.
#ifndef ATRIUM_MEMBERS_RECEIPT_H_
#define ATRIUM_MEMBERS_RECEIPT_H_

#include <string>
#include <vector>

#include "atrium/ids.h"
#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium {

inline constexpr size_t kMaxReceiptLines = 200;
inline constexpr size_t kMaxCategoryLength = 32;

struct ReceiptLine {
  std::string category;  // "beauty", "gift_card", ...
  Money amount;          // paid, after discounts; zero for a free gift
  bool operator==(const ReceiptLine&) const = default;
};

struct Receipt {
  ReceiptId id;
  MallId mall;
  StoreId store;
  MemberId member;
  Timestamp at;
  std::vector<ReceiptLine> lines;
  bool operator==(const Receipt&) const = default;

  Money Total() const;
  // The receipt's idempotency key: "receipt:<mall>:<id>".
  std::string Key() const { return KeyOf(mall, id); }
  static std::string KeyOf(const MallId& mall, const ReceiptId& id);
};

// Ids well formed, 1..200 lines, categories 1..32 bytes, no negative line,
// a positive total no larger than kMaxAmount, a time in range.
Status ValidateReceipt(const Receipt& receipt);

}  // namespace atrium

#endif  // ATRIUM_MEMBERS_RECEIPT_H_
