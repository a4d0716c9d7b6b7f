// What a mall relies on after a sync simulation (simulation.h) has
// settled: every operation in the log exactly once with the answer its
// client was given, ledgers that audit clean, coupon stock and escrows
// never overdrawn, and every client's view equal to the server's.
#ifndef ATRIUM_TESTS_STORE_SIM_INVARIANTS_H_
#define ATRIUM_TESTS_STORE_SIM_INVARIANTS_H_

#include "store/sim/simulation.h"

namespace atrium::store::sim {

// Checks them with gtest assertions.
void CheckInvariants(Simulation& sim);

}  // namespace atrium::store::sim

#endif  // ATRIUM_TESTS_STORE_SIM_INVARIANTS_H_
