#include "atrium/codec/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace atrium::codec {
namespace {

// The store keeps operations in this encoding and compares them byte for
// byte, so it must equal nlohmann's compact dump for every kind of value.
TEST(JsonWriterTest, EqualsNlohmannCompactDump) {
  const std::vector<Json> values = {
      Json::object(),
      Json::array(),
      Json(nullptr),
      Json(true),
      Json(false),
      Json(0),
      Json(-9007199254740993LL),
      Json(std::numeric_limits<int64_t>::min()),
      Json(std::numeric_limits<uint64_t>::max()),
      Json(""),
      Json("plain ascii 123"),
      Json("quote \" backslash \\ slash /"),
      Json("controls \n\t\r\b\f \x01 \x1f \x7f"),
      Json("中文 金汇新街广场 😀"),
      Json(std::string("bad utf-8 \xff\xfe end")),
      Json(std::string("truncated \xe4\xb8")),
      Json::parse(R"({"b":1,"a":[1,"x",{"z":null,"y":false}],"中":"文"})"),
      Json::parse(R"({"receipt":{"lines":[{"amount_fen":12800}],"id":"R1"}})"),
      Json(1.5),
  };
  for (const Json& v : values) {
    EXPECT_EQ(CompactJson(v),
              v.dump(-1, ' ', false, Json::error_handler_t::replace))
        << v.dump(-1, ' ', true, Json::error_handler_t::replace);
  }
  Json bad_key = Json::object();
  bad_key[std::string("k\xff")] = 1;
  EXPECT_EQ(CompactJson(bad_key),
            bad_key.dump(-1, ' ', false, Json::error_handler_t::replace));
}

TEST(JsonWriterTest, Appends) {
  std::string out = "prefix:";
  AppendCompactJson(Json::parse(R"({"a":1})"), out);
  EXPECT_EQ(out, R"(prefix:{"a":1})");
}

}  // namespace
}  // namespace atrium::codec
