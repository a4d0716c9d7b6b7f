// The load driver's scenarios against a running atriumd on 127.0.0.1.
// Each runs `connections` client threads on kept-alive connections and
// reports throughput and latency percentiles. The driver mints member
// codes and session tokens with the server's key (read from its data
// folder, as a phone holds its code secret), so that load needs no sign-in
// round trips.
#ifndef ATRIUM_TOOLS_LOAD_LOAD_SCENARIOS_H_
#define ATRIUM_TOOLS_LOAD_LOAD_SCENARIOS_H_

#include <cstdint>
#include <map>
#include <string>

#include "atrium/status.h"

namespace atrium::load {

struct LoadOptions {
  uint16_t port = 8080;
  std::string server_key;  // the 32 bytes of <data>/server.key
  int connections = 64;
  int seconds = 10;
  int64_t members = 1000;  // generated members G0000001.. on the server
};

struct LoadReport {
  std::string scenario;
  int64_t requests = 0;
  std::map<int, int64_t> by_status;
  double seconds = 0;
  double per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  std::string check;  // what the scenario verified, or why it failed
  bool ok = true;
};

// POST /pos/receipts: durable, idempotent earns, each with its own key.
StatusOr<LoadReport> RunEarn(const LoadOptions& o);
// POST /pos/scan: a fresh member code each time -> member summary.
StatusOr<LoadReport> RunScan(const LoadOptions& o);
// A coupon of stock `stock` claimed `claims` times by `claimers` members
// (each may hold one): exactly `stock` are issued, none twice to a member.
StatusOr<LoadReport> RunFlashSale(const LoadOptions& o, int64_t stock,
                                  int64_t claims, int64_t claimers);

// The parking payment round trip, `count` cars one after another: order,
// payment at the provider (paysim on `paysim_port`), its notification, the
// gate's exit. Figures per round trip.
StatusOr<LoadReport> RunParkingPayments(const LoadOptions& o,
                                        uint16_t paysim_port, int count);

}  // namespace atrium::load

#endif  // ATRIUM_TOOLS_LOAD_LOAD_SCENARIOS_H_
