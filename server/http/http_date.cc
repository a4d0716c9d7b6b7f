#include "http/http_date.h"

#include <array>
#include <cstdio>

namespace atrium::server {

std::string HttpDate(Timestamp t) {
  static constexpr std::array<const char*, 7> kDays = {
      "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::array<const char*, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun",
      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  constexpr int64_t kDay = 86400;
  const int64_t s = t.unix_seconds();
  const int64_t days = s >= 0 ? s / kDay : -((-s + kDay - 1) / kDay);
  const int64_t second = s - days * kDay;
  const Date d = Date::FromDayNumber(days);
  std::array<char, 40> out{};
  std::snprintf(out.data(), out.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<int>(d.weekday()) - 1], d.day,
                kMonths[d.month - 1], d.year, static_cast<int>(second / 3600),
                static_cast<int>(second / 60 % 60),
                static_cast<int>(second % 60));
  return out.data();
}

}  // namespace atrium::server
