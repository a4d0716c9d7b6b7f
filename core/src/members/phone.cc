#include "atrium/members/phone.h"

#include <algorithm>

namespace atrium {
namespace {

constexpr size_t kMaxInput = 32;

bool IsSeparator(char c) { return c == ' ' || c == '-'; }

}  // namespace

StatusOr<Phone> Phone::Parse(std::string_view text) {
  if (text.size() > kMaxInput) {
    return InvalidArgument("phone number is too long");
  }
  std::string s;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsSeparator(c)) continue;
    if (c == '+' && s.empty()) {
      s.push_back(c);
      continue;
    }
    if (c < '0' || c > '9') {
      return InvalidArgument(
          "phone number may hold only digits, spaces, dashes and a leading +");
    }
    s.push_back(c);
  }
  if (s.empty()) return InvalidArgument("phone number is empty");

  std::string_view d = s;
  if (d.front() == '+') {
    if (d.substr(1, 2) != "86") {
      return InvalidArgument("only mainland China (+86) numbers are accepted");
    }
    d.remove_prefix(3);
  } else if (d.size() == 15 && d.substr(0, 4) == "0086") {
    d.remove_prefix(4);
  } else if (d.size() == 13 && d.substr(0, 2) == "86") {
    d.remove_prefix(2);
  }
  if (d.size() != 11) {
    return InvalidArgument("a mobile number has 11 digits");
  }
  if (d[0] != '1' || d[1] < '3') {
    return InvalidArgument("a mainland mobile number starts with 13 to 19");
  }
  return Phone(std::string(d));
}

StatusOr<Phone> Phone::FromMasked(std::string_view masked) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  const bool ok = masked.size() == 11 && masked[0] == '1' &&
                  masked.substr(3, 4) == "****" && digit(masked[1]) &&
                  digit(masked[2]) &&
                  std::all_of(masked.begin() + 7, masked.end(), digit);
  if (!ok) return InvalidArgument("a masked phone is like 138****5678");
  Phone p;
  p.masked_ = std::string(masked);
  return p;
}

std::string Phone::Masked() const {
  if (!masked_.empty()) return masked_;
  if (digits_.size() != 11) return "";
  return digits_.substr(0, 3) + "****" + digits_.substr(7);
}

}  // namespace atrium
