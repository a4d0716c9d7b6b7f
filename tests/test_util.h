// Helpers for the core's tests: readable instants and dates.
#ifndef ATRIUM_TESTS_TEST_UTIL_H_
#define ATRIUM_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "atrium/time.h"

namespace atrium::testing {

// "2026-03-08T10:00:00Z" or with an offset; fails the test if malformed.
inline Timestamp T(const std::string& iso) {
  StatusOr<Timestamp> t = ParseIso8601(iso);
  EXPECT_TRUE(t.ok()) << iso << ": " << t.status().ToString();
  return t.ok() ? *t : Timestamp();
}

// Mall-local time in China: "2026-03-08 18:00:00".
inline Timestamp Local(const std::string& text) {
  std::string iso = text;
  iso[10] = 'T';
  return T(iso + "+08:00");
}

inline Date D(const std::string& text) {
  StatusOr<Date> d = ParseDate(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : Date();
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_TEST_UTIL_H_
