#include "atrium/members/member.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace atrium {
namespace {

using testing::T;

class MemberDirectoryTest : public ::testing::Test {
 protected:
  StatusOr<const Member*> Register(const std::string& id,
                                   const std::string& phone,
                                   const std::string& name = "王小明") {
    return directory_.Register(
        MemberId(id), phone, Profile{name, MonthDay{2, 29}},
        Consents{true, false}, T("2026-01-10T02:00:00Z"));
  }
  MemberDirectory directory_{GroupId("g-1")};
};

TEST_F(MemberDirectoryTest, RegistersWithANormalisedPhone) {
  StatusOr<const Member*> m = Register("M1", "+86 138-1234-5678");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->phone.digits(), "13812345678");
  EXPECT_EQ((*m)->group, GroupId("g-1"));
  EXPECT_EQ((*m)->profile.birthday, (MonthDay{2, 29}));
  EXPECT_EQ(directory_.FindByPhone(*Phone::Parse("13812345678")), *m);
  EXPECT_EQ(directory_.Find(MemberId("M1")), *m);
}

TEST_F(MemberDirectoryTest, APhoneRegistersOnceWhateverItsForm) {
  ASSERT_TRUE(Register("M1", "13812345678").ok());
  StatusOr<const Member*> again = Register("M2", "+86 138 1234 5678");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  // The error may reach a log: it shows the masked number only.
  EXPECT_NE(again.status().message().find("138****5678"), std::string::npos);
  EXPECT_EQ(again.status().message().find("13812345678"), std::string::npos);
  EXPECT_EQ(directory_.size(), 1u);
  EXPECT_EQ(directory_.Find(MemberId("M2")), nullptr);
}

TEST_F(MemberDirectoryTest, RejectsBadInputAndChangesNothing) {
  ASSERT_TRUE(Register("M1", "13812345678").ok());
  EXPECT_EQ(Register("M1", "13900000000").status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(Register("M2", "12345").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Register("", "13900000000").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Register("M 2", "13900000000").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Register("M2", "13900000000", std::string(65, 'a')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Register("M2", "13900000000", "bad\nname").status().code(),
            StatusCode::kInvalidArgument);
  StatusOr<const Member*> old =
      directory_.Register(MemberId("M2"), "13900000000", Profile{}, Consents{},
                          T("1999-12-31T00:00:00Z"));
  EXPECT_EQ(old.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(directory_.size(), 1u);
  EXPECT_EQ(directory_.FindByPhone(*Phone::Parse("13900000000")), nullptr);
}

TEST_F(MemberDirectoryTest, ConsentsDefaultToNo) {
  const Consents none;
  EXPECT_FALSE(none.marketing);
  EXPECT_FALSE(none.profiling);
}

}  // namespace
}  // namespace atrium
