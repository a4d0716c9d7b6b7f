#include "atrium/auth/token.h"

#include <charconv>
#include <vector>

#include "atrium/auth/crypto.h"

namespace atrium::auth {
namespace {

constexpr size_t kMaxTokenLength = 1024;

std::vector<std::string_view> SplitBar(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

}  // namespace

std::string TokenSigner::Issue(Claims claims) const {
  if (claims.id.empty()) claims.id = Hex(RandomBytes(12));
  std::string body =
      "v1|" + claims.kind + "|" + claims.subject + "|" + claims.role + "|" +
      std::to_string(claims.expires_at.unix_seconds()) + "|" + claims.id;
  return Base64Url(body) + "." + Base64Url(HmacSha256(key_, body));
}

StatusOr<Claims> TokenSigner::Verify(std::string_view token,
                                     Timestamp now) const {
  const Status bad = PermissionDenied("the session token is not valid");
  size_t dot = token.find('.');
  if (token.size() > kMaxTokenLength || dot == std::string_view::npos) {
    return bad;
  }
  StatusOr<std::string> body = FromBase64Url(token.substr(0, dot));
  StatusOr<std::string> mac = FromBase64Url(token.substr(dot + 1));
  if (!body.ok() || !mac.ok() ||
      !ConstantTimeEqual(*mac, HmacSha256(key_, *body))) {
    return bad;
  }
  std::vector<std::string_view> f = SplitBar(*body);
  int64_t expires = 0;
  if (f.size() != 6 || f[0] != "v1" ||
      std::from_chars(f[4].data(), f[4].data() + f[4].size(), expires).ec !=
          std::errc()) {
    return bad;
  }
  Claims c{std::string(f[1]), std::string(f[2]), std::string(f[3]),
           Timestamp::FromUnixSeconds(expires), std::string(f[5])};
  if (now >= c.expires_at) {
    return PermissionDenied("the session has expired: sign in again");
  }
  return c;
}

}  // namespace atrium::auth
