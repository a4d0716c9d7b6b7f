#include "atrium/auth/member_code.h"

#include <charconv>

#include "atrium/auth/crypto.h"

namespace atrium::auth {
namespace {

constexpr size_t kMacBytes = 10;
constexpr size_t kMaxCodeLength = 128;

}  // namespace

std::string MemberCodeSigner::SecretFor(const MemberId& member,
                                        int64_t day) const {
  return HmacSha256(
      key_, "member-code|" + member.value() + "|" + std::to_string(day));
}

std::vector<MemberCodeSigner::DaySecret> MemberCodeSigner::SecretsFor(
    const MemberId& member, Timestamp now) const {
  std::vector<DaySecret> out;
  const int64_t today = now.unix_seconds() / kSecondsPerDay;
  for (int64_t day = today; day < today + kCodeSecretDays; ++day) {
    out.push_back({day, SecretFor(member, day)});
  }
  return out;
}

std::string MemberCodeSigner::Mac(const MemberId& member,
                                  int64_t window) const {
  // Divided, not multiplied: a scanned window may be any int64.
  static_assert(kSecondsPerDay % kMemberCodeWindowSeconds == 0);
  const int64_t day = window / (kSecondsPerDay / kMemberCodeWindowSeconds);
  return Hex(Rfc2104HmacSha256(SecretFor(member, day),
                               member.value() + "." + std::to_string(window))
                 .substr(0, kMacBytes));
}

std::string MemberCodeSigner::Text(const MemberId& member,
                                   int64_t window) const {
  return std::string(kMemberCodePrefix) + member.value() + "." +
         std::to_string(window) + "." + Mac(member, window);
}

MemberCodeSigner::Code MemberCodeSigner::Current(const MemberId& member,
                                                 Timestamp now) const {
  const int64_t w = MemberCodeWindow(now);
  return {Text(member, w),
          Timestamp::FromUnixSeconds((w + 1) * kMemberCodeWindowSeconds)};
}

StatusOr<MemberCodeSigner::Named> MemberCodeSigner::Check(
    std::string_view text) const {
  const Status bad = InvalidArgument("not a member code");
  if (text.size() > kMaxCodeLength || !text.starts_with(kMemberCodePrefix)) {
    return bad;
  }
  std::string_view rest = text.substr(kMemberCodePrefix.size());
  size_t d1 = rest.find('.');
  size_t d2 = rest.find('.', d1 == std::string_view::npos ? d1 : d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos) return bad;
  MemberId member{std::string(rest.substr(0, d1))};
  std::string_view window_text = rest.substr(d1 + 1, d2 - d1 - 1);
  int64_t window = 0;
  auto [end, ec] = std::from_chars(
      window_text.data(), window_text.data() + window_text.size(), window);
  // Only the one text the member's phone makes for (member, window): "0"
  // before the window, "+", upper-case hex are other texts of the same code.
  if (ec != std::errc() || end != window_text.data() + window_text.size() ||
      !ValidateId(member.value(), "member").ok() ||
      !ConstantTimeEqual(text, Text(member, window))) {
    return bad;
  }
  return Named{std::move(member), window};
}

}  // namespace atrium::auth
