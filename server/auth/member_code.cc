#include "auth/member_code.h"

#include <charconv>

#include "auth/crypto.h"

namespace atrium::server {
namespace {

constexpr std::string_view kPrefix = "ATM1.";
constexpr size_t kMacBytes = 10;
constexpr size_t kMaxCodeLength = 128;

int64_t WindowOf(Timestamp t) {
  return t.unix_seconds() / kMemberCodeWindowSeconds;
}

}  // namespace

std::string MemberCodes::SecretFor(const MemberId& member) const {
  return HmacSha256(key_, "member-code|" + member.value());
}

std::string MemberCodes::Mac(const MemberId& member, int64_t window) const {
  return Hex(Rfc2104HmacSha256(SecretFor(member),
                               member.value() + "." + std::to_string(window))
                 .substr(0, kMacBytes));
}

MemberCodes::Code MemberCodes::Current(const MemberId& member,
                                       Timestamp now) const {
  const int64_t w = WindowOf(now);
  return {std::string(kPrefix) + member.value() + "." + std::to_string(w) +
              "." + Mac(member, w),
          Timestamp::FromUnixSeconds((w + 1) * kMemberCodeWindowSeconds)};
}

StatusOr<MemberId> MemberCodes::Scan(std::string_view text, Timestamp now) {
  const Status bad = InvalidArgument("not a member code");
  if (text.size() > kMaxCodeLength || !text.starts_with(kPrefix)) return bad;
  std::string_view rest = text.substr(kPrefix.size());
  size_t d1 = rest.find('.');
  size_t d2 = rest.find('.', d1 == std::string_view::npos ? d1 : d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) return bad;
  MemberId member{std::string(rest.substr(0, d1))};
  std::string_view window_text = rest.substr(d1 + 1, d2 - d1 - 1);
  int64_t window = 0;
  auto [end, ec] = std::from_chars(
      window_text.data(), window_text.data() + window_text.size(), window);
  if (ec != std::errc() || end != window_text.data() + window_text.size() ||
      !ValidateId(member.value(), "member").ok() ||
      !ConstantTimeEqual(rest.substr(d2 + 1), Mac(member, window))) {
    return bad;
  }
  const int64_t current = WindowOf(now);
  if (window != current && window != current - 1) {
    return FailedPrecondition(
        "the member code has expired: refresh it on the phone");
  }
  std::lock_guard lock(mu_);
  scanned_.erase(scanned_.begin(), scanned_.lower_bound(current - 1));
  if (!scanned_[window].emplace(text).second) {
    return FailedPrecondition("the member code was already scanned");
  }
  return member;
}

}  // namespace atrium::server
