// The day's jobs in the server: run at each business day, caught up after
// downtime one day at a time, once each across a restart, and seen in the
// points-liability report after a year of the demo.
#include "atrium/sync/day_jobs.h"

#include <gtest/gtest.h>

#include "app/day_job_runner.h"
#include "demo_seed.h"
#include "test_server.h"

namespace atrium::testing {
namespace {

int64_t Rows(TestServer& s, const std::string& sql) {
  return s.service().WithLog([&](store::OpLog& log) {
    StatusOr<int64_t> n = log.db().QueryInt(sql);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
    return n.ok() ? *n : -1;
  });
}

// How many jobs a run applied; -1 when it failed.
int Ran(server::DayJobRunner& runner) {
  StatusOr<int> n = runner.RunDue();
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : -1;
}

bool Done(TestServer& s, std::string_view job, Date day) {
  return s.service().Contains(sync::DayJobOperation(job, day, s.Now()).id);
}

Date Today(TestServer& s) {
  return s.service()
      .ReadState(
          [](const sync::GroupState& g) { return g.program.group.calendar; })
      .BusinessDateOf(s.Now());
}

TEST(DayJobsTest, ThreeMissedDaysAreCaughtUpOneByOne) {
  TestServer s;
  server::DayJobRunner runner(s.service());
  ASSERT_EQ(Ran(runner), 2);  // today's two jobs
  EXPECT_EQ(Ran(runner), 0);
  const Date first = Today(s);
  s.Advance(4 * kSecondsPerDay);  // down for three days, back on the fourth
  ASSERT_EQ(Ran(runner), 8);
  for (int i = 1; i <= 4; ++i) {
    for (const std::string_view job : sync::kDayJobs) {
      EXPECT_TRUE(Done(s, job, first.PlusDays(i))) << job << " +" << i;
    }
  }
  EXPECT_EQ(Rows(s, "SELECT count(*) FROM operations WHERE type = 'day_job'"),
            10);
}

TEST(DayJobsTest, ARestartInTheMiddleOfADayFinishesItOnce) {
  TestServer s;
  ASSERT_TRUE(s.service()
                  .WithLog([&](store::OpLog& log) {
                    return demo::SeedDemo(
                        log, std::string(ATRIUM_SHARED_DIR) + "/demo-mall",
                        {.count = 30, .max_visits = 6}, s.Now());
                  })
                  .ok());
  {
    server::DayJobRunner runner(s.service());
    ASSERT_EQ(Ran(runner), 2);
  }
  // New Year's Day 2027, when the lots of 2025 expire: the server stops
  // after the first job of the day, before the tier review.
  const Date new_year{2027, 1, 1};
  s.Advance(36 * kSecondsPerDay);
  ASSERT_EQ(Today(s), new_year);
  StatusOr<sync::OpResult> expired = s.service().SubmitAndWait(
      sync::DayJobOperation("expire_points", new_year, s.Now()),
      sync::SystemSender());
  ASSERT_TRUE(expired.ok() && expired->applied);
  const int64_t expiries =
      Rows(s, "SELECT count(*) FROM ledger_entries WHERE kind = 'expire'");
  ASSERT_GT(expiries, 0);
  s.Restart();

  server::DayJobRunner runner(s.service());
  // The days before New Year (at most kMaxCatchUpDays back), and its tier
  // review; its expiry was done.
  StatusOr<int> ran = runner.RunDue();
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  EXPECT_TRUE(Done(s, "review_tiers", new_year));
  EXPECT_EQ(
      Rows(s, "SELECT count(*) FROM ledger_entries WHERE kind = 'expire'"),
      expiries);
  EXPECT_EQ(Rows(s,
                 "SELECT count(*) FROM operations WHERE id = "
                 "'day:expire_points:2027-01-01'"),
            1);
}

TEST(DayJobsTest, AfterAYearOfTheDemoTheLiabilityReportShowsWhatExpired) {
  TestServer s;
  ASSERT_TRUE(s.service()
                  .WithLog([&](store::OpLog& log) {
                    return demo::SeedDemo(
                        log, std::string(ATRIUM_SHARED_DIR) + "/demo-mall",
                        {.count = 40, .max_visits = 6}, s.Now());
                  })
                  .ok());
  server::DayJobRunner runner(s.service());
  for (int week = 0; week <= 52; ++week) {
    StatusOr<int> ran = runner.RunDue();
    ASSERT_TRUE(ran.ok()) << ran.status().ToString();
    s.Advance(7 * kSecondsPerDay);
  }
  ASSERT_TRUE(runner.RunDue().ok());
  // Everything due by today's start is recorded, and the report says so.
  const Timestamp start = s.service().ReadState([&](const sync::GroupState& g) {
    return g.program.group.calendar.StartOfBusinessDay(Today(s));
  });
  int64_t recorded = 0;
  s.service().ReadState([&](const sync::GroupState& g) {
    for (const auto& [id, account] : g.accounts) {
      EXPECT_EQ(account.ledger().BalanceAt(start).expired_unrecorded, 0)
          << id.value();
      for (const LedgerEntry& e : account.ledger().entries()) {
        if (e.kind == EntryKind::kExpire) recorded -= e.points;
      }
    }
    return 0;
  });
  ASSERT_GT(recorded, 0);
  const std::string finance = s.OperatorToken("finance", "demo-finance-pass");
  HttpReply report =
      s.Get("/api/v1/operator/reports/points-liability", Bearer(finance));
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.Json()["expired"], recorded);
}

}  // namespace
}  // namespace atrium::testing
