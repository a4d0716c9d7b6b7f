// DayJobRunner: runs the day's jobs (core/sync day_jobs.h) through the
// service at the start of each business day of the group, and on start the
// days it missed while the server was down.
//
// Contract:
// - RunDue() submits, for each business day due (sync::DaysDue over what
//   the log holds), each job's operation in order, and waits for each: a
//   day counts as done when its last job is in the log. It returns the
//   number of jobs applied now (replays of jobs already logged excluded),
//   or the first failure.
// - Start() calls RunDue() now and then each minute on a thread of its own,
//   until Stop() (or the destructor); the clock is the service's.
#ifndef ATRIUM_SERVER_APP_DAY_JOB_RUNNER_H_
#define ATRIUM_SERVER_APP_DAY_JOB_RUNNER_H_

#include <chrono>

#include "app/periodic.h"
#include "app/service.h"

namespace atrium::server {

class DayJobRunner {
 public:
  explicit DayJobRunner(Service& service, std::chrono::milliseconds every =
                                              std::chrono::minutes(1))
      : service_(service),
        periodic_(every, Periodic::First::kAtOnce, [this] { RunAndLog(); }) {}

  StatusOr<int> RunDue();
  void Start() { periodic_.Start(); }
  void Stop() { periodic_.Stop(); }

 private:
  void RunAndLog();

  Service& service_;
  Periodic periodic_;  // last: stops first
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_APP_DAY_JOB_RUNNER_H_
