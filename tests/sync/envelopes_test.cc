// The sync envelopes every client and the server share: a push's limits
// and the operation at fault named, a push's answer read back, and a pull
// page's paging rule (full: more; `next` is where to ask after).
#include "atrium/sync/envelopes.h"

#include <gtest/gtest.h>

#include "sync_ops.h"

namespace atrium::sync {
namespace {

using testing::Op;

Operation Register(int i) {
  Operation op = Op("reg-" + std::to_string(i), "device:desk", "register",
                    {{"member_id", "M" + std::to_string(i)},
                     {"phone", std::to_string(13800000000 + i)}});
  op.seq = i;
  return op;
}

TEST(EnvelopesTest, APushCarriesOneToTheLimitOfOperations) {
  std::vector<Operation> ops;
  for (int i = 1; i <= static_cast<int>(kMaxPushOperations); ++i) {
    ops.push_back(Register(i));
  }
  StatusOr<std::vector<Operation>> read = PushFromJson(PushBody(ops));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), kMaxPushOperations);
  EXPECT_EQ(read->back().id, ops.back().id);

  ops.push_back(Register(static_cast<int>(kMaxPushOperations) + 1));
  EXPECT_EQ(PushFromJson(PushBody(ops)).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(PushFromJson(PushBody({})).status().code(),
            StatusCode::kInvalidArgument);
  codec::Json extra = PushBody(std::span(ops).first(1));
  extra["also"] = 1;
  EXPECT_FALSE(PushFromJson(extra).ok());
  EXPECT_FALSE(PushFromJson(codec::Json::array()).ok());
}

TEST(EnvelopesTest, ABadOperationIsNamedByItsPlace) {
  codec::Json body = PushBody(std::vector{Register(1), Register(2)});
  body["operations"][1]["type"] = 7;
  const Status s = PushFromJson(body).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(s.message().starts_with("operations[1]: ")) << s.ToString();
}

TEST(EnvelopesTest, APushAnswerReadsBack) {
  OpResult ok;
  ok.op_id = "reg-1";
  ok.applied = true;
  ok.result = {{"member_id", "M1"}};
  ok.cursor = 7;
  OpResult refused;
  refused.op_id = "reg-2";
  refused.error = FailedPrecondition("a phone already registered");
  StatusOr<std::vector<OpResult>> read =
      PushAnswerFromJson(PushAnswer(std::vector{ok, refused}));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_TRUE((*read)[0].applied);
  EXPECT_EQ((*read)[0].cursor, 7);
  EXPECT_FALSE((*read)[1].applied);
  EXPECT_EQ((*read)[1].error.code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(PushAnswerFromJson({{"result", 1}}).ok());
}

std::vector<Change> Changes(int64_t first, int n) {
  std::vector<Change> out;
  for (int i = 0; i < n; ++i) {
    Change c;
    c.cursor = first + i;
    c.op_id = "reg-" + std::to_string(c.cursor);
    c.operation = CanonicalJson(Register(static_cast<int>(c.cursor)));
    c.result = "{}";
    c.applied_at = testing::kOpsNow;
    out.push_back(std::move(c));
  }
  return out;
}

StatusOr<PullPage> Read(const std::string& text) {
  StatusOr<codec::Json> j = codec::ParseJson(text);
  if (!j.ok()) return j.status();
  return PullPageFromJson(*j);
}

TEST(EnvelopesTest, AFullPageSaysThereIsMore) {
  StatusOr<PullPage> full = Read(PullPageText(Changes(11, 3), 10, 3, 42));
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_TRUE(full->more);
  EXPECT_EQ(full->next, 13);
  EXPECT_EQ(full->next_seq, 42);
  ASSERT_EQ(full->changes.size(), 3u);
  EXPECT_EQ(full->changes[0].operation, Changes(11, 1)[0].operation);
  EXPECT_EQ(full->changes[2].applied_at, testing::kOpsNow);

  StatusOr<PullPage> last = Read(PullPageText(Changes(14, 2), 13, 3));
  ASSERT_TRUE(last.ok());
  EXPECT_FALSE(last->more);
  EXPECT_EQ(last->next, 15);
  EXPECT_EQ(last->next_seq, 0);

  // Nothing new: ask again later after the same cursor.
  StatusOr<PullPage> empty = Read(PullPageText({}, 15, 1000));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->more);
  EXPECT_EQ(empty->next, 15);
  EXPECT_TRUE(empty->changes.empty());

  EXPECT_EQ(PullQuery(15, kDefaultPullLimit), "?after=15&limit=1000");
  EXPECT_FALSE(Read(R"({"next": 3})").ok());  // no changes
}

}  // namespace
}  // namespace atrium::sync
