// Member codes against shared/vectors/member_codes.json (worked out with
// Python's hashlib and hmac, not with this code): the phone's secrets and
// codes, their windows across a UTC day's end, and the texts refused. The
// phone's Web Crypto code (web/app/js/code.js) runs the same file
// (web/tests/code.test.mjs), so the two cannot drift apart.
#include "atrium/auth/member_code.h"

#include <gtest/gtest.h>

#include <fstream>

#include "atrium/auth/crypto.h"
#include "atrium/codec/json_reader.h"

namespace atrium::auth {
namespace {

codec::Json Vectors() {
  std::ifstream in(ATRIUM_SHARED_DIR "/vectors/member_codes.json");
  return codec::Json::parse(in);
}

std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

TEST(MemberCodeTest, MakesTheVectorsCodesAndSecrets) {
  ASSERT_TRUE(InitCrypto().ok());
  const codec::Json v = Vectors();
  ASSERT_EQ(v["window_seconds"], kMemberCodeWindowSeconds);
  ASSERT_EQ(v["secret_days"], kCodeSecretDays);
  const MemberCodeSigner signer(FromHex(v["key_hex"]));
  ASSERT_FALSE(v["codes"].empty());
  for (const codec::Json& c : v["codes"]) {
    SCOPED_TRACE(c["why"].get<std::string>());
    const MemberId member(c["member"].get<std::string>());
    const Timestamp now = Timestamp::FromUnixSeconds(c["now_unix"]);
    const codec::Json& expect = c["expect"];
    const MemberCodeSigner::Code code = signer.Current(member, now);
    EXPECT_EQ(code.text, expect["text"]);
    EXPECT_EQ(code.expires_at.unix_seconds(), expect["expires_unix"]);
    const std::vector<MemberCodeSigner::DaySecret> secrets =
        signer.SecretsFor(member, now);
    ASSERT_EQ(secrets.size(), static_cast<size_t>(kCodeSecretDays));
    EXPECT_EQ(secrets.front().day, expect["day"]);
    EXPECT_EQ(Base64Url(secrets.front().secret), expect["secret"]);
    StatusOr<MemberCodeSigner::Named> named = signer.Check(code.text);
    ASSERT_TRUE(named.ok()) << named.status().ToString();
    EXPECT_EQ(named->member, member);
    EXPECT_EQ(named->window, expect["window"]);
  }
}

TEST(MemberCodeTest, RefusesEveryOtherText) {
  ASSERT_TRUE(InitCrypto().ok());
  const codec::Json v = Vectors();
  const MemberCodeSigner signer(FromHex(v["key_hex"]));
  ASSERT_FALSE(v["refused"].empty());
  for (const codec::Json& r : v["refused"]) {
    EXPECT_EQ(signer.Check(r["text"].get<std::string>()).status().code(),
              StatusCode::kInvalidArgument)
        << r["why"];
  }
  // Under another key no code of the vectors is one.
  const MemberCodeSigner other(std::string(32, 'x'));
  EXPECT_FALSE(
      other.Check(v["codes"][0]["expect"]["text"].get<std::string>()).ok());
}

}  // namespace
}  // namespace atrium::auth
