#include "atrium/codec/json_reader.h"

#include <gtest/gtest.h>

namespace atrium::codec {
namespace {

Json Parse(const char* text) {
  StatusOr<Json> j = ParseJson(text);
  EXPECT_TRUE(j.ok()) << text;
  return j.ok() ? *j : Json();
}

TEST(JsonReaderTest, ReadsTypedFields) {
  const Json j = Parse(
      R"({"name":"星巴克","n":42,"ok":true,"fen":1999,"at":"2026-03-08T10:00:00Z",
          "tags":["a","b"],"days":[1,8],"lines":[{"x":1},{"x":2}]})");
  JsonReader r(j, "doc");
  EXPECT_EQ(r.Str("name"), "星巴克");
  EXPECT_EQ(r.Int("n", 0, 100), 42);
  EXPECT_TRUE(r.OptBool("ok", false));
  EXPECT_EQ(r.Fen("fen"), Money::Fen(1999));
  EXPECT_EQ(r.Time("at").unix_seconds(), 1772964000);
  EXPECT_EQ(r.Strs("tags", 5), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.Ints("days", 5, 1, 31), (std::vector<int64_t>{1, 8}));
  int64_t sum = 0;
  for (JsonReader& line : r.Objects("lines", 10, true))
    sum += line.Int("x", 0, 9);
  EXPECT_EQ(sum, 3);
  EXPECT_EQ(r.OptStr("missing", "fallback"), "fallback");
  r.Finish();
  EXPECT_TRUE(r.ok()) << r.status().ToString();
}

TEST(JsonReaderTest, NamesTheFirstBadFieldByPath) {
  const struct {
    const char* json;
    const char* message;
  } cases[] = {
      {R"({"n":"7"})", "doc.n: must be an integer"},
      {R"({"n":101})", "doc.n: must lie in 0..100"},
      {R"({"n":1.5})", "doc.n: must be an integer"},
      {R"({})", "doc.n: is required"},
      {R"({"n":null})", "doc.n: is required"},
      {R"({"n":18446744073709551615})", "doc.n: must lie in 0..100"},
      {R"({"n":1,"lines":[{"x":1},{"x":"a"}]})",
       "doc.lines[1].x: must be an integer"},
      {R"({"n":1,"lines":{"x":1}})", "doc.lines: must be an array"},
      {R"({"n":1,"extra":true})", "doc.extra: is not a known field"},
  };
  for (const auto& c : cases) {
    const Json j = Parse(c.json);
    JsonReader r(j, "doc");
    r.Int("n", 0, 100);
    for (JsonReader& line : r.Objects("lines", 10, false)) line.Int("x", 0, 9);
    r.Finish();
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.message), std::string::npos)
        << c.json << " gave " << r.status().message();
  }
}

TEST(JsonReaderTest, RejectsMalformedAndOversizedText) {
  EXPECT_FALSE(ParseJson("{").ok());
  EXPECT_FALSE(ParseJson("").ok());
  EXPECT_FALSE(ParseJson("{\"a\":1}}").ok());
  EXPECT_FALSE(ParseJson(std::string(kMaxJsonBytes + 1, ' ')).ok());
  const Json not_object = Parse("[1,2]");
  JsonReader r(not_object, "doc");
  EXPECT_FALSE(r.ok());
}

// Nesting is counted before any value is built: 64 levels parse, 65 do
// not, and neither do 300,000 (which would overflow the stack of whatever
// copies the value); brackets inside strings do not count.
TEST(JsonReaderTest, RefusesTextNestedTooDeep) {
  auto nested = [](size_t depth, char open, char close) {
    return std::string(depth, open) + std::string(depth, close);
  };
  EXPECT_TRUE(ParseJson(nested(kMaxJsonDepth, '[', ']')).ok());
  EXPECT_EQ(ParseJson(nested(kMaxJsonDepth + 1, '[', ']')).status().code(),
            StatusCode::kInvalidArgument);
  const std::string deep = nested(300'000, '[', ']');
  StatusOr<Json> j = ParseJson(deep);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.status().message().find("deeper"), std::string::npos);
  std::string objects;
  for (int i = 0; i < 100; ++i) objects += R"({"a":)";
  objects += "1" + std::string(100, '}');
  EXPECT_FALSE(ParseJson(objects).ok());
  const std::string in_string =
      R"({"s":")" + std::string(1000, '[') + R"(\"", "t": "\"[[["})";
  EXPECT_TRUE(ParseJson(in_string).ok()) << in_string;
  EXPECT_EQ(JsonDepth(R"(["\"[", {"a": [1]}])", 10), 3);
}

TEST(JsonReaderTest, ParsesClockFields) {
  EXPECT_EQ(*ParseUtcOffset("+08:00"), 8 * 3600);
  EXPECT_EQ(*ParseUtcOffset("-03:30"), -(3 * 3600 + 1800));
  EXPECT_EQ(*ParseTimeOfDay("22:00"), 22 * 3600);
  EXPECT_EQ(*ParseTimeOfDay("24:00"), 86400);
  EXPECT_EQ(*ParseTimeOfDay("01:02:03"), 3723);
  for (const char* bad : {"+8:00", "08:00", "+15:00", "+08:60", "+0a:00"}) {
    EXPECT_FALSE(ParseUtcOffset(bad).ok()) << bad;
  }
  for (const char* bad : {"24:01", "7:00", "07:60", "07:00:60", "-1:00", ""}) {
    EXPECT_FALSE(ParseTimeOfDay(bad).ok()) << bad;
  }
  EXPECT_EQ(FormatUtcOffset(-(3 * 3600 + 1800)), "-03:30");
  EXPECT_EQ(FormatTimeOfDay(3723), "01:02:03");
}

}  // namespace
}  // namespace atrium::codec
