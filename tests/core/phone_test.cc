#include "atrium/members/phone.h"

#include <gtest/gtest.h>

namespace atrium {
namespace {

TEST(PhoneTest, AcceptsWhatPeopleType) {
  const char* forms[] = {
      "13812345678",        "138 1234 5678",     "138-1234-5678",
      "+8613812345678",     "+86 138 1234 5678", "+86-138-1234-5678",
      "86 13812345678",     "8613812345678",     "008613812345678",
      "0086 138 1234 5678", " 13812345678 ",
  };
  for (const char* f : forms) {
    StatusOr<Phone> p = Phone::Parse(f);
    ASSERT_TRUE(p.ok()) << f << ": " << p.status().ToString();
    EXPECT_EQ(p->digits(), "13812345678") << f;
  }
}

TEST(PhoneTest, AcceptsEveryMobilePrefixFrom13To19) {
  for (char second = '3'; second <= '9'; ++second) {
    std::string number = "1";
    number += second;
    number += "012345678";
    EXPECT_TRUE(Phone::Parse(number).ok()) << number;
  }
}

TEST(PhoneTest, RejectsEverythingElse) {
  const char* rejects[] = {
      "",                  // empty
      "   ",               // nothing but spaces
      "1381234567",        // 10 digits
      "138123456789",      // 12 digits
      "12812345678",       // 12x is not a mobile prefix
      "23812345678",       // not starting with 1
      "+85291234567",      // Hong Kong
      "+1 415 555 0100",   // another country
      "+86",               // prefix alone
      "+86 1381234567",    // prefix and 10 digits
      "86 1381234567",     // 12 digits with 86: not stripped, wrong length
      "021-12345678",      // landline
      "138l2345678",       // a letter
      "138.1234.5678",     // dots
      "(+86)13812345678",  // parentheses
      "１３８１２３４５６７８",            // full-width digits
      "138 1234 5678 138 1234 5678 9999",  // too long to be a phone
      "++8613812345678",                   // two pluses
      "13812345678+",                      // a plus at the end
  };
  for (const char* r : rejects) {
    StatusOr<Phone> p = Phone::Parse(r);
    EXPECT_FALSE(p.ok()) << "accepted: " << r;
    if (!p.ok()) {
      EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
    }
  }
}

TEST(PhoneTest, MasksTheMiddleFourDigits) {
  EXPECT_EQ(Phone::Parse("+86 138 1234 5678")->Masked(), "138****5678");
}

}  // namespace
// A device knows a member's phone only masked: no digits to find or show.
TEST(PhoneTest, APhoneKnownOnlyMasked) {
  StatusOr<Phone> p = Phone::FromMasked("139****5678");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->Masked(), "139****5678");
  EXPECT_TRUE(p->digits().empty());
  EXPECT_FALSE(p->empty());
  for (const char* bad : {"13912345678", "139***5678", "139****567x",
                          "039****5678", "", "139****56789"}) {
    EXPECT_FALSE(Phone::FromMasked(bad).ok()) << bad;
  }
}

}  // namespace atrium
