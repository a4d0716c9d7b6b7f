// day_job_bench: the day's jobs over many members, as atriumd runs them
// (through the operation log into SQLite). Seeds N members (default
// 1,000,000), each registered and with one purchase on 2026-04-08 (a lot
// that expires at the start of 2028 and silver-level spend), then times the
// jobs of 1 January 2028 (every lot expires) and of 1 February 2028 (every
// member's tier review, downgrades after the grace). Before them, the day
// audiences the campaign engine will ask for (sync/day_audiences.h) on
// 2 December 2027: birthdays (the seeded members give none: the figure is
// the scan), a 60-day lapse, points expiring within 30 days (every
// member's). Prints the figures.
//   build/release/tools/bench/day_job_bench [members]
// The data goes to $ATRIUM_BENCH_DIR (default /tmp) and is removed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "atrium/codec/mall_files.h"
#include "atrium/sync/day_audiences.h"
#include "atrium/sync/day_jobs.h"
#include "store_cases.h"

namespace {

using atrium::Date;
using atrium::Timestamp;
using Clock = std::chrono::steady_clock;

atrium::sync::Operation Op(std::string id, int64_t seq, std::string type,
                           atrium::codec::Json payload) {
  atrium::sync::Operation op;
  op.id = std::move(id);
  op.origin = *atrium::sync::Origin::Parse("device:desk");
  op.seq = seq;
  op.type = std::move(type);
  op.client_time = atrium::bench::kStoreNow;
  op.payload = std::move(payload);
  return op;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int members = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
  const std::string path = atrium::bench::StoreBenchFile();
  atrium::StatusOr<atrium::Program> program = atrium::codec::LoadProgramFile(
      ATRIUM_SHARED_DIR "/demo-mall/program.json");
  if (!program.ok()) return std::fprintf(stderr, "no programme\n"), 1;
  const atrium::LocalCalendar calendar = program->group.calendar;
  auto log = atrium::store::OpLog::Open(path, std::move(*program));
  if (!log.ok()) return std::fprintf(stderr, "no log\n"), 1;

  const Clock::time_point seeding = Clock::now();
  constexpr int kBatch = 20'000;
  int64_t seq = 0;
  for (int first = 0; first < members; first += kBatch) {
    std::vector<atrium::sync::Operation> ops;
    for (int i = first; i < std::min(members, first + kBatch); ++i) {
      char id[16], phone[16];
      std::snprintf(id, sizeof id, "M%07d", i);
      std::snprintf(phone, sizeof phone, "139%08d", i);
      ops.push_back(Op(std::string("r") + id, ++seq, "register",
                       {{"member_id", id}, {"phone", phone}}));
      ops.push_back(
          Op(std::string("e") + id, ++seq, "earn",
             {{"receipt",
               {{"id", std::string("R") + id},
                {"member_id", id},
                {"mall_id", "m-xinjie"},
                {"store_id", "s-101"},
                {"at", "2026-04-08T07:00:00Z"},
                {"lines",
                 {{{"category", "fashion"}, {"amount_fen", 600000}}}}}}}));
    }
    auto r = (*log)->ApplyBatch(ops, atrium::bench::kStoreNow);
    if (!r.ok()) return std::fprintf(stderr, "seeding failed\n"), 1;
  }
  std::printf("seeded %d members (a purchase each) in %.1f s\n", members,
              Seconds(seeding));

  const Date reminded{2027, 12, 2};
  const auto audience = [&](const char* name, auto&& find) {
    const Clock::time_point start = Clock::now();
    const size_t found = find((*log)->state()).size();
    std::printf("%-13s %s over %d members: %.2f s (%zu found)\n", name,
                reminded.ToString().c_str(), members, Seconds(start), found);
  };
  audience("birthdays", [&](const atrium::sync::GroupState& s) {
    return atrium::sync::BirthdaysOn(s, reminded);
  });
  audience("lapsed 60 d", [&](const atrium::sync::GroupState& s) {
    return atrium::sync::LapsedOn(s, reminded, 60);
  });
  audience("expiring 30 d", [&](const atrium::sync::GroupState& s) {
    return atrium::sync::ExpiringWithin(s, reminded, 30);
  });

  const auto run = [&](const char* job, Date day) {
    const Timestamp at = calendar.StartOfBusinessDay(day).PlusSeconds(60);
    atrium::sync::Operation op = atrium::sync::DayJobOperation(job, day, at);
    op.seq = (*log)->LastSeq(op.origin) + 1;
    const Clock::time_point start = Clock::now();
    auto r = (*log)->ApplyBatch({&op, 1}, at);
    const double took = Seconds(start);
    if (!r.ok() || !r->front().applied) {
      std::fprintf(stderr, "%s failed\n", job);
      std::exit(1);
    }
    std::printf("%-13s %s over %d members: %.2f s (%s)\n", job,
                day.ToString().c_str(), members, took,
                r->front().result.dump().c_str());
  };
  run("expire_points", Date{2028, 1, 1});
  run("review_tiers", Date{2028, 1, 1});
  run("review_tiers", Date{2028, 2, 1});
  log->reset();
  atrium::bench::RemoveDb(path);
  return 0;
}
