#include "app/day_job_runner.h"

#include <iostream>

#include "atrium/sync/authority.h"
#include "atrium/sync/day_jobs.h"

namespace atrium::server {
StatusOr<int> DayJobRunner::RunDue() {
  const Timestamp now = service_.Now();
  const LocalCalendar calendar = service_.ReadState(
      [](const sync::GroupState& s) { return s.program.group.calendar; });
  const std::string_view last_job = sync::kDayJobs.back();
  const std::vector<Date> days =
      sync::DaysDue(calendar.BusinessDateOf(now), [&](Date d) {
        return service_.Contains(sync::DayJobOperation(last_job, d, now).id);
      });
  int applied = 0;
  for (const Date day : days) {
    for (const std::string_view job : sync::kDayJobs) {
      StatusOr<sync::OpResult> r = service_.SubmitAndWait(
          sync::DayJobOperation(job, day, now), sync::SystemSender());
      if (!r.ok()) return r.status();
      if (!r->applied) return r->error;
      if (!r->replayed) ++applied;
    }
  }
  return applied;
}

void DayJobRunner::RunAndLog() {
  if (StatusOr<int> ran = RunDue(); !ran.ok()) {
    std::cerr << "atriumd: the day's jobs failed and will be retried: "
              << ran.status().message() << "\n";
  } else if (*ran > 0) {
    std::cerr << "atriumd: ran " << *ran << " of the day's jobs\n";
  }
}

}  // namespace atrium::server
