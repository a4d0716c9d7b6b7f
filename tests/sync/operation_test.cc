#include "atrium/sync/operation.h"

#include <gtest/gtest.h>

#include <string>

#include "atrium/sync/protocol.h"

namespace atrium::sync {
namespace {

const char kEarn[] =
    R"({"v":1,"id":"op-1","origin":"device:pos-01","seq":7,"type":"earn",)"
    R"("at":"2026-04-08T07:00:00Z","payload":{"receipt":{"id":"R1"}}})";

TEST(OperationTest, DecodesAndEncodesCanonically) {
  StatusOr<Operation> op = ParseOperation(kEarn);
  ASSERT_TRUE(op.ok()) << op.status().ToString();
  EXPECT_EQ(op->id, "op-1");
  EXPECT_EQ(op->origin.kind, OriginKind::kDevice);
  EXPECT_EQ(op->origin.id, "pos-01");
  EXPECT_EQ(op->seq, 7);
  // Keys sorted, no spaces; decoding the canonical text gives it back.
  const std::string canonical = CanonicalJson(*op);
  EXPECT_EQ(canonical,
            R"({"at":"2026-04-08T07:00:00Z","id":"op-1","origin":"device:)"
            R"(pos-01","payload":{"receipt":{"id":"R1"}},"seq":7,)"
            R"("type":"earn","v":1})");
  StatusOr<Operation> again = ParseOperation(canonical);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(CanonicalJson(*again), canonical);
}

TEST(OperationTest, BadInputIsRefusedWithAReason) {
  struct Case {
    const char* why;
    std::string text;
    StatusCode code;
    const char* says;
  };
  const std::string big(kMaxOperationBytes, ' ');
  const Case cases[] = {
      {"not JSON", "{", StatusCode::kInvalidArgument, "not valid JSON"},
      {"truncated", std::string(kEarn).substr(0, 60),
       StatusCode::kInvalidArgument, "not valid JSON"},
      {"an array", "[1]", StatusCode::kInvalidArgument, "must be an object"},
      {"no version", R"({"id":"x"})", StatusCode::kInvalidArgument,
       "operation.v"},
      {"a future version",
       R"({"v":2,"id":"op-1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{},"new_field":1})",
       StatusCode::kOutOfRange, "version 2 is not supported"},
      {"oversized", std::string(kEarn) + big, StatusCode::kInvalidArgument,
       "16 KiB"},
      {"unknown field",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{},"extra":1})",
       StatusCode::kInvalidArgument, "extra"},
      {"bad origin",
       R"({"v":1,"id":"op-1","origin":"robot:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{}})",
       StatusCode::kInvalidArgument, "origin"},
      {"seq zero",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":0,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{}})",
       StatusCode::kInvalidArgument, "seq"},
      {"unknown type",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":1,"type":"mint",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{}})",
       StatusCode::kInvalidArgument, "type"},
      {"id with a space",
       R"({"v":1,"id":"op 1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{}})",
       StatusCode::kInvalidArgument, "operation.id"},
      {"a float in the payload",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":{"amount_fen":12.5}})",
       StatusCode::kInvalidArgument, "integers"},
      {"payload not an object",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"2026-04-08T07:00:00Z","payload":[]})",
       StatusCode::kInvalidArgument, "payload"},
      {"bad time",
       R"({"v":1,"id":"op-1","origin":"device:p","seq":1,"type":"earn",)"
       R"("at":"yesterday","payload":{}})",
       StatusCode::kInvalidArgument, "at"},
  };
  for (const Case& c : cases) {
    StatusOr<Operation> op = ParseOperation(c.text);
    ASSERT_FALSE(op.ok()) << c.why;
    EXPECT_EQ(op.status().code(), c.code)
        << c.why << ": " << op.status().ToString();
    EXPECT_NE(op.status().message().find(c.says), std::string::npos)
        << c.why << ": " << op.status().ToString();
  }
}

}  // namespace
}  // namespace atrium::sync

namespace atrium::sync {
namespace {

// Results as stored and pulled read back, and unreadable ones are DataLoss
// rather than a thrown type error.
TEST(OpResultTest, StoredResultsReadBackOrAreDataLoss) {
  StatusOr<OpResult> applied =
      OpResultFromText("op-1", true, R"({"points":12})");
  ASSERT_TRUE(applied.ok());
  EXPECT_TRUE(applied->applied);
  EXPECT_EQ(applied->result["points"], 12);
  StatusOr<OpResult> rejected = OpResultFromText(
      "op-2", false, R"({"code":"FAILED_PRECONDITION","message":"no"})");
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->error.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(rejected->error.message(), "no");
  for (const char* bad : {"", "{", R"({"code":7,"message":"x"})",
                          R"({"code":"NOT_FOUND"})", "[]"}) {
    EXPECT_EQ(OpResultFromText("op-3", false, bad).status().code(),
              StatusCode::kDataLoss)
        << bad;
  }
  EXPECT_EQ(OpResultFromText("op-4", true, "{").status().code(),
            StatusCode::kDataLoss);
}

}  // namespace
}  // namespace atrium::sync
