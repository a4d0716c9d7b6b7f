#include "app/measure.h"

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace atrium::kiosk {

int64_t ThreadCpuUs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1'000'000 + t.tv_nsec / 1000;
}
int64_t ProcessCpuUs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1'000'000 +
         u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

void PrintFigures(const char* what, std::vector<int64_t> us) {
  if (us.empty()) return;
  std::sort(us.begin(), us.end());
  std::printf("%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%zu frames)\n", what,
              static_cast<double>(us[us.size() / 2]) / 1000.0,
              static_cast<double>(us[us.size() * 99 / 100]) / 1000.0,
              static_cast<double>(us.back()) / 1000.0, us.size());
}

}  // namespace atrium::kiosk
