// A seeded, deterministic simulation of the sync protocol: tills, kiosks
// (members sign in there), a desk and members' phones submitting random
// operations through replicas, over a network that drops, duplicates and
// reorders messages, with clients going offline and restarting and the
// server restarting (the world: sim/simulation.h). After everything syncs,
// the invariants a mall relies on must hold (sim/invariants.h).
//
// ATRIUM_SIM_OPS (default 10000; the asan and wasm runs take 2000, the
// native run all 10000) sets the operations per seed and
// ATRIUM_SIM_SEEDS (default 1) the number of seeds, for longer runs:
//   ATRIUM_SIM_OPS=200000 ATRIUM_SIM_SEEDS=5 build/dev/tests/store_test
//       --gtest_filter='SyncSimulation*'
#include <gtest/gtest.h>

#include <cstdlib>

#include "store/sim/invariants.h"
#include "store/sim/simulation.h"
#include "temp_dir.h"

namespace atrium::store::sim {
namespace {

int64_t EnvInt(const char* name, int64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::atoll(v) : fallback;
}

TEST(SyncSimulationTest, EverythingSyncsExactlyOnceUnderFaults) {
  const int64_t ops = EnvInt("ATRIUM_SIM_OPS", 10'000);
  const int64_t seeds = EnvInt("ATRIUM_SIM_SEEDS", 1);
  for (int64_t seed = 1; seed <= seeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    testing::TempDir dir;
    Simulation sim(static_cast<uint64_t>(seed), dir.File("server.db"));
    sim.Run(ops);
    if (::testing::Test::HasFatalFailure()) return;
    const Stats& s = sim.stats();
    // The faults happened, or the test proves nothing.
    EXPECT_GE(s.submitted, ops);
    EXPECT_GT(s.dropped, 0);
    EXPECT_GT(s.duplicated, 0);
    EXPECT_GT(s.replayed, 0);
    EXPECT_GT(s.rejected, 0);
    EXPECT_GT(s.client_restarts, 0);
    EXPECT_GT(s.server_restarts, 0);
    EXPECT_GT(s.escrow_waits, 0);
    CheckInvariants(sim);
    // The log replays to the same state after a last restart.
    sim.RestartServer();
    CheckInvariants(sim);
  }
}

}  // namespace
}  // namespace atrium::store::sim
