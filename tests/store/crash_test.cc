// Kills the writing process with SIGKILL while it streams acknowledged
// operations, reopens the store, and checks that every acknowledged
// operation is there, the database is intact and the rebuilt state agrees
// with the tables. The child acknowledges an operation (through a pipe)
// only after ApplyBatch returned, i.e. after its commit.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <set>
#include <string>

#include "atrium/store/op_log.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::store {
namespace {

// 100 kills in all: 20 on each of 5 databases, so that reopening (which
// replays the log) stays quick. ATRIUM_CRASH_ROUNDS sets the kills per
// database (the sanitizer run, which the native run's 100 kills already
// cover for durability, takes fewer).
constexpr int kDatabases = 5;
int RoundsPerDatabase() {
  const char* v = std::getenv("ATRIUM_CRASH_ROUNDS");
  return v != nullptr && std::atoi(v) > 0 ? std::atoi(v) : 20;
}

// Read once: the writer, forked, inherits it.
const Program& DemoProgram() {
  static const Program* program = new Program(testing::DemoProgram());
  return *program;
}

constexpr int kMembers = 50;

std::string MemberName(int64_t i) {
  char id[8];
  std::snprintf(id, sizeof id, "M%04d", static_cast<int>(i));
  return id;
}

// The till's n-th operation: mostly earns, every fourth a one-point spend
// (which draws on lots, or is refused when the member has none usable).
sync::Operation TillOp(int64_t n) {
  const std::string id = "R" + std::to_string(n);
  sync::Operation op;
  op.origin = *sync::Origin::Parse("device:pos-01");
  op.seq = n;
  op.client_time = *ParseIso8601("2026-04-08T07:00:00Z");
  if (n % 4 == 0) {
    op.id = "spend-" + id;
    op.type = "spend_points";
    op.payload = {{"member_id", MemberName((n / 4) % kMembers)},
                  {"points", 1},
                  {"ref", id}};
    return op;
  }
  op.id = "earn-" + id;
  op.type = "earn";
  op.payload = {
      {"receipt",
       {{"id", id},
        {"mall_id", "m-xinjie"},
        {"store_id", "s-101"},
        {"member_id", MemberName(n % kMembers)},
        {"at", "2026-04-08T07:00:00Z"},
        {"lines", {{{"category", "fashion"}, {"amount_fen", 100 * n}}}}}}};
  return op;
}

// Two days after the receipts: their points are usable at once.
const Timestamp kNow = *ParseIso8601("2026-04-10T08:00:00Z");

// The child: applies batches forever from the next unused sequence number,
// writing each acknowledged sequence number to `ack` as 8 bytes.
[[noreturn]] void Writer(const std::string& path, int ack, uint32_t seed) {
  StatusOr<std::unique_ptr<OpLog>> log = OpLog::Open(path, DemoProgram());
  if (!log.ok()) _exit(3);
  int64_t next = *(*log)->db().QueryInt(
                     "SELECT coalesce(max(seq), 0) FROM operations "
                     "WHERE origin = 'device:pos-01'") +
                 1;
  std::mt19937 rng(seed);
  while (true) {
    std::vector<sync::Operation> batch;
    const int n = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) batch.push_back(TillOp(next + i));
    StatusOr<std::vector<OpResult>> r = (*log)->ApplyBatch(batch, kNow);
    if (!r.ok()) _exit(4);
    for (int i = 0; i < n; ++i) {
      const int64_t seq = next + i;
      if (write(ack, &seq, sizeof seq) != sizeof seq) _exit(5);
    }
    next += n;
  }
}

// Registers the members on a new database at `path`.
void Seed(const std::string& path) {
  auto log = OpLog::Open(path, DemoProgram());
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  std::vector<sync::Operation> members;
  for (int i = 0; i < kMembers; ++i) {
    sync::Operation op;
    op.id = "reg-" + MemberName(i);
    op.origin = *sync::Origin::Parse("device:desk");
    op.seq = i + 1;
    op.type = "register";
    op.client_time = kNow;
    char phone[16];
    std::snprintf(phone, sizeof phone, "138%08d", i);
    op.payload = {{"member_id", MemberName(i)}, {"phone", phone}};
    members.push_back(op);
  }
  ASSERT_TRUE((*log)->ApplyBatch(members, kNow).ok());
}

TEST(CrashTest, NothingAcknowledgedIsLostWhenTheWriterIsKilled) {
  testing::TempDir dir;
  std::mt19937 rng(20261126);
  std::set<int64_t> acked;  // this round's
  size_t total_acked = 0;
  int64_t draws = 0;  // spends that drew on lots, over all rounds
  std::string path;
  const int rounds_per_database = RoundsPerDatabase();
  for (int round = 0; round < kDatabases * rounds_per_database; ++round) {
    if (round % rounds_per_database == 0) {
      path = dir.File("crash-" + std::to_string(round) + ".db");
      ASSERT_NO_FATAL_FAILURE(Seed(path));
    }
    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(pipe_fds[0]);
      Writer(path, pipe_fds[1], static_cast<uint32_t>(round));
    }
    close(pipe_fds[1]);
    // Let it acknowledge a few, then kill it at a random moment.
    acked.clear();  // earlier rounds' were checked in their round
    const int wanted = static_cast<int>(rng() % 24);
    int64_t seq = 0;
    for (int i = 0; i < wanted; ++i) {
      if (read(pipe_fds[0], &seq, sizeof seq) != sizeof seq) break;
      acked.insert(seq);
    }
    usleep(static_cast<useconds_t>(rng() % 3000));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer failed on its own, round "
                                     << round << ", status " << status;
    while (read(pipe_fds[0], &seq, sizeof seq) == sizeof seq) acked.insert(seq);
    close(pipe_fds[0]);

    auto log = OpLog::Open(path, DemoProgram());
    ASSERT_TRUE(log.ok()) << "round " << round << ": "
                          << log.status().ToString();
    Db& db = (*log)->db();
    ASSERT_EQ(*db.QueryInt("SELECT count(*) FROM pragma_integrity_check "
                           "WHERE integrity_check = 'ok'"),
              1)
        << "round " << round;
    for (const int64_t s : acked) {
      StatusOr<Statement*> q = db.Prepare(
          "SELECT count(*) FROM operations WHERE origin = 'device:pos-01' "
          "AND seq = ?");
      ASSERT_TRUE(q.ok());
      (*q)->Bind(1, s);
      ASSERT_TRUE(*(*q)->Step());
      ASSERT_EQ((*q)->Int(0), 1)
          << "acknowledged seq " << s << " lost in round " << round;
      (*q)->Reset();
    }
    total_acked += acked.size();
    draws += *db.QueryInt("SELECT count(*) FROM ledger_draws");
    // The state rebuilt from the log agrees with the tables, spends and all.
    int64_t points = 0;
    for (const auto& [id, account] : (*log)->state().accounts) {
      points += account.ledger().BalanceAt(kNow).total();
    }
    ASSERT_EQ(*db.QueryInt("SELECT coalesce(sum(remaining), 0) FROM lots"),
              points)
        << "round " << round;
  }
  EXPECT_GT(total_acked, static_cast<size_t>(rounds_per_database));
  EXPECT_GT(draws, 0);
}

}  // namespace
}  // namespace atrium::store
