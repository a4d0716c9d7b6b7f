// 6. The sign-in code limiter: an address over its limit charges no phone,
// so no one locks a phone's owner out, and distinct phones cost bounded
// memory.
#include "auth/sign_in_codes.h"

#include <gtest/gtest.h>

namespace atrium::server {
namespace {

const Timestamp kNow = Timestamp::FromUnixSeconds(1'795'694'400);

Phone PhoneNumber(int i) {
  return *Phone::Parse(std::to_string(13900000000 + i));
}

TEST(SignInCodesTest, AnAddressOverItsLimitLocksNoPhoneOut) {
  int sent = 0;
  SignInCodes codes([&](const Phone&, const std::string&) { ++sent; });
  for (int i = 1; i <= 30; ++i) {
    ASSERT_TRUE(codes.Request(PhoneNumber(i), "10.0.0.66", kNow).ok()) << i;
  }
  const Phone victim = PhoneNumber(1000);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(codes.Request(victim, "10.0.0.66", kNow).code(),
              StatusCode::kResourceExhausted);
  }
  EXPECT_EQ(sent, 30);
  // The owner, from their own address, gets their code at once.
  EXPECT_TRUE(codes.Request(victim, "10.0.0.7", kNow).ok());
  EXPECT_EQ(sent, 31);
}

TEST(SignInCodesTest, APhoneIsLimitedAcrossAddresses) {
  SignInCodes codes([](const Phone&, const std::string&) {});
  EXPECT_TRUE(codes.Request(PhoneNumber(1), "a", kNow).ok());
  EXPECT_EQ(codes.Request(PhoneNumber(1), "b", kNow.PlusSeconds(10)).code(),
            StatusCode::kResourceExhausted);  // a minute between codes
  EXPECT_TRUE(codes.Request(PhoneNumber(1), "b", kNow.PlusSeconds(61)).ok());
}

TEST(SignInCodesTest, DistinctPhonesCostBoundedMemory) {
  RateLimiter limiter(5, 3600, /*max_keys=*/100);
  for (int i = 0; i < 1000; ++i) {
    limiter.Allow("phone-" + std::to_string(i), kNow);
  }
  EXPECT_EQ(limiter.keys(), 100u);
  EXPECT_FALSE(limiter.Allow("phone-new", kNow));  // no room: refused
  EXPECT_TRUE(limiter.Allow("phone-1", kNow));     // known keys still count
  // The next window starts empty.
  EXPECT_TRUE(limiter.Allow("phone-new", kNow.PlusSeconds(3600)));
  EXPECT_EQ(limiter.keys(), 1u);

  // Through the codes: more addresses and phones than the bound hold
  // no more than the bound.
  SignInCodes codes([](const Phone&, const std::string&) {});
  for (int i = 0; i < 210'000; ++i) {
    (void)codes.Request(PhoneNumber(i), "addr-" + std::to_string(i), kNow);
  }
  EXPECT_LE(codes.keys(), 2u * 200'000);
}

}  // namespace
}  // namespace atrium::server
