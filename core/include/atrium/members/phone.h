// A mainland-China mobile number, the key by which members register.
//
// Parse accepts what people type: "13812345678", "138 1234 5678",
// "138-1234-5678", "+86 138 1234 5678", "86 13812345678", "0086...". It
// normalises to 11 digits starting 13-19 and rejects everything else (other
// countries, landlines, letters, wrong lengths) with InvalidArgument.
// Masked() is the only form that may appear on a screen or in a log. A
// device is sent only that form (FromMasked): its phone has no digits.
#ifndef ATRIUM_MEMBERS_PHONE_H_
#define ATRIUM_MEMBERS_PHONE_H_

#include <string>
#include <string_view>

#include "atrium/status.h"

namespace atrium {

class Phone {
 public:
  static StatusOr<Phone> Parse(std::string_view text);
  // "138****5678" as Masked() makes it: a phone known only masked.
  static StatusOr<Phone> FromMasked(std::string_view masked);
  Phone() = default;  // none: an erased member's

  bool empty() const { return digits_.empty() && masked_.empty(); }

  // "13812345678"; empty for a phone known only masked.
  const std::string& digits() const { return digits_; }
  // "138****5678"; empty for no phone.
  std::string Masked() const;

  bool operator==(const Phone&) const = default;

 private:
  explicit Phone(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
  std::string masked_;  // only for a phone known masked
};

}  // namespace atrium

#endif  // ATRIUM_MEMBERS_PHONE_H_
