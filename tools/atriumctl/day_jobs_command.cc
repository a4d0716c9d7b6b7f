// atriumctl day-jobs: what the day's jobs (points expiry, tier reviews)
// will do on a given business day, run against a snapshot of a server's
// data folder: the folder itself is only read.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "atrium/codec/mall_files.h"
#include "atrium/store/op_log.h"
#include "atrium/sync/day_jobs.h"
#include "cli.h"

#ifndef ATRIUM_SHARED_DIR
#define ATRIUM_SHARED_DIR "shared"
#endif

namespace atrium::cli {
namespace {

constexpr int kSampleMembers = 20;

// A consistent copy of the database at `from` (read-only: a server may be
// writing it) in a new file `to`.
Status Snapshot(const std::string& from, const std::string& to) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(from.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string error;
  if (rc == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    rc = sqlite3_prepare_v2(db, "VACUUM INTO ?", -1, &s, nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(s, 1, to.c_str(), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(s);
  }
  if (rc != SQLITE_OK) error = db != nullptr ? sqlite3_errmsg(db) : "no memory";
  sqlite3_close(db);
  if (rc != SQLITE_OK) {
    return NotFound("cannot read " + from + ": " + error +
                    " (is it an atriumd data folder?)");
  }
  return Status::Ok();
}

// Up to kSampleMembers rows of what `op_id` made, as JSON objects.
StatusOr<codec::Json> Sample(store::Db& db, const std::string& sql,
                             const std::string& op_id, bool tiers) {
  StatusOr<store::Statement*> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  (*s)->Bind(1, op_id).Bind(2, int64_t{kSampleMembers});
  codec::Json rows = codec::Json::array();
  Status read = (*s)->ForEach([&](store::Statement& row) {
    codec::Json j = {{"member_id", std::string(row.Text(0))}};
    if (tiers) {
      j["tier"] = std::string(row.Text(1));
      j["reason"] = std::string(row.Text(2));
    } else {
      j["points"] = row.Int(1);
    }
    rows.push_back(std::move(j));
  });
  if (!read.ok()) return read;
  return rows;
}

StatusOr<codec::Json> RunJobs(store::OpLog& log, Date day, Timestamp at) {
  codec::Json jobs = codec::Json::array();
  for (const std::string_view job : sync::kDayJobs) {
    sync::Operation op = sync::DayJobOperation(job, day, at);
    StatusOr<std::optional<store::OpLog::Stored>> stored = log.Find(op.id);
    if (!stored.ok()) return stored.status();
    sync::OpResult done;
    if (stored->has_value()) {
      done = std::move((*stored)->result);  // the server ran it already
    } else {
      op.seq = log.LastSeq(op.origin) + 1;
      StatusOr<std::vector<sync::OpResult>> r = log.ApplyBatch({&op, 1}, at);
      if (!r.ok()) return r.status();
      done = std::move(r->front());
    }
    if (!done.applied) return done.error;
    codec::Json j = done.result;
    j["already_done"] = stored->has_value();
    const bool tiers = job == "review_tiers";
    StatusOr<codec::Json> sample =
        Sample(log.db(),
               tiers ? "SELECT member_id, tier_id, reason FROM tier_history "
                       "WHERE op_id = ?1 ORDER BY member_id, at LIMIT ?2"
                     : "SELECT member_id, sum(points) FROM ledger_entries "
                       "WHERE op_id = ?1 GROUP BY member_id ORDER BY member_id "
                       "LIMIT ?2",
               op.id, tiers);
    if (!sample.ok()) return sample.status();
    j["sample"] = std::move(*sample);
    jobs.push_back(std::move(j));
  }
  return jobs;
}

}  // namespace

int DayJobsCommand(const Flags& flags) {
  const std::string& data = flags.data;
  const std::string& demo = flags.demo;
  StatusOr<Date> day = ParseDate(flags.date);
  if (!day.ok()) {
    return Fail(InvalidArgument("--date: the business day, YYYY-MM-DD"));
  }
  StatusOr<Program> program = codec::LoadProgramFile(demo + "/program.json");
  if (!program.ok()) return Fail(program.status());
  const Timestamp at = program->group.calendar.StartOfBusinessDay(*day);

  namespace fs = std::filesystem;
  const fs::path copy = fs::temp_directory_path() /
                        ("atriumctl-day-jobs-" + std::to_string(getpid()));
  fs::remove_all(copy);
  fs::create_directories(copy);
  const std::string db = (copy / "atrium.db").string();
  StatusOr<codec::Json> jobs = [&]() -> StatusOr<codec::Json> {
    ATRIUM_RETURN_IF_ERROR(Snapshot(data + "/atrium.db", db));
    StatusOr<std::unique_ptr<store::OpLog>> log =
        store::OpLog::Open(db, std::move(*program));
    if (!log.ok()) return log.status();
    return RunJobs(**log, *day, at);
  }();
  fs::remove_all(copy);
  if (!jobs.ok()) return Fail(jobs.status());
  return PrintJson({{"business_day", day->ToString()},
                    {"runs_at", FormatIso8601(at)},
                    {"written", false},
                    {"jobs", std::move(*jobs)}});
}

}  // namespace atrium::cli
