// The Date header: its exact form, and that every answer carries the
// server's clock (a phone with a wrong clock makes its codes on it).
#include "http/http_date.h"

#include <gtest/gtest.h>

#include "test_server.h"

namespace atrium::testing {
namespace {

TEST(HttpDateTest, FormatsImfFixdate) {
  struct Case {
    const char* iso;
    const char* date;
  };
  for (const Case& c : {
           Case{"1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 GMT"},
           Case{"1969-12-31T23:59:59Z", "Wed, 31 Dec 1969 23:59:59 GMT"},
           Case{"2026-11-27T12:34:05Z", "Fri, 27 Nov 2026 12:34:05 GMT"},
           Case{"2028-02-29T23:00:00Z", "Tue, 29 Feb 2028 23:00:00 GMT"},
       }) {
    EXPECT_EQ(server::HttpDate(*ParseIso8601(c.iso)), c.date) << c.iso;
  }
}

TEST(HttpDateTest, EveryAnswerIsDatedByTheServersClock) {
  TestServer s;
  s.Advance(3600);
  const std::string expected = server::HttpDate(s.Now());
  EXPECT_EQ(s.Get("/healthz").headers["date"], expected);
  EXPECT_EQ(s.Get("/api/v1/catalogue").headers["date"], expected);
  EXPECT_EQ(s.Get("/api/v1/nowhere").headers["date"], expected);
}

}  // namespace
}  // namespace atrium::testing
