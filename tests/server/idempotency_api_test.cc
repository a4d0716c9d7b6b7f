// Idempotency-Key semantics on every mutating route that makes an
// operation: replay, 422 for another body, 409 while in flight, kept
// across a restart.
#include <gtest/gtest.h>

#include <future>

#include "test_server.h"

namespace atrium::testing {
namespace {

codec::Json Earn(const std::string& member, int64_t fen) {
  return {{"receipt",
           {{"id", "R1"},
            {"mall_id", "m-xinjie"},
            {"store_id", "s-105"},
            {"member_id", member},
            {"at", "2026-11-26T11:30:00Z"},
            {"lines", {{{"category", "beauty"}, {"amount_fen", fen}}}}}}};
}

class IdempotencyApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    token_ = s_.SignIn("13912345678");
    member_ = s_.MemberId(token_);
    ASSERT_EQ(
        s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}}, kTill)
            .status,
        200);
  }
  int64_t Points() {
    return s_.Get("/api/v1/me", Bearer(token_)).Json()["points"]["pending"];
  }
  TestServer s_;
  std::string token_;
  std::string member_;
};

TEST_F(IdempotencyApiTest, TheSameKeyAndBodyReplayTheFirstAnswer) {
  HttpReply first =
      s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill, "key-1");
  ASSERT_EQ(first.status, 200) << first.body;
  HttpReply second =
      s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill, "key-1");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.headers["idempotent-replayed"], "true");
  EXPECT_EQ(Points(), first.Json()["points"]);  // earned once
  // After a restart too.
  s_.Restart();
  HttpReply third =
      s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill, "key-1");
  EXPECT_EQ(third.body, first.body);
  EXPECT_EQ(Points(), first.Json()["points"]);
}

TEST_F(IdempotencyApiTest, TheSameKeyWithAnotherBodyIs422AndChangesNothing) {
  HttpReply first =
      s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill, "key-1");
  ASSERT_EQ(first.status, 200);
  HttpReply other =
      s_.Post("/api/v1/pos/receipts", Earn(member_, 90000), kTill, "key-1");
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.Json()["error"]["code"], "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Points(), first.Json()["points"]);
}

TEST_F(IdempotencyApiTest, KeysBelongToTheirCaller) {
  // Two tills may use the same key for different receipts.
  ASSERT_EQ(
      s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill, "k").status,
      200);
  ASSERT_EQ(s_.Post("/api/v1/pos/scan", {{"code", s_.MemberCode(token_)}},
                    "Device pos-xinjie-02:demo-pos-xinjie-02-key")
                .status,
            200);
  codec::Json second = Earn(member_, 30000);
  second["receipt"]["id"] = "R2";
  EXPECT_EQ(s_.Post("/api/v1/pos/receipts", second,
                    "Device pos-xinjie-02:demo-pos-xinjie-02-key", "k")
                .status,
            200);
}

TEST_F(IdempotencyApiTest, AMissingOrMalformedKeyIs400) {
  EXPECT_EQ(s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill).status,
            400);
  EXPECT_EQ(s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill,
                    std::string(129, 'k'))
                .status,
            400);
  EXPECT_EQ(Points(), 0);
}

TEST_F(IdempotencyApiTest, ARepeatWhileTheFirstIsInFlightIs409) {
  // Holding the log stops the writer: the first request waits in the queue.
  std::promise<void> release;
  std::promise<void> holding;
  auto hold = std::async(std::launch::async, [&] {
    s_.service().WithLog([&](store::OpLog&) {
      holding.set_value();
      release.get_future().wait();
      return 0;
    });
  });
  holding.get_future().wait();
  auto send = [&] {
    return std::async(std::launch::async, [&] {
      return s_.Post("/api/v1/pos/receipts", Earn(member_, 50000), kTill,
                     "key-1");
    });
  };
  auto a = send();
  auto b = send();
  // One of the two is refused at once; the other waits for the writer.
  std::future<HttpReply>* waiting = nullptr;
  HttpReply refused;
  while (waiting == nullptr) {
    if (a.wait_for(std::chrono::milliseconds(10)) ==
        std::future_status::ready) {
      refused = a.get();
      waiting = &b;
    } else if (b.wait_for(std::chrono::milliseconds(10)) ==
               std::future_status::ready) {
      refused = b.get();
      waiting = &a;
    }
  }
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Json()["error"]["code"], "IN_FLIGHT");
  release.set_value();
  hold.get();
  EXPECT_EQ(waiting->get().status, 200);
}

}  // namespace
}  // namespace atrium::testing
