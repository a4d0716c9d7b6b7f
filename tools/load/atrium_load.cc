// atrium_load: drives a running atriumd (started with --device-rate high
// enough for the load) with one scenario and prints its figures.
//
//   atrium_load --data DIR --port P --scenario earn|scan|flash|pay
//               [--connections N] [--seconds S] [--members M]
//               [--paysim-port P] [--payments N]
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string_view>

#include "atrium/auth/crypto.h"
#include "load_scenarios.h"

namespace {

const char kUsage[] =
    "usage: atrium_load --data DIR [--port P] --scenario earn|scan|flash|pay\n"
    "                   [--connections N] [--seconds S] [--members M]\n"
    "                   [--paysim-port P] [--payments N]\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace atrium;
  load::LoadOptions o;
  std::string data;
  std::string scenario;
  uint16_t paysim_port = 8090;
  int payments = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const char* v = argv[i + 1];
    if (flag == "--data") {
      data = v;
    } else if (flag == "--scenario") {
      scenario = v;
    } else if (flag == "--port") {
      o.port = static_cast<uint16_t>(std::atoi(v));
    } else if (flag == "--connections") {
      o.connections = std::atoi(v);
    } else if (flag == "--seconds") {
      o.seconds = std::atoi(v);
    } else if (flag == "--members") {
      o.members = std::atoll(v);
    } else if (flag == "--paysim-port") {
      paysim_port = static_cast<uint16_t>(std::atoi(v));
    } else if (flag == "--payments") {
      payments = std::atoi(v);
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  std::ifstream key_file(data + "/server.key", std::ios::binary);
  o.server_key.assign(std::istreambuf_iterator<char>(key_file), {});
  if (o.server_key.size() != 32 || o.connections < 1 || o.seconds < 1 ||
      !auth::InitCrypto().ok()) {
    std::cerr << "atrium_load: needs the server's data folder (--data) and "
                 "positive counts\n"
              << kUsage;
    return 2;
  }
  StatusOr<load::LoadReport> r =
      scenario == "earn"    ? load::RunEarn(o)
      : scenario == "scan"  ? load::RunScan(o)
      : scenario == "flash" ? load::RunFlashSale(o, 1000, 20000, 5000)
      : scenario == "pay"
          ? load::RunParkingPayments(o, paysim_port, std::max(payments, 1))
          : StatusOr<load::LoadReport>(InvalidArgument("unknown scenario"));
  if (!r.ok()) {
    std::cerr << "atrium_load: " << r.status().ToString() << "\n";
    return 1;
  }
  std::cout << r->scenario << ": " << r->requests << " requests in "
            << r->seconds << " s = " << static_cast<int64_t>(r->per_second)
            << "/s, p50 " << r->p50_ms << " ms, p99 " << r->p99_ms
            << " ms, connections " << o.connections << "; statuses:";
  for (const auto& [status, n] : r->by_status) {
    std::cout << " " << status << "×" << n;
  }
  std::cout << "\n  check: " << r->check << (r->ok ? " (ok)" : " (FAILED)")
            << std::endl;
  return r->ok ? 0 : 1;
}
